/// A check the tool makes, with the words the exception report uses for it.
///
/// Every issue names a rule; `cscpipe rules` lists them all so the data team
/// can see what each id means before they meet it in a report.
public struct Rule: Sendable, Hashable {
    public let id: String
    public let severity: Severity
    public let message: String
    public let hint: String
    /// Canonical tables the rule reads or reports on.
    public let tables: [String]

    public init(id: String, severity: Severity, message: String, hint: String = "", tables: [String] = []) {
        self.id = id
        self.severity = severity
        self.message = message
        self.hint = hint
        self.tables = tables
    }
}
