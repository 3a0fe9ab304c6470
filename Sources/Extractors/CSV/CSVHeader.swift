import CSCCore

/// The row of a CSV file that names its columns, found among the first few
/// rows so that title rows above it ("Children in need, 2024-25") are skipped.
public struct CSVHeader: Sendable, Hashable {
    /// A fault in the header row that does not stop the file being read.
    public enum Problem: Sendable, Hashable {
        /// `name` (as first written) appears at every 0-based column in `columns`.
        case duplicateName(String, columns: [Int])
        /// The column at this 0-based index has no name.
        case emptyName(column: Int)
    }

    /// Column names exactly as written in the file.
    public let names: [String]
    /// 1-based line of the header row.
    public let line: Int
    /// Rows above the header that were skipped.
    public let skippedRows: Int
    /// Expected names, as the caller gave them, that no column has.
    public let missing: [String]
    /// Duplicate and empty names, in column order.
    public let problems: [Problem]
    private let index: [String: Int]

    /// Builds the header from the names in a row read from `line`.
    public init(names: [String], line: Int, skippedRows: Int = 0, expected: [String] = []) {
        self.names = names
        self.line = line
        self.skippedRows = skippedRows
        var index: [String: Int] = [:]
        var columnsByName: [String: [Int]] = [:]
        var problems: [Problem] = []
        for (column, name) in names.enumerated() {
            let key = Self.key(name)
            if key.isEmpty {
                problems.append(.emptyName(column: column))
                continue
            }
            columnsByName[key, default: []].append(column)
            if index[key] == nil { index[key] = column }
        }
        for (key, first) in index.sorted(by: { $0.value < $1.value }) {
            let columns = columnsByName[key] ?? []
            if columns.count > 1 { problems.append(.duplicateName(names[first], columns: columns)) }
        }
        self.index = index
        self.problems = problems.sorted { Self.firstColumn($0) < Self.firstColumn($1) }
        missing = expected.filter { index[Self.key($0)] == nil }
    }

    /// The 0-based column named `name` (compared trimmed, ignoring case); the first one if repeated.
    public func column(_ name: String) -> Int? {
        index[Self.key(name)]
    }

    /// The header among `rows` (the first few records of a file, with their
    /// 1-based `lines`): the row with the most distinct cells that match an
    /// `expected` name, trimmed and ignoring case; the earliest wins a tie.
    /// With no expected names, the first row that is not blank. Nil when no
    /// row matches any expected name.
    public static func find(in rows: [[String]], lines: [Int], expected: [String]) -> CSVHeader? {
        precondition(rows.count == lines.count, "one line number per row")
        let wanted = Set(expected.map(key))
        var best: (row: Int, score: Int)?
        for (i, row) in rows.enumerated() {
            let cells = Set(row.map(key)).subtracting([""])
            let score = wanted.isEmpty ? (cells.isEmpty ? 0 : 1) : cells.intersection(wanted).count
            if score > (best?.score ?? 0) { best = (i, score) }
            if wanted.isEmpty, best != nil { break }
        }
        guard let best else { return nil }
        return CSVHeader(names: rows[best.row], line: lines[best.row], skippedRows: best.row, expected: expected)
    }

    /// The warnings the header's problems give in the exception report.
    public func issues(file: String, dataset: String) -> [Issue] {
        problems.map { problem in
            switch problem {
            case .duplicateName(let name, let columns):
                Issue(.csvDuplicateColumn, dataset: dataset, file: file, line: line, column: name,
                      message: "the column name appears \(columns.count) times in the header "
                        + "(columns \(columns.map { String($0 + 1) }.joined(separator: ", "))); the first one is read")
            case .emptyName(let column):
                Issue(.csvEmptyColumnName, dataset: dataset, file: file, line: line,
                      message: "column \(column + 1) of the header has no name; it is not read")
            }
        }
    }

    /// How names are compared: without surrounding blanks (spaces, tabs, line
    /// breaks, no-break spaces), ignoring case.
    private static func key(_ name: String) -> String {
        let scalars = name.unicodeScalars
        func isBlank(_ s: Unicode.Scalar) -> Bool {
            s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{A0}"
        }
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
              let last = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(scalars[first...last]).lowercased()
    }

    private static func firstColumn(_ problem: Problem) -> Int {
        switch problem {
        case .duplicateName(_, let columns): columns.first ?? 0
        case .emptyName(let column): column
        }
    }
}
