import CSCCore
import Foundation
import Testing
@testable import Extractors

/// Reading a file's rows on several cores (`CSVReader.consumeRemaining`) gives
/// exactly what a sequential read gives: the same records in the same order,
/// the same line numbers, problems, counts, encoding and errors, whatever the
/// segment size and however the file is laid out.
@Suite("CSV: parallel segments read as a sequential read does")
struct CSVSegmentsTests {
    /// Sends every row as a record of its cells, its CSV problems as issues
    /// and a ragged-row warning, as the real readers do.
    final class RowCopier: CSVRowConsumer {
        let sink: RecordSink
        let readsWithRows: ReadCounter
        var rows = 0

        init(_ sink: RecordSink, readsWithRows: ReadCounter) {
            self.sink = sink
            self.readsWithRows = readsWithRows
        }

        func consumeAll(_ reader: CSVReader) throws(CSVError) {
            let target = CSVRecordTarget(sink)
            let before = rows
            defer { if rows > before { readsWithRows.add() } }
            while let record = try reader.next() {
                if record.isBlank { continue }
                rows += 1
                for problem in record.problems {
                    sink.report(problem.issue(file: "f.csv", dataset: "rows", value: record.string(at: problem.field)))
                }
                if let ragged = record.raggedRowIssue(headerCount: 3, dataset: "rows") { sink.report(ragged) }
                // Every cell in one value, so that any row fits the table's width.
                var values = CanonicalTable.children.emptyValues()
                values[0] = record.strings.joined(separator: "|")
                values[1] = record.trimmedString(at: 0)
                target.accept(Record(table: .children, values: values,
                                     source: CSCCore.SourceLocation(file: "f.csv", line: record.line)))
            }
        }

        func takeCounts() -> Int {
            defer { rows = 0 }
            return rows
        }
    }

    /// How many `consumeAll` calls read at least one row: each segment parsed is one, from any core.
    final class ReadCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    /// Everything one read gave, or the error that stopped it.
    struct Outcome: Equatable {
        var records: [Record] = []
        var issues: [CSCCore.Issue] = []
        var rows = 0
        var encoding = CSVEncoding.utf8
        var error: CSVError?
        /// Consumers made: one for a sequential read, one per queued segment and one more for a parallel one.
        var consumers = 0
        /// Reads that delivered rows: more than one only when segments were really parsed apart.
        var readsWithRows = 0

        static func == (a: Outcome, b: Outcome) -> Bool {
            a.records == b.records && a.issues == b.issues && a.rows == b.rows && a.encoding == b.encoding
                && a.error == b.error
        }
    }

    static func read(_ path: String, _ parallelism: CSVParallelism) -> Outcome {
        let sink = CollectingSink()
        var outcome = Outcome()
        do {
            let reader = try CSVReader(path: path)
            _ = try reader.next()
            let reads = ReadCounter()
            outcome.rows = try reader.consumeRemaining(into: sink, parallelism: parallelism) { sink in
                outcome.consumers += 1
                return RowCopier(sink, readsWithRows: reads)
            }
            outcome.readsWithRows = reads.value
            outcome.encoding = reader.encoding
            #expect(try reader.next() == nil)
        } catch {
            outcome.error = error
        }
        outcome.records = sink.records
        outcome.issues = sink.issues
        return outcome
    }

    static func parallel(segmentBytes: Int) -> CSVParallelism {
        CSVParallelism(workers: 2, segmentBytes: segmentBytes, minimumBytes: 0)
    }

    static let segmentSizes = [1, 7, 16, 33, 64, 100, 257, 1000, 4096]

