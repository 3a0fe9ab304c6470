import CSCCore

/// One canonical table with records merged by natural key.
///
/// A nightly run reads overlapping inputs (last year's census, this year's,
/// a live extract); records with the same natural key are one record. The
/// later record wins every field it fills, an empty field never clears an
/// earlier value, and rows keep the order in which their key first appeared,
/// so the same inputs always give the same files.
public struct MergedTable: Sendable {
    public let table: CanonicalTable
    public private(set) var records: [Record] = []
    private var positionByKey: [String: Int] = [:]
    private let keyColumns: [Int]
    private let childIDColumn: Int?
    private let startDateColumn: Int?
    private let icpcDateColumn: Int?
    /// Columns whose change between inputs is suspicious rather than an update.
    private let identityColumns: [Int]
    private let sexColumn: Int?
    private var unkeyed = 0

    public init(table: CanonicalTable) {
        self.table = table
        let cols = table.columns
        keyColumns = table.naturalKey.isEmpty ? Array(cols.indices) : table.naturalKey.map(table.index(of:))
        childIDColumn = cols.firstIndex(of: "child_id")
        startDateColumn = table == .section47 ? cols.firstIndex(of: "start_date") : nil
        icpcDateColumn = table == .section47 ? cols.firstIndex(of: "icpc_date") : nil
        identityColumns = table == .children ? [table.index(of: "birth_date"), table.index(of: "sex")] : []
        sexColumn = table == .children ? table.index(of: "sex") : nil
    }

    public var count: Int { records.count }

    /// Adds `record`, merging it into an earlier record with the same natural
    /// key. Returns the identity conflicts the merge found (usually none).
    @discardableResult
    public mutating func add(_ record: Record) -> [Conflict] {
        precondition(record.table == table)
        guard let key = naturalKey(of: record) else {
            // A key with an empty part cannot safely match anything: two
            // referrals of one child with unreadable dates are not one referral.
            unkeyed += 1
            positionByKey["\u{0}unkeyed\u{0}\(unkeyed)"] = records.count
            records.append(record)
            return []
        }
        guard let at = positionByKey[key] else {
            positionByKey[key] = records.count
            records.append(record)
            return []
        }
        return merge(record, into: at, key: key)
    }

    private mutating func merge(_ later: Record, into at: Int, key: String) -> [Conflict] {
        var merged = records[at]
        var conflicts: [Conflict] = []
        for i in later.values.indices {
            let new = later.values[i]
            if new.isEmpty { continue }
            let old = merged.values[i]
            if i == sexColumn {
                // An unborn child's U gives way to M or F; a later U never hides a known sex.
                if new == "U" { if old.isEmpty { merged.values[i] = new }; continue }
                if old == "U" { merged.values[i] = new; continue }
            }
            if old != new, !old.isEmpty, identityColumns.contains(i) {
                conflicts.append(Conflict(table: table, key: merged.values[childIDColumn ?? 0], column: table.columns[i],
                                          earlierValue: old, earlierSource: merged.source,
                                          laterValue: new, laterSource: later.source))
            }
            merged.values[i] = new
        }
        merged.source = later.source
        records[at] = merged
        return conflicts
    }

    /// The natural key as one string, or nil when a part of it is empty.
    private func naturalKey(of r: Record) -> String? {
        if let s = startDateColumn, let icpc = icpcDateColumn, r.values[s].isEmpty {
            // A referral-level ICPC has no section 47 start: key it by its ICPC date.
            guard let c = childIDColumn, !r.values[c].isEmpty, !r.values[icpc].isEmpty else { return nil }
            return r.values[c] + "\u{1F}icpc\u{1F}" + r.values[icpc]
        }
        var key = ""
        for (n, i) in keyColumns.enumerated() {
            let v = r.values[i]
            if v.isEmpty, !table.naturalKey.isEmpty { return nil }
            if n > 0 { key.append("\u{1F}") }
            key.append(v)
        }
        return key
    }
}
