/// Rows being inserted into a warehouse table by `SQLiteWarehouse.writeTable(name:columns:fill:)`:
/// set each column of a row (1-based, in the table's column order), then `insert()`.
/// An empty string is stored as NULL, like everywhere in the warehouse.
public struct WarehouseRows {
    var inserter: RowInserter

    public mutating func set(_ column: Int, _ value: String) { inserter.bind(Int32(column), value) }

    public mutating func set(_ column: Int, _ value: Int) { inserter.bind(Int32(column), value) }

    /// Inserts the row set so far.
    public mutating func insert() throws { try inserter.insert() }
}
