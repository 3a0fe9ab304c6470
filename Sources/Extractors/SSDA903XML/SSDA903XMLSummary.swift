import CSCCore

/// What one SSDA903 XML file held, for the run log and the manifest.
public struct SSDA903XMLSummary: Sendable, Equatable {
    /// The collection year the file was checked against (and the `year` of its care leavers).
    public var collectionYear: CollectionYear
    /// Where `collectionYear` came from: `pipeline`, `data` (the year holding the latest
    /// DECOM or DEC) or `latest code lists` (a `collection-year-unknown` issue was reported).
    public var yearSource: String
    /// CHILD elements read.
    public var children: Int
    /// Records sent to the sink.
    public var records: Int

    public init(collectionYear: CollectionYear, yearSource: String, children: Int, records: Int) {
        self.collectionYear = collectionYear
        self.yearSource = yearSource
        self.children = children
        self.records = records
    }
}
