import CSCCore
import Testing
@testable import Transformers

private func audit(_ id: String, date: String, team: String = "", overall: String = "") -> Record {
    Record(table: .audits, values: [id, "", date, "", team, "", "case", overall], source: SourceLocation(file: "a.csv", line: 2))
}

private func grade(_ id: String, _ domain: String, _ grade: String) -> Record {
    Record(table: .audit_grades, values: [id, domain, grade], source: SourceLocation(file: "a.csv", line: 2))
}

private func period(_ start: String, _ end: String) -> ReportingPeriod {
    ReportingPeriod(start: Day(iso: start)!, end: Day(iso: end)!)
}

/// A row as `period_start,period_end,team,domain,o,g,ri,i,total,good_or_better`.
private func line(_ o: AuditOutcome) -> String {
    [o.period.start.iso, o.period.end.iso, o.team, o.domain, String(o.outstanding), String(o.good),
     String(o.requiresImprovement), String(o.inadequate), String(o.total), o.goodOrBetterText].joined(separator: ",")
}

@Suite("Audit outcomes by period, team and domain")
struct AuditOutcomesTests {
    @Test("worked example: all teams then each team, overall then domains, zero rows kept")
    func workedExample() {
        let audits = [
            audit("A1", date: "2025-04-03", team: "Team B", overall: "good"),
            audit("A2", date: "2025-04-30", team: " Team A ", overall: "requires_improvement"),
            audit("A3", date: "2025-05-01", team: "Team A", overall: "outstanding"),
            audit("A4", date: "2025-04-10", team: "", overall: "inadequate"),
            // Undated and ungraded audits never count.
            audit("A5", date: "", team: "Team C", overall: "good"),
            audit("A6", date: "2025-04-11", team: "Team B", overall: ""),
        ]
        let grades = [
            grade("A1", "planning", "good"), grade("A1", "assessment", "inadequate"),
            grade("A2", "planning", "outstanding"), grade("A2", "assessment", ""),
            grade("A6", "planning", "requires_improvement"),
            grade("A3", "Voice", "good"),
        ]
        let periods = [period("2025-04-01", "2025-04-30"), period("2025-05-01", "2025-05-31")]
        let rows = AuditOutcomes.compute(audits: audits, grades: grades, periods: periods).map(line)
        // Teams: Team A, Team B, Team C (trimmed, byte order); domains: Voice < assessment < planning (byte order).
        #expect(rows == [
            "2025-04-01,2025-04-30,,overall,0,1,1,1,3,0.3333",
            "2025-04-01,2025-04-30,,Voice,0,0,0,0,0,",
            "2025-04-01,2025-04-30,,assessment,0,0,0,1,1,0.0000",
            "2025-04-01,2025-04-30,,planning,1,1,1,0,3,0.6667",
            "2025-04-01,2025-04-30,Team A,overall,0,0,1,0,1,0.0000",
            "2025-04-01,2025-04-30,Team A,Voice,0,0,0,0,0,",
            "2025-04-01,2025-04-30,Team A,assessment,0,0,0,0,0,",
            "2025-04-01,2025-04-30,Team A,planning,1,0,0,0,1,1.0000",
            "2025-04-01,2025-04-30,Team B,overall,0,1,0,0,1,1.0000",
            "2025-04-01,2025-04-30,Team B,Voice,0,0,0,0,0,",
            "2025-04-01,2025-04-30,Team B,assessment,0,0,0,1,1,0.0000",
            "2025-04-01,2025-04-30,Team B,planning,0,1,1,0,2,0.5000",
            "2025-04-01,2025-04-30,Team C,overall,0,0,0,0,0,",
            "2025-04-01,2025-04-30,Team C,Voice,0,0,0,0,0,",
            "2025-04-01,2025-04-30,Team C,assessment,0,0,0,0,0,",
            "2025-04-01,2025-04-30,Team C,planning,0,0,0,0,0,",
            "2025-05-01,2025-05-31,,overall,1,0,0,0,1,1.0000",
            "2025-05-01,2025-05-31,,Voice,0,1,0,0,1,1.0000",
            "2025-05-01,2025-05-31,,assessment,0,0,0,0,0,",
            "2025-05-01,2025-05-31,,planning,0,0,0,0,0,",
            "2025-05-01,2025-05-31,Team A,overall,1,0,0,0,1,1.0000",
            "2025-05-01,2025-05-31,Team A,Voice,0,1,0,0,1,1.0000",
            "2025-05-01,2025-05-31,Team A,assessment,0,0,0,0,0,",
            "2025-05-01,2025-05-31,Team A,planning,0,0,0,0,0,",
            "2025-05-01,2025-05-31,Team B,overall,0,0,0,0,0,",
            "2025-05-01,2025-05-31,Team B,Voice,0,0,0,0,0,",
            "2025-05-01,2025-05-31,Team B,assessment,0,0,0,0,0,",
            "2025-05-01,2025-05-31,Team B,planning,0,0,0,0,0,",
            "2025-05-01,2025-05-31,Team C,overall,0,0,0,0,0,",
            "2025-05-01,2025-05-31,Team C,Voice,0,0,0,0,0,",
            "2025-05-01,2025-05-31,Team C,assessment,0,0,0,0,0,",
            "2025-05-01,2025-05-31,Team C,planning,0,0,0,0,0,",
        ])
    }

    @Test("periods overlap: an audit counts in every period holding its date, both ends included")
    func overlappingPeriods() {
        let audits = [audit("A1", date: "2025-04-01", overall: "good"), audit("A2", date: "2025-11-14", overall: "good")]
        let periods = [period("2025-04-01", "2025-04-30"), period("2025-11-01", "2025-11-14"), period("2025-04-01", "2025-11-14"),
                       period("2025-04-02", "2025-11-13")]
        let rows = AuditOutcomes.compute(audits: audits, grades: [], periods: periods)
        #expect(rows.map(\.total) == [1, 1, 2, 0])
        #expect(rows.allSatisfy { $0.team.isEmpty && $0.domain == "overall" })
    }

    @Test("no audits: one all-teams overall row per period, all zero")
    func empty() {
        let rows = AuditOutcomes.compute(audits: [], grades: [], periods: [period("2025-04-01", "2025-04-30")])
        #expect(rows.map(line) == ["2025-04-01,2025-04-30,,overall,0,0,0,0,0,"])
    }

    @Test("a grade of an audit not loaded has no date and never counts; its domain is still listed")
    func orphanGrade() {
        let rows = AuditOutcomes.compute(audits: [audit("A1", date: "2025-04-02")], grades: [grade("X9", "planning", "good")],
                                         periods: [period("2025-04-01", "2025-04-30")])
        #expect(rows.map(line) == ["2025-04-01,2025-04-30,,overall,0,0,0,0,0,", "2025-04-01,2025-04-30,,planning,0,0,0,0,0,"])
    }
}
