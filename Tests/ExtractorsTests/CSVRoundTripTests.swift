import Testing
@testable import Extractors

/// Random tables written as RFC 4180 and read back must come back unchanged,
/// with the right line numbers, whatever the read boundaries.
@Suite struct CSVRoundTripTests {
    struct Generated {
        var rows: [[String]] = []
        var lines: [Int] = []
        var bytes: [UInt8] = []
        /// Line ends so far, as a text editor counts them: LF, CR and CRLF once each.
        var lineBreaks = 0

        var text: String { String(decoding: bytes, as: UTF8.self) }

        mutating func append(_ text: String) {
            for b in text.utf8 {
                if b == 0x0D || (b == 0x0A && bytes.last != 0x0D) { lineBreaks += 1 }
                bytes.append(b)
            }
        }
    }

    static let pieces = [
        "a", "Z", "7", " ", "  x ", ",", "\"", "\"\"", "\r", "\n", "\r\n", "é", "€", "😀", "中文", "ß",
        "naïve", "01/02/2024", "", "\t", "a,b", "\"q\"",
    ]

    static func generate(seed: UInt64, records: ClosedRange<Int> = 1...12) -> Generated {
        var rng = CSVTestRandom(seed: seed)
        var file = Generated()
        let lineEnds = ["\n", "\r\n", "\r"]
        let recordCount = rng.int(records)
        for index in 0..<recordCount {
            while rng.chance(15) { file.append(rng.pick(lineEnds)) }
            let row = (0..<rng.int(1...6)).map { _ in
                (0..<rng.int(0...4)).map { _ in rng.pick(pieces) }.joined()
            }
            file.lines.append(1 + file.lineBreaks)
            file.rows.append(row)
            file.append(row.map { field in
                let mustQuote = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                // A record of one empty cell must be quoted, or it would be a blank line.
                return mustQuote || rng.chance(20) || (row.count == 1 && field.isEmpty)
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ","))
            if index < recordCount - 1 || rng.chance(50) { file.append(rng.pick(lineEnds)) }
        }
        while rng.chance(10) { file.append(rng.pick(lineEnds)) }
        return file
    }

    @Test("random RFC 4180 files read back unchanged", arguments: csvTestChunkSizes)
    func randomFiles(chunkSize: Int) throws {
        for seed in UInt64(1)...300 {
            let file = Self.generate(seed: seed)
            let read = try CSVTestFiles.withFile(file.bytes) { try readCSV($0, chunkSize: chunkSize) }
            #expect(read.rows == file.rows, "seed \(seed)")
            #expect(read.lines == file.lines, "seed \(seed)")
            #expect(read.problems.isEmpty, "seed \(seed)")
            #expect(read.encoding == .utf8, "seed \(seed)")
        }
    }

    @Test("random files saved as UTF-16 read the same", arguments: [1, 3, 64, CSVReader.defaultChunkSize])
    func randomFilesInUTF16(chunkSize: Int) throws {
        for seed in UInt64(1)...100 {
            let file = Self.generate(seed: seed)
            for bigEndian in [false, true] {
                let bytes = CSVTestEncoding.utf16(file.text, bigEndian: bigEndian)
                let read = try CSVTestFiles.withFile(bytes) { try readCSV($0, chunkSize: chunkSize) }
                #expect(read.rows == file.rows, "seed \(seed)")
                #expect(read.lines == file.lines, "seed \(seed)")
                #expect(read.encoding == (bigEndian ? .utf16BE : .utf16LE), "seed \(seed)")
            }
        }
    }

    @Test("a file many chunks long reads back unchanged in a buffer that does not grow")
    func longFile() throws {
        let file = Self.generate(seed: 42, records: 3000...3000)
        for chunkSize in [64, 4096] {
            try CSVTestFiles.withFile(file.bytes) { path in
                let reader = try CSVReader(path: path, chunkSize: chunkSize)
                var rows: [[String]] = []
                var lines: [Int] = []
                var largestBuffer = 0
                while let record = try reader.next() {
                    rows.append(record.strings)
                    lines.append(record.line)
                    largestBuffer = max(largestBuffer, reader.scanner.capacity)
                }
                #expect(rows == file.rows)
                #expect(lines == file.lines)
                // Records here are under 200 bytes: the buffer stays near two chunks.
                #expect(largestBuffer <= 2 * chunkSize + 512, "buffer grew to \(largestBuffer)")
            }
        }
        #expect(file.bytes.count > 50_000)
    }
}
