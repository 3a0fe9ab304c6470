import CSCCore

/// PrevPerm → `previous_permanence`: the permanence arrangement a child left
/// before this period of care (adoption, special guardianship, a residence or
/// child arrangements order), the LA that arranged it and the date of the
/// order. DOB repeats the Header's and is not read.
///
/// DATE_PERM may hide the parts nobody knows behind Z: `ZZ/MM/YYYY`,
/// `ZZ/ZZ/YYYY`, or `ZZ/ZZ/ZZZZ` for no date at all (as the 903 validator
/// accepts, rule 632). `order_date` keeps what is known as an ISO date of
/// reduced precision (`2019-05`, `2019`), so nothing known is lost and
/// nothing unknown is made up.
struct SSDA903PrevPermLoader: SSDA903TableLoader {
    let option, authority, date: Int

    init(_ c: SSDA903Columns) {
        option = c["PREV_PERM"]
        authority = c["LA_PERM"]
        date = c["DATE_PERM"]
    }

    func values(_ r: some SSDA903Row, _ f: SSDA903Fields) -> [String] {
        let order = r.withCell(date) { raw in Self.orderDate(CellBytes.trimmed(raw)) }
        if order == nil {
            f.report(.badDate, r, date, message: "not a valid date: DATE_PERM is DD/MM/YYYY, with ZZ for a day or "
                + "month not known (ZZ/MM/YYYY, ZZ/ZZ/YYYY), or ZZ/ZZ/ZZZZ")
        }
        return [f.childID, f.code(r, option, .previousPermanence), f.text(r, authority), order ?? ""]
    }

    /// DATE_PERM as ISO, as precise as the return says: `2019-05-12`,
    /// `2019-05` for `ZZ/05/2019`, `2019` for `ZZ/ZZ/2019`, empty for
    /// `ZZ/ZZ/ZZZZ` or a blank cell; nil for anything else.
    static func orderDate(_ b: UnsafeRawBufferPointer) -> String? {
        if b.isEmpty { return "" }
        if let d = SSDA903Bytes.ukDate(b) { return "\(fourDigits(d.year))-\(twoDigits(d.month))-\(twoDigits(d.day))" }
        guard b.count == 10, b[2] == 0x2F, b[5] == 0x2F, b[0] == 0x5A, b[1] == 0x5A else { return nil }
        let monthUnknown = b[3] == 0x5A && b[4] == 0x5A
        let yearUnknown = b[6] == 0x5A && b[7] == 0x5A && b[8] == 0x5A && b[9] == 0x5A
        if monthUnknown && yearUnknown { return "" }
        guard let year = SSDA903Bytes.number(b, 6, 10), year >= 1 else { return nil }
        if monthUnknown { return fourDigits(year) }
        guard let month = SSDA903Bytes.number(b, 3, 5), (1...12).contains(month) else { return nil }
        return "\(fourDigits(year))-\(twoDigits(month))"
    }

    private static func fourDigits(_ n: Int) -> String { String(String(n + 10_000).dropFirst()) }
    private static func twoDigits(_ n: Int) -> String { String(String(n + 100).dropFirst()) }
}
