import CSCCore
import Foundation
import Testing
@testable import Extractors

struct XLSXWorkbookTests {
    static func rows(of path: String, sheet index: Int = 0) throws -> [XLSXRow] {
        let book = try XLSXWorkbook(path: path)
        var rows: [XLSXRow] = []
        try book.readRows(of: book.sheets[index]) { rows.append($0); return true }
        return rows
    }

    @Test func cellKindsSparseCellsAndRowNumbers() throws {
        var wb = XLSXTestWorkbook()
        wb.sharedStrings = ["Shared text", "<r><t>Rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh><t>ignored</t></rPh>"]
        // Style 1: built-in date (14); style 2: custom dd/mm/yyyy; style 3: a plain number format.
        wb.styleFormats = [0, 14, 164, 2]
        wb.customFormats = [164: "dd/mm/yyyy;@"]
        wb.sheets = [("Data", """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Inline</t></is></c><c r="AA1" t="s"><v>1</v></c></row>
            <row r="4"><c r="B4"><v>9212044</v></c><c r="C4" s="3"><v>6.5</v></c><c r="D4" t="b"><v>1</v></c><c r="E4" t="e"><v>#N/A</v></c></row>
            <row r="5"><c r="A5" s="1"><v>44090</v></c><c r="B5" s="2"><f>A5+5</f><v>44095</v></c><c r="C5" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D5" s="1"/></row>
            <row r="6"><c r="A6" s="1"><v>59</v></c><c r="B6" s="1"><v>60</v></c><c r="C6" s="1"><v>61</v></c><c r="D6" s="1"><v>44090.75</v></c></row>
            <row r="7"></row>
            <row><c t="inlineStr"><is><t>no r</t></is></c><c><v>2</v></c></row>
            """)]
        let rows = try Self.rows(of: wb.write())
        #expect(rows.map(\.number) == [1, 4, 5, 6, 8])
        #expect(rows[0].cells.map(\.column) == [0, 2, 26])
        #expect(rows[0][0] == .text("Shared text"))
        #expect(rows[0][2] == .text("Inline"))
        #expect(rows[0][26] == .text("Rich text"))
        #expect(rows[0][1] == nil)
        #expect(rows[1][1] == .number(9212044))
        #expect(rows[1][1]?.text == "9212044")
        #expect(rows[1][2] == .number(6.5))
        #expect(rows[1][3] == .bool(true))
        #expect(rows[1][4] == .error("#N/A"))
        #expect(rows[2][0] == .date(serial: 44090, day: Day(iso: "2020-09-16")))
        #expect(rows[2][1] == .date(serial: 44095, day: Day(iso: "2020-09-21")), "a formula gives its cached value")
        #expect(rows[2][2] == .text("ab"))
        #expect(rows[2].cells.count == 3, "a styled cell with no value is empty")
        #expect(rows[3][0] == .date(serial: 59, day: Day(iso: "1900-02-28")))
        #expect(rows[3][1] == .date(serial: 60, day: nil), "serial 60 is Excel's 29/02/1900, which never was")
        #expect(rows[3][2] == .date(serial: 61, day: Day(iso: "1900-03-01")))
        #expect(rows[3][3] == .date(serial: 44090.75, day: Day(iso: "2020-09-16")), "the time of day is dropped")
        #expect(rows[4][0] == .text("no r") && rows[4][1] == .number(2))
    }

    @Test func workbookWith1904DatesAndEarlyStop() throws {
        var wb = XLSXTestWorkbook()
        wb.date1904 = true
        wb.styleFormats = [0, 14]
        wb.sheets = [("S", (1...50).map { #"<row r="\#($0)"><c r="A\#($0)" s="1"><v>0</v></c></row>"# }.joined())]
        let book = try XLSXWorkbook(path: wb.write())
        #expect(book.uses1904)
        var seen: [XLSXRow] = []
        try book.readRows(of: book.sheets[0]) { seen.append($0); return seen.count < 3 }
        #expect(seen.count == 3)
        #expect(seen[0][0] == .date(serial: 0, day: Day(iso: "1904-01-01")))
    }

    @Test func unreadableWorkbooksSayWhy() throws {
        let folder = XLSXTestWorkbook.folder()
        #expect(throws: XLSXError.self) { try XLSXWorkbook(path: folder + "/missing.xlsx") }
        do {
            _ = try XLSXWorkbook(path: folder + "/missing.xlsx")
        } catch {
            #expect(error.kind == .cannotOpen)
        }
        let notZip = folder + "/text.xlsx"
        try "Child ID,Gender\n1,M\n".write(toFile: notZip, atomically: true, encoding: .utf8)
        do {
            _ = try XLSXWorkbook(path: notZip)
            Testing.Issue.record("a CSV file opened as a workbook")
        } catch {
            #expect(error.kind == .notAWorkbook)
        }
        var broken = XLSXTestWorkbook()
        broken.sheets = [("Bad", #"<row r="1"><c r="A1"><v>1</v></row>"#)]
        let path = try broken.write(in: folder)
        let book = try XLSXWorkbook(path: path)
        do {
            try book.readRows(of: book.sheets[0]) { _ in true }
            Testing.Issue.record("a malformed sheet was read")
        } catch {
            #expect(error.kind == .malformedPart)
            #expect(error.part == "xl/worksheets/sheet1.xml")
        }
    }

    @Test func cellReferencesAndDateFormats() {
        #expect(XLSXCellReference.letters(0) == "A")
        #expect(XLSXCellReference.letters(25) == "Z")
        #expect(XLSXCellReference.letters(26) == "AA")
        #expect(XLSXCellReference.letters(701) == "ZZ")
        #expect(XLSXCellReference.column("AB") == 27)
        #expect(XLSXCellReference.column("A1") == nil)
        #expect(XLSXStylesPart.isDateFormat("dd/mm/yyyy;@"))
        #expect(XLSXStylesPart.isDateFormat("[$-F800]dddd, mmmm dd, yyyy"))
        #expect(XLSXStylesPart.isDateFormat("mmm-yy"))
        #expect(!XLSXStylesPart.isDateFormat("h:mm"))
        #expect(!XLSXStylesPart.isDateFormat("0.00"))
        #expect(!XLSXStylesPart.isDateFormat("General"))
        #expect(!XLSXStylesPart.isDateFormat(#"0 "days""#))
        #expect(!XLSXStylesPart.isDateFormat("[Red]0.0"))
        #expect(XLSXSerialDate.day(serial: 0) == nil)
        #expect(XLSXSerialDate.day(serial: 1) == Day(iso: "1900-01-01"))
        #expect(XLSXSerialDate.day(serial: 2_958_465) == Day(iso: "9999-12-31"))
        #expect(XLSXSerialDate.day(serial: 2_958_466) == nil)
    }
}
