import CSCCore

/// What one CIN census file held, for the run log and `cscpipe inspect`.
public struct CINFileSummary: Sendable, Equatable {
    /// The collection year the file was read as (the pipeline's `year:` when
    /// given, else the header's); nil when neither says.
    public var collectionYear: CollectionYear?
    /// `Header/Source/LEA`, the old three-digit LA number; empty when absent.
    public var laCode: String
    /// `<Child>` elements read, including any that could not be loaded.
    public var children: Int
    /// Records sent to the sink, all tables together.
    public var records: Int
    /// Issues sent to the sink (the fatal issue of an unreadable file is thrown instead).
    public var issues: Int

    public init(collectionYear: CollectionYear?, laCode: String, children: Int, records: Int, issues: Int) {
        self.collectionYear = collectionYear
        self.laCode = laCode
        self.children = children
        self.records = records
        self.issues = issues
    }
}
