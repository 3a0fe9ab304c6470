import Foundation
import Testing
@testable import Extractors

/// The public SSDA903 sample files in /work/shared/fixtures must read cleanly.
@Suite(.enabled(if: CSVTestFiles.sharedFixtures != nil, "shared fixtures not found next to the package (../shared/fixtures)"))
struct CSVFixtureTests {
    static var folder: URL { CSVTestFiles.sharedFixtures!.appendingPathComponent("ssda903") }

    /// Records per file (header included), as Python's csv module counts them.
    static let recordCounts = [
        "903_2023_24_rule_info.csv": 312, "903_2024_25_rule_info.csv": 313, "DoLo.csv": 2,
        "SSDA903_2020_episodes.csv": 6, "SSDA903_2020_header.csv": 6, "SSDA903_episodes_for_testing_fixes_INPUT.csv": 24,
        "ad1.csv": 30, "header.csv": 2676, "missing.csv": 44, "oc2.csv": 2676, "oc3.csv": 54,
        "placed_for_adoption.csv": 30, "placed_for_adoption_errors.csv": 31, "previous_permanence.csv": 2676,
        "sw_episodes.csv": 2, "uasc.csv": 133,
    ]

    @Test("every SSDA903 fixture reads without errors, problems or ragged rows")
    func allFixturesRead() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".csv") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let path = Self.folder.appendingPathComponent(name).path
            for chunkSize in [7, CSVReader.defaultChunkSize] {
                let read = try readCSV(path, chunkSize: chunkSize)
                #expect(read.problems.isEmpty, "\(name)")
                let width = read.rows.first?.count ?? 0
                #expect(read.rows.allSatisfy { $0.count == width }, "\(name)")
                if let expected = Self.recordCounts[name] { #expect(read.rows.count == expected, "\(name)") }
            }
        }
    }

    @Test("sw_episodes.csv: the BOM is not part of the first header")
    func swEpisodesHeader() throws {
        let table = try CSVReader.readAll(path: Self.folder.appendingPathComponent("sw_episodes.csv").path)
        #expect(table.header.first == "CHILD")
        #expect(table.header == ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"])
        #expect(table.encoding == .utf8BOM)
    }
}
