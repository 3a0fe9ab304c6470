import CSCCore
import Extractors
import Foundation
import Loaders
import Pipeline
import Testing
import Transformers

/// The calibration council's audit input, as its README describes it (the
/// whole-council run in CalibrationTests reads it too).
let calibrationAuditsInput = """
      - kind: audits
        path: exports/audits.csv
        columns:
          audit_id: Audit Ref
          child_id: Child ID
          audit_date: Date Completed
          auditor: Auditor
          team: Team
          worker: Social Worker
          overall_grade: Overall Judgement
        domains:
          voice_of_the_child: Voice of the Child
          assessment: Assessment
          planning: Planning
          management_oversight: Management Oversight

    """

private func calibrationFile(_ relative: String) throws -> String {
    let folder = try #require(sharedFolder)
    return try String(contentsOfFile: folder + "/calibration/" + relative, encoding: .utf8)
}

@Suite("Case audits: the calibration council", .enabled(if: sharedFolder != nil, "needs ../shared/calibration"))
struct AuditsCalibrationTests {
    @Test("a run reading only the audit export gives exactly the expected audits and audit_grades, and the three grade issues")
    func datasetsAndIssues() throws {
        let ws = try Workspace()
        try ws.write("exports/audits.csv", try calibrationFile("exports/audits.csv"))
        let r = try ws.run(inputsYAML: calibrationAuditsInput)
        #expect(r.outcome == .complete, "\(r.outcome)")
        #expect(r.records[.audits] == 16 && r.records[.audit_grades] == 62)
        for table in ["audits", "audit_grades"] {
            #expect(try ws.read("out/latest/datasets/\(table).csv") == (try calibrationFile("expected/datasets/\(table).csv")),
                    "\(table).csv differs from the calibration's")
        }
        // exceptions.csv: rule,severity,dataset,file,line,column,child_id,value,message,hint; the
        // calibration's issues.csv has rule,dataset,file,line,column,child_id,value,message.
        let issues = try ws.csvRows("out/latest/exceptions.csv").dropFirst().map { row in
            ([row[0]] + row[2...8]).joined(separator: ",")
        }
        let expected = try calibrationFile("expected/issues.csv").split(separator: "\n").map(String.init)
            .filter { $0.contains("exports/audits.csv") }
        #expect(expected.count == 3)
        #expect(issues == expected)
    }

    @Test("audit outcomes of the calibration audits, as of 2025-11-14, equal expected/audit_outcomes.csv byte for byte")
    func auditOutcomes() throws {
        let folder = try #require(sharedFolder)
        let datasets = Datasets()
        _ = try AuditsReader(columns: .example).read(path: folder + "/calibration/exports/audits.csv",
                                                     displayName: "exports/audits.csv", into: datasets)
        let outcomes = AuditOutcomes.compute(audits: datasets.records(of: .audits), grades: datasets.records(of: .audit_grades),
                                             periods: ReportingPeriod.standard(asOf: Day(iso: "2025-11-14")!))
        let ws = try Workspace()
        let path = try AuditOutcomesWriter(folder: ws.path + "/run").write(outcomes)
        #expect(path == ws.path + "/run/audit_outcomes.csv")
        #expect(try ws.read("run/audit_outcomes.csv") == (try calibrationFile("expected/audit_outcomes.csv")))
    }
}

@Suite("Case audits: pipeline configuration and bad exports")
struct AuditsPipelineTests {
    private func pipeline(_ input: String) -> String {
        "name: x\noutput: o\ninputs:\n  - kind: audits\n    path: a.csv\n" + input
    }

    @Test("columns and domains become the input's audit columns, in the pipeline's order")
    func loadsColumns() throws {
        let d = try PipelineLoader.parse("name: x\noutput: o\ninputs:\n" + calibrationAuditsInput, path: "p.yaml")
        let columns = try #require(d.inputs.first?.auditColumns)
        #expect(columns == AuditColumns.example)
        let minimal = try PipelineLoader.parse(pipeline("    columns: { audit_id: Ref, audit_date: Done }\n"), path: "p.yaml")
        #expect(minimal.inputs[0].auditColumns == AuditColumns(headings: [.auditID: "Ref", .auditDate: "Done"]))
    }

