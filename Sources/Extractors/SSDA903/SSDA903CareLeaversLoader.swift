import CSCCore

/// OC3 → `care_leavers`, one row per care leaver for the file's collection year.
///
/// ACCOM packs two answers into one code: the accommodation letter and a
/// suitability digit (`U1`: independent living, suitable). The letter goes to
/// `accommodation` and the digit to `accommodation_suitable` (1 suitable → 1,
/// 2 unsuitable → 0). `0` means the accommodation is not known: `accommodation`
/// is `0` and suitability empty. Eligibility, personal adviser and the
/// pathway-plan and contact dates are not in the 903 and stay empty.
struct SSDA903CareLeaversLoader: SSDA903TableLoader {
    let dob, inTouch, activity, accom: Int

    init(_ c: SSDA903Columns) {
        dob = c["DOB"]
        inTouch = c["IN_TOUCH"]
        activity = c["ACTIV"]
        accom = c["ACCOM"]
    }

    func values(_ r: some SSDA903Row, _ f: SSDA903Fields) -> [String] {
        let birth = f.date(r, dob)
        let touch = f.code(r, inTouch, .inTouch)
        let activ = f.code(r, activity, .careLeaverActivity)
        let (accommodation, suitable) = self.accommodation(r, f)
        // child_id, year, birth_date, in_touch, activity, accommodation, accommodation_suitable,
        // eligibility, personal_adviser, pathway_plan_review_date, latest_contact_date
        return [f.childID, f.year.description, birth, touch, activ, accommodation, suitable, "", "", "", ""]
    }

    /// A letter-and-digit ACCOM split in two, or a code that stands alone (`0`).
    private func accommodation(_ r: some SSDA903Row, _ f: SSDA903Fields) -> (String, String) {
        let codes = f.codes
        let split: (String, String)? = r.withCell(accom) { raw in
            let b = CellBytes.trimmed(raw)
            switch b.count {
            case 0:
                return ("", "")
            case 1 where !SSDA903Bytes.isLetter(b[0]):
                return codes.canonical(.accommodation, b).map { ($0, "") }
            case 2 where SSDA903Bytes.isLetter(b[0]):
                guard let letter = codes.canonical(.accommodation, UnsafeRawBufferPointer(rebasing: b[0..<1])),
                      let suitable = codes.canonical(.accommodationSuitable, UnsafeRawBufferPointer(rebasing: b[1..<2]))
                else { return nil }
                return (letter, suitable)
            default:
                return nil
            }
        }
        if let split { return split }
        f.reportUnknownCode(r, accom, .accommodation,
                            detail: ": ACCOM is an accommodation letter and 1 (suitable) or 2 (unsuitable), e.g. U1, or 0")
        return ("", "")
    }
}
