import CSCCore
import Foundation
import Testing
@testable import Extractors

/// The calibration council's 903 files against the independently computed
/// expected outputs in `../shared/calibration/expected`.
@Suite("SSDA903: calibration council", .enabled(if: SSDA903TestData.hasCalibration, "needs ../shared/calibration"))
struct SSDA903CalibrationTests {
    static let years = ["2023-24", "2024-25", "2025-26"]
    /// The tables only the 903 fills, so the expected datasets are exactly the 903 files merged.
    static let tables: [CanonicalTable] = [.cla_episodes, .cla_reviews, .missing_episodes, .care_leavers]

    /// Every 903 file in the order the pipeline reads them (year folders in order, files by name),
    /// read with the folder's year as the pipeline's `year:`.
    private func readAll() throws -> [(file: String, result: SSDA903ReadResult)] {
        let root = try #require(SSDA903TestData.calibration)
        var out: [(String, SSDA903ReadResult)] = []
        for year in Self.years {
            let folder = root.appendingPathComponent("ssda903/" + year)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".csv") }).sorted() {
                let display = "ssda903/\(year)/\(name)"
                let result = try SSDA903TestFiles.read(folder.appendingPathComponent(name).path, as: display,
                                                       year: CollectionYear(year))
                out.append((display, result))
            }
        }
        return out
    }

    private func expected(_ name: String) throws -> [[String: String]] {
        try SimpleCSV.records(at: try #require(SSDA903TestData.calibration).appendingPathComponent("expected/" + name))
    }

    /// A record as the expected datasets write it.
    private func row(_ r: Record) -> [String: String] {
        var row = Dictionary(uniqueKeysWithValues: zip(r.table.columns, r.values))
        row["source_file"] = r.source.file
        row["source_line"] = r.source.line
        return row
    }

    /// Records merged by natural key as canonical-model.md says: the later record wins every field it
    /// fills and takes the source; an empty field never clears an earlier value.
    private func merged(_ records: [Record], _ table: CanonicalTable) -> [[String: String]] {
        var rows: [[String: String]] = []
        var position: [[String]: Int] = [:]
        for record in records where record.table == table {
            let mine = row(record)
            let key = table.naturalKey.map { mine[$0] ?? "" }
            guard let at = position[key] else {
                position[key] = rows.count
                rows.append(mine)
                continue
            }
            for (column, value) in mine where !value.isEmpty { rows[at][column] = value }
        }
        return rows
    }

    @Test("the merged 903 files give exactly the expected cla_episodes, cla_reviews, missing_episodes and care_leavers")
    func datasets() throws {
        let records = try readAll().flatMap(\.result.records)
        for table in Self.tables {
            let mine = merged(records, table)
            let theirs = try expected("datasets/\(table).csv")
            #expect(mine.count == theirs.count, "\(table)")
            let extra = Set(mine).subtracting(theirs)
            let missing = Set(theirs).subtracting(mine)
            #expect(extra.isEmpty, "\(table) rows not expected: \(Array(extra.prefix(3)))")
            #expect(missing.isEmpty, "\(table) rows missing: \(Array(missing.prefix(3)))")
        }
    }

    @Test("each expected row's source file and line holds that record, file by file")
    func rowsBySourceLine() throws {
        var checked = 0
        for (file, result) in try readAll() {
            for table in Self.tables {
                let mine = Dictionary(result.records.filter { $0.table == table }.map { ($0.source.line, row($0)) },
                                      uniquingKeysWith: { a, _ in a })
                for want in try expected("datasets/\(table).csv") where want["source_file"] == file {
                    let got = try #require(mine[want["source_line"] ?? ""], "\(file):\(want["source_line"] ?? "")")
                    // The merge may fill a field this file leaves empty from an earlier file.
                    for (column, value) in got where !value.isEmpty {
                        #expect(want[column] == value, "\(file):\(got["source_line"] ?? "") \(column)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked >= 300)
    }

    @Test("children rows that come from a 903 Header agree with the expected children on every field read")
    func children() throws {
        let all = try readAll()
        var checked = 0
        for want in try expected("datasets/children.csv") where want["source_file"]?.hasPrefix("ssda903/") == true {
            let result = try #require(all.first { $0.file == want["source_file"] }?.result)
            let got = try #require(result.record(line: Int(want["source_line"] ?? "") ?? 0))
            #expect(got.table == .children)
            for (column, value) in zip(got.table.columns, got.values) where !value.isEmpty {
                #expect(want[column] == value, "\(want["source_file"] ?? ""):\(got.source.line) \(column)")
            }
            checked += 1
        }
        #expect(checked >= 50)
    }

    @Test("the 903 files raise exactly the expected issues: H5 at 2024-25 line 78 and Z9 at 2025-26 line 62")
    func issues() throws {
        let got = try readAll().flatMap(\.result.issues)
            .map { [$0.rule, $0.dataset, $0.file, String($0.line ?? 0), $0.column, $0.childID, $0.value] }
        let want = try expected("issues.csv").filter { $0["file"]?.hasPrefix("ssda903/") == true }
            .map { [$0["rule"]!, $0["dataset"]!, $0["file"]!, $0["line"]!, $0["column"]!, $0["child_id"]!, $0["value"]!] }
        #expect(want.count == 2)
        #expect(got == want)
        let planted = try readAll().flatMap(\.result.issues)
        #expect(planted.map(\.message) == [
            "H5 is not a valid PLACE code in 2024-25 (valid up to 2023-24)",
            "Z9 is not a valid PLACE code in 2025-26",
        ])
    }

    @Test("the 2024-25 Header's byte order mark and the 2025-26 Episodes' CRLF line ends are read transparently")
    func bomAndCRLF() throws {
        let all = try readAll()
        let header = try #require(all.first { $0.file == "ssda903/2024-25/header.csv" }?.result)
        #expect(header.summary.encoding == "utf-8-bom")
        #expect(header.summary.table == .header)
        #expect(header.record(line: 2)?["child_id"] == "0287216")
        let episodes = try #require(all.first { $0.file == "ssda903/2025-26/episodes.csv" }?.result)
        #expect(episodes.summary.table == .episodes)
        #expect(episodes.records.count == 63)
        #expect(episodes.records.allSatisfy { !$0.values.joined().contains("\r") })
        #expect(episodes.record(line: 2)?["urn"] == "SC249324")
        // 1/2 in 2023-24, M/F/U from 2024-25: both read as M/F.
        let old = try #require(all.first { $0.file == "ssda903/2023-24/header.csv" }?.result)
        #expect(old.record(line: 2)?["sex"] == "M")
        #expect(old.issues.isEmpty && header.issues.isEmpty)
    }
}