    /// Checks every segment size against the sequential read of `bytes`; returns the sequential outcome.
    @discardableResult
    static func expectSame(_ bytes: [UInt8], segmentSizes: [Int] = segmentSizes, inSegments: Bool = false,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Outcome {
        try CSVTestFiles.withFile(bytes) { path in
            let expected = read(path, .sequential)
            #expect(expected.consumers == 1, sourceLocation: sourceLocation)
            for size in segmentSizes {
                let got = read(path, parallel(segmentBytes: size))
                #expect(got == expected, "segments of \(size) bytes", sourceLocation: sourceLocation)
                // A file with quotes may be read on from the first record in doubt, so only files the
                // caller knows can be cut must be parsed apart: in segments of 7 bytes up to a quarter of the
                // file (with 1-byte segments the read measured here went sequential, which is also correct).
                if inSegments, size >= 7, size * 4 <= bytes.count {
                    #expect(got.readsWithRows >= 2, "segments of \(size) bytes were parsed apart", sourceLocation: sourceLocation)
                }
            }
            return expected
        }
    }

    /// A random file of rows mixing quoted cells with commas, doubled
    /// quotes and line breaks, blank lines, ragged rows and non-ASCII text.
    static func randomFile(seed: UInt64, rows: Int, lineEnd: String, quoted: Bool) -> String {
        var random = CSVTestRandom(seed: seed)
        let plain = ["1001", "a b", "", "Zoë", "x", "2024-01-02", "O'Neil", "naïve café"]
        let tricky = ["\"a,b\"", "\"say \"\"hi\"\"\"", "\"two\(lineEnd)lines\"", "\"cr\rinside\"", "\"lf\ninside\"",
                      "\"crlf\r\ninside\"", "\"\""]
        var text = "id,name,note" + lineEnd
        for i in 0..<rows {
            if random.chance(3) {
                text += lineEnd
                continue
            }
            let width = random.chance(5) ? random.int(1...5) : 3
            var cells = [String(i)]
            while cells.count < width {
                cells.append(quoted && random.chance(20) ? random.pick(tricky) : random.pick(plain))
            }
            text += cells.joined(separator: ",")
            if i < rows - 1 || random.chance(50) { text += lineEnd }
        }
        return text
    }

    @Test("LF, CRLF and CR files, with and without quoted line breaks", arguments: ["\n", "\r\n", "\r"])
    func lineEnds(_ lineEnd: String) throws {
        for seed in 1...4 as ClosedRange<UInt64> {
            let outcome = try Self.expectSame(Array(Self.randomFile(seed: seed, rows: 120, lineEnd: lineEnd, quoted: true).utf8))
            #expect(outcome.error == nil)
            #expect(outcome.rows > 100)
            try Self.expectSame(Array(Self.randomFile(seed: seed, rows: 120, lineEnd: lineEnd, quoted: false).utf8),
                                inSegments: true)
        }
    }

    @Test("Line numbers count every line end, inside quotes too")
    func lineNumbers() throws {
        let text = "h1,h2,h3\n\"a\nb\",2,3\r\n\r\nlast,\"x\r\ny\",z\rend,1,2"
        let outcome = try Self.expectSame(Array(text.utf8))
        #expect(outcome.records.map(\.source.line) == ["2", "5", "7"])
    }

    @Test("Stray quotes and text after a closing quote: the quote count is wrong, the result is not")
    func strayQuotes() throws {
        var text = "a,b,c\n"
        for i in 0..<60 {
            switch i % 10 {
            case 3: text += "\(i),ab\"c,x\n"
            case 6: text += "\(i),\"ab\"c\"d,x\n"
            case 8: text += "\(i),\"q\nr\",x\n"
            default: text += "\(i),plain,x\n"
            }
        }
        let outcome = try Self.expectSame(Array(text.utf8))
        #expect(outcome.rows == 60)
        #expect(outcome.issues.contains { $0.rule == Rule.csvStrayQuote.id })
    }

    @Test("A byte order mark, a header ending in CR before an LF, and no line end at the end")
    func bomAndEdges() throws {
        let body = (0..<50).map { "\($0),é,\"q\"\"\"" }.joined(separator: "\r\n")
        let outcome = try Self.expectSame([0xEF, 0xBB, 0xBF] + Array(("h1,h2,h3\r\n" + body).utf8))
        #expect(outcome.encoding == .utf8BOM)
        #expect(outcome.records.count == 50)
        try Self.expectSame(Array(("h1,h2,h3\r" + body + "\r\n").utf8))
    }

    @Test("A byte that is not UTF-8 past the first read: Windows-1252 from there, exactly as a sequential read")
    func notUTF8() throws {
        // The reader's first read (1 MB) decides alone; past it the rows are cut into segments.
        let rows = (0..<70_000).map { "\($0),plain text,row" }.joined(separator: "\n") + "\n"
        let bad = Array("81,caf".utf8) + [0xE9] + Array(",x\n82,b,c\n".utf8)
        let sizes = [4096, 65_536, 300_000]
        // All ASCII before the bad byte: from there the file is Windows-1252.
        let converted = try Self.expectSame(Array(("h1,h2,h3\n" + rows).utf8) + bad, segmentSizes: sizes)
        #expect(converted.encoding == .windows1252)
        #expect(converted.records.last?.values[0] == "82|b|c")
        // UTF-8 seen before it: the bad byte alone is read as Windows-1252, and reported.
        let repaired = try Self.expectSame(Array(("h1,h2,h3\n0,Zoë,x\n" + rows).utf8) + bad, segmentSizes: sizes)
        #expect(repaired.encoding == .utf8)
        #expect(repaired.issues.contains { $0.rule == Rule.csvInvalidUTF8.id })
        #expect(repaired.records.contains { $0.values[0] == "81|café|x" })
    }

    @Test("An unclosed quote gives the sequential read's error, after the same records")
    func unclosedQuote() throws {
        let text = "h1,h2,h3\n" + (0..<40).map { "\($0),a,b" }.joined(separator: "\n") + "\n41,\"never closed,x\n42,y,z\n"
        let outcome = try Self.expectSame(Array(text.utf8))
        #expect(outcome.error?.reason == .unterminatedQuote)
        #expect(outcome.records.count == 40)
    }

    @Test("Cutting: boundaries only where the quotes are even, and every line end counted once")
    func cutter() {
        func boundary(_ text: String, atEnd: Bool = false) -> (cut: Int?, lines: Int) {
            let bytes = Array(text.utf8)
            let found = bytes.withUnsafeBufferPointer {
                CSVSegmentCutter.lastBoundary($0.baseAddress!, count: bytes.count, atEnd: atEnd)
            }
            return (found.cut, found.lineBreaks)
        }
        #expect(boundary("a\nb\nc").cut == 4)
        #expect(boundary("a\nb\nc").lines == 2)
        #expect(boundary("a\n\"b\nc").cut == 2)
        #expect(boundary("a\r\nb\r\nc").cut == 6)
        #expect(boundary("a\r\nb\r\nc").lines == 2)
        // A CR at the very end may be half of a CRLF: not a boundary yet.
        #expect(boundary("a\rb\r").cut == 2)
        #expect(boundary("a\rb\r", atEnd: true).cut == 4)
        #expect(boundary("\"a\nb\"").cut == nil)
        #expect(boundary("\"a\nb\"", atEnd: true).cut == 5)
        #expect(boundary("abc").cut == nil)
    }
}
