/// What a sheet looks like apart from its rows: the tab name, an optional
/// title row, the headings row and the column widths.
public struct XLSXSheet: Sendable, Equatable {
    /// The tab name: at most 31 characters, none of `[ ] : * ? / \`, see `XLSXSheetName`.
    public var name: String
    /// Written bold in row 1, above the headings, like the Ofsted template's
    /// "List 1: Contacts"; nil puts the headings in row 1.
    public var title: String?
    /// The column headings, written bold; the panes freeze below them and
    /// they carry an autofilter. Empty: no headings row, no freeze, no filter.
    public var headings: [String]
    /// Widths in Excel's character units, one per column from A; nil sizes
    /// each column to fit its heading and the first rows written.
    public var columnWidths: [Double]?

    public init(name: String, title: String? = nil, headings: [String], columnWidths: [Double]? = nil) {
        self.name = name
        self.title = title
        self.headings = headings
        self.columnWidths = columnWidths
    }

    /// The 1-based row of the headings (0 when there are none).
    var headingsRow: Int { headings.isEmpty ? 0 : (title == nil ? 1 : 2) }
}
