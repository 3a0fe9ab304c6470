/// A span of days a figure is reported for, inclusive at both ends.
public struct ReportingPeriod: Hashable, Sendable, CustomStringConvertible {
    public let start: Day
    public let end: Day
    /// `start` and `end` as ISO text, made once: a KPI pack writes them on
    /// every one of a large council's million cohort rows.
    public let startISO: String
    public let endISO: String

    public init(start: Day, end: Day) {
        self.start = start
        self.end = end
        startISO = start.iso
        endISO = end.iso
    }

    /// Whether `day` falls in the period (both ends included).
    @inlinable
    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    public var description: String { "\(startISO)..\(endISO)" }

    /// The periods every KPI is reported for (specs/kpis.md): the 12 calendar
    /// months ending with the month that contains `asOf` (the last one cut at
    /// `asOf`), oldest first, then the year to date, from 1 April of the
    /// collection year containing `asOf` to `asOf`.
    public static func standard(asOf: Day) -> [ReportingPeriod] {
        let c = asOf.components
        let thisMonth = Day(year: c.year, month: c.month, day: 1)!
        var periods: [ReportingPeriod] = []
        for back in stride(from: 11, through: 0, by: -1) {
            let first = thisMonth.adding(months: -back)
            let last = back == 0 ? asOf : first.adding(months: 1).adding(days: -1)
            periods.append(ReportingPeriod(start: first, end: last))
        }
        let yearStart = CollectionYear(containing: asOf).start
        periods.append(ReportingPeriod(start: yearStart, end: asOf))
        return periods
    }
}
