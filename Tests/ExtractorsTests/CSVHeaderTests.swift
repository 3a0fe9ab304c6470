import Testing
@testable import Extractors

@Suite struct CSVHeaderTests {
    @Test("the header is the row matching most expected names; title rows above it are skipped")
    func findsHeaderBelowTitles() throws {
        let rows = [
            ["Children looked after 2024-25", "", ""],
            ["Produced by: CHILD team", "", ""],
            [" child ", "dob", "Sex", "Notes"],
            ["A1", "01/01/2010", "M", ""],
        ]
        let header = try #require(CSVHeader.find(in: rows, lines: [1, 2, 4, 5], expected: ["CHILD", "DOB", "SEX", "UPN"]))
        #expect(header.line == 4)
        #expect(header.skippedRows == 2)
        #expect(header.names == [" child ", "dob", "Sex", "Notes"])
        #expect(header.missing == ["UPN"])
        #expect(header.column("CHILD") == 0)
        #expect(header.column("sex ") == 2)
        #expect(header.column("notes") == 3)
        #expect(header.column("UPN") == nil)
        #expect(header.problems.isEmpty)
    }

    @Test("the earliest row wins a tie; no match at all is nil")
    func tiesAndNoMatch() {
        let rows = [["a", "CHILD"], ["CHILD", "b"]]
        #expect(CSVHeader.find(in: rows, lines: [1, 2], expected: ["child"])?.line == 1)
        #expect(CSVHeader.find(in: rows, lines: [1, 2], expected: ["UPN"]) == nil)
        #expect(CSVHeader.find(in: [], lines: [], expected: ["UPN"]) == nil)
    }

    @Test("with no expected names the first non-blank row is the header")
    func noExpectedNames() {
        let rows = [["", " "], ["code", "label"]]
        #expect(CSVHeader.find(in: rows, lines: [1, 2], expected: [])?.names == ["code", "label"])
    }

    @Test("duplicate and empty column names are reported as values and issues")
    func duplicateAndEmptyNames() {
        let header = CSVHeader(names: ["CHILD", "DOB", "", "child ", "DOB", "X"], line: 3)
        #expect(header.problems == [
            .duplicateName("CHILD", columns: [0, 3]),
            .duplicateName("DOB", columns: [1, 4]),
            .emptyName(column: 2),
        ])
        #expect(header.column("child") == 0)
        let issues = header.issues(file: "f.csv", dataset: "episodes")
        #expect(issues.map(\.rule) == ["duplicate-column", "duplicate-column", "empty-column-name"])
        #expect(issues.allSatisfy { $0.line == 3 && $0.file == "f.csv" && $0.severity == .warning })
        #expect(issues[0].column == "CHILD")
        #expect(issues[0].message.contains("columns 1, 4"))
        #expect(issues[2].message.contains("column 3"))
    }

    @Test("readHeader leaves the reader on the first data row, whatever the chunk size", arguments: csvTestChunkSizes)
    func readerSkipsToData(chunkSize: Int) throws {
        let text = "\u{FEFF}Report title,,\n\nCHILD,DOB,SEX\r\nA1,\"01/01/2010\",M\nA2,02/02/2011,F"
        try CSVTestFiles.withFile(text) { path in
            let reader = try CSVReader(path: path, chunkSize: chunkSize)
            let header = try #require(try reader.readHeader(expecting: ["CHILD", "DOB", "SEX"]))
            #expect(header.names == ["CHILD", "DOB", "SEX"])
            #expect(header.line == 3)
            let first = try #require(try reader.next())
            #expect(first.strings == ["A1", "01/01/2010", "M"])
            #expect(first.line == 4)
            #expect(try reader.next()?.line == 5)
            #expect(try reader.next() == nil)
            #expect(reader.encoding == .utf8BOM)
        }
    }

    @Test("readHeader with no matching row returns nil and rewinds to the start")
    func readerWithoutHeader() throws {
        try CSVTestFiles.withFile("a,b\nc,d\n") { path in
            let reader = try CSVReader(path: path)
            #expect(try reader.readHeader(expecting: ["CHILD"]) == nil)
            #expect(try reader.next()?.strings == ["a", "b"])
        }
    }

    @Test("readAll gives header, rows with their lines, encoding and problems")
    func readAll() throws {
        let text = "date,title\r\n2024-01-01,New Year’s Day\r\n\r\n2024-03-29,\"Good Friday\"\r\n2024-05-06,Early \"May\n"
        try CSVTestFiles.withFile(text) { path in
            let table = try CSVReader.readAll(path: path)
            #expect(table.header == ["date", "title"])
            #expect(table.rows == [["2024-01-01", "New Year’s Day"], ["2024-03-29", "Good Friday"],
                                   ["2024-05-06", "Early \"May"]])
            #expect(table.lines == [2, 4, 5])
            #expect(table.encoding == .utf8)
            #expect(table.problems == [CSVProblem(kind: .strayQuote, line: 5, column: 18, field: 1)])
        }
        let empty = try CSVTestFiles.withFile("") { try CSVReader.readAll(path: $0) }
        #expect(empty.header.isEmpty && empty.rows.isEmpty)
    }
}
