import CSCCore

/// Header → `children`: one row per child.
///
/// UPN holds either the pupil number or, when it is not known, a UN1–UN5
/// reason, which goes to `upn_unknown`. MOTHER and MC_DOB have no canonical
/// column and are not read.
struct SSDA903HeaderLoader: SSDA903TableLoader {
    let sex, dob, ethnic, upn: Int

    init(_ c: SSDA903Columns) {
        sex = c["SEX"]
        dob = c["DOB"]
        ethnic = c["ETHNIC"]
        upn = c["UPN"]
    }

    func values(_ r: some SSDA903Row, _ f: SSDA903Fields) -> [String] {
        let (upnValue, upnUnknown) = upnOrReason(r, f)
        // child_id, upn, former_upn, upn_unknown, birth_date, expected_birth_date, sex, ethnicity,
        // death_date, disabilities, uasc, la_code
        return [f.childID, upnValue, "", upnUnknown, f.date(r, dob), "", f.code(r, sex, .sex),
                f.code(r, ethnic, .ethnicity), "", "", "", ""]
    }

    /// `UN` followed by digits is a reason the UPN is unknown, checked against
    /// the 903's UN1–UN5; anything else is the UPN itself, kept as written.
    private func upnOrReason(_ r: some SSDA903Row, _ f: SSDA903Fields) -> (upn: String, reason: String) {
        let isReason = r.withCell(upn) { raw in
            let b = CellBytes.trimmed(raw)
            return b.count >= 3 && b.count <= 4 && b[0] == 0x55 && b[1] == 0x4E
                && SSDA903Bytes.number(b, 2, b.count) != nil
        }
        if !isReason { return (f.text(r, upn), "") }
        return ("", f.code(r, upn, .upnUnknown))
    }
}

/// UASC → `children`: the child's sex and birth date, and `uasc` = 1. DUC (the
/// date the child ceases to be UASC) has no canonical column; it is checked.
struct SSDA903UASCLoader: SSDA903TableLoader {
    let sex, dob, duc: Int

    init(_ c: SSDA903Columns) {
        sex = c["SEX"]
        dob = c["DOB"]
        duc = c["DUC"]
    }

    func values(_ r: some SSDA903Row, _ f: SSDA903Fields) -> [String] {
        let sexValue = f.code(r, sex, .sex)
        let birth = f.date(r, dob)
        f.checkDate(r, duc)
        return [f.childID, "", "", "", birth, "", sexValue, "", "", "", "1", ""]
    }
}
