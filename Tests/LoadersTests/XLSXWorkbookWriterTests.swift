import CSCCore
import Extractors
import Foundation
import Testing
import ZIPFoundation
@testable import Loaders

@Suite struct XLSXWorkbookWriterTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

    static let contacts = XLSXSheet(name: "List 1", title: "List 1: Contacts",
                                    headings: ["Child ID", "Name", "Age", "Date of contact", "Notes"])
    static let contactRows: [[XLSXOutputCell]] = [
        [.text(#"C1 & <co> "q" 'a'"#), .text("Zoë é"), .number(-1), .date(day(1900, 3, 1)), .text("  leading")],
        [.text("C2"), .empty, .number(0), .date(day(2024, 2, 29)), .empty],
        [.empty, .text("trailing  "), .number(1_234_567), .date(day(2099, 12, 31))],
        [.empty, .text(""), .empty],
        [.text("C5"), .text("line1\nline2\ttab"), .date(day(1900, 1, 1)), .date(day(1900, 2, 28)), .date(day(1899, 12, 31))],
    ]
    static let referrals = XLSXSheet(name: "List 2", headings: ["Child ID", "Referral date"], columnWidths: [14, 12.5])
    static func referralRows(_ n: Int) -> [[XLSXOutputCell]] {
        (0..<n).map { [.text("R\($0)"), .date(day(2023, 4, 1).adding(days: $0 % 365))] }
    }
    static let empty = XLSXSheet(name: "List 11 É's", title: "List 11: Adoption", headings: ["Child ID"])

    /// Writes the three sample sheets to `path`.
    static func writeSample(to path: String, date: Day? = nil) throws {
        let book = try XLSXWorkbookWriter(path: path, date: date)
        try book.addSheet(contacts, rows: contactRows)
        try book.addSheet(referrals) { rows in
            for row in referralRows(250) { try rows.append(row) }
            #expect(rows.count == 250)
        }
        try book.addSheet(empty, rows: [])
        try book.close()
    }

    static func readAll(_ path: String) throws -> [(name: String, rows: [XLSXRow])] {
        let book = try XLSXWorkbook(path: path)
        return try book.sheets.map { sheet in
            var rows: [XLSXRow] = []
            try book.readRows(of: sheet) { rows.append($0); return true }
            return (sheet.name, rows)
        }
    }

    static func cell(_ column: Int, _ text: String) -> XLSXCell { XLSXCell(column: column, value: .text(text)) }
    static func cell(_ column: Int, number: Double) -> XLSXCell { XLSXCell(column: column, value: .number(number)) }
    static func cell(_ column: Int, serial: Double, _ day: Day) -> XLSXCell {
        XLSXCell(column: column, value: .date(serial: serial, day: day))
    }

    static func entries(_ path: String) throws -> [String: Data] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        return parts
    }

    static func text(_ data: Data?) -> String { String(decoding: data ?? Data(), as: UTF8.self) }

    // MARK: Reading back

    @Test func sheetsComeBackInOrderWithExactCells() throws {
        try withTemporaryFolder { folder in
            let path = folder.file("annex-a.xlsx")
            try Self.writeSample(to: path)
            let sheets = try Self.readAll(path)
            #expect(sheets.map(\.name) == ["List 1", "List 2", "List 11 É's"])

            let contacts = sheets[0].rows
            #expect(contacts.map(\.number) == [1, 2, 3, 4, 5, 7])
            #expect(contacts[0].cells == [Self.cell(0, "List 1: Contacts")])
            #expect(contacts[1].cells == ["Child ID", "Name", "Age", "Date of contact", "Notes"].enumerated().map { Self.cell($0, $1) })
            #expect(contacts[2].cells == [
                Self.cell(0, #"C1 & <co> "q" 'a'"#), Self.cell(1, "Zoë é"), Self.cell(2, number: -1),
                Self.cell(3, serial: 61, Self.day(1900, 3, 1)), Self.cell(4, "  leading"),
            ])
            #expect(contacts[3].cells == [Self.cell(0, "C2"), Self.cell(2, number: 0),
                                          Self.cell(3, serial: 45351, Self.day(2024, 2, 29))])
            #expect(contacts[4].cells == [Self.cell(1, "trailing  "), Self.cell(2, number: 1_234_567),
                                          Self.cell(3, serial: 73050, Self.day(2099, 12, 31))])
            // Before 1 March 1900 Excel counts its fictitious 29 February; before 1900 there are no date serials.
            #expect(contacts[5].cells == [Self.cell(0, "C5"), Self.cell(1, "line1\nline2\ttab"),
                                          Self.cell(2, serial: 1, Self.day(1900, 1, 1)),
                                          Self.cell(3, serial: 59, Self.day(1900, 2, 28)), Self.cell(4, "31/12/1899")])

            let referrals = sheets[1].rows
            #expect(referrals.count == 251)
            #expect(referrals[0].number == 1)
            #expect(referrals[0].cells == [Self.cell(0, "Child ID"), Self.cell(1, "Referral date")])
            #expect(referrals[1].cells == [Self.cell(0, "R0"), Self.cell(1, serial: 45017, Self.day(2023, 4, 1))])
            #expect(referrals[250].number == 251)
            #expect(referrals[250].cells == [Self.cell(0, "R249"),
                                             Self.cell(1, serial: 45017 + 249, Self.day(2023, 4, 1).adding(days: 249))])

            #expect(sheets[2].rows.map(\.cells) == [[Self.cell(0, "List 11: Adoption")], [Self.cell(0, "Child ID")]])
        }
    }

    @Test func textXMLCannotHoldIsReplacedAndExcelEscapesAreProtected() throws {
        try withTemporaryFolder { folder in
            let path = folder.file("book.xlsx")
            let book = try XLSXWorkbookWriter(path: path)
            try book.addSheet(XLSXSheet(name: "Text", headings: []), rows: [
                [.text("bell\u{07}vt\u{0B}nul\u{00}end"), .text("cr\r\nlf"), .text("_x0041_ and _x12_"), .text("\u{FFFF}x")],
            ])
            try book.close()
            let rows = try Self.readAll(path)[0].rows
            #expect(rows.map(\.number) == [1])
            #expect(rows[0].cells == [Self.cell(0, "bell\u{FFFD}vt\u{FFFD}nul\u{FFFD}end"), Self.cell(1, "cr\r\nlf"),
                                      Self.cell(2, "_x005F_x0041_ and _x12_"), Self.cell(3, "\u{FFFD}x")])
            let parts = try Self.entries(path)
            let sheet = Self.text(parts["xl/worksheets/sheet1.xml"])
            #expect(sheet.contains("cr&#13;\nlf"))
            // No headings: nothing to freeze below or filter on.
            #expect(sheet.contains(#"<sheetView tabSelected="1" workbookViewId="0"/>"#))
            #expect(!sheet.contains("<autoFilter") && !Self.text(parts["xl/workbook.xml"]).contains("definedName"))
        }
    }

    // MARK: Package

    @Test func packageHasEveryPart() throws {
        try withTemporaryFolder { folder in
            let path = folder.file("book.xlsx")
            try Self.writeSample(to: path)
            let parts = try Self.entries(path)
            #expect(Set(parts.keys) == [
                "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
            ])
            let types = Self.text(parts["[Content_Types].xml"])
            for n in 1...3 { #expect(types.contains("PartName=\"/xl/worksheets/sheet\(n).xml\"")) }
            #expect(Self.text(parts["xl/styles.xml"]).contains(#"<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>"#))

            let sheet1 = Self.text(parts["xl/worksheets/sheet1.xml"])
            #expect(sheet1.contains(#"<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>"#))
            #expect(sheet1.contains(#"<autoFilter ref="A2:E7"/>"#))
            #expect(sheet1.contains(#"<c r="A2" s="1" t="inlineStr"><is><t>Child ID</t></is></c>"#))
            #expect(sheet1.contains(#"<c r="D3" s="2"><v>61</v></c>"#))
            #expect(sheet1.contains(#"<t xml:space="preserve">  leading</t>"#))
            let sheet2 = Self.text(parts["xl/worksheets/sheet2.xml"])
            #expect(sheet2.contains(#"<col min="1" max="1" width="14" customWidth="1"/><col min="2" max="2" width="12.5" customWidth="1"/>"#))
            #expect(sheet2.contains(#"<pane ySplit="1" topLeftCell="A2""#))
            let workbook = Self.text(parts["xl/workbook.xml"])
            #expect(workbook.contains(#"<sheet name="List 11 É's" sheetId="3" r:id="rId3"/>"#))
            #expect(workbook.contains(#"localSheetId="2" hidden="1">'List 11 É''s'!$A$2:$A$2</definedName>"#))
            // The workbook names sheet n as rId<n>: the sheets come first in its relationships, then the styles.
            let workbookRelationships = Self.text(parts["xl/_rels/workbook.xml.rels"])
            #expect(workbookRelationships.contains(#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/>"#))
            #expect(workbookRelationships.contains(#"<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#))
            #expect(Self.text(parts["_rels/.rels"]).contains(#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#))
        }
    }

    @Test(.enabled(if: xmllint != nil, "xmllint is not on PATH (apt-get install libxml2-utils)"))
    func everyPartIsWellFormedXML() throws {
        let xmllint = try #require(Self.xmllint)
        try withTemporaryFolder { folder in
            let path = folder.file("book.xlsx")
            try Self.writeSample(to: path)
            let parts = try Self.entries(path)
            for (name, data) in parts.sorted(by: { $0.key < $1.key }) {
                let file = folder.file("part-" + name.replacingOccurrences(of: "/", with: "_"))
                try data.write(to: URL(fileURLWithPath: file))
                let (status, output) = try Self.run(xmllint, ["--noout", file])
                #expect(status == 0, "\(name) is not well-formed: \(output)")
            }
        }
    }

    @Test func sameRowsGiveIdenticalBytes() throws {
        try withTemporaryFolder { folder in
            try Self.writeSample(to: folder.file("a.xlsx"), date: Self.day(2024, 3, 31))
            try Self.writeSample(to: folder.file("b.xlsx"), date: Self.day(2024, 3, 31))
            try Self.writeSample(to: folder.file("c.xlsx"))
            let a = try readBytes(folder.file("a.xlsx"))
            #expect(a == (try readBytes(folder.file("b.xlsx"))))
            #expect(a != (try readBytes(folder.file("c.xlsx"))))
            let core = Self.text(try Self.entries(folder.file("a.xlsx"))["docProps/core.xml"])
            #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-03-31T00:00:00Z</dcterms:created>"))
            let archive = try Archive(url: URL(fileURLWithPath: folder.file("c.xlsx")), accessMode: .read, pathEncoding: nil)
            for entry in archive {
                #expect(entry.fileAttributes[.modificationDate] as? Date == Date(timeIntervalSince1970: 315_532_800))
            }
        }
    }

    @Test func autoWidthsFitHeadingsAndFirstRows() throws {
        try withTemporaryFolder { folder in
            let path = folder.file("book.xlsx")
            let book = try XLSXWorkbookWriter(path: path)
            try book.addSheet(XLSXSheet(name: "Widths", headings: ["ID", "A much longer heading here"]),
                              rows: [[.text(String(repeating: "x", count: 30)), .date(Self.day(2024, 1, 1))],
                                     [.text(String(repeating: "y", count: 200))]])
            try book.close()
            let sheet = Self.text(try Self.entries(path)["xl/worksheets/sheet1.xml"])
            // 200 characters are capped at 60; the heading's 26 characters count 10% wider for bold.
            #expect(sheet.contains(#"<col min="1" max="1" width="60" customWidth="1"/><col min="2" max="2" width="31" customWidth="1"/>"#))
        }
    }

    // MARK: Refusals and failures

    @Test(arguments: [
        "", "   ", String(repeating: "L", count: 32), "List[1]", "A:B", "A*", "Why?", "a/b", #"a\b"#,
        "'quoted", "quoted'", "History", "history", "tab\there",
    ])
    func excelRefusesTheSheetName(_ name: String) throws {
        try withTemporaryFolder { folder in
            let path = folder.file("book.xlsx")
            let book = try XLSXWorkbookWriter(path: path)
            #expect {
                try book.addSheet(XLSXSheet(name: name, headings: ["A"]), rows: [])
            } throws: { error in
                guard case XLSXWriterError.invalidSheetName(let refused, let reason) = error else { return false }
                return refused == name && !reason.isEmpty
            }
            // A refused name writes nothing, and the workbook can still be finished.
            try book.addSheet(XLSXSheet(name: "Fine", headings: ["A"]), rows: [[.number(1)]])
            try book.close()
            #expect(try Self.readAll(path).map(\.name) == ["Fine"])
        }
    }

    @Test func thirtyOneCharactersAndDuplicatesIgnoringCase() throws {
        try withTemporaryFolder { folder in
            let path = folder.file("book.xlsx")
            let book = try XLSXWorkbookWriter(path: path)
            let longest = String(repeating: "é", count: 31)
            try book.addSheet(XLSXSheet(name: longest, headings: []), rows: [[.text("x")]])
            #expect(throws: XLSXWriterError.invalidSheetName("LIST", reason: "the workbook already has a sheet of that name (Excel ignores case)")) {
                try book.addSheet(XLSXSheet(name: "list", headings: []), rows: [])
                try book.addSheet(XLSXSheet(name: "LIST", headings: []), rows: [])
            }
            try book.close()
            #expect(try Self.readAll(path).map(\.name) == [longest, "list"])
        }
    }

    struct RowSourceFailed: Error {}

    @Test func failedSheetLeavesNoWorkbookAndNoTemporaryFiles() throws {
        try withTemporaryFolder { folder in
            let path = folder.file("annex-a.xlsx")
            try Data("previous run".utf8).write(to: URL(fileURLWithPath: path))
            let book = try XLSXWorkbookWriter(path: path)
            try book.addSheet(Self.contacts, rows: Self.contactRows)
            #expect(throws: RowSourceFailed.self) {
                try book.addSheet(Self.referrals) { rows in
                    for row in Self.referralRows(500) { try rows.append(row) }
                    throw RowSourceFailed()
                }
            }
            #expect(throws: XLSXWriterError.self) { try book.close() }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["annex-a.xlsx"])
            #expect(try readText(path) == "previous run")
        }
    }

    @Test func abandonedWriterRemovesItsTemporaryFile() throws {
        try withTemporaryFolder { folder in
            do {
                let book = try XLSXWorkbookWriter(path: folder.file("book.xlsx"))
                try book.addSheet(Self.contacts, rows: Self.contactRows)
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 1)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }

    @Test func closeReplacesTheOldFileAndRefusesEmptyWorkbooks() throws {
        try withTemporaryFolder { folder in
            let path = folder.file("book.xlsx")
            try Data("old".utf8).write(to: URL(fileURLWithPath: path))
            let empty = try XLSXWorkbookWriter(path: path)
            #expect(throws: XLSXWriterError.noSheets(path: path)) { try empty.close() }
            #expect(try readText(path) == "old")

            let book = try XLSXWorkbookWriter(path: path)
            try book.addSheet(XLSXSheet(name: "One", headings: ["A"]), rows: [[.number(7)]])
            try book.close()
            #expect(try Self.readAll(path).map(\.name) == ["One"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["book.xlsx"])
            #expect(throws: XLSXWriterError.self) { try book.close() }
        }
    }

    @Test func rowsCannotBeAddedOnceTheSheetIsWritten() throws {
        try withTemporaryFolder { folder in
            let book = try XLSXWorkbookWriter(path: folder.file("book.xlsx"))
            var kept: XLSXRowWriter?
            try book.addSheet(XLSXSheet(name: "One", headings: ["A"])) { rows in
                try rows.append([.number(1)])
                kept = rows
            }
            #expect(throws: XLSXWriterError.self) { try kept?.append([.number(2)]) }
            try book.close()
            #expect(try Self.readAll(folder.file("book.xlsx"))[0].rows.count == 2)
        }
    }

    @Test func tooManyColumnsIsRefused() throws {
        try withTemporaryFolder { folder in
            let book = try XLSXWorkbookWriter(path: folder.file("book.xlsx"))
            #expect(throws: XLSXWriterError.sheetTooLarge(sheet: "Wide", reason: "16385 columns; at most 16384")) {
                try book.addSheet(XLSXSheet(name: "Wide", headings: []),
                                  rows: [[XLSXOutputCell](repeating: .number(1), count: 16_385)])
            }
        }
    }

    // MARK: Dates

    @Test func dateSerialsFollowExcels1900System() {
        #expect(XLSXDateSerial.serial(of: Self.day(1900, 1, 1)) == 1)
        #expect(XLSXDateSerial.serial(of: Self.day(1900, 2, 28)) == 59)
        #expect(XLSXDateSerial.serial(of: Self.day(1900, 3, 1)) == 61)
        #expect(XLSXDateSerial.serial(of: Self.day(1970, 1, 1)) == 25569)
        #expect(XLSXDateSerial.serial(of: Self.day(2024, 2, 29)) == 45351)
        #expect(XLSXDateSerial.serial(of: Self.day(9999, 12, 31)) == 2_958_465)
        #expect(XLSXDateSerial.serial(of: Self.day(1899, 12, 31)) == nil)
        // The reader's inverse agrees on every day either side of the fictitious 29 February 1900.
        var day = Self.day(1900, 1, 1)
        while day < Self.day(1901, 1, 1) {
            let serial = XLSXDateSerial.serial(of: day)!
            #expect(XLSXSerialDate.day(serial: Double(serial)) == day)
            day = day.adding(days: 1)
        }
    }

    // MARK: LibreOffice

    @Test(.enabled(if: soffice != nil, "LibreOffice (soffice) is not on PATH; .ci/run installs libreoffice-calc-nogui"))
    func libreOfficeShowsDatesAsDayMonthYear() throws {
        let soffice = try #require(Self.soffice)
        try withTemporaryFolder { folder in
            let path = folder.file("annex-a.xlsx")
            try Self.writeSample(to: path)
            let home = folder.file("home")
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            // Tokens: comma, double quote, UTF-8 (76), line 1, no column formats, default language, quote
            // text only where needed, true (as in LibreOffice's own export example), cell contents AS SHOWN
            // (token 9: false, and plain `--convert-to csv`, print en-US 03/01/1900), no formulas, keep
            // spaces, then -1: every sheet, each to <file>-<sheet>.csv. Without -1 only the first sheet is
            // converted, to <file>.csv.
            let options = "44,34,76,1,,0,false,true,true,false,false"
            let (status, output) = try Self.run(soffice, [
                "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):\(options),-1",
                "--outdir", folder.file("csv"), path,
            ], home: home)
            #expect(status == 0, "soffice failed: \(output)")
            let contacts = try readText(folder.file("csv/annex-a-List 1.csv"))
            #expect(contacts.split(separator: "\n", omittingEmptySubsequences: false) == [
                "List 1: Contacts,,,,",
                "Child ID,Name,Age,Date of contact,Notes",
                #""C1 & <co> ""q"" 'a'",Zoë é,-1,01/03/1900,  leading"#,
                "C2,,0,29/02/2024,",
                ",trailing  ,1234567,31/12/2099,",
                ",,,,",
                // LibreOffice counts every serial from 1899-12-30, without Excel's fictitious 29 February
                // 1900, so it shows days before 1 March 1900 one day early; Excel shows 01/01/1900, 28/02/1900.
                #"C5,"line1"#, "line2\ttab\",31/12/1899,27/02/1900,31/12/1899",
                "",
            ])
            let referrals = try readText(folder.file("csv/annex-a-List 2.csv"))
            #expect(referrals.hasPrefix("Child ID,Referral date\nR0,01/04/2023\nR1,02/04/2023\n"))
            #expect(referrals.hasSuffix("R249,06/12/2023\n"))
            #expect(try readText(folder.file("csv/annex-a-List 11 É's.csv")) == "List 11: Adoption\nChild ID\n")

            let (firstStatus, firstOutput) = try Self.run(soffice, [
                "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):\(options)",
                "--outdir", folder.file("first"), path,
            ], home: home)
            #expect(firstStatus == 0, "soffice failed: \(firstOutput)")
            #expect(try readText(folder.file("first/annex-a.csv")) == contacts)
        }
    }

    // MARK: Support

    static let xmllint = executable("xmllint")
    static let soffice = executable("soffice")

    static func executable(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs a tool to completion; its exit status and what it printed.
    static func run(_ tool: String, _ arguments: [String], home: String? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if let home {
            var environment = ProcessInfo.processInfo.environment
            environment["HOME"] = home
            process.environment = environment
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
