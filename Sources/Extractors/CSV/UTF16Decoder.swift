/// UTF-16 to UTF-8, fed one chunk at a time: a code unit or a surrogate pair
/// split across two reads is held back until the next one completes it.
struct UTF16Decoder {
    let bigEndian: Bool
    private var pendingByte: UInt8?
    /// A high surrogate waiting for its low half; 0 when none.
    private var pendingHigh: UInt16 = 0

    init(bigEndian: Bool) {
        self.bigEndian = bigEndian
    }

    /// Room `decode` and `finish` together may need for `count` input bytes.
    static func maxOutput(forInput count: Int) -> Int { (count + 1) / 2 * 3 + 8 }

    /// Converts `count` bytes, returning the number of UTF-8 bytes written.
    /// Unpaired surrogates become U+FFFD rather than failing the file.
    mutating func decode(_ src: UnsafePointer<UInt8>, count: Int, into dst: UnsafeMutablePointer<UInt8>) -> Int {
        var out = 0
        var i = 0
        if let first = pendingByte, count > 0 {
            pendingByte = nil
            out += emit(unit(first, src[0]), into: dst + out)
            i = 1
        }
        while i + 1 < count {
            let u = unit(src[i], src[i + 1])
            i += 2
            if u < 0x80, pendingHigh == 0 {
                dst[out] = UInt8(u)
                out += 1
            } else {
                out += emit(u, into: dst + out)
            }
        }
        if i < count { pendingByte = src[i] }
        return out
    }

    /// Flushes what the end of the file left incomplete, as U+FFFD.
    mutating func finish(into dst: UnsafeMutablePointer<UInt8>) -> Int {
        var out = 0
        if pendingHigh != 0 {
            pendingHigh = 0
            out += Self.write(0xFFFD, into: dst + out)
        }
        if pendingByte != nil {
            pendingByte = nil
            out += Self.write(0xFFFD, into: dst + out)
        }
        return out
    }

    @inline(__always)
    private func unit(_ a: UInt8, _ b: UInt8) -> UInt16 {
        bigEndian ? UInt16(a) << 8 | UInt16(b) : UInt16(b) << 8 | UInt16(a)
    }

    private mutating func emit(_ u: UInt16, into dst: UnsafeMutablePointer<UInt8>) -> Int {
        var out = 0
        if pendingHigh != 0 {
            if u >= 0xDC00, u <= 0xDFFF {
                let scalar = 0x10000 + (UInt32(pendingHigh - 0xD800) << 10) + UInt32(u - 0xDC00)
                pendingHigh = 0
                return Self.write(scalar, into: dst)
            }
            pendingHigh = 0
            out += Self.write(0xFFFD, into: dst)
        }
        switch u {
        case 0xD800...0xDBFF:
            pendingHigh = u
            return out
        case 0xDC00...0xDFFF:
            return out + Self.write(0xFFFD, into: dst + out)
        default:
            return out + Self.write(UInt32(u), into: dst + out)
        }
    }

    @inline(__always)
    static func write(_ scalar: UInt32, into dst: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case 0..<0x80:
            dst[0] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            dst[0] = UInt8(0xC0 | (scalar >> 6))
            dst[1] = UInt8(0x80 | (scalar & 0x3F))
            return 2
        case 0x800..<0x10000:
            dst[0] = UInt8(0xE0 | (scalar >> 12))
            dst[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            dst[2] = UInt8(0x80 | (scalar & 0x3F))
            return 3
        default:
            dst[0] = UInt8(0xF0 | (scalar >> 18))
            dst[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            dst[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            dst[3] = UInt8(0x80 | (scalar & 0x3F))
            return 4
        }
    }
}
