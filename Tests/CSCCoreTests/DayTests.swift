import CSCCore
import Testing

@Suite("Day")
struct DayTests {
    @Test("ISO and UK formats parse to the same day")
    func parsesBothFormats() {
        #expect(Day(iso: "2024-02-29") == Day(year: 2024, month: 2, day: 29))
        #expect(Day(uk: "29/02/2024") == Day(year: 2024, month: 2, day: 29))
        #expect(Day("29/02/2024") == Day("2024-02-29"))
        #expect(Day(iso: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(Day(iso: "1969-12-31")?.daysSinceEpoch == -1)
    }

    @Test("Impossible days are errors, never rolled over", arguments: [
        "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "0000-01-01",
        "31/02/2024", "29/02/2023", "00/01/2024", "2024-2-1", "2024-02-01 ", "", "2024/02/01", "01-02-2024",
    ])
    func rejectsImpossibleDays(text: String) {
        #expect(Day(text) == nil)
    }

    @Test("Formats back to ISO and UK")
    func formats() {
        let d = Day(year: 2025, month: 3, day: 7)!
        #expect(d.iso == "2025-03-07")
        #expect(d.ukFormat == "07/03/2025")
        #expect(Day(year: 1999, month: 12, day: 31)!.iso == "1999-12-31")
    }

    @Test("Round trip over every day from 1900 to 2100")
    func roundTrip() {
        var d = Day(iso: "1900-01-01")!
        let end = Day(iso: "2100-12-31")!
        var previous: (Int, Int, Int)?
        while d <= end {
            #expect(Day(iso: d.iso) == d)
            let c = d.components
            if let p = previous {
                let next = c.day == p.2 + 1 || (c.day == 1 && (c.month == p.1 + 1 || (c.month == 1 && c.year == p.0 + 1)))
                #expect(next, "\(d.iso) does not follow \(p)")
            }
            previous = (c.year, c.month, c.day)
            d = d.adding(days: 1)
        }
    }

    @Test("Weekdays")
    func weekdays() {
        #expect(Day(iso: "1970-01-01")!.isoWeekday == 4)  // Thursday
        #expect(Day(iso: "2025-11-14")!.isoWeekday == 5)  // Friday
        #expect(Day(iso: "2025-11-15")!.isWeekend)
        #expect(Day(iso: "1969-12-28")!.isoWeekday == 7)  // Sunday before the epoch
    }

    @Test("Months and years are calendar steps clamped to the month's end")
    func calendarSteps() {
        #expect(Day(iso: "2024-01-31")!.adding(months: 1).iso == "2024-02-29")
        #expect(Day(iso: "2023-01-31")!.adding(months: 1).iso == "2023-02-28")
        #expect(Day(iso: "2024-02-29")!.adding(years: 1).iso == "2025-02-28")
        #expect(Day(iso: "2024-02-29")!.adding(years: 4).iso == "2028-02-29")
        #expect(Day(iso: "2025-03-31")!.adding(months: -1).iso == "2025-02-28")
        #expect(Day(iso: "2025-05-15")!.adding(months: -30).iso == "2022-11-15")
        #expect(Day(iso: "2024-12-15")!.adding(months: 1).iso == "2025-01-15")
    }

    @Test("Age counts birthdays with the clamped step")
    func age() {
        let leapling = Day(iso: "2004-02-29")!
        #expect(Day(iso: "2023-02-27")!.age(since: leapling) == 18)
        #expect(Day(iso: "2023-02-28")!.age(since: leapling) == 19)
        #expect(Day(iso: "2024-02-28")!.age(since: leapling) == 19)
        #expect(Day(iso: "2024-02-29")!.age(since: leapling) == 20)
        #expect(Day(iso: "2010-06-01")!.age(since: Day(iso: "2010-06-01")!) == 0)
        #expect(Day(iso: "2010-05-31")!.age(since: Day(iso: "2010-06-01")!) == -1)
    }
}
