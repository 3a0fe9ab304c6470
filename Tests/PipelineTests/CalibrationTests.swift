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

/// The whole calibration council, every input in the order its README gives:
/// every merged dataset, the KPI pack with its cohorts, and the audit
/// outcomes must equal what an independent implementation of the specs
/// computed, byte for byte.
@Suite("Calibration council, every input")
struct CalibrationCouncilTests {
    static let pipelineInputs: String = {
        var inputs = """
              - kind: cin-census
                path: cin/cin_2024-25.xml
              - kind: cin-census
                path: cin/cin_2025-26_inyear.xml

            """
        for year in ["2023-24", "2024-25", "2025-26"] {
            inputs += "  - kind: ssda903\n    path: ssda903/\(year)/*.csv\n    year: \(year)\n"
        }
        inputs += """
              - kind: mapped
                path: exports/visits.csv
                mapping: \(packageRoot)/pipelines/mappings/lcs-visits.yaml

            """
        inputs += calibrationAuditsInput
        return inputs
    }()

    @Test("Datasets, KPIs, cohorts and audit outcomes equal the expected outputs")
    func everyOutput() throws {
        guard let shared = sharedFolder else {
            print("skipped: ../shared/calibration is absent")
            return
        }
        let ws = try Workspace()
        for folder in ["cin", "ssda903", "exports"] {
            try FileManager.default.createSymbolicLink(atPath: ws.path + "/" + folder,
                                                       withDestinationPath: shared + "/calibration/" + folder)
        }
        let r = try ws.run(inputsYAML: Self.pipelineInputs, extra: "kpis: [\(packageRoot)/pipelines/kpis/standard.yaml]")
        #expect(r.published, "\(r.outcome)")
        let expected = shared + "/calibration/expected"
        let datasets = try FileManager.default.contentsOfDirectory(atPath: expected + "/datasets").filter { $0.hasSuffix(".csv") }
        #expect(datasets.count == 19)
        for name in datasets.sorted() {
            let ours = try ws.read("out/latest/datasets/\(name)")
            let theirs = try String(contentsOfFile: expected + "/datasets/\(name)", encoding: .utf8)
            #expect(ours == theirs, "datasets/\(name) differs from the calibration")
        }
        for name in ["kpis.csv", "kpi_cohorts.csv", "audit_outcomes.csv", "conflicts.csv"] {
            let ours = try ws.read("out/latest/\(name)")
            let theirs = try String(contentsOfFile: expected + "/" + name, encoding: .utf8)
            #expect(ours == theirs, "\(name) differs from the calibration")
        }

        // Every expected issue is reported where the calibration says, and
        // no other error: nothing is invented.
        let report = try CSVReader.readAll(path: ws.path + "/out/latest/exceptions.csv")
        let planted = try CSVReader.readAll(path: expected + "/issues.csv")
        let columns = ["rule", "dataset", "file", "line", "column", "child_id", "value"]
        func key(_ row: [String], _ header: [String]) -> [String] { columns.map { row[header.firstIndex(of: $0)!] } }
        let ours = Set(report.rows.map { key($0, report.header) })
        for row in planted.rows {
            #expect(ours.contains(key(row, planted.header)), "missing issue \(row)")
        }
        let severity = report.header.firstIndex(of: "severity")!
        #expect(report.rows.filter { $0[severity] == "error" || $0[severity] == "fatal" }.count == planted.rows.count)
    }
}
