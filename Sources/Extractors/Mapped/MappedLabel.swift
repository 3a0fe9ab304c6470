/// How labels in an export are compared with the labels a mapping lists:
/// surrounding blanks dropped, runs of blanks inside (spaces, tabs, line
/// breaks, no-break spaces) read as one space, ASCII letters in either case.
/// So `" Looked  After visit"` is the label `Looked After Visit`.
public enum MappedLabel {
    /// The comparison form of `label`, for finding labels that collide.
    public static func normalized(_ label: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(label.utf8)
        _ = bytes.withUnsafeBytes { raw in
            forEachByte(raw) { out.append($0); return true }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Calls `body` with each byte of the comparison form of `bytes`, until it returns false.
    /// Returns false when `body` stopped it.
    @inline(__always) @discardableResult
    static func forEachByte(_ bytes: UnsafeRawBufferPointer, _ body: (UInt8) -> Bool) -> Bool {
        var i = 0
        let n = bytes.count
        var pendingSpace = false
        var started = false
        while i < n {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                pendingSpace = started
                i += 1
                continue
            }
            if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {
                pendingSpace = started
                i += 2
                continue
            }
            if pendingSpace {
                if !body(0x20) { return false }
                pendingSpace = false
            }
            started = true
            if !body(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) { return false }
            i += 1
        }
        return true
    }
}

/// A fixed set of labels looked up straight from a cell's bytes, in their
/// comparison form (`MappedLabel`), with no String made per lookup.
struct MappedLabelTable: Sendable {
    private let keys: [[UInt8]]
    private let slots: [Int32]
    private let mask: Int

    /// The table of `labels`; a label's index is its position. Labels equal
    /// in comparison form keep the first one's index.
    init(labels: [String]) {
        keys = labels.map { Array(MappedLabel.normalized($0).utf8) }
        var capacity = 8
        while capacity < keys.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)
        for (index, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
            var duplicate = false
            while slots[slot] >= 0 {
                if keys[Int(slots[slot])] == key { duplicate = true; break }
                slot = (slot + 1) & mask
            }
            if !duplicate { slots[slot] = Int32(index) }
        }
        self.slots = slots
    }

    /// The index of the label `bytes` holds, or nil when it is none of them.
    @inline(__always)
    func index(of bytes: UnsafeRawBufferPointer) -> Int? {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        _ = MappedLabel.forEachByte(bytes) { b in
            h = (h ^ UInt64(b)) &* 0x100_0000_01B3
            return true
        }
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if matches(keys[index], bytes) { return index }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func matches(_ key: [UInt8], _ bytes: UnsafeRawBufferPointer) -> Bool {
        key.withUnsafeBufferPointer { k in
            var at = 0
            let complete = MappedLabel.forEachByte(bytes) { b in
                guard at < k.count, k[at] == b else { return false }
                at += 1
                return true
            }
            return complete && at == k.count
        }
    }

    private static func hash(_ key: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}
