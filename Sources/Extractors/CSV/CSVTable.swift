/// A whole CSV file in memory: for small reference files (code lists, bank
/// holidays), never for returns or exports.
public struct CSVTable: Sendable, Hashable {
    /// The first record's cells, as written.
    public var header: [String]
    /// Every later record's cells, as written; rows may differ in length from the header.
    public var rows: [[String]]
    /// 1-based line each row starts on, parallel to `rows`.
    public var lines: [Int]
    /// The encoding the file was found in, for the manifest.
    public var encoding: CSVEncoding
    /// What the reader worked around, in file order.
    public var problems: [CSVProblem]
}

extension CSVReader {
    /// Reads the whole file at `path`; its first record is the header. An
    /// empty file gives an empty header and no rows.
    public static func readAll(path: String) throws(CSVError) -> CSVTable {
        try readAll(path: path, chunkSize: defaultChunkSize)
    }

    static func readAll(path: String, chunkSize: Int) throws(CSVError) -> CSVTable {
        let reader = try CSVReader(path: path, chunkSize: chunkSize)
        var table = CSVTable(header: [], rows: [], lines: [], encoding: .utf8, problems: [])
        var first = true
        while let record = try reader.next() {
            table.problems += record.problems
            if first {
                table.header = record.strings
                first = false
            } else {
                table.rows.append(record.strings)
                table.lines.append(record.line)
            }
        }
        table.encoding = reader.encoding
        return table
    }
}
