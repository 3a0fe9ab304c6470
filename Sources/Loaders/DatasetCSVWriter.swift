import CSCCore

/// Writes the canonical tables as `<run folder>/datasets/<table>.csv`.
///
/// Every table of `CanonicalTable.allCases` gets a file, header only when it
/// has no records, so a consumer never has to ask whether a file exists. The
/// header is the table's columns then `source_file,source_line`; values are
/// written as the records hold them (ISO dates, codes), quoted only where
/// RFC 4180 needs it.
public struct DatasetCSVWriter: Sendable {
    /// The run folder; files go to its `datasets` subfolder.
    public let runFolder: String

    public init(runFolder: String) {
        self.runFolder = runFolder
    }

    /// The folder holding the table files.
    public var datasetsFolder: String { OutputFolder.join(runFolder, "datasets") }

    /// Where `table` is written.
    public func path(of table: CanonicalTable) -> String {
        OutputFolder.join(datasetsFolder, table.name + ".csv")
    }

    /// The header line's fields for `table`.
    public static func header(of table: CanonicalTable) -> [String] {
        table.columns + ["source_file", "source_line"]
    }

    /// Writes every canonical table, asking `records` for each one's rows in
    /// output order. Returns the paths written, in `CanonicalTable.allCases` order.
    @discardableResult
    public func writeAll(records: (CanonicalTable) throws -> [Record]) throws -> [String] {
        try OutputFolder.ensure(datasetsFolder)
        return try CanonicalTable.allCases.map { table in
            try write(table, records: records(table))
        }
    }

    /// Writes every canonical table; a table missing from `tables` is written
    /// with its header only.
    @discardableResult
    public func writeAll(_ tables: [CanonicalTable: [Record]]) throws -> [String] {
        try writeAll(records: { tables[$0] ?? [] })
    }

    /// Writes one table's file, replacing any file already there.
    /// Every record must belong to `table`.
    @discardableResult
    public func write(_ table: CanonicalTable, records: some Sequence<Record>) throws -> String {
        try OutputFolder.ensure(datasetsFolder)
        let path = path(of: table)
        let out = try CSVFileWriter(path: path)
        try out.writeRow(Self.header(of: table))
        for record in records {
            precondition(record.table == table, "a \(record.table) record among \(table)")
            var first = true
            for value in record.values {
                out.writeField(value, first: first)
                first = false
            }
            out.writeField(record.source.file)
            out.writeField(lineOf: record.source)
            try out.endRow()
        }
        try out.finish()
        return path
    }
}
