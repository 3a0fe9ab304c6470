/// A calendar date with no time of day, stored as the number of days since
/// 1970-01-01 (proleptic Gregorian).
///
/// Statutory data is about days, never instants: a referral date or a plan's
/// end is the same day in every time zone. Keeping dates as a day number makes
/// comparisons and working-day counts integer arithmetic, and parsing by hand
/// from bytes keeps the readers fast and strict: `31/02/2024` is an error,
/// never 2 March.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01; negative before it.
    public let daysSinceEpoch: Int32

    @inlinable
    public init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

    /// The day with this year, month (1–12) and day of month, or nil when no
    /// such day exists (30 February, month 13, year 0).
    @inlinable
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.daysSinceEpoch = Int32(Day.daysFromCivil(year: year, month: month, day: day))
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    /// Year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        Day.civil(fromDays: Int(daysSinceEpoch))
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var dayOfMonth: Int { components.day }

    /// ISO 8601 day of the week: 1 Monday … 7 Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (Int(daysSinceEpoch) + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    public func adding(days n: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + Int32(n)) }

    /// Calendar months forward (or back, for negative `n`), clamped to the
    /// last day of the target month: 31 January + 1 month = 28 or 29 February.
    public func adding(months n: Int) -> Day {
        let c = components
        let total = c.year * 12 + (c.month - 1) + n
        let y = total / 12, m = total % 12 + 1
        let d = min(c.day, Day.daysIn(month: m, year: y))
        return Day(daysSinceEpoch: Int32(Day.daysFromCivil(year: y, month: m, day: d)))
    }

    /// Calendar years forward or back, clamped: 29 February 2024 + 1 year = 28 February 2025.
    public func adding(years n: Int) -> Day { adding(months: 12 * n) }

    /// Whole years from `birth` to this day, birthdays counted with the clamped
    /// step (someone born on 29 February turns a year older on 28 February in
    /// common years). Negative when this day is before `birth`.
    public func age(since birth: Day) -> Int {
        var years = year - birth.year
        if birth.adding(years: years) > self { years -= 1 }
        return years
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let c = components
        var out = [UInt8](repeating: UInt8(ascii: "0"), count: 10)
        out[0] += UInt8(c.year / 1000 % 10); out[1] += UInt8(c.year / 100 % 10)
        out[2] += UInt8(c.year / 10 % 10); out[3] += UInt8(c.year % 10)
        out[4] = UInt8(ascii: "-")
        out[5] += UInt8(c.month / 10); out[6] += UInt8(c.month % 10)
        out[7] = UInt8(ascii: "-")
        out[8] += UInt8(c.day / 10); out[9] += UInt8(c.day % 10)
        return String(decoding: out, as: UTF8.self)
    }

    /// `DD/MM/YYYY`, as the SSDA903 return and Annex A write dates.
    public var ukFormat: String {
        let iso = Array(self.iso.utf8)
        return String(decoding: iso[8...9] + [UInt8(ascii: "/")] + iso[5...6] + [UInt8(ascii: "/")] + iso[0...3], as: UTF8.self)
    }

    public var description: String { iso }

    // MARK: Parsing

    /// Parses `YYYY-MM-DD` exactly (ten characters, no surrounding text).
    public init?(iso text: some StringProtocol) {
        guard let d = text.utf8.withContiguousStorageIfAvailable({ Day.parseISO($0) }) ?? Day.parseISO(Array(text.utf8)) else { return nil }
        self = d
    }

    /// Parses `DD/MM/YYYY` exactly.
    public init?(uk text: some StringProtocol) {
        guard let d = text.utf8.withContiguousStorageIfAvailable({ Day.parseUK($0) }) ?? Day.parseUK(Array(text.utf8)) else { return nil }
        self = d
    }

    /// Parses either `YYYY-MM-DD` or `DD/MM/YYYY`, told apart by shape, never
    /// by guessing which part is the day.
    public init?(_ text: some StringProtocol) {
        if let d = Day(iso: text) { self = d } else if let d = Day(uk: text) { self = d } else { return nil }
    }

    @inlinable @inline(__always)
    static func digit(_ b: UInt8) -> Int? {
        let v = Int(b) - 48
        return (0...9).contains(v) ? v : nil
    }

    /// Parses `YYYY-MM-DD` from bytes; inlinable so readers in other modules
    /// get a specialised, allocation-free version on their hot paths.
    @inlinable
    public static func parseISO<C: RandomAccessCollection>(_ b: C) -> Day? where C.Element == UInt8, C.Index == Int {
        guard b.count == 10 else { return nil }
        let s = b.startIndex
        guard b[s + 4] == UInt8(ascii: "-"), b[s + 7] == UInt8(ascii: "-"),
              let y0 = digit(b[s]), let y1 = digit(b[s + 1]), let y2 = digit(b[s + 2]), let y3 = digit(b[s + 3]),
              let m0 = digit(b[s + 5]), let m1 = digit(b[s + 6]),
              let d0 = digit(b[s + 8]), let d1 = digit(b[s + 9]) else { return nil }
        return Day(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
    }

    @inlinable
    public static func parseUK<C: RandomAccessCollection>(_ b: C) -> Day? where C.Element == UInt8, C.Index == Int {
        guard b.count == 10 else { return nil }
        let s = b.startIndex
        guard b[s + 2] == UInt8(ascii: "/"), b[s + 5] == UInt8(ascii: "/"),
              let d0 = digit(b[s]), let d1 = digit(b[s + 1]),
              let m0 = digit(b[s + 3]), let m1 = digit(b[s + 4]),
              let y0 = digit(b[s + 6]), let y1 = digit(b[s + 7]), let y2 = digit(b[s + 8]), let y3 = digit(b[s + 9]) else { return nil }
        return Day(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
    }

    // MARK: Civil calendar (Howard Hinnant's algorithms)

    @inlinable
    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    @inlinable
    public static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    @inlinable
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
