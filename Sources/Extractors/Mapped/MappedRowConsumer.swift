import CSCCore

/// Reads the rows of one CSV export after its header: the file's CSV
/// problems and ragged rows, then the mapping's record. One is made per
/// core that reads the file, each with its own record builder.
final class MappedRowConsumer: CSVRowConsumer {
    /// Taken out while rows are read, so the builder's caches stay uniquely owned and are not copied.
    private var builder: MappedRecordBuilder?
    private let names: [String]
    private let file: String
    private let table: String
    private var rows = 0
    private var records = 0
    private var filteredOut = 0
    private var taken = MappedRowCounts.zero

    /// `names` are the header's names, for the column of a CSV problem.
    init(builder: MappedRecordBuilder, names: [String]) {
        self.builder = builder
        self.names = names
        file = builder.file
        table = builder.export.table.name
    }

    func consumeAll(_ reader: CSVReader) throws(CSVError) {
        guard var builder = self.builder else { preconditionFailure("a consumer reads one segment at a time") }
        self.builder = nil
        var rows = self.rows
        defer {
            self.rows = rows
            records = builder.records
            filteredOut = builder.filteredOut
            self.builder = builder
        }
        let names = self.names, file = self.file, table = self.table
        let sink = builder.sink
        while let record = try reader.next() {
            if record.isBlank { continue }
            rows += 1
            record.reportShapeProblems(file: file, dataset: table, headerNames: names, to: sink)
            builder.add(record, line: record.line)
        }
    }

    func takeCounts() -> MappedRowCounts {
        let total = MappedRowCounts(rows: rows, records: records, filteredOut: filteredOut)
        defer { taken = total }
        return total - taken
    }
}

/// What an export's rows gave: the summary's `rows`, `records` and `filteredOut`.
struct MappedRowCounts: AdditiveArithmetic {
    var rows = 0
    var records = 0
    var filteredOut = 0

    static let zero = MappedRowCounts()

    static func + (a: MappedRowCounts, b: MappedRowCounts) -> MappedRowCounts {
        MappedRowCounts(rows: a.rows + b.rows, records: a.records + b.records, filteredOut: a.filteredOut + b.filteredOut)
    }

    static func - (a: MappedRowCounts, b: MappedRowCounts) -> MappedRowCounts {
        MappedRowCounts(rows: a.rows - b.rows, records: a.records - b.records, filteredOut: a.filteredOut - b.filteredOut)
    }
}
