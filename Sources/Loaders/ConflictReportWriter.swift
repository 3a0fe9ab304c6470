/// One line of `conflicts.csv`: a field two inputs disagree on, with both
/// values and where each came from. Plain strings, so the merge step can
/// hand its conflicts over without Loaders depending on Transformers.
public struct ConflictRow: Sendable, Hashable {
    public var table: String
    /// The record's natural key values, as the merge step spells them.
    public var key: String
    public var column: String
    public var earlierValue: String
    public var earlierFile: String
    public var earlierLine: String
    public var laterValue: String
    public var laterFile: String
    public var laterLine: String

    public init(table: String, key: String, column: String,
                earlierValue: String, earlierFile: String, earlierLine: String,
                laterValue: String, laterFile: String, laterLine: String) {
        self.table = table
        self.key = key
        self.column = column
        self.earlierValue = earlierValue
        self.earlierFile = earlierFile
        self.earlierLine = earlierLine
        self.laterValue = laterValue
        self.laterFile = laterFile
        self.laterLine = laterLine
    }

    var fields: [String] {
        [table, key, column, earlierValue, earlierFile, earlierLine, laterValue, laterFile, laterLine]
    }
}

/// Writes `conflicts.csv`: the values inputs disagreed on, in the order given
/// (the merge order), so the data team can see which source to correct.
public struct ConflictReportWriter: Sendable {
    public static let header = [
        "table", "key", "column", "earlier_value", "earlier_file", "earlier_line",
        "later_value", "later_file", "later_line",
    ]

    /// The folder `conflicts.csv` goes into (created when missing).
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    public var path: String { OutputFolder.join(folder, "conflicts.csv") }

    /// Writes the file (header only when there are no conflicts); returns its path.
    @discardableResult
    public func write(_ rows: some Sequence<ConflictRow>) throws -> String {
        try OutputFolder.ensure(folder)
        let out = try CSVFileWriter(path: path)
        try out.writeRow(Self.header)
        for row in rows {
            try out.writeRow(row.fields)
        }
        try out.finish()
        return path
    }
}
