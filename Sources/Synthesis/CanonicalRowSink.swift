import CSCCore

/// Receives, as a census is written, each canonical row a reader of it will
/// make, with the line its element starts on. The values come as an
/// autoclosure so that counting rows costs no strings.
protocol CanonicalRowSink {
    mutating func add(_ table: CanonicalTable, line: Int, values: @autoclosure () -> [String])
}

/// Counts rows per table.
struct CanonicalRowCounter: CanonicalRowSink {
    private(set) var counts: [CanonicalTable: Int]

    init(tables: [CanonicalTable]) {
        counts = Dictionary(uniqueKeysWithValues: tables.map { ($0, 0) })
    }

    mutating func add(_ table: CanonicalTable, line: Int, values: @autoclosure () -> [String]) {
        counts[table, default: 0] += 1
    }
}

/// Keeps every row as a `Record` sourced from `file`.
struct CanonicalRowCollector: CanonicalRowSink {
    let file: String
    private(set) var records: [CanonicalTable: [Record]]

    /// Every table in `tables` is present in `records`, possibly empty.
    init(file: String, tables: [CanonicalTable]) {
        self.file = file
        records = Dictionary(uniqueKeysWithValues: tables.map { ($0, []) })
    }

    mutating func add(_ table: CanonicalTable, line: Int, values: @autoclosure () -> [String]) {
        records[table, default: []].append(Record(table: table, values: values(), source: SourceLocation(file: file, line: line)))
    }
}
