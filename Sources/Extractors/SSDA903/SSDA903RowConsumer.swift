import CSCCore

/// Reads the rows of one 903 CSV file after its header: the checks every
/// table shares (CSV problems, ragged rows, a missing child id), then the
/// table loader's values. One is made per core that reads the file, each
/// with its own fields and code tables.
final class SSDA903RowConsumer<Loader: SSDA903TableLoader>: CSVRowConsumer {
    typealias Counts = SSDA903RowCounts

    private let loader: Loader
    private var fields: SSDA903Fields
    private let child: Int
    private let target: CanonicalTable
    private var counts = Counts.zero

    init(loader: Loader, columns: SSDA903Columns, fields: SSDA903Fields) {
        self.loader = loader
        self.fields = fields
        child = columns["CHILD"]
        target = columns.table.canonicalTable
    }

    func consumeAll(_ reader: CSVReader) throws(CSVError) {
        // Rows are read through a local copy: reading the fields from the object
        // for every row would retain and release each of their references each time.
        var fields = self.fields
        var counts = self.counts
        defer { self.counts = counts }
        let child = self.child, table = self.target, loader = self.loader
        let sink = fields.sink, file = fields.file, dataset = fields.dataset, headerNames = fields.names
        let target = CSVRecordTarget(sink)
        while let record = try reader.next() {
            let childID = record.trimmedString(at: child)
            if childID.isEmpty, record.isBlank { continue }
            counts.rows += 1
            fields.line = record.line
            fields.childID = childID
            record.reportShapeProblems(file: file, dataset: dataset, headerNames: headerNames, childID: childID,
                                       to: sink)
            if childID.isEmpty {
                sink.report(Issue(.missingChildID, dataset: fields.dataset, file: fields.file, line: record.line,
                                  column: fields.name(child)))
                continue
            }
            target.accept(Record(table: table, values: loader.values(record, fields),
                                 source: SourceLocation(file: fields.file, line: record.line)))
            counts.records += 1
        }
    }

    func takeCounts() -> Counts {
        defer { counts = .zero }
        return counts
    }
}

/// What a 903 file's rows gave: the summary's `rows` and `records`.
struct SSDA903RowCounts: AdditiveArithmetic {
    /// Data rows read (blank rows not counted).
    var rows = 0
    /// Records sent to the sink.
    var records = 0

    static let zero = SSDA903RowCounts()

    static func + (a: SSDA903RowCounts, b: SSDA903RowCounts) -> SSDA903RowCounts {
        SSDA903RowCounts(rows: a.rows + b.rows, records: a.records + b.records)
    }

    static func - (a: SSDA903RowCounts, b: SSDA903RowCounts) -> SSDA903RowCounts {
        SSDA903RowCounts(rows: a.rows - b.rows, records: a.records - b.records)
    }
}
