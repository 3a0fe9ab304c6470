/// Where a reader sends what it extracts: records for the canonical tables
/// and issues for the exception report.
///
/// Readers run one file at a time on one thread; a sink is not shared across
/// threads, so it needs no locking.
public protocol RecordSink: AnyObject {
    func accept(_ record: Record)
    func report(_ issue: Issue)
}

/// A sink that keeps everything in memory, in arrival order (tests, small runs).
public final class CollectingSink: RecordSink {
    public private(set) var records: [Record] = []
    public private(set) var issues: [Issue] = []

    public init() {}

    public func accept(_ record: Record) { records.append(record) }
    public func report(_ issue: Issue) { issues.append(issue) }

    public func records(of table: CanonicalTable) -> [Record] { records.filter { $0.table == table } }
}
