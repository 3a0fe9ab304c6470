/// A date pattern whose parts all have a fixed width (`dd/MM/yyyy`,
/// `yyyy-MM-dd`, `dd.MM.yy`): each part sits at a known offset, so a cell is
/// checked byte by byte and its numbers read in place, with no token loop.
/// Plain values only, so reading it takes no reference counts.
struct MappedFixedDateLayout: Sendable, Hashable {
    /// Bytes of the date part.
    let length: Int
    /// The separator expected at each of the first 16 offsets, 8 per word; 0 where a digit belongs.
    private let separatorsLow: UInt64
    private let separatorsHigh: UInt64
    private let dayAt: Int
    private let monthAt: Int
    private let yearAt: Int
    private let yearDigits: Int

    /// The layout of `tokens`, or nil when a part has a variable width (`d`, `M`, `MMM`, `MMMM`) or the date is over 16 bytes.
    init?(_ tokens: [MappedDateFormat.Token]) {
        var offset = 0
        var day = -1, month = -1, year = -1, yearDigits = 0
        var separators: [UInt8] = []
        for token in tokens {
            switch token {
            case .day(exactTwo: true):
                day = offset
                separators += [0, 0]
            case .month(exactTwo: true):
                month = offset
                separators += [0, 0]
            case .twoDigitYear:
                year = offset
                yearDigits = 2
                separators += [0, 0]
            case .fourDigitYear:
                year = offset
                yearDigits = 4
                separators += [0, 0, 0, 0]
            case .literal(let c):
                // A literal digit would read as a digit slot; such patterns keep the general reader.
                guard c != 0, !(0x30...0x39).contains(c) else { return nil }
                separators.append(c)
            case .day(exactTwo: false), .month(exactTwo: false), .monthAbbreviation, .monthName:
                return nil
            }
            offset = separators.count
        }
        guard day >= 0, month >= 0, year >= 0, offset <= 16 else { return nil }
        var low: UInt64 = 0, high: UInt64 = 0
        for (i, c) in separators.enumerated() {
            if i < 8 { low |= UInt64(c) << UInt64(8 * i) } else { high |= UInt64(c) << UInt64(8 * (i - 8)) }
        }
        length = offset
        separatorsLow = low
        separatorsHigh = high
        dayAt = day
        monthAt = month
        yearAt = year
        self.yearDigits = yearDigits
    }

    /// True when the first `length` bytes of `b` (at least that many) have digits and separators where the pattern puts them.
    @inline(__always)
    func matches(_ b: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        while i < length {
            let word = i < 8 ? separatorsLow >> UInt64(8 * i) : separatorsHigh >> UInt64(8 * (i - 8))
            let separator = UInt8(truncatingIfNeeded: word)
            let c = b[i]
            if separator == 0 {
                guard c &- 0x30 <= 9 else { return false }
            } else {
                guard c == separator else { return false }
            }
            i += 1
        }
        return true
    }

    /// Year, month and day of a date `matches` accepted (not yet checked against the calendar).
    @inline(__always)
    func parts(_ b: UnsafeRawBufferPointer) -> (year: Int, month: Int, day: Int) {
        @inline(__always) func two(_ at: Int) -> Int { Int(b[at] &- 0x30) * 10 + Int(b[at + 1] &- 0x30) }
        let year: Int
        if yearDigits == 4 {
            year = two(yearAt) * 100 + two(yearAt + 2)
        } else {
            let v = two(yearAt)
            year = v < 70 ? 2000 + v : 1900 + v
        }
        return (year, two(monthAt), two(dayAt))
    }
}
