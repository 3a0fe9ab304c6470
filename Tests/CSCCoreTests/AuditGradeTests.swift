import CSCCore
import Testing

@Suite("Audit grades: the canonical-model grade table")
struct AuditGradeTests {
    @Test("every spelling in the table reads as its grade", arguments: [
        ("outstanding", AuditGrade.outstanding), ("1", .outstanding), ("O", .outstanding), ("OUTSTANDING", .outstanding),
        ("good", .good), ("2", .good), ("G", .good), (" Good ", .good), ("g", .good),
        ("requires improvement", .requiresImprovement), ("requires_improvement", .requiresImprovement),
        ("Requires improvement to be good", .requiresImprovement), ("requires improvment", .requiresImprovement),
        ("RI", .requiresImprovement), ("RIG", .requiresImprovement), ("3", .requiresImprovement),
        ("Requires   Improvement", .requiresImprovement), ("\tRequires \u{A0}improvement\t", .requiresImprovement),
        ("inadequate", .inadequate), ("Inadaquate", .inadequate), ("4", .inadequate), ("I", .inadequate),
    ])
    func accepted(text: String, grade: AuditGrade) {
        #expect(AuditGrade.reading(of: text) == .grade(grade), "`\(text)`")
        #expect(AuditGrade(cell: text) == grade)
    }

    @Test("blank and not-graded cells are no grade", arguments: ["", "   ", "N/A", "n/a", " Not Applicable ", "not  graded", "\u{A0}"])
    func notGraded(text: String) {
        #expect(AuditGrade.reading(of: text) == .notGraded, "`\(text)`")
        #expect(AuditGrade(cell: text) == nil)
    }

    @Test("anything else is unrecognised", arguments: ["TBC", "Excelent", "Outstandng", "5", "0", "Good/RI", "R I",
                                                       "requiresimprovement", "Good.", "é"])
    func unrecognised(text: String) {
        #expect(AuditGrade.reading(of: text) == .unrecognised, "`\(text)`")
    }

    @Test("canonical names, order and good or better")
    func canonical() {
        #expect(AuditGrade.allCases.map(\.rawValue) == ["outstanding", "good", "requires_improvement", "inadequate"])
        #expect(AuditGrade.allCases.sorted() == AuditGrade.allCases)
        #expect(AuditGrade.allCases.filter(\.isGoodOrBetter) == [.outstanding, .good])
        // Canonical values read back as themselves, so a merged table can be re-read.
        for grade in AuditGrade.allCases { #expect(AuditGrade(cell: grade.rawValue) == grade) }
    }

    @Test("good or better is a 4-decimal fraction rounded half up, empty with nothing graded")
    func goodOrBetterText() {
        let period = ReportingPeriod(start: Day(iso: "2025-04-01")!, end: Day(iso: "2025-04-30")!)
        func text(_ o: Int, _ g: Int, _ ri: Int, _ i: Int) -> String {
            AuditOutcome(period: period, team: "", domain: "overall", outstanding: o, good: g, requiresImprovement: ri,
                         inadequate: i).goodOrBetterText
        }
        #expect(text(0, 0, 0, 0) == "")
        #expect(text(0, 1, 0, 0) == "1.0000")
        #expect(text(0, 0, 1, 1) == "0.0000")
        #expect(text(1, 1, 1, 0) == "0.6667")
        #expect(text(1, 3, 3, 0) == "0.5714")
        #expect(text(0, 1, 7, 0) == "0.1250")
        // 1/32 = 0.03125 exactly: half up gives 0.0313.
        #expect(text(1, 0, 31, 0) == "0.0313")
        #expect(text(0, 2, 1, 0) == "0.6667")
        var row = AuditOutcome(period: period, team: "T", domain: "planning")
        for grade in AuditGrade.allCases { row.count(grade) }
        row.count(.good)
        #expect([row.outstanding, row.good, row.requiresImprovement, row.inadequate, row.total] == [1, 2, 1, 1, 5])
        #expect(row.goodOrBetterText == "0.6000")
    }
}
