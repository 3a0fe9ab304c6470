/// What one case-audit export held, for the run log and the manifest.
public struct AuditsFileSummary: Sendable, Equatable {
    /// Data rows read (the header and blank rows not counted).
    public var rows: Int
    /// `audits` records sent on (rows without an audit id are not).
    public var audits: Int
    /// `audit_grades` records sent on.
    public var grades: Int
    /// Audits with no child id (thematic audits).
    public var withoutChild: Int
    /// The file's character encoding as found (`utf-8`, `utf-8-bom`, `windows-1252`, ...).
    public var encoding: String

    public init(rows: Int, audits: Int, grades: Int, withoutChild: Int, encoding: String) {
        self.rows = rows
        self.audits = audits
        self.grades = grades
        self.withoutChild = withoutChild
        self.encoding = encoding
    }
}
