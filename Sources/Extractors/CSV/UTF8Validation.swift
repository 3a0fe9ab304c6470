/// Checks UTF-8 without decoding it, so the reader can hand valid bytes on
/// untouched and notice the first byte that says the file is something else.
enum UTF8Validation {
    struct Result {
        /// Bytes before `end` are valid UTF-8.
        var end: Int
        /// Offset of the first invalid byte, if one was met (then `end` equals it).
        var invalidAt: Int?
        /// A valid multi-byte sequence was seen before `end`.
        var sawNonASCII: Bool
    }

    /// Validates `bytes[from..<to]`. A sequence cut off at `to` is invalid only
    /// `atEnd` of the input; otherwise `end` stops before it so the next read can complete it.
    static func validate(_ bytes: UnsafePointer<UInt8>, from: Int, to: Int, atEnd: Bool) -> Result {
        var i = from
        var sawNonASCII = false
        while i < to {
            // Most CSV text is ASCII: test eight bytes at a time.
            while i + 8 <= to,
                  UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < to else { break }
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var secondLow: UInt8 = 0x80
            var secondHigh: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondLow = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; secondHigh = 0x9F
            case 0xF0: length = 4; secondLow = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondHigh = 0x8F
            default: return Result(end: i, invalidAt: i, sawNonASCII: sawNonASCII)
            }
            let available = min(length, to - i)
            var k = 1
            while k < available {
                let byte = bytes[i + k]
                let ok = k == 1 ? (byte >= secondLow && byte <= secondHigh) : (byte & 0xC0 == 0x80)
                if !ok { return Result(end: i, invalidAt: i, sawNonASCII: sawNonASCII) }
                k += 1
            }
            if available < length {
                return atEnd ? Result(end: i, invalidAt: i, sawNonASCII: sawNonASCII)
                             : Result(end: i, invalidAt: nil, sawNonASCII: sawNonASCII)
            }
            sawNonASCII = true
            i += length
        }
        return Result(end: to, invalidAt: nil, sawNonASCII: sawNonASCII)
    }
}
