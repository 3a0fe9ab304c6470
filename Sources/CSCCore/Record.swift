/// Where a record came from, so a rule or a KPI cohort can point at it.
public struct SourceLocation: Sendable, Hashable {
    /// The input path as the pipeline gave it.
    public var file: String
    /// 1-based line in a CSV or XML file, or `Sheet!A12` for a spreadsheet row.
    public var line: String

    public init(file: String, line: String) {
        self.file = file
        self.line = line
    }

    public init(file: String, line: Int) {
        self.init(file: file, line: String(line))
    }
}

/// One row of a canonical table: values in `table.columns` order, empty
/// meaning unknown, plus where the row came from.
public struct Record: Sendable, Hashable {
    public let table: CanonicalTable
    public var values: [String]
    public var source: SourceLocation

    public init(table: CanonicalTable, values: [String], source: SourceLocation) {
        precondition(values.count == table.columnCount, "\(table) takes \(table.columnCount) values")
        self.table = table
        self.values = values
        self.source = source
    }

    public init(_ table: CanonicalTable, source: SourceLocation) {
        self.init(table: table, values: table.emptyValues(), source: source)
    }

    /// The value of a named column; traps on a column the table does not have.
    public subscript(column: String) -> String {
        get { values[table.index(of: column)] }
        set { values[table.index(of: column)] = newValue }
    }
}
