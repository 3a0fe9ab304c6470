import Foundation

/// Text clean-up shared by heading, sheet-name and label matching.
enum AnnexAText {
    /// Lower-case letters and digits only: case, spaces, punctuation and
    /// non-breaking spaces do not matter ("Date of Birth" = "date_of_birth" = "DATE OF BIRTH ").
    static func normalised(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s.properties.isAlphabetic || ("0"..."9").contains(s) {
                out.append(contentsOf: String(s).lowercased().unicodeScalars)
            }
        }
        return String(out)
    }

    /// Surrounding whitespace (non-breaking spaces too) trimmed, and inner
    /// non-breaking spaces made plain: spreadsheets copied from web pages carry them.
    static func cleaned(_ text: String) -> String {
        // Most cells need nothing done: no edge whitespace and no non-breaking space (C2 A0 in UTF-8).
        let u = text.utf8
        if let first = u.first, let last = u.last, first > 0x20, last > 0x20, !u.contains(0xC2) { return text }
        var s = text
        if s.unicodeScalars.contains("\u{a0}") { s = String(s.map { $0 == "\u{a0}" ? " " : $0 }) }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The value without the template's ordering prefix: "a) Male" → "Male", "zz) T4: …" → "T4: …".
    static func withoutLetterPrefix(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count, i < 2, ("a"..."z").contains(scalars[i]) || ("A"..."Z").contains(scalars[i]) { i += 1 }
        guard i > 0, i < scalars.count, scalars[i] == ")" else { return text }
        return String(String.UnicodeScalarView(scalars[(i + 1)...])).trimmingCharacters(in: .whitespaces)
    }
}
