import CSCCore

/// One way an export writes dates, from a pattern such as `dd/MM/yyyy`,
/// `yyyy-MM-dd`, `dd-MMM-yy` or `excel` (Excel serial day numbers).
///
/// Pattern letters: `d` day (1 or 2 digits), `dd` day (2 digits), `M` month
/// (1 or 2 digits), `MM` month (2 digits), `MMM` month abbreviation (`Nov`),
/// `MMMM` month name (`November`), `yy` two-digit year (00–69 are 2000–2069,
/// 70–99 are 1970–1999), `yyyy` four-digit year; anything else is written as
/// is. Every format also takes a time after the date (`14-Nov-2025 10:30`,
/// `2025-11-14T10:30:00.000+01:00`, `45975.4375`); the date part is kept.
/// Parsed by hand from bytes: no formatter, no String per cell.
public struct MappedDateFormat: Sendable, Hashable, CustomStringConvertible {
    enum Token: Sendable, Hashable {
        case day(exactTwo: Bool), month(exactTwo: Bool), monthAbbreviation, monthName
        case twoDigitYear, fourDigitYear
        case literal(UInt8)
    }

    /// The pattern as the mapping wrote it.
    public let pattern: String
    let tokens: [Token]
    let excelSerial: Bool
    /// Where each part sits when every part has a fixed width (`dd/MM/yyyy`):
    /// then a date is read at known offsets, as the 903 reader reads its dates.
    let layout: MappedFixedDateLayout?

    private init(pattern: String, tokens: [Token], excelSerial: Bool) {
        self.pattern = pattern
        self.tokens = tokens
        self.excelSerial = excelSerial
        layout = excelSerial ? nil : MappedFixedDateLayout(tokens)
    }

    public var description: String { pattern }

    /// The format `pattern` describes, or a sentence saying why there is none.
    public static func parse(_ pattern: String) -> Result<MappedDateFormat, MappedDateFormatError> {
        if pattern.lowercased() == "excel" {
            return .success(MappedDateFormat(pattern: pattern, tokens: [], excelSerial: true))
        }
        var tokens: [Token] = []
        let chars = Array(pattern)
        var i = 0
        var seen = Set<String>()
        while i < chars.count {
            let c = chars[i]
            var run = 1
            while i + run < chars.count, chars[i + run] == c { run += 1 }
            let token: Token
            switch (c, run) {
            case ("d", 1): token = .day(exactTwo: false)
            case ("d", 2): token = .day(exactTwo: true)
            case ("M", 1): token = .month(exactTwo: false)
            case ("M", 2): token = .month(exactTwo: true)
            case ("M", 3): token = .monthAbbreviation
            case ("M", 4): token = .monthName
            case ("y", 2): token = .twoDigitYear
            case ("y", 4): token = .fourDigitYear
            case ("d", _), ("M", _), ("y", _):
                return .failure(.init("`\(String(repeating: c, count: run))` is not a pattern part; use d, dd, M, MM, MMM, MMMM, yy or yyyy"))
            default:
                if c.isLetter {
                    return .failure(.init("`\(c)` is not a pattern letter (d, M, y); a time after the date is always accepted, so leave it out"))
                }
                guard let ascii = c.asciiValue else {
                    return .failure(.init("`\(c)` cannot be part of a date pattern (ASCII separators only)"))
                }
                for _ in 0..<run { tokens.append(.literal(ascii)) }
                i += run
                continue
            }
            let part = String(c)
            if seen.contains(part) { return .failure(.init("the pattern has two \(c == "d" ? "day" : c == "M" ? "month" : "year") parts")) }
            seen.insert(part)
            tokens.append(token)
            i += run
        }
        guard seen == ["d", "M", "y"] else {
            return .failure(.init("a date pattern needs a day (d), a month (M) and a year (y), or is `excel`"))
        }
        return .success(MappedDateFormat(pattern: pattern, tokens: tokens, excelSerial: false))
    }

