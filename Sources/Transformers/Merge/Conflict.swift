import CSCCore

/// Two inputs that disagree on a filled value that should never change: a
/// child's birth date or sex (canonical-model.md). The later value is kept.
public struct Conflict: Sendable, Hashable {
    public let table: CanonicalTable
    /// The natural key of the record, as written (`child_id` for children).
    public let key: String
    public let column: String
    public let earlierValue: String
    public let earlierSource: SourceLocation
    public let laterValue: String
    public let laterSource: SourceLocation

    /// The warning the exception report carries for this conflict, placed at
    /// the later record (the one that changed the value).
    public var issue: Issue {
        Issue(.conflictingValues, dataset: table.name, file: laterSource.file, line: laterSource.lineNumber,
              column: column, childID: key, value: laterValue,
              message: "inputs disagree on \(column): \(earlierSource.file) line \(earlierSource.line) says "
                + "\(earlierValue), \(laterSource.file) line \(laterSource.line) says \(laterValue); the later value is kept")
    }
}
