import CSCCore

/// Writes the exception report (specs/exceptions.md) into a run folder:
/// `exceptions.csv`, one row per issue in the order given (the pipeline's
/// order is deterministic, so the file is not re-sorted), and the two
/// summaries `exceptions_by_rule.csv` and `exceptions_by_child.csv`
/// (see `ExceptionSummary` for their grouping and order, including the
/// per-value rows of `unknown-code`).
///
/// The same issues in the same order give the same bytes.
public struct ExceptionReportWriter: Sendable {
    /// The folder the three files go into (created when missing).
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    public static let issuesHeader = [
        "rule", "severity", "dataset", "file", "line", "column", "child_id", "value", "message", "hint",
    ]
    public static let byRuleHeader = ["rule", "severity", "count", "children", "message"]
    public static let byChildHeader = ["child_id", "errors", "queries", "warnings", "rules"]

    public var issuesPath: String { OutputFolder.join(folder, "exceptions.csv") }
    public var byRulePath: String { OutputFolder.join(folder, "exceptions_by_rule.csv") }
    public var byChildPath: String { OutputFolder.join(folder, "exceptions_by_child.csv") }

    /// Writes the three files; returns their paths.
    @discardableResult
    public func write(_ issues: [Issue]) throws -> [String] {
        try OutputFolder.ensure(folder)
        try writeIssues(issues)
        let summary = ExceptionSummary(issues)
        try writeByRule(summary.byRule)
        try writeByChild(summary.byChild)
        return [issuesPath, byRulePath, byChildPath]
    }

    private func writeIssues(_ issues: [Issue]) throws {
        let out = try CSVFileWriter(path: issuesPath)
        try out.writeRow(Self.issuesHeader)
        for issue in issues {
            out.writeField(issue.rule, first: true)
            out.writeField(issue.severity.rawValue)
            out.writeField(issue.dataset)
            out.writeField(issue.file)
            out.writeField(issue.line.map { String($0) } ?? "")
            out.writeField(issue.column)
            out.writeField(issue.childID)
            out.writeField(issue.value)
            out.writeField(issue.message)
            out.writeField(issue.hint)
            try out.endRow()
        }
        try out.finish()
    }

    private func writeByRule(_ rows: [ExceptionSummary.RuleRow]) throws {
        let out = try CSVFileWriter(path: byRulePath)
        try out.writeRow(Self.byRuleHeader)
        for row in rows {
            try out.writeRow([row.rule, row.severity.rawValue, String(row.count), String(row.children), row.message])
        }
        try out.finish()
    }

    private func writeByChild(_ rows: [ExceptionSummary.ChildRow]) throws {
        let out = try CSVFileWriter(path: byChildPath)
        try out.writeRow(Self.byChildHeader)
        for row in rows {
            try out.writeRow([row.childID, String(row.errors), String(row.queries), String(row.warnings),
                              row.rules.joined(separator: ";")])
        }
        try out.finish()
    }
}
