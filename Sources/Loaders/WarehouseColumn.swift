import CSCCore

/// A column of a warehouse table: its name and SQLite type.
///
/// Values are always bound as text; the column's type (SQLite "affinity")
/// makes SQLite store `"3"` as the integer 3 in an INTEGER column, so
/// `previous_plans > 0` compares numbers. A value that is not a number stays
/// text rather than being lost.
public struct WarehouseColumn: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case text = "TEXT"
        case integer = "INTEGER"
        case real = "REAL"
    }

    public var name: String
    public var kind: Kind

    public init(_ name: String, _ kind: Kind = .text) {
        self.name = name
        self.kind = kind
    }

    /// The canonical columns that hold numbers: 0/1 flags and counts. Every
    /// other column, dates included (ISO text), is TEXT.
    public static let integerCanonicalColumns: Set<String> = [
        "uasc", "nfa", "icpc_not_required", "cp_plan_started", "previous_plans", "seen_alone",
        "accommodation_suitable",
    ]

    /// The warehouse columns of a canonical table: its own columns, then
    /// `source_file` and `source_line` (TEXT, as it can be `Sheet!A12`).
    public static func columns(of table: CanonicalTable) -> [WarehouseColumn] {
        table.columns.map { WarehouseColumn($0, integerCanonicalColumns.contains($0) ? .integer : .text) }
            + [WarehouseColumn("source_file"), WarehouseColumn("source_line")]
    }

    /// The columns of the `issues` table, in exception-report order.
    public static let issueColumns: [WarehouseColumn] = [
        WarehouseColumn("rule"), WarehouseColumn("severity"), WarehouseColumn("dataset"),
        WarehouseColumn("file"), WarehouseColumn("line", .integer), WarehouseColumn("column"),
        WarehouseColumn("child_id"), WarehouseColumn("value"), WarehouseColumn("message"),
        WarehouseColumn("hint"),
    ]
}
