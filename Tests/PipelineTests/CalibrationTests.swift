import CSCCore
import Extractors
import Foundation
import Pipeline
import Testing

/// The calibration council (../shared/calibration): its CIN census files run
/// through cscpipe must give exactly the CIN tables, issues and conflicts an
/// independent implementation of the specs computed.
@Suite("Calibration council, CIN census part")
struct CalibrationTests {
    /// Tables filled only from the CIN census, so they must match whole.
    static let cinTables: [CanonicalTable] = [.referrals, .assessments, .cin_plans, .section47, .cp_plans, .cp_reviews]

    func runCalibration() throws -> (Workspace, String)? {
        guard let shared = sharedFolder else { return nil }
        let ws = try Workspace()
        try FileManager.default.createSymbolicLink(atPath: ws.path + "/cin", withDestinationPath: shared + "/calibration/cin")
        let r = try ws.run(inputs: [("cin-census", "cin/cin_2024-25.xml"), ("cin-census", "cin/cin_2025-26_inyear.xml")])
        #expect(r.published)
        return (ws, shared + "/calibration/expected")
    }

    @Test("CIN tables equal the expected datasets, row for row and in order")
    func cinTablesMatch() throws {
        guard let (ws, expected) = try runCalibration() else {
            print("skipped: ../shared/calibration is absent")
            return
        }
        for table in Self.cinTables {
            let ours = try ws.read("out/latest/datasets/\(table.name).csv")
            let theirs = try String(contentsOfFile: expected + "/datasets/\(table.name).csv", encoding: .utf8)
            #expect(ours == theirs, "datasets/\(table.name).csv differs from the calibration")
        }
    }

    @Test("Children read last from a CIN file equal the expected rows")
    func childrenMatch() throws {
        guard let (ws, expected) = try runCalibration() else { return }
        let ours = try CSVReader.readAll(path: ws.path + "/out/latest/datasets/children.csv")
        let theirs = try CSVReader.readAll(path: expected + "/datasets/children.csv")
        #expect(ours.header == theirs.header)
        let byID = Dictionary(ours.rows.map { ($0[0], $0) }, uniquingKeysWith: { a, _ in a })
        let sourceColumn = try #require(theirs.header.firstIndex(of: "source_file"))
        var compared = 0
        for row in theirs.rows where row[sourceColumn].hasPrefix("cin/") {
            #expect(byID[row[0]] == row, "child \(row[0])")
            compared += 1
        }
        #expect(compared > 250)
    }

    @Test("The planted CIN errors are reported where the calibration says")
    func plantedIssues() throws {
        guard let (ws, expected) = try runCalibration() else { return }
        let ours = try CSVReader.readAll(path: ws.path + "/out/latest/exceptions.csv")
        let theirs = try CSVReader.readAll(path: expected + "/issues.csv")
        func key(_ row: [String], _ header: [String]) -> [String] {
            ["rule", "dataset", "file", "line", "column", "child_id", "value"].map { row[header.firstIndex(of: $0)!] }
        }
        let ourKeys = Set(ours.rows.map { key($0, ours.header) })
        let fileColumn = try #require(theirs.header.firstIndex(of: "file"))
        for row in theirs.rows where row[fileColumn].hasPrefix("cin/") {
            #expect(ourKeys.contains(key(row, theirs.header)), "missing issue \(row)")
        }
        // Nothing else at error severity: the calibration plants no other CIN errors.
        let severity = ours.header.firstIndex(of: "severity")!
        let errors = ours.rows.filter { $0[severity] == "error" || $0[severity] == "fatal" }
        #expect(errors.count == theirs.rows.filter { $0[fileColumn].hasPrefix("cin/") }.count, "\(errors)")
    }

    @Test("The birth-date conflict between the two census files is the expected one")
    func conflicts() throws {
        guard let (ws, expected) = try runCalibration() else { return }
        let ours = try ws.read("out/latest/conflicts.csv")
        let theirs = try String(contentsOfFile: expected + "/conflicts.csv", encoding: .utf8)
        #expect(ours == theirs)
    }
}

/// The calibration council's CIN census and SSDA903 files together, in the
/// order its README gives: the looked-after tables and the children merged
/// across both returns must equal the expected datasets whole.
@Suite("Calibration council, CIN census and SSDA903")
struct CalibrationWith903Tests {
    static let tables: [CanonicalTable] = [
        .children, .referrals, .assessments, .cin_plans, .section47, .cp_plans, .cp_reviews,
        .cla_episodes, .cla_reviews, .missing_episodes, .care_leavers,
    ]

    @Test("Merged children and looked-after tables equal the expected datasets")
    func mergedTables() throws {
        guard let shared = sharedFolder else {
            print("skipped: ../shared/calibration is absent")
            return
        }
        let ws = try Workspace()
        for folder in ["cin", "ssda903"] {
            try FileManager.default.createSymbolicLink(atPath: ws.path + "/" + folder,
                                                       withDestinationPath: shared + "/calibration/" + folder)
        }
        var inputs = """
              - kind: cin-census
                path: cin/cin_2024-25.xml
              - kind: cin-census
                path: cin/cin_2025-26_inyear.xml

            """
        for year in ["2023-24", "2024-25", "2025-26"] {
            inputs += "  - kind: ssda903\n    path: ssda903/\(year)/*.csv\n    year: \(year)\n"
        }
        let r = try ws.run(inputsYAML: inputs)
        #expect(r.published, "\(r.outcome)")
        let expected = shared + "/calibration/expected"
        for table in Self.tables {
            let ours = try ws.read("out/latest/datasets/\(table.name).csv")
            let theirs = try String(contentsOfFile: expected + "/datasets/\(table.name).csv", encoding: .utf8)
            #expect(ours == theirs, "datasets/\(table.name).csv differs from the calibration")
        }
        let report = try CSVReader.readAll(path: ws.path + "/out/latest/exceptions.csv")
        let planted = try CSVReader.readAll(path: expected + "/issues.csv")
        for row in planted.rows where row[2].hasPrefix("ssda903/") {
            #expect(report.rows.contains { $0[0] == row[0] && $0[3] == row[2] && $0[4] == row[3] && $0[7] == row[6] },
                    "missing issue \(row)")
        }
    }
}