    /// Each mistake names the file, the line and the key.
    @Test("mistakes in columns and domains name file, line and key", arguments: [
        ("", 4, "inputs[1].columns", "missing"),
        ("    columns: { audit_id: Ref, audit_dat: Done }\n", 6, "inputs[1].columns.audit_dat", "did you mean `audit_date`"),
        ("    columns: { audit_id: Ref }\n", 6, "inputs[1].columns.audit_date", "missing"),
        ("    columns:\n      audit_id: Ref\n      audit_date: Done\n      team: [A, B]\n", 9, "inputs[1].columns.team", "single value"),
        ("    columns: Ref\n", 6, "inputs[1].columns", "mapping"),
        ("    columns: { audit_id: Ref, audit_date: Done }\n    domains:\n      planning: Planning\n      overall: Overall\n",
         9, "inputs[1].domains.overall", "overall_grade"),
        ("    columns: { audit_id: Ref, audit_date: Done }\n    domains:\n      planning: \"  \"\n", 8, "inputs[1].domains.planning", "heading"),
    ])
    func namesTheMistake(input: String, line: Int, key: String, says: String) {
        do {
            _ = try PipelineLoader.parse(pipeline(input), path: "pipelines/bad.yaml")
            Testing.Issue.record("accepted a bad pipeline")
        } catch {
            #expect(error.file == "pipelines/bad.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.key == key, "\(error)")
            #expect(error.message.contains(says), "\(error)")
        }
    }

    @Test("columns and domains are refused on other kinds")
    func onlyForAudits() {
        for key in ["columns: { audit_id: Ref }", "domains: { planning: Planning }"] {
            do {
                _ = try PipelineLoader.parse("name: x\noutput: o\ninputs:\n  - kind: cin-census\n    path: a.xml\n    \(key)\n",
                                             path: "p.yaml")
                Testing.Issue.record("accepted \(key) on a CIN census input")
            } catch {
                #expect(error.line == 6 && error.message.contains("only for `kind: audits`"), "\(error)")
            }
        }
    }

    @Test("a run over a bad export: missing column is fatal (nothing published); bad values are issues with lines")
    func badExports() throws {
        let ws = try Workspace()
        try ws.write("exports/audits.csv", """
            Audit Ref,Child ID,Date Completed,Auditor,Team,Social Worker,Overall Judgment,Voice of the Child,Assessment,Planning,Management Oversight
            CFA-1,1,01/01/2025,,,,Good,,,,

            """)
        let r = try ws.run(inputsYAML: calibrationAuditsInput)
        guard case .unreadableInput(let why) = r.outcome else {
            Testing.Issue.record("a missing column must stop the run: \(r.outcome)")
            return
        }
        #expect(!r.published)
        let report = try ws.read(exceptionsOf: r)
        #expect(report.contains("audit-column-missing") && report.contains("`Overall Judgement` (columns.overall_grade)"),
                "\(why)\n\(report)")

        let ok = try Workspace()
        try ok.write("exports/audits.csv", """
            Audit Ref,Child ID,Date Completed,Auditor,Team,Social Worker,Overall Judgement,Voice of the Child,Assessment,Planning,Management Oversight
            CFA-1,1,32/01/2025,,,,Good,,,,
            ,2,01/02/2025,,,,Good,,,,
            CFA-3,3,01/03/2025,,,,Grand,,,,
            CFA-1,1,02/01/2025,,,,,Good,,,

            """)
        let run = try ok.run(inputsYAML: calibrationAuditsInput)
        #expect(run.outcome == .complete)
        let issues = try ok.csvRows("out/latest/exceptions.csv").dropFirst().map { [$0[0], $0[2], $0[4], $0[5], $0[7]] }
        #expect(issues == [["bad-date", "audits", "2", "Date Completed", "32/01/2025"],
                           ["missing-audit-id", "audits", "3", "Audit Ref", ""],
                           ["unknown-code", "audits", "4", "Overall Judgement", "Grand"]])
        // The re-exported CFA-1 fills its date and keeps the earlier grade; the later row is its source.
        #expect(try ok.csvRows("out/latest/datasets/audits.csv").dropFirst().map { $0 } == [
            ["CFA-1", "1", "2025-01-02", "", "", "", "case", "good", "exports/audits.csv", "5"],
            ["CFA-3", "3", "2025-03-01", "", "", "", "case", "", "exports/audits.csv", "4"],
        ])
        #expect(try ok.csvRows("out/latest/datasets/audit_grades.csv").dropFirst().map { $0 }
            == [["CFA-1", "voice_of_the_child", "good", "exports/audits.csv", "5"]])
    }
}

extension Workspace {
    /// The exception report of a run that wrote one, or "".
    fileprivate func read(exceptionsOf result: PipelineRunner.Result) throws -> String {
        guard let folder = result.runFolder else { return "" }
        return (try? String(contentsOfFile: folder + "/exceptions.csv", encoding: .utf8)) ?? ""
    }
}
