/// The ISO text (`YYYY-MM-DD`) of dates already seen, one slot per day over
/// about eleven years: a file's dates repeat a few thousand days, so most
/// need no new String. One per reader and core; a class so that structs
/// passed by value can share it, with raw storage so a look-up takes no
/// exclusivity check and counts no reference.
final class ISODateTexts {
    private static let slots = 4096
    private let keys: UnsafeMutablePointer<Int>
    private let texts: UnsafeMutablePointer<String>

    init() {
        keys = .allocate(capacity: Self.slots)
        keys.initialize(repeating: -1, count: Self.slots)
        texts = .allocate(capacity: Self.slots)
        texts.initialize(repeating: "", count: Self.slots)
    }

    deinit {
        keys.deallocate()
        texts.deinitialize(count: Self.slots)
        texts.deallocate()
    }

    /// `YYYY-MM-DD` for a real calendar date with a four-digit year.
    @inline(__always)
    func text(year: Int, month: Int, day: Int) -> String {
        let key = year << 9 | month << 5 | day
        let slot = ((year * 12 + month) * 31 + day) & (Self.slots - 1)
        if keys[slot] == key { return texts[slot] }
        let text = String(unsafeUninitializedCapacity: 10) { out in
            out[0] = UInt8(truncatingIfNeeded: 0x30 + year / 1000 % 10)
            out[1] = UInt8(truncatingIfNeeded: 0x30 + year / 100 % 10)
            out[2] = UInt8(truncatingIfNeeded: 0x30 + year / 10 % 10)
            out[3] = UInt8(truncatingIfNeeded: 0x30 + year % 10)
            out[4] = 0x2D
            out[5] = UInt8(truncatingIfNeeded: 0x30 + month / 10)
            out[6] = UInt8(truncatingIfNeeded: 0x30 + month % 10)
            out[7] = 0x2D
            out[8] = UInt8(truncatingIfNeeded: 0x30 + day / 10)
            out[9] = UInt8(truncatingIfNeeded: 0x30 + day % 10)
            return 10
        }
        keys[slot] = key
        texts[slot] = text
        return text
    }
}
