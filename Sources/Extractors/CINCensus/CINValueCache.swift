/// Remembers what the short values of a census (dates, codes, flags) were
/// read as, keyed by their bytes.
///
/// A census repeats the same few thousand dates and a few dozen codes
/// hundreds of thousands of times; a hit here skips making a `String`,
/// validating it and looking it up in a code list. Direct-mapped: a slot
/// holds the last value that hashed to it.
struct CINValueCache {
    /// What a value is read as; part of the key, since `1` is a valid flag but not a valid date.
    enum Kind: UInt64 {
        case date = 1, flag, count
        /// The code list `CINCodeListName(rawValue: kind - code)`.
        case code = 16
    }

    struct Key: Equatable {
        let low: UInt64
        let high: UInt64
    }

    struct Entry {
        var key = Key(low: 0, high: 0)
        /// The value as written (trimmed).
        var original = ""
        /// What it reads as; nil when it is not valid.
        var result: String?
    }

    private static let bits: UInt64 = 12
    private var entries = [Entry](repeating: Entry(), count: 1 << Int(bits))

    /// The key of a value of up to 14 bytes, or nil for a longer one.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, kind: UInt64) -> Key? {
        let n = bytes.count
        guard n > 0 && n <= 14 else { return nil }
        var low: UInt64 = 0, high: UInt64 = 0
        for i in 0..<min(n, 8) { low |= UInt64(bytes[i]) << UInt64(8 * i) }
        if n > 8 { for i in 8..<n { high |= UInt64(bytes[i]) << UInt64(8 * (i - 8)) } }
        // Length and kind in the top bytes: never zero, so an empty slot never matches.
        high |= UInt64(n) << 48 | kind << 56
        return Key(low: low, high: high)
    }

    @inline(__always)
    private static func slot(_ key: Key) -> Int {
        let h = (key.low &* 0x9E37_79B9_7F4A_7C15) ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: h >> (64 - bits))
    }

    @inline(__always)
    func lookup(_ key: Key) -> Entry? {
        let e = entries[Self.slot(key)]
        return e.key == key ? e : nil
    }

    mutating func store(_ key: Key, original: String, result: String?) {
        entries[Self.slot(key)] = Entry(key: key, original: original, result: result)
    }
}
