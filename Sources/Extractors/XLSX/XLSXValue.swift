import CSCCore

/// What one cell of a sheet holds, as Excel stored it.
public enum XLSXValue: Sendable, Hashable {
    /// Text: a shared string (rich-text runs joined), an inline string or a formula's text result.
    case text(String)
    /// A number not styled as a date.
    case number(Double)
    /// A number styled as a date: the Excel serial and the day it stands for
    /// (nil when it is no real day: serial 60, Excel's fictitious 29 February
    /// 1900, or a serial before 1900 or past 9999).
    case date(serial: Double, day: Day?)
    case bool(Bool)
    /// An error value such as `#N/A` or `#REF!`.
    case error(String)

    /// The value as a person reads it in the cell: whole numbers without a
    /// decimal point (ids stored as numbers stay `9212044`), dates as ISO days,
    /// booleans as TRUE/FALSE. Used for ids, free text and issue values.
    public var text: String {
        switch self {
        case .text(let s): s
        case .number(let d): Self.numberText(d)
        case .date(let serial, let day): day?.iso ?? Self.numberText(serial)
        case .bool(let b): b ? "TRUE" : "FALSE"
        case .error(let e): e
        }
    }

    static func numberText(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }
}

/// One filled cell of a row: its 0-based column (A = 0) and value.
public struct XLSXCell: Sendable, Hashable {
    public let column: Int
    public let value: XLSXValue

    public init(column: Int, value: XLSXValue) {
        self.column = column
        self.value = value
    }
}

/// One row of a sheet as read: its number as Excel shows it (1-based) and
/// its filled cells in column order. Empty cells are not there.
public struct XLSXRow: Sendable, Hashable {
    public let number: Int
    public let cells: [XLSXCell]

    public init(number: Int, cells: [XLSXCell]) {
        self.number = number
        self.cells = cells
    }

    /// The value in a 0-based column, or nil when the cell is empty.
    public subscript(column: Int) -> XLSXValue? {
        for c in cells where c.column == column { return c.value }
        return nil
    }
}
