/// A small map from interned element names to values, looked up with a
/// pointer hash instead of `Hasher`: a reader looks up every start tag, and
/// SipHash on millions of tags costs more than the rest of the lookup.
///
/// Open addressing with linear probing, sized to stay at most a quarter full
/// for the capacity given (and never allowed past half full).
public struct XMLNameTable<Value> {
    private var keys: [UInt]
    private var values: [Value?]
    private let mask: UInt
    private var count = 0

    /// A table for up to `capacity` names.
    public init(capacity: Int) {
        var size = 16
        while size < capacity * 4 { size *= 2 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        mask = UInt(size - 1)
    }

    @inline(__always)
    private func slot(_ key: UInt) -> Int {
        // Dictionary strings are at least 8-byte aligned; mix the higher bits in.
        Int(((key >> 3) ^ (key >> 11)) & mask)
    }

    public subscript(name: XMLName) -> Value? {
        get {
            let key = UInt(bitPattern: name.pointer)
            if key == 0 { return nil }
            var i = slot(key)
            while true {
                let k = keys[i]
                if k == key { return values[i] }
                if k == 0 { return nil }
                i = (i + 1) & Int(mask)
            }
        }
        set {
            let key = UInt(bitPattern: name.pointer)
            precondition(key != 0, "no name")
            var i = slot(key)
            while keys[i] != 0 && keys[i] != key { i = (i + 1) & Int(mask) }
            if keys[i] == 0 {
                count += 1
                precondition(count <= keys.count / 2, "XMLNameTable holds more names than its capacity")
                keys[i] = key
            }
            values[i] = newValue
        }
    }
}

extension XMLNameTable: Sendable where Value: Sendable {}
