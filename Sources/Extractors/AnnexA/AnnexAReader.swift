import CSCCore

/// Reads an Ofsted Annex A workbook (.xlsx, one sheet per list 1–11) into the
/// canonical tables.
///
/// Sheets are found by name however spelled (`List_1`, `List 1`, `List1`,
/// `List 1 - Contacts`); on each, the heading row is the one of the first 10
/// with the most recognised headings (row 2 under the template's title, row 1
/// in most LA files). Values go through the label tables and code lists (see
/// `AnnexALabels`); every cell that cannot be read is an issue naming the
/// sheet, row and column letter (`line` = the row, `column` = `List 3!F (Date
/// of referral)`), and the rest of the row is still loaded. Records point at
/// their row as `List 3!A12`.
public struct AnnexAReader {
    /// The rows scanned for the heading row.
    static let headingRowsScanned = 10

    private let codes: CodeBook

    public init(codes: CodeBook) { self.codes = codes }

    /// Reads the workbook at `path`. `year` is the collection year codes are
    /// checked in and care leavers are filed under: the one containing the
    /// run's as-of date. Throws when the workbook cannot be read at all, or
    /// has no list sheet.
    public func read(path: String, displayName: String? = nil, year: CollectionYear,
                     into sink: RecordSink) throws(UnreadableInput) -> AnnexAFileSummary {
        let file = displayName ?? path
        let book: XLSXWorkbook
        do {
            book = try XLSXWorkbook(path: path)
        } catch {
            throw Self.unreadable(error, file: file)
        }
        let counter = CountingSink(sink)
        var summary = AnnexAFileSummary()
        summary.collectionYear = year.description
        let labels = AnnexALabels(codes: codes, year: year)
        var seen: Set<AnnexAList> = []
        var listSheets: [(AnnexAList, XLSXWorkbook.Sheet)] = []
        for sheet in book.sheets {
            guard let list = AnnexAList(sheetName: sheet.name) else {
                summary.otherSheets.append(sheet.name)
                continue
            }
            if seen.contains(list) {
                counter.report(Issue(.annexADuplicateList, dataset: "file", file: file, line: nil, column: sheet.name,
                                     message: "sheet \"\(sheet.name)\" is named like \(list.title), which an earlier sheet holds; it is not read"))
                continue
            }
            seen.insert(list)
            listSheets.append((list, sheet))
        }
        guard !listSheets.isEmpty else {
            let names = book.sheets.map(\.name).joined(separator: ", ")
            throw UnreadableInput(issue: Issue(.notAnnexA, dataset: "file", file: file, line: nil,
                                               message: "\(Rule.notAnnexA.message) (sheets: \(names.isEmpty ? "none" : names))"))
        }
        for (list, sheet) in listSheets {
            do {
                summary.lists.append(try readSheet(sheet, as: list, of: book, file: file, labels: labels, year: year, into: counter))
            } catch {
                throw Self.unreadable(error, file: file)
            }
        }
        summary.lists.sort { $0.list < $1.list }
        summary.records = counter.records
        summary.issues = counter.issues
        return summary
    }

    private func readSheet(_ sheet: XLSXWorkbook.Sheet, as list: AnnexAList, of book: XLSXWorkbook, file: String,
                           labels: AnnexALabels, year: CollectionYear, into sink: RecordSink) throws(XLSXError) -> AnnexAFileSummary.ListSheet {
        let headings = AnnexAHeadings(list: list)
        var scanned: [XLSXRow] = []
        var reader: AnnexASheetReader?
        var headingRow: Int?

        func settle() {
            guard reader == nil else { return }
            let found = Self.headingRow(in: scanned, headings: headings)
            headingRow = found?.number
            var layout: [Int: AnnexAColumn] = [:]
            var written: [Int: String] = [:]
            if let found {
                for cell in found.cells {
                    let text = AnnexAText.cleaned(cell.value.text)
                    guard !text.isEmpty else { continue }
                    written[cell.column] = text
                    if let i = headings.match(text) {
                        layout[cell.column] = headings.columns[i]
                    } else {
                        sink.report(Issue(.annexAUnknownHeading, dataset: list.table.name, file: file, line: found.number,
                                          column: "\(sheet.name)!\(XLSXCellReference.letters(cell.column)) (\(text))",
                                          value: text))
                    }
                }
            }
            if found == nil {
                sink.report(Issue(.annexAHeadingsNotFound, dataset: list.table.name, file: file, line: nil,
                                  column: sheet.name, message: "\(Rule.annexAHeadingsNotFound.message) (sheet \"\(sheet.name)\", \(list.title))"))
            } else if !layout.values.contains(where: { $0.kind == .id }) {
                sink.report(Issue(.annexAIDColumnMissing, dataset: list.table.name, file: file, line: found?.number,
                                  column: sheet.name))
                layout = [:]
            }
            reader = AnnexASheetReader(list: list, sheet: sheet.name, file: file, labels: labels, year: year,
                                       sink: sink, layout: layout, headings: written)
            for row in scanned where row.number > (found?.number ?? Int.max) { reader!.read(row) }
            scanned = []
        }

        try book.readRows(of: sheet) { row in
            if reader != nil {
                reader!.read(row)
            } else if row.number <= Self.headingRowsScanned {
                scanned.append(row)
            } else {
                settle()
                reader!.read(row)
            }
            return true
        }
        settle()
        return .init(list: list, sheet: sheet.name, headingRow: headingRow, rows: reader?.rows ?? 0)
    }

    /// The row with the most recognised headings (at least two), the earliest on a tie.
    static func headingRow(in rows: [XLSXRow], headings: AnnexAHeadings) -> XLSXRow? {
        var best: (row: XLSXRow, score: Int)?
        for row in rows {
            var matched = Set<Int>()
            for cell in row.cells {
                guard case .text(let s) = cell.value, let i = headings.match(s) else { continue }
                matched.insert(i)
            }
            if matched.count >= 2, matched.count > (best?.score ?? 0) { best = (row, matched.count) }
        }
        return best?.row
    }

    /// The lists a workbook holds, by sheet name, without reading the sheets; for `cscpipe inspect`.
    public static func lists(in path: String) throws(XLSXError) -> [(list: AnnexAList, sheet: String)] {
        let book = try XLSXWorkbook(path: path)
        return book.sheets.compactMap { s in AnnexAList(sheetName: s.name).map { ($0, s.name) } }
    }

    static func unreadable(_ error: XLSXError, file: String) -> UnreadableInput {
        let issue: Issue
        switch error.kind {
        case .cannotOpen:
            issue = Issue(.unreadableFile, dataset: "file", file: file, line: nil,
                          message: "\(Rule.unreadableFile.message): \(error.message)")
        case .notAWorkbook:
            issue = Issue(.notAnnexA, dataset: "file", file: file, line: nil,
                          message: "the file is \(error.message); an Annex A input must be an .xlsx workbook")
        case .damagedZip, .malformedPart:
            issue = Issue(.unreadableFile, dataset: "file", file: file, line: error.line,
                          message: "the workbook is damaged and cannot be read: \(error)")
        }
        return UnreadableInput(issue: issue)
    }
}
