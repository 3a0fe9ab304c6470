import CSCCore
import Testing
@testable import Extractors

@Suite struct CSVReaderTests {
    @Test("line numbers count blank lines, every kind of line end and newlines inside quotes",
          arguments: csvTestChunkSizes)
    func lineNumbers(chunkSize: Int) throws {
        let text = "a,b\n\n\"x\ny\",z\nc,d\r\n\r\n\re,f\r\"p\r\nq\rr\",s\ng,h"
        let read = try CSVTestFiles.withFile(text) { try readCSV($0, chunkSize: chunkSize) }
        #expect(read.rows == [["a", "b"], ["x\ny", "z"], ["c", "d"], ["e", "f"], ["p\r\nq\rr", "s"], ["g", "h"]])
        #expect(read.lines == [1, 3, 5, 8, 9, 12])
    }

    @Test("quoted cells: doubled quotes, commas, empty quoted cells, trailing empty cells",
          arguments: csvTestChunkSizes)
    func quotedCells(chunkSize: Int) throws {
        let text = "\"He said \"\"hi\"\"\",\"a,b\",\"\",,\"\"\"\"\n\"\",x,\n,\n\"last\""
        let read = try CSVTestFiles.withFile(text) { try readCSV($0, chunkSize: chunkSize) }
        #expect(read.rows == [["He said \"hi\"", "a,b", "", "", "\""], ["", "x", ""], ["", ""], ["last"]])
        #expect(read.problems.isEmpty)
    }

    @Test("empty input, a BOM alone and blank lines alone give no records")
    func emptyInputs() throws {
        for bytes: [UInt8] in [[], [0xEF, 0xBB, 0xBF], Array("\n\r\n\r\n".utf8), [0xFF, 0xFE]] {
            let read = try CSVTestFiles.withFile(bytes) { try readCSV($0) }
            #expect(read.rows.isEmpty, "\(bytes)")
        }
    }

    @Test("an unterminated quote fails with the line and character where the cell starts",
          arguments: csvTestChunkSizes)
    func unterminatedQuote(chunkSize: Int) throws {
        let text = "id,note\n1,ok\n2,\"never closed\nmore\n3,x\n"
        try CSVTestFiles.withFile(text) { path in
            let reader = try CSVReader(path: path, chunkSize: chunkSize)
            #expect(try reader.next()?.strings == ["id", "note"])
            #expect(try reader.next()?.strings == ["1", "ok"])
            let error = #expect(throws: CSVError.self) { try reader.next() }
            #expect(error?.reason == .unterminatedQuote)
            #expect(error?.line == 3)
            #expect(error?.column == 3)
            // The reader stays failed rather than inventing records.
            #expect(throws: CSVError.self) { try reader.next() }
            let issue = try #require(error).issue()
            #expect(issue.rule == "unterminated-quote")
            #expect(issue.severity == .fatal)
            #expect(issue.line == 3)
            #expect(issue.file == path)
        }
    }

    @Test("a record past the size limit fails instead of filling memory")
    func recordTooLong() throws {
        let text = "a,b\nc,\"" + String(repeating: "x,\n", count: 400) + "\n"
        try CSVTestFiles.withFile(text) { path in
            let reader = try CSVReader(path: path, chunkSize: 16, maxRecordBytes: 256)
            _ = try reader.next()
            let error = #expect(throws: CSVError.self) { try reader.next() }
            #expect(error?.reason == .recordTooLong(limit: 256))
            #expect(error?.line == 2)
            #expect(error?.message.contains("more than 256 bytes") == true)
            #expect(reader.scanner.capacity < 1024)
        }
    }

