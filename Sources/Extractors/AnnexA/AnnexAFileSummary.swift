import CSCCore
/// What reading one Annex A workbook found.
public struct AnnexAFileSummary: Sendable, Equatable {
    /// One list sheet that was read.
    public struct ListSheet: Sendable, Equatable {
        public let list: AnnexAList
        /// The sheet's name as written on its tab.
        public let sheet: String
        /// The row holding the headings (1 in LA files, 2 below the template's title); nil when not found.
        public let headingRow: Int?
        /// Data rows read (rows with a filled cell below the headings).
        public var rows: Int
    }

    /// The list sheets read, in list order.
    public var lists: [ListSheet] = []
    /// Sheets that are not Annex A lists (the template's Front_Sheet, Guidance, Codes_used…).
    public var otherSheets: [String] = []
    public var records = 0
    public var issues = 0
    /// The collection year the codes were checked against, and care leavers filed under.
    public var collectionYear: String = ""
}
