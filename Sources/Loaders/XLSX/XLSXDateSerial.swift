import CSCCore

/// Days as Excel's 1900-system serial numbers.
enum XLSXDateSerial {
    /// Serial 0; from 1 March 1900 on, a serial is the days since this day.
    private static let dayZero = Day(year: 1899, month: 12, day: 30)!.daysSinceEpoch
    private static let first = Day(year: 1900, month: 1, day: 1)!
    private static let march1900 = Day(year: 1900, month: 3, day: 1)!
    private static let last = Day(year: 9999, month: 12, day: 31)!

    /// The serial of `day`, or nil before 1900-01-01 (Excel has no dates
    /// there) or after 9999-12-31. Excel counts a 29 February 1900 that never
    /// was (serial 60, a Lotus 1-2-3 bug it keeps), so 1 January to
    /// 28 February 1900 are one less than the days since 1899-12-30.
    static func serial(of day: Day) -> Int? {
        guard day >= first, day <= last else { return nil }
        let days = Int(day.daysSinceEpoch - dayZero)
        return day >= march1900 ? days : days - 1
    }
}
