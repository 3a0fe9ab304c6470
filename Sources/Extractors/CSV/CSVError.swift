import CSCCore

/// Why a CSV file could not be read to the end. Thrown by `CSVReader`; turn it
/// into the file's one `fatal` issue with `issue(dataset:)`.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What stopped the read.
    public enum Reason: Sendable, Hashable {
        /// The file could not be opened; the system's explanation.
        case cannotOpen(String)
        /// Reading failed part-way; the system's explanation.
        case cannotRead(String)
        /// A quoted cell opened at `line`, `column` is never closed before the end of the file.
        case unterminatedQuote
        /// A single record grew past `limit` bytes (almost always an unclosed quote).
        case recordTooLong(limit: Int)
    }

    public let reason: Reason
    /// The path as the caller gave it.
    public let path: String
    /// 1-based physical line where the trouble starts, when there is one.
    public let line: Int?
    /// 1-based character position in that line, when known.
    public let column: Int?

    /// An error at `line`, character `column`, when known.
    public init(_ reason: Reason, path: String, line: Int? = nil, column: Int? = nil) {
        self.reason = reason
        self.path = path
        self.line = line
        self.column = column
    }

    /// The exception-report rule: `unreadable-file`, `unterminated-quote` or `record-too-long`, all fatal.
    public var rule: Rule {
        switch reason {
        case .cannotOpen, .cannotRead: .unreadableFile
        case .unterminatedQuote: .csvUnterminatedQuote
        case .recordTooLong: .csvRecordTooLong
        }
    }

    /// What went wrong, in the analyst's words, with the character position when known.
    public var message: String {
        var text: String
        switch reason {
        case .cannotOpen(let why): text = "the file cannot be opened: \(why)"
        case .cannotRead(let why): text = "the file cannot be read: \(why)"
        case .unterminatedQuote: text = "a quoted cell starting here is never closed, so the rest of the file cannot be read"
        case .recordTooLong(let limit):
            let size = limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit) bytes"
            text = "a row starting here runs on for more than \(size), so the file cannot be read"
        }
        if let column { text += " (character \(column))" }
        return text
    }

    public var description: String {
        "\(path)" + (line.map { ":\($0)" } ?? "") + ": " + message
    }

    /// The file-level issue for the exception report.
    public func issue(dataset: String = "file") -> Issue {
        Issue(rule, dataset: dataset, file: path, line: line, message: message)
    }
}
