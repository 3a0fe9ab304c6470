import Testing
@testable import Extractors

@Suite struct CSVEncodingTests {
    @Test("a UTF-8 BOM is dropped, never part of the first column name", arguments: csvTestChunkSizes)
    func utf8BOM(chunkSize: Int) throws {
        let read = try CSVTestFiles.withFile("\u{FEFF}CHILD,DOB\r\nA1,01/01/2010\r\n") {
            try readCSV($0, chunkSize: chunkSize)
        }
        #expect(read.rows == [["CHILD", "DOB"], ["A1", "01/01/2010"]])
        #expect(read.encoding == .utf8BOM)
    }

    @Test("UTF-16 with a BOM, either byte order, including characters outside the BMP",
          arguments: csvTestChunkSizes)
    func utf16(chunkSize: Int) throws {
        let text = "name,note\r\nJosé,\"a 😀, b\nc\"\r\n€,x"
        let expected = [["name", "note"], ["José", "a 😀, b\nc"], ["€", "x"]]
        for bigEndian in [false, true] {
            let bytes = CSVTestEncoding.utf16(text, bigEndian: bigEndian)
            let read = try CSVTestFiles.withFile(bytes) { try readCSV($0, chunkSize: chunkSize) }
            #expect(read.rows == expected)
            #expect(read.lines == [1, 2, 4])
            #expect(read.encoding == (bigEndian ? .utf16BE : .utf16LE))
        }
    }

    @Test("UTF-16 without a BOM is recognised by its zero bytes")
    func utf16WithoutBOM() throws {
        for bigEndian in [false, true] {
            let bytes = CSVTestEncoding.utf16("id,n\n1,é\n", bigEndian: bigEndian, bom: false)
            let read = try CSVTestFiles.withFile(bytes) { try readCSV($0, chunkSize: 3) }
            #expect(read.rows == [["id", "n"], ["1", "é"]])
            #expect(read.encoding == (bigEndian ? .utf16BE : .utf16LE))
        }
    }

