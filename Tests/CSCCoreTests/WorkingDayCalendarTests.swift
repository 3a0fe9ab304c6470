import CSCCore
import Testing

@Suite("Working days")
struct WorkingDayCalendarTests {
    /// The 2022 and 2025 England & Wales bank holidays, as in the reference file.
    let calendar = WorkingDayCalendar(holidays: [
        "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29",
        "2022-09-19", "2022-12-26", "2022-12-27",
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
    ].map { Day(iso: $0)! })

    func wd(_ a: String, _ b: String) -> Int { calendar.workingDays(from: Day(iso: a)!, to: Day(iso: b)!) }

    @Test("The start day is day 0; weekends do not count")
    func basics() {
        #expect(wd("2025-11-10", "2025-11-10") == 0)
        #expect(wd("2025-11-10", "2025-11-11") == 1)
        #expect(wd("2025-11-14", "2025-11-17") == 1)  // Friday to Monday
        #expect(wd("2025-11-15", "2025-11-16") == 0)  // Saturday to Sunday
        #expect(wd("2025-11-15", "2025-11-17") == 1)  // Saturday to Monday
        #expect(wd("2025-11-10", "2025-11-24") == 10)
        #expect(wd("2025-11-24", "2025-11-10") == -10)
    }

    @Test("Easter and Christmas bank holidays are skipped")
    func bankHolidays() {
        // Thursday 17 April 2025 to Tuesday 22 April: Good Friday and Easter Monday are holidays.
        #expect(wd("2025-04-17", "2025-04-22") == 1)
        #expect(wd("2025-12-24", "2025-12-29") == 1)
        // 2022: the Platinum Jubilee pair and the state funeral.
        #expect(wd("2022-06-01", "2022-06-06") == 1)
        #expect(wd("2022-09-16", "2022-09-20") == 1)
    }

    @Test("Agrees with counting one day at a time", arguments: [0, 17, 101, 365, 800])
    func agreesWithNaiveCount(span: Int) {
        let start = Day(iso: "2021-11-03")!
        for offset in stride(from: 0, to: 400, by: 13) {
            let a = start.adding(days: offset), b = a.adding(days: span)
            var n = 0
            var d = a
            while d < b {
                d = d.adding(days: 1)
                if calendar.isWorkingDay(d) { n += 1 }
            }
            #expect(calendar.workingDays(from: a, to: b) == n, "\(a) → \(b)")
        }
    }

    @Test("The validator's convention counts the start day as day 1")
    func validatorConvention() {
        // 45 working days back from 31 March 2025 (a Monday), counting that Monday.
        let d = calendar.subtractingWorkingDays(45, from: Day(iso: "2025-03-31")!)
        #expect(calendar.workingDays(from: d, to: Day(iso: "2025-03-31")!) == 44)
        #expect(calendar.isWorkingDay(d))
    }
}
