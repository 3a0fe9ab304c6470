import CSCCore
import Foundation
import Testing
@testable import Extractors

/// Reads `text` as an audit export with `columns`; the records and issues it gave.
private func readAudits(_ text: String, columns: AuditColumns = .example) throws
    -> (summary: AuditsFileSummary, sink: CollectingSink) {
    try CSVTestFiles.withFile(text) { path in
        let sink = CollectingSink()
        let summary = try AuditsReader(columns: columns).read(path: path, displayName: "exports/audits.csv", into: sink)
        return (summary, sink)
    }
}

/// The fatal issue reading `text` gives, or nil when the file reads.
private func fatalIssue(_ text: String, displayName: String = "exports/audits.csv") throws -> CSCCore.Issue? {
    try CSVTestFiles.withFile(text) { path -> CSCCore.Issue? in
        do {
            _ = try AuditsReader(columns: .example).read(path: path, displayName: displayName, into: CollectingSink())
            return nil
        } catch let error as UnreadableInput {
            return error.issue
        }
    }
}

private let header = "Audit Ref,Child ID,Date Completed,Auditor,Team,Social Worker,Overall Judgement,"
    + "Voice of the Child,Assessment,Planning,Management Oversight\n"

@Suite("Case-audit export reader")
struct AuditsReaderTests {
    @Test("a row becomes an audits record and one audit_grades record per graded domain")
    func oneAudit() throws {
        let (summary, sink) = try readAudits(header + "CFA-1, 0123 ,11/06/2024,Ann Auditor, CIN Team ,Bo Worker,RI,2, Good ,N/A,\n")
        #expect(sink.issues.isEmpty)
        let audits = sink.records(of: .audits)
        #expect(audits.map(\.values) == [["CFA-1", "0123", "2024-06-11", "Ann Auditor", "CIN Team", "Bo Worker", "case",
                                          "requires_improvement"]])
        #expect(audits[0].source == SourceLocation(file: "exports/audits.csv", line: 2))
        #expect(sink.records(of: .audit_grades).map(\.values) == [["CFA-1", "voice_of_the_child", "good"],
                                                                  ["CFA-1", "assessment", "good"]])
        #expect(summary == AuditsFileSummary(rows: 1, audits: 1, grades: 2, withoutChild: 0, encoding: "utf-8"))
    }

    @Test("an unrecognised grade is an unknown-code issue and stays empty; the domain keeps its row")
    func unknownGrade() throws {
        let (_, sink) = try readAudits(header + "CFA-1,77,11/06/2024,A,T,W,Excelent,TBC,Good,Not graded,Good\n")
        #expect(sink.records(of: .audits).map { $0["overall_grade"] } == [""])
        #expect(sink.records(of: .audit_grades).map { [$0["domain"], $0["grade"]] }
            == [["voice_of_the_child", ""], ["assessment", "good"], ["management_oversight", "good"]])
        #expect(sink.issues.map { [$0.rule, $0.dataset, $0.file, String($0.line ?? 0), $0.column, $0.childID, $0.value, $0.message] }
            == [["unknown-code", "audits", "exports/audits.csv", "2", "Overall Judgement", "77", "Excelent", "unrecognised grade"],
                ["unknown-code", "audit_grades", "exports/audits.csv", "2", "Voice of the Child", "77", "TBC", "unrecognised grade"]])
        #expect(sink.issues.allSatisfy { $0.severity == .error && $0.hint.contains("requires improvement") })
    }

    @Test("a bad date is a bad-date issue with line, column and value; the audit still loads, undated")
    func badDate() throws {
        let (_, sink) = try readAudits(header + "CFA-1,1,11/06/2024,A,T,W,Good,,,,\nCFA-2,2,31/02/2025,A,T,W,Good,,,,\n"
            + "CFA-3,3,2025-02-14,A,T,W,Good,,,,\nCFA-4,4,14/02/2025 10:30,A,T,W,Good,,,,\nCFA-5,5,,A,T,W,Good,,,,\n"
            + "CFA-6,6,14-Feb-2025,A,T,W,Good,,,,\n")
        #expect(sink.records(of: .audits).map { $0["audit_date"] } == ["2024-06-11", "", "2025-02-14", "2025-02-14", "", ""])
        #expect(sink.issues.map { [$0.rule, String($0.line ?? 0), $0.column, $0.childID, $0.value] }
            == [["bad-date", "3", "Date Completed", "2", "31/02/2025"], ["bad-date", "7", "Date Completed", "6", "14-Feb-2025"]])
        #expect(sink.records(of: .audit_grades).isEmpty)
    }

    @Test("a row with no audit id is a missing-audit-id error and is not loaded; blank rows are skipped silently")
    func missingAuditID() throws {
        let (summary, sink) = try readAudits(header + " ,55,11/06/2024,A,T,W,Good,Good,,,\n,,,,,,,,,,\n\nCFA-2,56,12/06/2024,A,T,W,Good,,,,\n")
        #expect(sink.records(of: .audits).map { $0["audit_id"] } == ["CFA-2"])
        #expect(sink.records(of: .audit_grades).isEmpty)
        #expect(sink.issues.map { [$0.rule, $0.severity.rawValue, $0.dataset, String($0.line ?? 0), $0.column, $0.childID] }
            == [["missing-audit-id", "error", "audits", "2", "Audit Ref", "55"]])
        #expect(summary.rows == 2 && summary.audits == 1)
    }

    @Test("a thematic audit (no child) loads as thematic; an audit_type column is read when configured")
    func auditTypes() throws {
        let (summary, sink) = try readAudits(header + "CFA-1,,07/11/2025,A,QA Team,,requires_improvement,Good,,RIG,Not graded\n")
        #expect(sink.issues.isEmpty)
        #expect(sink.records(of: .audits).map { [$0["child_id"], $0["audit_type"], $0["overall_grade"], $0["worker"]] }
            == [["", "thematic", "requires_improvement", ""]])
        #expect(sink.records(of: .audit_grades).count == 2)
        #expect(summary.withoutChild == 1)

        var columns = AuditColumns.example
        columns.headings[.auditType] = "Type"
        let typed = try readAudits("Audit Ref,Child ID,Date Completed,Type,Auditor,Team,Social Worker,Overall Judgement,"
            + "Voice of the Child,Assessment,Planning,Management Oversight\n"
            + "A1,1,01/01/2025,Moderation,,,,,,,,\nA2,2,01/01/2025,case audit,,,,,,,,\nA3,,01/01/2025,,,,,,,,,\n"
            + "A4,4,01/01/2025,Deep dive,,,,,,,,\nA5,5,01/01/2025,THEMATIC,,,,,,,,\n", columns: columns).sink
        #expect(typed.records(of: .audits).map { $0["audit_type"] } == ["moderation", "case", "thematic", "", "thematic"])
        #expect(typed.issues.map { [$0.rule, String($0.line ?? 0), $0.column, $0.value] } == [["unknown-code", "5", "Type", "Deep dive"]])
    }

    @Test("headings match ignoring case and surrounding spaces, in any order, below title rows; unconfigured columns are ignored")
    func headerMatching() throws {
        let text = "Case audits export,,,,,\n,,,,,\n"
            + " audit ref ,DATE COMPLETED,Extra,overall judgement,Child ID,planning\n"
            + "X-9,2025-03-01,zzz,Outstanding,00042,Inadequate\n"
        let columns = AuditColumns(headings: [.auditID: "Audit Ref", .auditDate: "Date Completed",
                                              .overallGrade: "Overall Judgement", .childID: "Child ID"],
                                   domains: [.init(name: "planning", heading: "Planning")])
        let (_, sink) = try readAudits(text, columns: columns)
        #expect(sink.issues.isEmpty)
        #expect(sink.records(of: .audits).map(\.values) == [["X-9", "00042", "2025-03-01", "", "", "", "case", "outstanding"]])
        #expect(sink.records(of: .audits)[0].source.line == "4")
        #expect(sink.records(of: .audit_grades).map(\.values) == [["X-9", "planning", "inadequate"]])
    }

    @Test("a configured column missing from the header stops the file with a fatal issue naming it and the closest headings")
    func missingColumn() throws {
        let text = "Audit Ref,Child ID,Date Completed,Auditor,Team,Social Worker,Overall Judgment,"
            + "Voice of Child,Assessment,Planning,Management Oversight\nCFA-1,1,01/01/2025,,,,Good,Good,,,\n"
        let match = try CSVTestFiles.withFile(text) { path in
            try AuditsReader(columns: .example).matchHeader(path: path, displayName: "exports/audits.csv")
        }
        #expect(match.line == 1)
        #expect(match.missing.map(\.key) == ["columns.overall_grade", "domains.voice_of_the_child"])
        #expect(match.missing.map(\.closest) == [["Overall Judgment"], ["Voice of Child"]])

        let issue = try fatalIssue(text)
        let fatal = try #require(issue)
        #expect(fatal.rule == "audit-column-missing" && fatal.severity == .fatal)
        #expect(fatal.file == "exports/audits.csv" && fatal.line == 1 && fatal.column == "Overall Judgement")
        #expect(fatal.message.contains("`Overall Judgement` (columns.overall_grade) is not in the header (closest: `Overall Judgment`)"))
        #expect(fatal.message.contains("`Voice of the Child` (domains.voice_of_the_child)"))
    }

    @Test("no row with any configured heading: every column is reported against the first row")
    func unrelatedFile() throws {
        let issue = try fatalIssue("CHILD,SEX,DOB\n1,M,01/01/2010\n")
        #expect(issue?.rule == "audit-column-missing")
        #expect(issue?.line == 1)
        #expect(issue?.message.contains("`Audit Ref` (columns.audit_id)") == true)
    }

    @Test("an empty file is a fatal empty-file issue")
    func emptyFile() throws {
        let issue = try fatalIssue("\n\n")
        #expect(issue?.rule == "empty-file" && issue?.file == "exports/audits.csv")
    }

    @Test("the calibration export: 18 rows, the three planted grade issues, the thematic audit loaded",
          .enabled(if: SharedTestData.hasCalibration, "needs ../shared/calibration"))
    func calibration() throws {
        let folder = try #require(SharedTestData.calibration)
        let sink = CollectingSink()
        let summary = try AuditsReader(columns: .example).read(path: folder.path + "/exports/audits.csv",
                                                               displayName: "exports/audits.csv", into: sink)
        #expect(summary == AuditsFileSummary(rows: 18, audits: 18, grades: 70, withoutChild: 1, encoding: "utf-8"))
        #expect(sink.issues.map { "\($0.rule),\($0.dataset),\($0.file),\($0.line ?? 0),\($0.column),\($0.childID),\($0.value),\($0.message)" }
            == ["unknown-code,audit_grades,exports/audits.csv,2,Planning,4752936,TBC,unrecognised grade",
                "unknown-code,audits,exports/audits.csv,8,Overall Judgement,3026533,Excelent,unrecognised grade",
                "unknown-code,audits,exports/audits.csv,11,Overall Judgement,1600445,Outstandng,unrecognised grade"])
    }
}
