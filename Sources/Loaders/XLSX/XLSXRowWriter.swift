/// Takes the rows of one sheet as they come, inside
/// `XLSXWorkbookWriter.addSheet(_:writingRows:)`; valid only during that call.
///
/// When the sheet gives no column widths, the first
/// `XLSXColumnWidths.sampleRows` rows wait here until the widths can be
/// worked out from them; every later row goes straight to the file.
public final class XLSXRowWriter {
    private let part: XLSXWorksheetPart
    private let workbook: String
    private let fixedWidths: [Double]?
    private let selected: Bool
    /// Rows held back to size the columns; nil once the sheet's start is written.
    private var sample: [[XLSXOutputCell]]? = []
    private var finished = false
    /// Data rows taken so far.
    public private(set) var count = 0

    init(part: XLSXWorksheetPart, workbook: String, selected: Bool) {
        self.part = part
        self.workbook = workbook
        self.fixedWidths = part.sheet.columnWidths
        self.selected = selected
    }

    /// Adds the next row below the ones before; `.empty` cells, here or at
    /// the end, leave their cells blank.
    public func append(_ cells: [XLSXOutputCell]) throws {
        guard !finished else {
            throw XLSXWriterError.unusable(path: workbook, reason: "rows appended to sheet \"\(part.sheet.name)\" after it was finished")
        }
        count += 1
        if fixedWidths == nil, sample != nil {
            sample?.append(cells)
            if let held = sample?.count, held >= XLSXColumnWidths.sampleRows { try start() }
            return
        }
        if sample != nil { try start() }
        try part.writeRow(cells)
    }

    /// Writes whatever is still held back; the worksheet's end is the part's.
    func finish() throws {
        if sample != nil { try start() }
        finished = true
    }

    private func start() throws {
        let held = sample ?? []
        sample = nil
        let widths = fixedWidths ?? XLSXColumnWidths.fitting(headings: part.sheet.headings, rows: held)
        try part.writeStart(columnWidths: widths, selected: selected)
        for row in held { try part.writeRow(row) }
    }
}
