import CSCCore

/// What one SSDA903 file held, for the run log and the manifest.
public struct SSDA903FileSummary: Sendable, Equatable {
    /// The table the file's columns identify.
    public var table: SSDA903Table
    /// The collection year the file was checked against (and, for OC3, the `year` of its care leavers).
    public var collectionYear: CollectionYear
    /// Where `collectionYear` came from: `pipeline` (the input's `year:`), `file name`, `folder name`,
    /// `data` (the year holding the file's latest event date) or `latest code lists` (none of
    /// these said; a `collection-year-unknown` issue was reported).
    public var yearSource: String
    /// Data rows read (the header and blank rows not counted).
    public var rows: Int
    /// Records sent to the sink (rows without a child id are not loaded).
    public var records: Int
    /// The file's character encoding as found (`utf-8`, `utf-8-bom`, `utf-16le`, `windows-1252`, ...).
    public var encoding: String

    /// The canonical table the rows went to.
    public var canonicalTable: CanonicalTable { table.canonicalTable }

    public init(table: SSDA903Table, collectionYear: CollectionYear, yearSource: String, rows: Int, records: Int,
                encoding: String) {
        self.table = table
        self.collectionYear = collectionYear
        self.yearSource = yearSource
        self.rows = rows
        self.records = records
        self.encoding = encoding
    }
}
