import CSCCore

/// One cell of a row to write into a workbook sheet.
///
/// Named apart from `Extractors.XLSXCell` (a cell as read) so code that
/// imports both modules, such as the pipeline and its tests, stays unambiguous.
public enum XLSXOutputCell: Sendable, Equatable {
    /// Nothing in the cell. An empty `.text("")` is written the same way.
    case empty
    /// Text, kept exactly (leading and trailing spaces included); characters
    /// XML 1.0 cannot hold are replaced, see `XLSXWorksheetPart`.
    case text(String)
    /// A whole number: a count, an age, -1 for "not known".
    case number(Int)
    /// A real date cell, shown as DD/MM/YYYY. Days before 1 January 1900,
    /// which Excel cannot hold as dates, are written as DD/MM/YYYY text.
    case date(Day)
}
