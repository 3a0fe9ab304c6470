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
    /// The same, as word masks for `matches`: the first eight bytes, and the
    /// last eight (overlapping the first when the date has fewer than 16).
    private let headSeparatorMask: UInt64
    private let headSeparators: UInt64
    private let tailSeparatorMask: UInt64
    private let tailSeparators: UInt64
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
        func word(from start: Int) -> (mask: UInt64, separators: UInt64) {
            var mask: UInt64 = 0, value: UInt64 = 0
            for i in 0..<8 where start + i >= 0 && start + i < separators.count && separators[start + i] != 0 {
                mask |= 0xFF << UInt64(8 * i)
                value |= UInt64(separators[start + i]) << UInt64(8 * i)
            }
            return (mask, value)
        }
        (headSeparatorMask, headSeparators) = word(from: 0)
        (tailSeparatorMask, tailSeparators) = word(from: offset - 8)
        dayAt = day
        monthAt = month
        yearAt = year
        self.yearDigits = yearDigits
    }

    /// True when the first `length` bytes of `b` (at least that many) have digits and separators where the pattern puts them.
    @inline(__always)
    func matches(_ b: UnsafeRawBufferPointer) -> Bool {
        if length >= 8 {
            // Eight bytes at a time: separators equal, every other byte a digit.
            let base = b.baseAddress!
            return Self.matches(base.loadUnaligned(as: UInt64.self), headSeparatorMask, headSeparators)
                && Self.matches(base.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self), tailSeparatorMask,
                                tailSeparators)
        }
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

    /// True when the bytes of `word` under `mask` are `separators` and all the others are ASCII digits.
    @inline(__always)
    private static func matches(_ word: UInt64, _ mask: UInt64, _ separators: UInt64) -> Bool {
        let w = UInt64(littleEndian: word)
        let digits = ~mask
        // A digit is 0x30...0x39: high nibble 3, and low nibble + 6 does not carry into 0x10.
        return (w ^ separators) & mask == 0
            && ((w & 0xF0F0_F0F0_F0F0_F0F0) ^ 0x3030_3030_3030_3030) & digits == 0
            && ((w & 0x0F0F_0F0F_0F0F_0F0F) &+ 0x0606_0606_0606_0606) & 0x1010_1010_1010_1010 & digits == 0
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