    @Test("a quote inside an unquoted cell is kept and reported with its position", arguments: csvTestChunkSizes)
    func strayQuote(chunkSize: Int) throws {
        let text = "id,name\n1,O\"Brien,x\n2,\"Smith\"son,y\n"
        let read = try CSVTestFiles.withFile(text) { try readCSV($0, chunkSize: chunkSize) }
        #expect(read.rows == [["id", "name"], ["1", "O\"Brien", "x"], ["2", "Smithson", "y"]])
        #expect(read.problems == [
            CSVProblem(kind: .strayQuote, line: 2, column: 4, field: 1),
            CSVProblem(kind: .textAfterClosingQuote, line: 3, column: 9, field: 1),
        ])
        let issue = read.problems[0].issue(file: "in.csv", dataset: "episodes", column: "name", value: "O\"Brien")
        #expect(issue.rule == "stray-quote")
        #expect(issue.severity == .warning)
        #expect(issue.line == 2)
        #expect(issue.message.hasSuffix("(character 4)"))
    }

    @Test("the eight-byte test finds exactly the commas, quotes, CRs and LFs, whatever the neighbouring bytes")
    func specialByteMask() {
        // Every byte value in every lane, beside neighbours that are special, zero or high.
        for neighbour: UInt8 in [0x00, 0x2C, 0x22, 0x0A, 0x0D, 0x7F, 0x80, 0xAC, 0xFF, 0x41] {
            for lane in 0..<8 {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: neighbour, count: 8)
                    bytes[lane] = UInt8(value)
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    let mask = CSVScanner.exactSpecialBytes(in: word)
                    for i in 0..<8 {
                        let flagged = (mask >> UInt64(8 * i + 7)) & 1 == 1
                        #expect(flagged == CSVScanner.isSpecial(bytes[i]), "byte \(bytes[i]) in lane \(i)")
                    }
                }
            }
        }
    }

    @Test("records with and without quotes, cut anywhere by the reads, give the same cells",
          arguments: csvTestChunkSizes)
    func plainAndQuotedRecords(chunkSize: Int) throws {
        let text = "a,b,,d\r\n\"x,y\",2,3,\n,,,\nlong cell of more than eight bytes,ok,\u{e9}t\u{e9},z\rlast,row"
        let read = try CSVTestFiles.withFile(text) { try readCSV($0, chunkSize: chunkSize) }
        #expect(read.rows == [["a", "b", "", "d"], ["x,y", "2", "3", ""], ["", "", "", ""],
                              ["long cell of more than eight bytes", "ok", "\u{e9}t\u{e9}", "z"], ["last", "row"]])
        #expect(read.lines == [1, 2, 3, 4, 5])
        #expect(read.problems.isEmpty)
    }

    @Test("character positions count characters, not bytes")
    func characterColumns() throws {
        let text = "é€😀,x\"y\n"
        let read = try CSVTestFiles.withFile(text) { try readCSV($0, chunkSize: 2) }
        #expect(read.problems == [CSVProblem(kind: .strayQuote, line: 1, column: 6, field: 1)])
    }

    @Test("cells are read on demand: bytes, strings, trimmed strings, empties, short rows")
    func recordAccess() throws {
        let text = "  a b\t,\"x \"\"y\"\" \",,\" \u{A0}z\u{A0} \"\n"
        try CSVTestFiles.withFile(text) { path in
            let reader = try CSVReader(path: path)
            let record = try #require(try reader.next())
            #expect(record.count == 4)
            #expect(record.line == 1)
            #expect(record.string(at: 0) == "  a b\t")
            #expect(record.trimmedString(at: 0) == "a b")
            #expect(record.string(at: 1) == "x \"y\" ")
            #expect(record.trimmedString(at: 1) == "x \"y\"")
            #expect(record.trimmedString(at: 3) == "z")
            #expect(record.withBytes(at: 1) { Array($0) } == Array("x \"y\" ".utf8))
            #expect(record.withBytes(at: 0) { $0.count } == 6)
            #expect(record.isEmpty(at: 2))
            #expect(!record.isEmpty(at: 1))
            #expect(!record.isBlank)
            // Past the end of a short row: empty, never a crash.
            #expect(record.string(at: 9) == "")
            #expect(record.isEmpty(at: 9))
            #expect(record.withBytes(at: 9) { $0.count } == 0)
            #expect(try reader.next() == nil)
            #expect(try reader.next() == nil)
        }
    }

    @Test("rows of commas are blank; ragged rows are the caller's call, with a ready-made warning")
    func blankAndRaggedRows() throws {
        try CSVTestFiles.withFile("a,b,c\n,,\n1,2\n1,2,3\n") { path in
            let reader = try CSVReader(path: path)
            let header = try #require(try reader.next())
            #expect(header.raggedRowIssue(headerCount: 3, dataset: "episodes") == nil)
            let commas = try #require(try reader.next())
            #expect(commas.isBlank)
            let short = try #require(try reader.next())
            let issue = try #require(short.raggedRowIssue(headerCount: 3, dataset: "episodes", childID: "1"))
            #expect(issue.rule == "ragged-row")
            #expect(issue.line == 3)
            #expect(issue.file == path)
            #expect(issue.message == "the row has 2 cells but the header has 3")
            #expect(try reader.next()?.raggedRowIssue(headerCount: 3, dataset: "episodes") == nil)
        }
    }

    @Test("a record read after the reader moved on stops the program instead of reading stale bytes")
    func staleRecord() async {
        await #expect(processExitsWith: .failure) {
            // The file goes before the crash (an open file stays readable), so nothing is left behind.
            let reader = try CSVTestFiles.withFile("a,b\nc,d\n") { try CSVReader(path: $0) }
            let first = try #require(try reader.next())
            _ = try reader.next()
            _ = first.string(at: 0)
        }
    }

    @Test("a missing file is an unreadable-file issue, not a crash")
    func missingFile() throws {
        let error = #expect(throws: CSVError.self) { try CSVReader(path: "/nonexistent/cscpipe/x.csv") }
        guard case .cannotOpen(let why)? = error?.reason else {
            Testing.Issue.record("expected cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(why.contains("No such file"))
        #expect(error?.issue().rule == "unreadable-file")
        #expect(error?.issue().file == "/nonexistent/cscpipe/x.csv")
    }

    @Test("a folder given as a file fails with a read error")
    func folderAsFile() throws {
        let reader = try CSVReader(path: "/tmp")
        let error = #expect(throws: CSVError.self) { try reader.next() }
        guard case .cannotRead? = error?.reason else {
            Testing.Issue.record("expected cannotRead, got \(String(describing: error))")
            return
        }
    }
}
