import CSCCore
import Foundation
import Testing
@testable import Extractors

/// The calibration council's CIN files against the independently computed
/// expected outputs in `../shared/calibration/expected`.
@Suite("CIN census: calibration council", .enabled(if: SharedTestData.hasCalibration, "needs ../shared/calibration"))
struct CINCalibrationTests {
    private static let tables: [CanonicalTable] = [
        .children, .referrals, .assessments, .cin_plans, .section47, .cp_plans, .cp_reviews,
    ]

    private func read(_ file: String) throws -> CINReadResult {
        let path = try #require(SharedTestData.calibration).appendingPathComponent(file).path
        return try CINTestFiles.read(path, as: file)
    }

    private func expected(_ table: CanonicalTable) throws -> [[String: String]] {
        let url = try #require(SharedTestData.calibration).appendingPathComponent("expected/datasets/\(table).csv")
        return try SimpleCSV.records(at: url)
    }

    /// A record as the expected datasets write it: its columns plus source_file and source_line.
    private func row(_ r: Record) -> [String: String] {
        var row = Dictionary(uniqueKeysWithValues: zip(r.table.columns, r.values))
        row["source_file"] = r.source.file
        row["source_line"] = r.source.line
        return row
    }

    @Test("cin_2024-25.xml raises exactly the expected issues, at the expected lines")
    func issues2024() throws {
        let result = try read("cin/cin_2024-25.xml")
        let url = try #require(SharedTestData.calibration).appendingPathComponent("expected/issues.csv")
        let expected = try SimpleCSV.records(at: url).filter { $0["file"] == "cin/cin_2024-25.xml" }
        #expect(expected.count == 3)
        let got = result.issues.map { [$0.rule, $0.dataset, String($0.line ?? 0), $0.column, $0.childID, $0.value] }
        let want = expected.map { [$0["rule"]!, $0["dataset"]!, $0["line"]!, $0["column"]!, $0["child_id"]!, $0["value"]!] }
        #expect(got == want)
        // 8500 at 5389 and missing-child-id at 5400; 2025-02-30 at 6238 for child 5680316.
        #expect(result.issues.map(\.line) == [5389, 5400, 6238])
        #expect(result.issues.first { $0.line == 6238 }?.message == "not a valid date")
    }

    @Test("every expected row that comes from cin_2024-25.xml is read exactly, source line included")
    func datasets2024() throws {
        let result = try read("cin/cin_2024-25.xml")
        var checked = 0
        for table in Self.tables {
            let mine = Set(result.records(table).map(row))
            for want in try expected(table) where want["source_file"] == "cin/cin_2024-25.xml" {
                #expect(mine.contains(want), "\(table): \(want)")
                checked += 1
            }
        }
        #expect(checked >= 600)
        #expect(result.summary.collectionYear == CollectionYear(startYear: 2024))
        #expect(result.summary.laCode == "873")
    }

    @Test("child 0016185: its children, referral, assessment and CIN plan rows and lines")
    func child0016185() throws {
        let result = try read("cin/cin_2024-25.xml")
        let child = try #require(result.records(.children, child: "0016185").first)
        #expect(child.values == ["0016185", "L873515716932", "", "", "2006-03-31", "", "F", "WBRI", "", "NONE", "", "873"])
        #expect(child.source.line == "19")
        let referral = try #require(result.records(.referrals, child: "0016185").first)
        #expect(referral.values == ["0016185", "0016185/2023-06-21", "2023-06-21", "6", "N8", "2024-04-28", "RC7", "0", "", ""])
        #expect(referral.source.line == "32")
        let assessment = try #require(result.records(.assessments, child: "0016185").first)
        #expect(assessment.values == ["0016185", "0016185/2023-06-21", "2023-06-21", "2023-08-21", "18B;9A;5B", "", "", "", ""])
        #expect(assessment.source.line == "38")
        let plan = try #require(result.records(.cin_plans, child: "0016185").first)
        #expect(plan.values == ["0016185", "0016185/2023-06-21", "2023-08-27", "2024-04-22"])
        #expect(plan.source.line == "47")
    }

    @Test("the child with no LAchildID loads nothing; the bad date leaves authorised_date empty")
    func unattributableChildAndBadDate() throws {
        let result = try read("cin/cin_2024-25.xml")
        // 255 <Child> elements, one without an id.
        #expect(result.summary.children == 255)
        #expect(result.records(.children).count == 254)
        #expect(!result.records.contains { $0.source.line == "5388" || $0.source.line == "5400" })
        let assessment = try #require(result.records(.assessments, child: "5680316").first { $0["start_date"] == "2025-02-10" })
        #expect(assessment["authorised_date"] == "")
        #expect(assessment["factors"] == "3B;16A")
    }

    @Test("cin_2025-26_inyear.xml: the referral-level ICPC of 5550587 is a section47 row with no start date")
    func referralLevelICPC() throws {
        let result = try read("cin/cin_2025-26_inyear.xml")
        let rows = result.records(.section47, child: "5550587").filter { $0["start_date"].isEmpty }
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.values == ["5550587", "5550587/2024-02-12", "", "", "2024-04-08", "", ""])
        #expect(row.source.line == "4653")
        let want = try expected(.section47).first { $0["child_id"] == "5550587" && $0["start_date"] == "" }
        #expect(want.map { self.row(row) == $0 } == true)
    }

    @Test("cin_2025-26_inyear.xml: the unknown ethnicity WHBR is reported and left empty")
    func unknownEthnicity2025() throws {
        let result = try read("cin/cin_2025-26_inyear.xml")
        #expect(result.issues.count == 1)
        let issue = try #require(result.issues.first)
        #expect(issue.rule == "unknown-code")
        #expect(issue.line == 3046)
        #expect(issue.value == "WHBR")
        #expect(issue.childID == "3543469")
        #expect(issue.dataset == "children")
        #expect(issue.message.hasPrefix("unknown code"))
        #expect(result.records(.children, child: "3543469").first?["ethnicity"] == "")
        #expect(result.summary.collectionYear == CollectionYear(startYear: 2025))
    }
}
