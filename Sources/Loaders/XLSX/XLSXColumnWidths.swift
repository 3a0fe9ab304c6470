/// Column widths sized to what a sheet holds, for sheets that give none.
///
/// The widths come before the rows in a worksheet part, so a streamed sheet
/// can only be sized from its headings and its first rows
/// (`sampleRows`); later, longer values simply overflow as they would in a
/// hand-made sheet.
enum XLSXColumnWidths {
    static let sampleRows = 100
    private static let narrowest = 8
    private static let widest = 60

    /// One width per column, in Excel's character units: the longest value
    /// plus a margin, headings counted a little wider for their bold.
    static func fitting(headings: [String], rows: [[XLSXOutputCell]]) -> [Double] {
        var longest = headings.map { ($0.count * 11 + 9) / 10 }
        for row in rows {
            if row.count > longest.count { longest += repeatElement(0, count: row.count - longest.count) }
            for (i, cell) in row.enumerated() {
                longest[i] = max(longest[i], length(cell))
            }
        }
        return longest.map { Double(min(max($0, narrowest) + 2, widest)) }
    }

    private static func length(_ cell: XLSXOutputCell) -> Int {
        switch cell {
        case .empty: 0
        case .text(let text): text.count
        case .number(let n): String(n).utf8.count
        case .date: 10
        }
    }
}
