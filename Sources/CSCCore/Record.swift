/// Where a record came from, so a rule or a KPI cohort can point at it.
public struct SourceLocation: Sendable, Hashable {
    /// The input path as the pipeline gave it.
    public var file: String
    private var place: Place

    /// A line of a text file is kept as its number: readers make one
    /// location per record, and a number costs nothing to make where its
    /// text would be a String per record. Text is kept only for other places.
    private enum Place: Sendable, Hashable {
        case line(Int)
        case text(String)
    }

    public init(file: String, line: String) {
        self.file = file
        place = Self.place(line)
    }

    public init(file: String, line: Int) {
        self.file = file
        place = line > 0 ? .line(line) : .text(String(line))
    }

    /// 1-based line in a CSV or XML file, or `Sheet!A12` for a spreadsheet row.
    public var line: String {
        get {
            switch place {
            case .line(let n): String(n)
            case .text(let text): text
            }
        }
        set { place = Self.place(newValue) }
    }

    /// The line number, when the record came from a line of a text file;
    /// nil for a spreadsheet row.
    public var lineNumber: Int? {
        if case .line(let n) = place { return n }
        return nil
    }

    /// A line written as text is the same place as its number: `"12"` and
    /// `12` make equal locations.
    private static func place(_ text: String) -> Place {
        let digits = text.utf8
        guard let first = digits.first, first != 0x30, digits.count <= 18,
              digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(text) else { return .text(text) }
        return .line(n)
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
