/// Why a workbook could not be written. File-system failures are
/// `LoaderError.cannotWrite`, naming the path.
public enum XLSXWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Excel would refuse the tab name; `reason` says which rule it breaks.
    case invalidSheetName(String, reason: String)
    /// Excel holds at most 1,048,576 rows and 16,384 columns (A to XFD) per sheet.
    case sheetTooLarge(sheet: String, reason: String)
    /// A workbook needs at least one sheet; Excel will not open one without.
    case noSheets(path: String)
    /// The writer was closed, or an earlier failure left the workbook unfinishable.
    case unusable(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidSheetName(let name, let reason): "invalid sheet name \"\(name)\": \(reason)"
        case .sheetTooLarge(let sheet, let reason): "sheet \"\(sheet)\" is too large for Excel: \(reason)"
        case .noSheets(let path): "cannot write \(path): a workbook needs at least one sheet"
        case .unusable(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
