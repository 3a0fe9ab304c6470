import CSCCore

/// Something wrong in a record that the reader worked around: the record is
/// still delivered, and the caller reports the problem with the cell's value.
public struct CSVProblem: Sendable, Hashable {
    /// What was wrong.
    public enum Kind: Sendable, Hashable {
        /// `ab"c` — a quote inside an unquoted cell, kept as a literal character.
        case strayQuote
        /// `"ab"c` — text after a quoted cell's closing quote, joined to the value (`abc`).
        case textAfterClosingQuote
        /// Bytes that are not UTF-8 in a file that otherwise is; read as Windows-1252.
        /// Reported once per file, at the first such byte.
        case invalidUTF8
    }

    public let kind: Kind
    /// 1-based physical line of the offending character.
    public let line: Int
    /// 1-based character position in that line.
    public let column: Int
    /// 0-based index of the cell in its record.
    public let field: Int

    /// A problem at `line`, character `column`, in cell `field`.
    public init(kind: Kind, line: Int, column: Int, field: Int) {
        self.kind = kind
        self.line = line
        self.column = column
        self.field = field
    }

    /// The exception-report rule (a warning: the value was still read).
    public var rule: Rule {
        switch kind {
        case .strayQuote: .csvStrayQuote
        case .textAfterClosingQuote: .csvTextAfterQuote
        case .invalidUTF8: .csvInvalidUTF8
        }
    }

    /// The rule's message with the character position, which the report has no column for.
    public var message: String { "\(rule.message) (character \(column))" }

    /// The issue for the exception report; `column` is the header name of cell `field`.
    public func issue(file: String, dataset: String, column: String = "", childID: String = "",
                      value: String = "") -> Issue {
        Issue(rule, dataset: dataset, file: file, line: line, column: column, childID: childID, value: value,
              message: message)
    }
}
