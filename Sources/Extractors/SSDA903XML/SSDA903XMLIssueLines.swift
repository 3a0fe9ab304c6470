import CSCCore

/// Passes records and issues on, moving each issue from the record's line to
/// the line of the element it names: in XML a record spans many lines, and the
/// analyst fixing a bad DEC wants the DEC's line.
final class SSDA903XMLIssueLines: RecordSink {
    let sink: RecordSink
    /// The row being loaded.
    var row: SSDA903XMLRow?

    init(_ sink: RecordSink) { self.sink = sink }

    func accept(_ record: Record) { sink.accept(record) }

    func report(_ issue: Issue) {
        guard let row, !issue.column.isEmpty, let i = row.names.firstIndex(of: issue.column), row.lines[i] > 0 else {
            sink.report(issue)
            return
        }
        var moved = issue
        moved.line = row.lines[i]
        sink.report(moved)
    }
}
