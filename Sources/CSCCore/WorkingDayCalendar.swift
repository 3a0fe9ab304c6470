/// Monday to Friday, less the England & Wales bank holidays.
///
/// The holidays are data (`pipelines/reference/bank-holidays-england-and-wales.csv`),
/// so a newly announced one-off day is a file change, not a release.
public struct WorkingDayCalendar: Sendable {
    public let holidays: Set<Day>
    /// The first and last day the holiday list is known to cover.
    public let coverage: ClosedRange<Day>?

    /// Holidays falling Monday to Friday, sorted, for counting by binary search.
    private let weekdayHolidays: [Int32]

    public init(holidays: some Sequence<Day>) {
        let set = Set(holidays)
        self.holidays = set
        weekdayHolidays = set.filter { !$0.isWeekend }.map(\.daysSinceEpoch).sorted()
        if let lo = set.min(), let hi = set.max() {
            coverage = Day(year: lo.year, month: 1, day: 1)!...Day(year: hi.year, month: 12, day: 31)!
        } else {
            coverage = nil
        }
    }

    public func isWorkingDay(_ d: Day) -> Bool { !d.isWeekend && !holidays.contains(d) }

    /// The number of working days `d` with `from < d <= to`: the start day is
    /// day 0, the same day gives 0, and the count is negative when `to` is
    /// before `from` (the KPI pack's convention, specs/kpis.md).
    public func workingDays(from: Day, to: Day) -> Int {
        if to == from { return 0 }
        if to < from { return -workingDays(from: to, to: from) }
        return weekdaysAfter(from, through: to) - holidayCount(after: from, through: to)
    }

    /// The day that is the `n`th working day counting `start` as day 1 when it
    /// is a working day, going backwards from `start` (the CIN validator's
    /// convention for rules 8670Q and 8675Q: `ReferenceDate − n working days`).
    public func subtractingWorkingDays(_ n: Int, from start: Day) -> Day {
        var d = start
        var counted = isWorkingDay(d) ? 1 : 0
        while counted < n {
            d = d.adding(days: -1)
            if isWorkingDay(d) { counted += 1 }
        }
        return d
    }

    /// Mondays to Fridays in (from, to], in constant time.
    private func weekdaysAfter(_ from: Day, through to: Day) -> Int {
        func weekdaysThrough(_ d: Day) -> Int {
            // Count weekdays in [epoch-aligned Monday, d]; 1970-01-05 was a Monday.
            let n = Int(d.daysSinceEpoch) - 4
            let weeks = n >= 0 ? n / 7 : (n - 6) / 7
            let rem = n - weeks * 7
            return weeks * 5 + min(rem + 1, 5)
        }
        return weekdaysThrough(to) - weekdaysThrough(from)
    }

    private func holidayCount(after from: Day, through to: Day) -> Int {
        countAtOrBefore(to.daysSinceEpoch) - countAtOrBefore(from.daysSinceEpoch)
    }

    private func countAtOrBefore(_ d: Int32) -> Int {
        var lo = 0, hi = weekdayHolidays.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if weekdayHolidays[mid] <= d { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
