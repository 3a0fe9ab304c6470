/// A statutory collection year, 1 April to 31 March, written `2024-25`.
public struct CollectionYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year in which the collection year starts (2024 for 2024-25).
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    /// The collection year that contains `day`.
    public init(containing day: Day) {
        let c = day.components
        startYear = c.month >= 4 ? c.year : c.year - 1
    }

    /// The collection year whose census reference date (31 March) is `referenceDate`'s
    /// year end; a reference date of 2025-03-31 belongs to 2024-25.
    public init(referenceDate: Day) { self.init(containing: referenceDate) }

    /// Parses `2024-25`, `2024/25`, `202425`, `2425` or a bare end year `2025`
    /// (the DfE names returns by the year they end).
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: " ")
        let digits = t.filter(\.isNumber)
        let isSeparated = t.count == 7 && (t.contains("-") || t.contains("/"))
        if isSeparated || (t.count == 6 && digits.count == 6) {
            guard let start = Int(digits.prefix(4)), let end = Int(digits.suffix(2)), (start + 1) % 100 == end else { return nil }
            startYear = start
        } else if t.count == 4, digits.count == 4, let n = Int(t) {
            let a = n / 100, b = n % 100
            if (a + 1) % 100 == b {
                // `2425` is 2024-25; `2021` reads the same either way (2020-21).
                startYear = 2000 + a
            } else if (1990...2100).contains(n) {
                startYear = n - 1  // a bare end year, as the DfE names returns
            } else {
                return nil
            }
        } else {
            return nil
        }
    }

    public static func < (l: CollectionYear, r: CollectionYear) -> Bool { l.startYear < r.startYear }

    public var start: Day { Day(year: startYear, month: 4, day: 1)! }
    public var end: Day { Day(year: startYear + 1, month: 3, day: 31)! }
    public func contains(_ d: Day) -> Bool { d >= start && d <= end }

    public var description: String {
        let e = (startYear + 1) % 100
        return "\(startYear)-\(e < 10 ? "0" : "")\(e)"
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
