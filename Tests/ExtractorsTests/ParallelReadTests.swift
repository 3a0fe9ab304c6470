import CSCCore
import Foundation
import Testing
@testable import Extractors

/// The SSDA903 and mapped-export readers give the same records, issues and
/// summaries whether a file's rows are read sequentially or shared out
/// between cores in segments, on hand-made files full of faults and on the
/// public 903 fixtures.
@Suite("Readers: a parallel read is a sequential read")
struct ParallelReadTests {
    static let segmentSizes = [1, 50, 200, 999, 4096]

    static func parallel(_ segmentBytes: Int) -> CSVParallelism {
        CSVParallelism(workers: 2, segmentBytes: segmentBytes, minimumBytes: 0)
    }

    /// Everything one read gave.
    struct Outcome<Summary: Equatable>: Equatable {
        var summary: Summary?
        var records: [Record]
        var issues: [CSCCore.Issue]
        var failure: CSCCore.Issue?
    }

    static func read903(_ path: String, year: CollectionYear?, _ parallelism: CSVParallelism) -> Outcome<SSDA903FileSummary> {
        let sink = CollectingSink()
        do {
            let summary = try SSDA903TestData.reader.read(path: path, displayName: "ssda903/episodes.csv", year: year,
                                                         into: sink, parallelism: parallelism)
            return Outcome(summary: summary, records: sink.records, issues: sink.issues)
        } catch {
            return Outcome(summary: nil, records: sink.records, issues: sink.issues, failure: error.issue)
        }
    }

    static func readMapped(_ path: String, _ export: MappedExport, _ parallelism: CSVParallelism) -> Outcome<MappedFileSummary> {
        let sink = CollectingSink()
        do {
            let summary = try MappedReader(export: export).read(path: path, displayName: "exports/episodes.csv", into: sink,
                                                                parallelism: parallelism)
            return Outcome(summary: summary, records: sink.records, issues: sink.issues)
        } catch {
            return Outcome(summary: nil, records: sink.records, issues: sink.issues, failure: error.issue)
        }
    }

    static let episodesHeader = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"

    /// An Episodes file with a fault in about one row in four: unknown
    /// codes, bad and ISO dates, missing child ids, ragged and blank rows,
    /// quoted cells with line breaks, stray quotes and non-ASCII text.
    static func episodes(seed: UInt64, rows: Int, lineEnd: String) -> String {
        var random = CSVTestRandom(seed: seed)
        var lines = [episodesHeader]
        for i in 0..<rows {
            var cells = ["\(1000 + i / 3)", "01/0\(1 + i % 9)/2024", "S", "C2", "N1", "U1", "PR1", "", "", "",
                         "AB1 2CD", "XY12 3EF", "SC\(100_000 + i)"]
            if random.chance(60) {
                cells[7] = "1\(i % 9)/10/2024"
                cells[8] = "E11"
                cells[9] = "CARPL"
            }
            switch random.int(0...39) {
            case 0: cells[3] = "ZZ"
            case 1: cells[1] = "2024-01-05"
            case 2: cells[7] = "31/02/2024"
            case 3: cells[0] = ""
            case 4: cells.removeLast(2)
            case 5: cells.append("extra")
            case 6: cells[12] = "\"SC\(lineEnd)split\""
            case 7: cells[11] = "X\"Y 1AB"
            case 8: cells[10] = "Zoë's"
            case 9: lines.append("")
            case 10: cells[12] = "\"quoted \"\"URN\"\"\""
            case 11: cells[5] = " u1 "
            default: break
            }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: lineEnd) + (seed % 2 == 0 ? lineEnd : "")
    }

    @Test("SSDA903 Episodes with every kind of fault, LF, CRLF and CR", arguments: ["\n", "\r\n", "\r"])
    func ssda903Episodes(_ lineEnd: String) throws {
        for seed in 1...3 as ClosedRange<UInt64> {
            let path = try SSDA903TestFiles.write(Self.episodes(seed: seed, rows: 150, lineEnd: lineEnd))
            defer { SSDA903TestFiles.remove(path) }
            let year = CollectionYear("2024-25")
            let expected = Self.read903(path, year: year, .sequential)
            #expect(expected.failure == nil)
            #expect(expected.summary?.rows ?? 0 > 140)
            #expect(expected.issues.count > 10)
            for size in Self.segmentSizes {
                #expect(Self.read903(path, year: year, Self.parallel(size)) == expected, "segments of \(size) bytes")
            }
            // Without a year the file is read twice, once for its latest date.
            let unnamed = Self.read903(path, year: nil, .sequential)
            #expect(Self.read903(path, year: nil, Self.parallel(64)) == unnamed)
        }
    }