    /// The day in `b` (already trimmed), or nil when it is not a real date in this format.
    func day(_ b: UnsafeRawBufferPointer) -> Day? {
        guard let (year, month, day) = civil(b) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// Year, month and day of the real date in `b` (already trimmed), or nil when there is none in this format.
    @inline(__always)
    func civil(_ b: UnsafeRawBufferPointer) -> (year: Int, month: Int, day: Int)? {
        let year: Int, month: Int, day: Int
        if let layout {
            return Self.civil(b, layout: layout)
        } else if excelSerial {
            return Self.excelDay(b)?.components
        } else {
            guard let parts = tokenParts(b) else { return nil }
            (year, month, day) = parts
        }
        guard month >= 1, month <= 12, day >= 1, year >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        return (year, month, day)
    }

    /// `civil(_:)` for a format with a fixed layout, which needs nothing else of the format.
    @inline(__always)
    static func civil(_ b: UnsafeRawBufferPointer, layout: MappedFixedDateLayout) -> (year: Int, month: Int, day: Int)? {
        guard b.count >= layout.length, layout.matches(b) else { return nil }
        guard b.count == layout.length || isTime(b, from: layout.length) else { return nil }
        let (year, month, day) = layout.parts(b)
        guard month >= 1, month <= 12, day >= 1, year >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        return (year, month, day)
    }

    /// The date in `b` read token by token, not yet checked against the calendar.
    func tokenParts(_ b: UnsafeRawBufferPointer) -> (year: Int, month: Int, day: Int)? {
        var i = 0
        var year = 0, month = 0, day = 0
        let n = b.count
        for token in tokens {
            switch token {
            case .literal(let c):
                guard i < n, b[i] == c else { return nil }
                i += 1
            case .day(let exactTwo):
                guard let v = Self.digits(b, &i, min: exactTwo ? 2 : 1, max: 2) else { return nil }
                day = v
            case .month(let exactTwo):
                guard let v = Self.digits(b, &i, min: exactTwo ? 2 : 1, max: 2) else { return nil }
                month = v
            case .twoDigitYear:
                guard let v = Self.digits(b, &i, min: 2, max: 2) else { return nil }
                year = v < 70 ? 2000 + v : 1900 + v
            case .fourDigitYear:
                guard let v = Self.digits(b, &i, min: 4, max: 4) else { return nil }
                year = v
            case .monthAbbreviation:
                guard let v = Self.monthName(b, &i, abbreviated: true) else { return nil }
                month = v
            case .monthName:
                guard let v = Self.monthName(b, &i, abbreviated: false) else { return nil }
                month = v
            }
        }
        guard i == n || Self.isTime(b, from: i) else { return nil }
        return (year, month, day)
    }

    @inline(__always)
    private static func digits(_ b: UnsafeRawBufferPointer, _ i: inout Int, min: Int, max: Int) -> Int? {
        var v = 0, count = 0
        while count < max, i < b.count {
            let d = Int(b[i]) &- 0x30
            guard d >= 0, d <= 9 else { break }
            v = v * 10 + d
            count += 1
            i += 1
        }
        return count >= min ? v : nil
    }

    private static let monthNames: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ].map { Array($0.utf8) }

    /// A month name, any case: the three-letter abbreviation (`Sep`; `Sept` too) or the whole name.
    @inline(__always)
    private static func monthName(_ b: UnsafeRawBufferPointer, _ i: inout Int, abbreviated: Bool) -> Int? {
        guard i + 3 <= b.count else { return nil }
        for (index, name) in monthNames.enumerated() {
            var k = 0
            while k < 3, b[i + k] | 0x20 == name[k] { k += 1 }
            guard k == 3 else { continue }
            if abbreviated {
                i += 3
                if index == 8, i < b.count, b[i] | 0x20 == 0x74 { i += 1 }  // "Sept"
                return index + 1
            }
            var j = 3
            while j < name.count, i + j < b.count, b[i + j] | 0x20 == name[j] { j += 1 }
            guard j == name.count else { return nil }
            i += j
            return index + 1
        }
        return nil
    }

    /// A time after the date: `[ T]H:mm[:ss[.fff]]`, then optionally `Z`, `±HH:mm` or `±HHmm`,
    /// or ` AM`/` PM`.
    static func isTime(_ b: UnsafeRawBufferPointer, from start: Int) -> Bool {
        var i = start
        guard b[i] == 0x20 || b[i] == 0x54 else { return false }
        i += 1
        while i < b.count, b[i] == 0x20 { i += 1 }
        guard let hour = digits(b, &i, min: 1, max: 2), hour <= 23, i < b.count, b[i] == 0x3A else { return false }
        i += 1
        guard let minute = digits(b, &i, min: 2, max: 2), minute <= 59 else { return false }
        if i < b.count, b[i] == 0x3A {
            i += 1
            guard let second = digits(b, &i, min: 2, max: 2), second <= 60 else { return false }
            if i < b.count, b[i] == 0x2E || b[i] == 0x2C {
                i += 1
                guard digits(b, &i, min: 1, max: 9) != nil else { return false }
            }
        }
        if i == b.count { return true }
        switch b[i] {
        case 0x5A: return i + 1 == b.count
        case 0x2B, 0x2D:
            i += 1
            guard digits(b, &i, min: 2, max: 2) != nil else { return false }
            if i < b.count, b[i] == 0x3A { i += 1 }
            guard digits(b, &i, min: 2, max: 2) != nil else { return false }
            return i == b.count
        case 0x20:
            i += 1
            guard i + 2 == b.count, b[i] | 0x20 == 0x61 || b[i] | 0x20 == 0x70, b[i + 1] | 0x20 == 0x6D else { return false }
            return hour >= 1 && hour <= 12
        default: return false
        }
    }

    /// An Excel serial day number (`45975`, or `45975.4375` with a time):
    /// days since 30 December 1899, as Excel counts them from 1 March 1900.
    private static func excelDay(_ b: UnsafeRawBufferPointer) -> Day? {
        var i = 0
        guard let serial = digits(b, &i, min: 1, max: 7), serial >= 61 else { return nil }
        if i < b.count {
            guard b[i] == 0x2E else { return nil }
            i += 1
            guard digits(b, &i, min: 1, max: 17) != nil, i == b.count else { return nil }
        }
        return excelEpoch.adding(days: serial)
    }

    private static let excelEpoch = Day(year: 1899, month: 12, day: 30)!
}

/// Why a date pattern cannot be used.
public struct MappedDateFormatError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
