import CSCCore
import Testing
@testable import Extractors

/// The SSDA903, mapped-export and case-audit readers report a row's CSV
/// problems and a short row the same way: under the file's display name, the
/// cell's header name, the row's child and the cell as written.
@Suite("CSV rows: problems and ragged rows reported alike by every reader")
struct CSVRowShapeIssuesTests {
    /// Rule, line, column, child, value of each CSV-shape issue.
    static func shapeIssues(_ issues: [CSCCore.Issue], file: String) -> [[String]] {
        issues.filter { ["stray-quote", "ragged-row"].contains($0.rule) }.map {
            #expect($0.file == file, "\($0.rule) names \($0.file)")
            return [$0.rule, String($0.line ?? 0), $0.column, $0.childID, $0.value]
        }
    }

    @Test("SSDA903")
    func ssda903() throws {
        let result = try SSDA903TestFiles.read(
            text: "CHILD,DOB,MISSING,MIS_START,MIS_END\nA1,01/01/2010,M,01/05/2024,0\"2/05/2024\nB2,01/01/2010,M\n",
            name: "missing.csv", year: CollectionYear(startYear: 2024))
        #expect(Self.shapeIssues(result.issues, file: "missing.csv") == [
            ["stray-quote", "2", "MIS_END", "A1", "0\"2/05/2024"], ["ragged-row", "3", "", "B2", ""],
        ])
    }

    @Test("mapped export")
    func mapped() throws {
        let export = MappedExport(mappingFile: "mappings/contacts.yaml", table: .contacts, format: .csv, columns: [
            MappedColumn(canonical: "child_id", source: MappedSource(.name("Child")), conversion: .text),
            MappedColumn(canonical: "contact_source", source: MappedSource(.name("Source")), conversion: .text),
        ])
        let sink = CollectingSink()
        try CSVTestFiles.withFile("Child,Source,Note\nA1,1\"0,x\nB2,10\n") { path in
            _ = try MappedReader(export: export).read(path: path, displayName: "exports/contacts.csv", into: sink)
        }
        // The mapped reader reports a row before it knows the row's child.
        #expect(Self.shapeIssues(sink.issues, file: "exports/contacts.csv") == [
            ["stray-quote", "2", "Source", "", "1\"0"], ["ragged-row", "3", "", "", ""],
        ])
    }

    @Test("case-audit export")
    func audits() throws {
        let header = "Audit Ref,Child ID,Date Completed,Auditor,Team,Social Worker,Overall Judgement,"
            + "Voice of the Child,Assessment,Planning,Management Oversight\n"
        let sink = CollectingSink()
        try CSVTestFiles.withFile(header + "CFA-1,A1,11/06/2024,A,T,W,Good,,,,Go\"od\nCFA-2,B2,11/06/2024\n") { path in
            _ = try AuditsReader(columns: .example).read(path: path, displayName: "exports/audits.csv", into: sink)
        }
        #expect(Self.shapeIssues(sink.issues, file: "exports/audits.csv") == [
            ["stray-quote", "2", "Management Oversight", "A1", "Go\"od"], ["ragged-row", "3", "", "B2", ""],
        ])
    }
}