    @Test("broken UTF-16 becomes U+FFFD instead of failing")
    func brokenUTF16() throws {
        // "a,", a lone high surrogate, ",b", then one odd byte at the end.
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x2C, 0x00, 0x3D, 0xD8, 0x2C, 0x00, 0x62, 0x00, 0x63]
        let read = try CSVTestFiles.withFile(bytes) { try readCSV($0, chunkSize: 1) }
        #expect(read.rows == [["a", "\u{FFFD}", "b\u{FFFD}"]])
    }

    @Test("bytes that are not UTF-8 make the file Windows-1252", arguments: csvTestChunkSizes)
    func windows1252(chunkSize: Int) throws {
        let bytes: [UInt8] = Array("Name,Town\r\nJos".utf8) + [0xE9] + Array(",".utf8) + [0x80] + Array(" 5\r\n".utf8)
        let read = try CSVTestFiles.withFile(bytes) { try readCSV($0, chunkSize: chunkSize) }
        #expect(read.rows == [["Name", "Town"], ["José", "€ 5"]])
        #expect(read.encoding == .windows1252)
        #expect(read.problems.isEmpty)
    }

    @Test("the whole Windows-1252 upper half converts as Windows does")
    func windows1252Table() throws {
        var bytes: [UInt8] = []
        for byte in UInt8(0x80)...UInt8(0xFF) { bytes += [byte, 0x2C] }
        bytes[bytes.count - 1] = 0x0A
        let read = try CSVTestFiles.withFile(bytes) { try readCSV($0) }
        let cells = try #require(read.rows.first)
        #expect(cells.count == 128)
        #expect(read.encoding == .windows1252)
        let known: [UInt8: String] = [
            0x80: "€", 0x81: "\u{81}", 0x82: "‚", 0x83: "ƒ", 0x8A: "Š", 0x8D: "\u{8D}", 0x91: "‘", 0x92: "’",
            0x93: "“", 0x94: "”", 0x96: "–", 0x97: "—", 0x99: "™", 0x9C: "œ", 0x9F: "Ÿ", 0xA3: "£", 0xE9: "é",
            0xFF: "ÿ",
        ]
        for (byte, text) in known { #expect(cells[Int(byte) - 0x80] == text, "byte \(byte)") }
        for byte in 0xA0...0xFF { #expect(cells[byte - 0x80].unicodeScalars.map(\.value) == [UInt32(byte)]) }
    }

    @Test("one table saved as UTF-8, UTF-8 BOM, UTF-16 LE/BE and Windows-1252, LF or CRLF, reads the same")
    func sameTableEveryEncoding() throws {
        // As Excel saves it: a line break inside a cell stays LF whatever ends the records.
        let records = ["CHILD,NAME,NOTE", "1,José Ü,\"Paid £5, then €3\"", "2,“Bob” O’Neil,\"two\nlines\""]
        var reads: [(String, CSVReadResult)] = []
        for (name, lineEnd) in [("LF", "\n"), ("CRLF", "\r\n")] {
            let text = records.joined(separator: lineEnd) + lineEnd
            let saves: [(String, [UInt8], CSVEncoding)] = [
                ("UTF-8", Array(text.utf8), .utf8),
                ("UTF-8 BOM", [0xEF, 0xBB, 0xBF] + Array(text.utf8), .utf8BOM),
                ("UTF-16 LE", CSVTestEncoding.utf16(text, bigEndian: false), .utf16LE),
                ("UTF-16 BE", CSVTestEncoding.utf16(text, bigEndian: true), .utf16BE),
                ("Windows-1252", CSVTestEncoding.windows1252(text), .windows1252),
            ]
            for (label, bytes, encoding) in saves {
                for chunkSize in [1, 5, CSVReader.defaultChunkSize] {
                    var read = try CSVTestFiles.withFile(bytes) { try readCSV($0, chunkSize: chunkSize) }
                    #expect(read.encoding == encoding, "\(label) \(name)")
                    read.encoding = .utf8
                    reads.append(("\(label) \(name) chunk \(chunkSize)", read))
                }
            }
        }
        let first = reads[0].1
        #expect(first.rows == [["CHILD", "NAME", "NOTE"], ["1", "José Ü", "Paid £5, then €3"],
                               ["2", "“Bob” O’Neil", "two\nlines"]])
        #expect(first.lines == [1, 2, 3])
        for (label, read) in reads { #expect(read == first, "\(label)") }
    }

    @Test("a file that is ASCII until a Windows-1252 byte after the first read switches to Windows-1252")
    func lateWindows1252() throws {
        let bytes = Array(String(repeating: "abc,def\n", count: 20).utf8) + Array("Zo".utf8) + [0xEB, 0x0A]
        let read = try CSVTestFiles.withFile(bytes) { try readCSV($0, chunkSize: 64) }
        #expect(read.rows.last == ["Zoë"])
        #expect(read.encoding == .windows1252)
        #expect(read.problems.isEmpty)
    }

    @Test("a UTF-8 file with a stray non-UTF-8 byte later on keeps UTF-8 and reports the byte once")
    func mixedEncoding() throws {
        let bytes = Array("naïve,x\n".utf8) + Array(String(repeating: "abc,def\n", count: 20).utf8)
            + Array("1,Zo".utf8) + [0xEB, 0x0A] + Array("2,".utf8) + [0xE9, 0x0A]
        for chunkSize in [1, 64] {
            let read = try CSVTestFiles.withFile(bytes) { try readCSV($0, chunkSize: chunkSize) }
            #expect(read.rows.first == ["naïve", "x"])
            #expect(read.rows.suffix(2) == [["1", "Zoë"], ["2", "é"]])
            #expect(read.encoding == .utf8)
            #expect(read.problems == [CSVProblem(kind: .invalidUTF8, line: 22, column: 5, field: 1)])
            #expect(read.problems.first?.rule.id == "invalid-utf8")
        }
    }

    @Test("a first read that is not UTF-8 makes the whole file Windows-1252, even bytes that looked like UTF-8")
    func firstReadDecides() throws {
        // C2 A3 is "£" in UTF-8 but "Â£" in Windows-1252; the E9 later proves it is the latter.
        let bytes: [UInt8] = Array("a,".utf8) + [0xC2, 0xA3] + Array("\nb,caf".utf8) + [0xE9, 0x0A]
        let read = try CSVTestFiles.withFile(bytes) { try readCSV($0) }
        #expect(read.rows == [["a", "Â£"], ["b", "café"]])
        #expect(read.encoding == .windows1252)
    }
}
