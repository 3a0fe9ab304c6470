import CSCCore

/// Byte-level reading of 903 cells: trimming, `DD/MM/YYYY` dates and
/// postcode shapes, without making a String first.
enum SSDA903Bytes {
    /// A `DD/MM/YYYY` date that is a real calendar day, as year, month and day;
    /// nil for anything else (`31/02/2024`, `1/2/2024`, `2024-02-01`).
    @inline(__always)
    static func ukDate(_ b: UnsafeRawBufferPointer) -> (year: Int, month: Int, day: Int)? {
        guard b.count == 10, b[2] == 0x2F, b[5] == 0x2F,
              let day = number(b, 0, 2), let month = number(b, 3, 5), let year = number(b, 6, 10),
              year >= 1, month >= 1, month <= 12, day >= 1, day <= Day.daysIn(month: month, year: year)
        else { return nil }
        return (year, month, day)
    }

    /// True for `YYYY-MM-DD`: a date written the CIN census way, worth naming in the message.
    static func looksISO(_ b: UnsafeRawBufferPointer) -> Bool {
        b.count == 10 && b[4] == 0x2D && b[7] == 0x2D && number(b, 0, 4) != nil && number(b, 5, 7) != nil
            && number(b, 8, 10) != nil
    }

    /// The whole number in `b[from..<to]`, all digits; nil otherwise.
    @inline(__always)
    static func number(_ b: UnsafeRawBufferPointer, _ from: Int, _ to: Int) -> Int? {
        var n = 0
        for i in from..<to {
            let d = Int(b[i]) &- 0x30
            guard d >= 0 && d <= 9 else { return nil }
            n = n * 10 + d
        }
        return n
    }

    /// A full UK postcode in capitals with one space: outward code `A9`, `A99`,
    /// `AA9`, `AA99`, `A9A` or `AA9A`, then inward code `9AA` (or `GIR 0AA`).
    static func isPostcode(_ b: UnsafeRawBufferPointer) -> Bool {
        let n = b.count
        guard n >= 6, n <= 8, b[n - 4] == 0x20 else { return false }
        guard isDigit(b[n - 3]), isLetter(b[n - 2]), isLetter(b[n - 1]) else { return false }
        let outward = n - 4
        func l(_ i: Int) -> Bool { isLetter(b[i]) }
        func d(_ i: Int) -> Bool { isDigit(b[i]) }
        switch outward {
        case 2: return l(0) && d(1)
        case 3: return l(0) && ((d(1) && (d(2) || l(2))) || (l(1) && d(2))) || (b[0] == 0x47 && b[1] == 0x49 && b[2] == 0x52)
        case 4: return l(0) && l(1) && d(2) && (d(3) || l(3))
        default: return false
        }
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
}
