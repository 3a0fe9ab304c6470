/// Reads an export's audit type cell into the canonical `audit_type`
/// (`case`, `thematic`, `moderation`).
enum AuditTypeCell {
    /// What the cell says.
    enum Reading: Equatable {
        case type(String)
        /// Blank: the type follows from whether the audit names a child.
        case blank
        case unrecognised
    }

    static func read(_ text: String) -> Reading {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" })
        guard let first = words.first else { return .blank }
        // "Case audit", "Thematic Audit": the tool's word for the audit kind, with or without "audit".
        guard words.count == 1 || (words.count == 2 && words[1] == "audit") else { return .unrecognised }
        switch first {
        case "case": return .type("case")
        case "thematic": return .type("thematic")
        case "moderation": return .type("moderation")
        default: return .unrecognised
        }
    }

    /// The type of an audit whose export says nothing: a case audit when it names a child, else thematic.
    static func inferred(childID: String) -> String { childID.isEmpty ? "thematic" : "case" }
}
