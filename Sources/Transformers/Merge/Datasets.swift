import CSCCore

/// Every canonical table of a run, merged across inputs, plus the identity
/// conflicts the merge found. This is what the loaders write.
public final class Datasets: RecordSink {
    public private(set) var tables: [CanonicalTable: MergedTable]
    public private(set) var conflicts: [Conflict] = []
    /// Issues reported while records were added, in arrival order.
    public private(set) var issues: [Issue] = []

    public init() {
        tables = Dictionary(uniqueKeysWithValues: CanonicalTable.allCases.map { ($0, MergedTable(table: $0)) })
    }

    public func accept(_ record: Record) {
        let found = tables[record.table]!.add(record)
        if !found.isEmpty {
            conflicts.append(contentsOf: found)
            issues.append(contentsOf: found.map(\.issue))
        }
    }

    public func report(_ issue: Issue) { issues.append(issue) }

    public func records(of table: CanonicalTable) -> [Record] { tables[table]?.records ?? [] }

    /// Record counts per table, in canonical order.
    public var counts: [(CanonicalTable, Int)] { CanonicalTable.allCases.map { ($0, tables[$0]?.count ?? 0) } }
}
