import CSCCore

// PrevPerm and DoLo have no canonical table yet: their rows are read and
// their values checked, so the exception report covers them, but no record is
// made. DOB repeats the Header's and is not read.

/// OC2 (children looked after for 12 months) → `health_outcomes`: SDQ score
/// and reason, offending, and the health checks, one row per child and year.
struct SSDA903OC2Loader: SSDA903TableLoader {
    let score, reason: Int
    let flags: [Int]

    init(_ c: SSDA903Columns) {
        score = c["SDQ_SCORE"]
        reason = c["SDQ_REASON"]
        flags = ["CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
                 "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"].map { c[$0] }
    }

    func values(_ r: some SSDA903Row, _ f: SSDA903Fields) -> [String]? {
        // child_id, year, sdq_score, sdq_reason, then the eight 0/1 outcomes in OC2's column order
        [f.childID, f.year.description, f.wholeNumber(r, score, in: 0...40), f.code(r, reason, .sdqReason)]
            + flags.map { f.flag(r, $0) }
    }
}

/// PrevPerm: the permanence arrangement a child had before this period of care.
///
/// DATE_PERM may hide the parts nobody knows behind Z: `ZZ/MM/YYYY`,
/// `ZZ/ZZ/YYYY`, or `ZZ/ZZ/ZZZZ` for no date at all (as the 903 validator
/// accepts, rule 632).
struct SSDA903PrevPermLoader: SSDA903TableLoader {
    let option, date: Int

    init(_ c: SSDA903Columns) {
        option = c["PREV_PERM"]
        date = c["DATE_PERM"]
    }

    func values(_ r: some SSDA903Row, _ f: SSDA903Fields) -> [String]? {
        _ = f.code(r, option, .previousPermanence)
        let ok = r.withCell(date) { raw in Self.isPermanenceDate(CellBytes.trimmed(raw)) }
        if !ok {
            f.report(.badDate, r, date, message: "not a valid date: DATE_PERM is DD/MM/YYYY, with ZZ for a day or "
                + "month not known (ZZ/MM/YYYY, ZZ/ZZ/YYYY), or ZZ/ZZ/ZZZZ")
        }
        return nil
    }

    static func isPermanenceDate(_ b: UnsafeRawBufferPointer) -> Bool {
        if b.isEmpty || SSDA903Bytes.ukDate(b) != nil { return true }
        guard b.count == 10, b[2] == 0x2F, b[5] == 0x2F, b[0] == 0x5A, b[1] == 0x5A else { return false }
        let dayUnknownOnly = SSDA903Bytes.number(b, 3, 5).map { (1...12).contains($0) } ?? false
        let monthUnknown = b[3] == 0x5A && b[4] == 0x5A
        let year = SSDA903Bytes.number(b, 6, 10).map { $0 >= 1 } ?? false
        let yearUnknown = b[6] == 0x5A && b[7] == 0x5A && b[8] == 0x5A && b[9] == 0x5A
        return (dayUnknownOnly && year) || (monthUnknown && (year || yearUnknown))
    }
}

/// DoLo (deprivation of liberty orders, 2026-27 rules 700–710): start and end dates.
struct SSDA903DoLoLoader: SSDA903TableLoader {
    let start, end: Int

    init(_ c: SSDA903Columns) {
        start = c["DOLO_START"]
        end = c["DOLO_END"]
    }

    func values(_ r: some SSDA903Row, _ f: SSDA903Fields) -> [String]? {
        f.checkDate(r, start)
        f.checkDate(r, end)
        return nil
    }
}
