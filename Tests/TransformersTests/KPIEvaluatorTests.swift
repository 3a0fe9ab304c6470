import CSCCore
import GRDB
import Testing
import Transformers

@Suite("KPI evaluation on a database")
struct KPIEvaluatorTests {
    let april = ReportingPeriod(start: Day(iso: "2025-04-01")!, end: Day(iso: "2025-04-30")!)
    let may = ReportingPeriod(start: Day(iso: "2025-05-01")!, end: Day(iso: "2025-05-31")!)
    let calendar = WorkingDayCalendar(holidays: [Day(iso: "2025-04-18")!, Day(iso: "2025-04-21")!])

    func database() throws -> DatabaseQueue {
        let db = try DatabaseQueue()
        try db.write { db in
            try db.execute(sql: "CREATE TABLE referrals (child_id TEXT, referral_date TEXT, nfa INTEGER)")
            try db.execute(sql: """
                INSERT INTO referrals VALUES ('B', '2025-04-02', 1), ('A', '2025-04-20', 0), ('A', '2025-05-01', NULL)
                """)
        }
        return db
    }

    func kpi(_ sql: String, kind: KPIDefinition.Kind = .rate) -> KPIDefinition {
        KPIDefinition(id: "test_kpi", title: "Test", kind: kind, sql: sql,
                      rating: kind == .count ? nil : .init(better: .lower, green: Threshold("0.3")!, amber: Threshold("0.6")!),
                      file: "kpis/test.yaml", line: 3, sqlLine: 7)
    }

    @Test func eachPeriodBindsItsOwnDates() throws {
        let definition = kpi("""
            SELECT child_id, child_id || '/' || referral_date AS item_id, COALESCE(nfa, 0) AS in_numerator
            FROM referrals WHERE referral_date BETWEEN :period_start AND :period_end
            """)
        let results = try database().read { db in
            try KPIEvaluator(periods: [april, may], asOf: may.end).evaluate([definition], in: db)
        }
        #expect(results.figures.map(\.fields) == [
            ["test_kpi", "Test", "2025-04-01", "2025-04-30", "1", "2", "0.5000", "0.3", "amber"],
            ["test_kpi", "Test", "2025-05-01", "2025-05-31", "0", "1", "0.0000", "0.3", "green"],
        ])
        // Cohorts sorted by child then item within a period.
        #expect(results.cohorts.map(\.fields) == [
            ["test_kpi", "2025-04-01", "2025-04-30", "A", "A/2025-04-20", "0"],
            ["test_kpi", "2025-04-01", "2025-04-30", "B", "B/2025-04-02", "1"],
            ["test_kpi", "2025-05-01", "2025-05-31", "A", "A/2025-05-01", "0"],
        ])
    }

    @Test func theDateHelpersFollowTheSpec() throws {
        let row = try DatabaseQueue().inDatabase { db in
            KPIFunctions.register(calendar: calendar, in: db)
            return try Row.fetchOne(db, sql: """
                SELECT working_days('2025-04-17', '2025-04-22') AS wd,
                       working_days('2025-04-22', '2025-04-17') AS back,
                       working_days('2025-04-17', '2025-04-17') AS same,
                       working_days(NULL, '2025-04-17') AS unknown,
                       add_months('2025-01-31', 1) AS feb,
                       add_years('2024-02-29', 1) AS leap,
                       add_months('2025-06-30', -30) AS back30,
                       age_years('2008-02-29', '2025-02-28') AS age,
                       age_years('2008-03-01', '2025-02-28') AS younger,
                       add_years('31/01/2025', 1) AS unreadable
                """)!
        }
        #expect(row["wd"] as Int? == 1)  // 18 (Good Friday), 19-20 weekend, 21 (Easter Monday), 22
        #expect(row["back"] as Int? == -1)
        #expect(row["same"] as Int? == 0)
        #expect(row["unknown"] as Int? == nil)
        #expect(row["feb"] as String? == "2025-02-28")
        #expect(row["leap"] as String? == "2025-02-28")
        #expect(row["back30"] as String? == "2022-12-30")
        #expect(row["age"] as Int? == 17)
        #expect(row["younger"] as Int? == 16)
        #expect(row["unreadable"] as String? == nil)
    }

    @Test func aBrokenQueryNamesTheKPIFileAndLine() throws {
        let error = try #require(throws: KPIQueryError.self) {
            try database().read { db in
                try KPIEvaluator(periods: [april], asOf: april.end).check(kpi("SELECT child_id FROM referalls"), in: db)
            }
        }
        #expect(error.description.hasPrefix("kpis/test.yaml:7: KPI `test_kpi`: the SQL does not run: no such table: referalls"))
    }

    @Test func aRateMustSayWhichRowsAreInTheNumerator() throws {
        let error = try #require(throws: KPIQueryError.self) {
            try database().read { db in
                try KPIEvaluator(periods: [april], asOf: april.end)
                    .check(kpi("SELECT child_id, referral_date AS item_id FROM referrals"), in: db)
            }
        }
        #expect(error.message.contains("must return the column `in_numerator`"))
    }

    @Test func onlyThePeriodParametersAreKnown() throws {
        let error = try #require(throws: KPIQueryError.self) {
            try database().read { db in
                try KPIEvaluator(periods: [april], asOf: april.end)
                    .check(kpi("SELECT child_id, child_id AS item_id FROM referrals WHERE referral_date > :start", kind: .count), in: db)
            }
        }
        #expect(error.message.contains("missing statement argument: start"))
        #expect(error.message.contains(":period_start, :period_end and :as_of"))
    }
}
