/// Passes records and issues on to `target`, counting them: what one file
/// gave, for its summary line and the manifest.
public final class CountingSink: RecordSink {
    public let target: RecordSink
    public private(set) var records = 0
    public private(set) var issues = 0

    public init(_ target: RecordSink) { self.target = target }

    public func accept(_ record: Record) {
        records += 1
        target.accept(record)
    }

    public func report(_ issue: Issue) {
        issues += 1
        target.report(issue)
    }
}
