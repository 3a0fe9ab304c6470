import CSCCore

/// Excel's date serials: days since a base, with the 1900 system's leap-year bug.
public enum XLSXSerialDate {
    /// 1900-01-01 is serial 1 in the 1900 system.
    private static let dayBefore1900 = Day(year: 1899, month: 12, day: 31)!.daysSinceEpoch
    /// 1904-01-01 is serial 0 in the 1904 system (old Mac workbooks).
    private static let start1904 = Day(year: 1904, month: 1, day: 1)!.daysSinceEpoch
    /// 9999-12-31, the last day Excel shows.
    private static let lastSerial1900 = 2_958_465.0

    /// The day of a serial (the time of day dropped), or nil when it is not a
    /// real day. In the 1900 system Excel counts 1900 as a leap year (a bug
    /// kept from Lotus 1-2-3): serial 60 is 29 February 1900, which never was,
    /// and every serial from 61 on is one more than the days since 1899-12-31.
    public static func day(serial: Double, uses1904: Bool = false) -> Day? {
        guard serial.isFinite else { return nil }
        let whole = serial.rounded(.down)
        if uses1904 {
            guard whole >= 0, whole <= lastSerial1900 - 1462 else { return nil }
            return Day(daysSinceEpoch: start1904 + Int32(whole))
        }
        guard whole >= 1, whole <= lastSerial1900, whole != 60 else { return nil }
        let days = Int32(whole) - (whole > 60 ? 1 : 0)
        return Day(daysSinceEpoch: dayBefore1900 + days)
    }
}
