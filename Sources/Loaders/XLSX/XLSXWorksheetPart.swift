import CSCCore

/// Writes one worksheet part (`xl/worksheets/sheetN.xml`) into its
/// temporary file: the sheet view, column widths, then the rows as they come.
///
/// Text goes in as inline strings (`t="inlineStr"`) rather than Excel's usual
/// shared-strings table: the table must list every distinct string of the
/// whole workbook before any sheet can refer to it, so it would have to be
/// held in memory (or in a second pass) for a million rows. Excel and
/// LibreOffice read inline strings directly and convert them when they save.
///
/// Cell styles are the indexes of `<cellXfs>` in `XLSXPackageParts.styles`.
final class XLSXWorksheetPart {
    static let boldStyle: StaticString = "1"
    static let dateStyle: StaticString = "2"
    /// Excel's limits: rows 1...1,048,576, columns A...XFD.
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    let sheet: XLSXSheet
    private let file: XLSXPartFile
    /// The row the next `writeRow` fills.
    private(set) var nextRow = 1
    private var columnLetters: [[UInt8]] = []
    private var rowNumber: [UInt8] = []

    init(sheet: XLSXSheet, file: XLSXPartFile) {
        self.sheet = sheet
        self.file = file
        rowNumber.reserveCapacity(8)
    }

    /// The filter's range, `A2:F100`: the headings and every row below them; nil without headings.
    var autoFilterRange: String? {
        guard sheet.headingsRow > 0 else { return nil }
        let lastRow = max(sheet.headingsRow, nextRow - 1)
        let lastColumn = String(decoding: letters(sheet.headings.count - 1), as: UTF8.self)
        return "A\(sheet.headingsRow):\(lastColumn)\(lastRow)"
    }

    /// Everything before the data rows: the sheet view (panes frozen below the
    /// headings), the column widths, the title and headings rows.
    func writeStart(columnWidths: [Double], selected: Bool) throws(LoaderError) {
        file.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        file.append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ")
        file.append("xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
        file.append("<sheetViews><sheetView")
        if selected { file.append(" tabSelected=\"1\"") }
        file.append(" workbookViewId=\"0\"")
        let headingsRow = sheet.headingsRow
        if headingsRow > 0 {
            file.append("><pane ySplit=\"")
            decimal(headingsRow)
            file.append("\" topLeftCell=\"A")
            decimal(headingsRow + 1)
            file.append("\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A")
            decimal(headingsRow + 1)
            file.append("\" sqref=\"A")
            decimal(headingsRow + 1)
            file.append("\"/></sheetView></sheetViews>")
        } else {
            file.append("/></sheetViews>")
        }
        file.append("<sheetFormatPr defaultRowHeight=\"15\"/>")
        if !columnWidths.isEmpty {
            file.append("<cols>")
            for (i, width) in columnWidths.enumerated() {
                file.append("<col min=\"")
                decimal(i + 1)
                file.append("\" max=\"")
                decimal(i + 1)
                file.append("\" width=\"")
                hundredths(width)
                file.append("\" customWidth=\"1\"/>")
            }
            file.append("</cols>")
        }
        file.append("<sheetData>")
        if let title = sheet.title {
            try writeTextRow([title], style: Self.boldStyle)
        }
        if headingsRow > 0 {
            try writeTextRow(sheet.headings, style: Self.boldStyle)
        }
    }

    /// One data row; empty cells are left out (the `r` references keep the
    /// columns right) and a row with no filled cell is left out entirely.
    func writeRow(_ cells: [XLSXOutputCell]) throws {
        guard nextRow <= Self.maximumRows else {
            throw XLSXWriterError.sheetTooLarge(sheet: sheet.name, reason: "more than \(Self.maximumRows) rows")
        }
        guard cells.count <= Self.maximumColumns else {
            throw XLSXWriterError.sheetTooLarge(sheet: sheet.name, reason: "\(cells.count) columns; at most \(Self.maximumColumns)")
        }
        var opened = false
        for (column, cell) in cells.enumerated() {
            switch cell {
            case .empty:
                continue
            case .text(let text):
                if text.isEmpty { continue }
                openRow(&opened)
                textCell(text, column: column, style: nil)
            case .number(let n):
                openRow(&opened)
                cellStart(column)
                file.append("\"><v>")
                decimal(n)
                file.append("</v></c>")
            case .date(let day):
                openRow(&opened)
                if let serial = XLSXDateSerial.serial(of: day) {
                    cellStart(column)
                    file.append("\" s=\"")
                    file.append(Self.dateStyle)
                    file.append("\"><v>")
                    decimal(serial)
                    file.append("</v></c>")
                } else {
                    textCell(day.ukFormat, column: column, style: nil)
                }
            }
        }
        if opened { file.append("</row>") }
        nextRow += 1
        try file.flushIfFull()
    }

    /// Closes the sheet data, adds the autofilter on the headings, and ends the part.
    func writeEnd() {
        file.append("</sheetData>")
        if let range = autoFilterRange {
            file.append("<autoFilter ref=\"")
            file.withBuffer { $0.append(contentsOf: range.utf8) }
            file.append("\"/>")
        }
        file.append("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
        file.append("</worksheet>\n")
    }

    // MARK: Cells

    private func writeTextRow(_ texts: [String], style: StaticString) throws(LoaderError) {
        var opened = false
        for (column, text) in texts.enumerated() where !text.isEmpty {
            openRow(&opened)
            textCell(text, column: column, style: style)
        }
        if opened { file.append("</row>") }
        nextRow += 1
        try file.flushIfFull()
    }

    private func openRow(_ opened: inout Bool) {
        guard !opened else { return }
        opened = true
        rowNumber.removeAll(keepingCapacity: true)
        DecimalDigits.append(nextRow, to: &rowNumber)
        file.append("<row r=\"")
        file.append(rowNumber)
        file.append("\">")
    }

    /// `<c r="B12` with the attribute still open.
    @inline(__always)
    private func cellStart(_ column: Int) {
        file.append("<c r=\"")
        file.append(letters(column))
        file.append(rowNumber)
    }

    private func textCell(_ text: String, column: Int, style: StaticString?) {
        cellStart(column)
        if let style {
            file.append("\" s=\"")
            file.append(style)
        }
        file.append(XLSXXMLText.needsPreserve(text) ? "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                                                     : "\" t=\"inlineStr\"><is><t>")
        file.withBuffer { XLSXXMLText.appendCellText(text, to: &$0) }
        file.append("</t></is></c>")
    }

    /// The letters of a 0-based column, built once per column.
    private func letters(_ column: Int) -> [UInt8] {
        while columnLetters.count <= column {
            var n = columnLetters.count + 1
            var out: [UInt8] = []
            while n > 0 {
                out.append(UInt8(0x41 + (n - 1) % 26))
                n = (n - 1) / 26
            }
            columnLetters.append(out.reversed())
        }
        return columnLetters[column]
    }

    private func decimal(_ n: Int) {
        file.withBuffer { DecimalDigits.append(n, to: &$0) }
    }

    /// A width with at most two decimals, `12.5`, `8.43`; widths are clamped
    /// to Excel's 0...255.
    private func hundredths(_ width: Double) {
        let clamped = width.isFinite ? min(max(width, 0), 255) : 0
        let scaled = Int((clamped * 100).rounded())
        decimal(scaled / 100)
        let fraction = scaled % 100
        if fraction != 0 {
            file.append(UInt8(ascii: "."))
            file.append(UInt8(ascii: "0") + UInt8(fraction / 10))
            if fraction % 10 != 0 { file.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
        }
    }
}