    @Test("SSDA903: a byte order mark, and an unclosed quote part way through")
    func ssda903Edges() throws {
        let text = Self.episodes(seed: 7, rows: 80, lineEnd: "\r\n")
        let bom = try SSDA903TestFiles.write([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        defer { SSDA903TestFiles.remove(bom) }
        let expected = Self.read903(bom, year: CollectionYear("2024-25"), .sequential)
        #expect(expected.summary?.encoding == "utf-8-bom")
        for size in Self.segmentSizes {
            #expect(Self.read903(bom, year: CollectionYear("2024-25"), Self.parallel(size)) == expected)
        }

        let broken = try SSDA903TestFiles.write(text + "\r\n1,\"01/01/2024,S\r\n2,01/01/2024,S\r\n")
        defer { SSDA903TestFiles.remove(broken) }
        let failed = Self.read903(broken, year: CollectionYear("2024-25"), .sequential)
        #expect(failed.failure?.rule == Rule.csvUnterminatedQuote.id)
        for size in Self.segmentSizes {
            #expect(Self.read903(broken, year: CollectionYear("2024-25"), Self.parallel(size)) == failed)
        }
    }

    @Test("SSDA903 fixtures: every table reads the same on several cores")
    func ssda903Fixtures() throws {
        guard let folder = SSDA903TestData.fixtures else {
            print("skipped: \(SSDA903TestData.packageRoot.path)/../shared/fixtures/ssda903 is not there")
            return
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(files.count >= 10)
        var parallelRead = 0
        for file in files {
            let path = folder.appendingPathComponent(file).path
            let expected = Self.read903(path, year: nil, .sequential)
            for size in [64, 1000] {
                let got = Self.read903(path, year: nil, Self.parallel(size))
                #expect(got == expected, "\(file), segments of \(size) bytes")
            }
            if expected.summary != nil { parallelRead += 1 }
        }
        #expect(parallelRead >= 10)
    }

    static func format(_ pattern: String) -> MappedDateFormat {
        guard case .success(let format) = MappedDateFormat.parse(pattern) else { preconditionFailure(pattern) }
        return format
    }

    static func values(_ codes: [String]) -> MappedColumn.Conversion {
        .values(MappedValueMap(entries: codes.map { .init(label: $0, code: $0) }))
    }

    /// The Episodes columns read as a case-system export, as `cscpipe bench` does.
    static let episodesExport = MappedExport(mappingFile: "mappings/episodes.yaml", table: .cla_episodes, format: .csv, columns: [
        MappedColumn(canonical: "child_id", source: MappedSource(.name("CHILD")), conversion: .text),
        MappedColumn(canonical: "start_date", source: MappedSource(.name("DECOM")), conversion: .date([format("dd/MM/yyyy")])),
        MappedColumn(canonical: "legal_status", source: MappedSource(.name("LS")), conversion: values(["C1", "C2", "V2", "E1"])),
        MappedColumn(canonical: "placement", source: MappedSource(.name("PLACE")), conversion: values(["U1", "U3", "K2"])),
        MappedColumn(canonical: "end_date", source: MappedSource(.name("DEC")), conversion: .date([format("dd/MM/yyyy")])),
        MappedColumn(canonical: "reason_ended", source: MappedSource(.name("REC")), conversion: values(["E11", "E4A"])),
        MappedColumn(canonical: "home_postcode", source: MappedSource(.name("HOME_POST")), conversion: .text),
        MappedColumn(canonical: "urn", source: MappedSource(.name("URN")), conversion: .text),
    ])

    @Test("Mapped export with bad labels, bad dates and broken rows, LF, CRLF and CR", arguments: ["\n", "\r\n", "\r"])
    func mapped(_ lineEnd: String) throws {
        for seed in 1...3 as ClosedRange<UInt64> {
            let path = try SSDA903TestFiles.write("Episodes export\(lineEnd)" + Self.episodes(seed: seed, rows: 150, lineEnd: lineEnd))
            defer { SSDA903TestFiles.remove(path) }
            let expected = Self.readMapped(path, Self.episodesExport, .sequential)
            #expect(expected.failure == nil)
            #expect(expected.summary?.rows ?? 0 > 140)
            #expect(expected.issues.count > 5)
            for size in Self.segmentSizes {
                #expect(Self.readMapped(path, Self.episodesExport, Self.parallel(size)) == expected,
                        "segments of \(size) bytes")
            }
        }
    }
}
