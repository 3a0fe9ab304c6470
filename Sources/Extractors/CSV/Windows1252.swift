/// Windows-1252 ("ANSI", what Excel on an English Windows saves as plain "CSV") to UTF-8.
enum Windows1252 {
    /// Unicode scalars for bytes 0x80...0x9F; 0xA0...0xFF are U+00A0...U+00FF.
    /// The five bytes 1252 leaves undefined (81, 8D, 8F, 90, 9D) map to the C1
    /// control of the same value, as the WHATWG encoding standard does, so no
    /// byte is ever dropped and the original value stays recoverable.
    static let high: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Most UTF-8 bytes one input byte can become.
    static let maxExpansion = 3

    /// Writes `byte` as UTF-8 at `dst`; returns the number of bytes written (1...3).
    @inline(__always)
    static func encode(_ byte: UInt8, into dst: UnsafeMutablePointer<UInt8>) -> Int {
        if byte < 0x80 {
            dst[0] = byte
            return 1
        }
        let scalar = byte < 0xA0 ? UInt32(high[Int(byte) - 0x80]) : UInt32(byte)
        if scalar < 0x800 {
            dst[0] = UInt8(0xC0 | (scalar >> 6))
            dst[1] = UInt8(0x80 | (scalar & 0x3F))
            return 2
        }
        dst[0] = UInt8(0xE0 | (scalar >> 12))
        dst[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
        dst[2] = UInt8(0x80 | (scalar & 0x3F))
        return 3
    }

    /// Converts `count` bytes; `dst` must hold `count * maxExpansion` bytes.
    static func convert(_ src: UnsafePointer<UInt8>, count: Int, into dst: UnsafeMutablePointer<UInt8>) -> Int {
        var out = 0
        for i in 0..<count {
            let byte = src[i]
            if byte < 0x80 {
                dst[out] = byte
                out += 1
            } else {
                out += encode(byte, into: dst + out)
            }
        }
        return out
    }
}
