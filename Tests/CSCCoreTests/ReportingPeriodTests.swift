import CSCCore
import Testing

@Suite struct ReportingPeriodTests {
    @Test func twelveMonthsThenYearToDate() {
        let periods = ReportingPeriod.standard(asOf: Day(iso: "2025-11-14")!)
        #expect(periods.count == 13)
        #expect(periods.first?.description == "2024-12-01..2024-12-31")
        #expect(periods[2].description == "2025-02-01..2025-02-28")
        #expect(periods[11].description == "2025-11-01..2025-11-14")
        #expect(periods[12].description == "2025-04-01..2025-11-14")
    }

    @Test func yearToDateInTheFirstQuarterStartsTheYearBefore() {
        let periods = ReportingPeriod.standard(asOf: Day(iso: "2024-03-31")!)
        #expect(periods[11].description == "2024-03-01..2024-03-31")
        #expect(periods[12].description == "2023-04-01..2024-03-31")
        #expect(periods[0].description == "2023-04-01..2023-04-30")
    }

    @Test func bothEndsAreInside() {
        let p = ReportingPeriod(start: Day(iso: "2025-04-01")!, end: Day(iso: "2025-04-30")!)
        #expect(p.contains(Day(iso: "2025-04-01")!))
        #expect(p.contains(Day(iso: "2025-04-30")!))
        #expect(!p.contains(Day(iso: "2025-05-01")!))
    }
}
