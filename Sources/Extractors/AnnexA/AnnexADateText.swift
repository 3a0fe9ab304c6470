import CSCCore

/// Dates typed as text in an Annex A cell: `DD/MM/YYYY` (the template's
/// format, also with `-` or `.` and one-digit days or months) or ISO
/// `YYYY-MM-DD`, either followed by a time (`2010-01-01 00:00:00`).
enum AnnexADateText {
    static func day(_ text: String) -> Day? {
        var s = Substring(text)
        if let cut = s.firstIndex(where: { $0 == " " || $0 == "T" }) { s = s[..<cut] }
        let parts = s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { (c: Character) in c.isASCII } }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        if parts[0].count == 4 { return Day(year: a, month: b, day: c) }
        // A two-digit year is ambiguous (1915 or 2015?): not guessed.
        guard parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else { return nil }
        return Day(year: c, month: b, day: a)
    }
}
