import CSCCore

extension XMLReadError {
    /// The fatal issue for a file libxml2 could not read. A file that does not
    /// even start like XML is most likely the wrong file or the wrong `kind`
    /// in the pipeline, so it gets `wrongKind` (e.g. `not-cin-census`), which
    /// says so, rather than `malformed-xml`.
    func unreadableInput(file: String, path: String, wrongKind: Rule, expected: String) -> UnreadableInput {
        let issue: Issue
        switch kind {
        case .cannotOpen:
            issue = Issue(.unreadableFile, dataset: "file", file: file, line: nil,
                          message: "\(Rule.unreadableFile.message): \(message)")
        case .empty:
            issue = Issue(.emptyFile, dataset: "file", file: file, line: nil)
        case .malformed:
            if let what = FileSniff.look(at: path).notXMLReason {
                issue = Issue(wrongKind, dataset: "file", file: file, line: line,
                              message: "the file is \(what), so not \(expected): \(self)")
            } else {
                issue = Issue(.malformedXML, dataset: "file", file: file, line: line,
                              message: "the file is not well-formed XML and cannot be read: \(self)")
            }
        }
        return UnreadableInput(issue: issue)
    }
}
