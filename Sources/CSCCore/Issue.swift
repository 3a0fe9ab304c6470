/// One line of the exception report: a record, a value or a file the data
/// team needs to look at, with where it is and what it said.
///
/// The column order and meaning are the contract of specs/exceptions.md.
public struct Issue: Sendable, Hashable {
    /// A DfE rule code (`8520`, `8670Q`) or our own kebab-case id (`bad-date`).
    public var rule: String
    public var severity: Severity
    /// Canonical table, or `file` for a file-level issue.
    public var dataset: String
    /// Input path as the pipeline or command line gave it.
    public var file: String
    /// 1-based line (text files) or row as Excel shows it; nil for the whole file.
    public var line: Int?
    /// Header name or XML element as written in the file.
    public var column: String
    public var childID: String
    /// The original value, untouched.
    public var value: String
    public var message: String
    public var hint: String

    public init(rule: String, severity: Severity, dataset: String, file: String, line: Int?,
                column: String = "", childID: String = "", value: String = "",
                message: String, hint: String = "") {
        self.rule = rule
        self.severity = severity
        self.dataset = dataset
        self.file = file
        self.line = line
        self.column = column
        self.childID = childID
        self.value = value
        self.message = message
        self.hint = hint
    }

    /// Builds an issue from a catalogued rule, taking its severity, message and hint.
    public init(_ rule: Rule, dataset: String, file: String, line: Int?, column: String = "",
                childID: String = "", value: String = "", message: String? = nil) {
        self.init(rule: rule.id, severity: rule.severity, dataset: dataset, file: file, line: line,
                  column: column, childID: childID, value: value,
                  message: message ?? rule.message, hint: rule.hint)
    }
}
