import CSCCore

/// A file that cannot be read at all: not there, empty, not well-formed, or
/// not the kind of file the pipeline said it was.
///
/// `issue` is the one `fatal` exception-report row naming the file and, where
/// there is one, the first bad line; the run must not publish.
public struct UnreadableInput: Error, Sendable, CustomStringConvertible {
    public let issue: Issue

    public init(issue: Issue) { self.issue = issue }

    public var description: String {
        let at = issue.line.map { ":\($0)" } ?? ""
        return "\(issue.file)\(at): \(issue.message)"
    }
}
