/// Every value map of one mapping, flattened for the hot loop: labels are
/// looked up straight from a cell's bytes in their comparison form
/// (`MappedLabel`), and a hit gives the index of the code's String, so no
/// String is made and no reference is counted per cell.
///
/// A label up to seven bytes long (in comparison form) is packed with its
/// length into one 64-bit key, as the 903 reader packs its codes, and found
/// with one integer comparison; longer labels are found by hash and compared
/// byte by byte.
final class MappedCodeTables {
    /// Each map's table: its first slot, its slot mask, and the text of an empty cell and of an unlisted label.
    struct Map {
        var start: Int
        var mask: Int
        /// Index into `texts` of the map's `blank`.
        var blank: Int32
        /// Index into `texts` of the map's `otherwise`; -1 makes an unlisted label an issue.
        var otherwise: Int32
    }

    /// Returned for a label the map does not list and has no default for.
    static let unlisted: Int32 = -1

    private let maps: UnsafeMutablePointer<Map>
    private let mapCount: Int
    /// Slot keys: a short label's packed key, or a long label's hash with the top bit set (so the two never meet).
    private let keys: UnsafeMutablePointer<UInt64>
    /// Slot contents: index into `texts` of the label's code, -1 for an empty slot.
    private let codes: UnsafeMutablePointer<Int32>
    /// Slot contents for long labels: where their comparison form lies in `longBytes`.
    private let longLabels: UnsafeMutablePointer<(start: Int32, count: Int32)>
    private let slotCount: Int
    private let longBytes: UnsafeMutablePointer<UInt8>
    private let longByteCount: Int
    /// Every code, blank and default text, by index.
    let texts: UnsafeMutablePointer<String>
    private let textCount: Int

    init(_ valueMaps: [MappedValueMap]) {
        var texts: [String] = []
        var keys: [UInt64] = [], codes: [Int32] = [], longLabels: [(start: Int32, count: Int32)] = []
        var longBytes: [UInt8] = []
        var maps: [Map] = []
        for valueMap in valueMaps {
            var size = 8
            while size < valueMap.entries.count * 4 { size *= 2 }
            let start = keys.count
            keys += Array(repeating: 0, count: size)
            codes += Array(repeating: -1, count: size)
            longLabels += Array(repeating: (0, 0), count: size)
            for entry in valueMap.entries {
                let normalized = Array(MappedLabel.normalized(entry.label).utf8)
                // A label with nothing but blanks never meets a cell: empty cells are the map's `blank`.
                if normalized.isEmpty { continue }
                let key = normalized.withUnsafeBytes { Self.key(of: $0) }
                var slot = Self.slot(of: key) & (size - 1)
                var duplicate = false
                while codes[start + slot] >= 0 {
                    if keys[start + slot] == key,
                       key & Self.longFlag == 0 || Array(longBytes[Int(longLabels[start + slot].start)...]
                        .prefix(Int(longLabels[start + slot].count))) == normalized {
                        duplicate = true
                        break
                    }
                    slot = (slot + 1) & (size - 1)
                }
                // The same label twice gives the same code (the loader refuses anything else): the first stays.
                if duplicate { continue }
                keys[start + slot] = key
                codes[start + slot] = Int32(texts.count)
                texts.append(entry.code)
                if key & Self.longFlag != 0 {
                    longLabels[start + slot] = (Int32(longBytes.count), Int32(normalized.count))
                    longBytes += normalized
                }
            }
            let blank = Int32(texts.count)
            texts.append(valueMap.blank)
            var otherwise = Self.unlisted
            if let code = valueMap.otherwise {
                otherwise = Int32(texts.count)
                texts.append(code)
            }
            maps.append(Map(start: start, mask: size - 1, blank: blank, otherwise: otherwise))
        }
        self.maps = .allocate(capacity: max(maps.count, 1))
        self.maps.initialize(from: maps, count: maps.count)
        mapCount = maps.count
        slotCount = keys.count
        self.keys = .allocate(capacity: max(keys.count, 1))
        self.keys.initialize(from: keys, count: keys.count)
        self.codes = .allocate(capacity: max(codes.count, 1))
        self.codes.initialize(from: codes, count: codes.count)
        self.longLabels = .allocate(capacity: max(longLabels.count, 1))
        self.longLabels.initialize(from: longLabels, count: longLabels.count)
        longByteCount = longBytes.count
        self.longBytes = .allocate(capacity: max(longBytes.count, 1))
        self.longBytes.initialize(from: longBytes, count: longBytes.count)
        textCount = texts.count
        self.texts = .allocate(capacity: max(texts.count, 1))
        self.texts.initialize(from: texts, count: texts.count)
    }

    deinit {
        maps.deallocate()
        keys.deallocate()
        codes.deallocate()
        longLabels.deallocate()
        longBytes.deallocate()
        texts.deinitialize(count: textCount)
        texts.deallocate()
    }

    /// Index into `texts` of the value of the cell `bytes` (trimmed) through map `map`:
    /// its blank when empty, the label's code, the default, or `unlisted`.
    @inline(__always)
    func value(_ map: Int, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        let table = maps[map]
        if bytes.isEmpty { return table.blank }
        let key = Self.key(of: bytes)
        var slot = Self.slot(of: key) & table.mask
        while true {
            let code = codes[table.start + slot]
            if code < 0 { return table.otherwise }
            if keys[table.start + slot] == key, key & Self.longFlag == 0 || isLabel(table.start + slot, bytes) {
                return code
            }
            slot = (slot + 1) & table.mask
        }
    }

    private static let longFlag: UInt64 = 1 << 63

    /// The comparison form of `bytes`: packed with its length when it has up to seven bytes, else hashed.
    @inline(__always)
    static func key(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        // Most cells are a short code with no blanks inside: its comparison form is itself in lower case.
        let n = bytes.count
        if n <= 7 {
            var packed: UInt64 = 0
            var i = 0
            while i < n {
                let b = bytes[i]
                if b <= 0x20 || b == 0xC2 { return normalizedKey(of: bytes) }
                packed |= UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) << UInt64(truncatingIfNeeded: 8 &* i)
                i &+= 1
            }
            return packed | UInt64(truncatingIfNeeded: n) << 56
        }
        return normalizedKey(of: bytes)
    }

    /// `key(of:)` for any cell: blanks dropped and folded as `MappedLabel` says.
    static func normalizedKey(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        var packed: UInt64 = 0
        var count: UInt64 = 0
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        MappedLabel.forEachByte(bytes) { b in
            if count < 7 { packed |= UInt64(b) << (8 &* count) }
            count &+= 1
            hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3
            return true
        }
        return count <= 7 ? packed | count << 56 : hash | longFlag
    }

    @inline(__always)
    private static func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }

    /// True when the long label in `slot` is the comparison form of `bytes`.
    private func isLabel(_ slot: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let label = longLabels[slot]
        let expected = longBytes + Int(label.start)
        let count = Int(label.count)
        var at = 0
        let complete = MappedLabel.forEachByte(bytes) { b in
            guard at < count, expected[at] == b else { return false }
            at += 1
            return true
        }
        return complete && at == count
    }
}
