import CSCCore

/// Every 903 code list narrowed to the codes valid in one collection year,
/// looked up straight from a cell's bytes.
///
/// 903 codes are one to six characters, so each is packed with its length
/// into a 64-bit key and found in a small open-addressing table, usually at
/// the first probe: no String is made for a valid code and no Hasher runs.
/// All lists share two flat buffers owned by this one object, so the hot path
/// takes no reference counts.
final class SSDA903YearCodes {
    let year: CollectionYear
    /// The full lists, by `SSDA903CodeList`, for messages about codes of other years.
    let lists: [CodeList]
    /// Slots of every list's table, back to back; 0 marks an empty slot (no code packs to 0).
    private let keys: UnsafeMutablePointer<UInt64>
    private let values: UnsafeMutablePointer<String>
    private let slotCount: Int
    /// Each list's first slot and slot mask (table size − 1, a power of two less one).
    private let tables: UnsafeMutablePointer<(start: Int, mask: Int)>
    /// Codes too long to pack (none in the DfE lists today), by list, then text.
    private let longCodes: [[String: String]]

    convenience init(_ codes: CodeBook, year: CollectionYear) {
        self.init(lists: SSDA903CodeList.allCases.map { codes[$0.bookName] }, year: year)
    }

    /// A second set of the same tables, for another core: each core looks
    /// codes up in its own, so no reference count is shared between them.
    func copy() -> SSDA903YearCodes {
        SSDA903YearCodes(lists: lists, year: year)
    }

    private init(lists: [CodeList], year: CollectionYear) {
        self.year = year
        self.lists = lists
        var keys: [UInt64] = []
        var values: [String] = []
        var tables: [(start: Int, mask: Int)] = []
        var longCodes: [[String: String]] = []
        for list in lists {
            var packed: [(UInt64, String)] = []
            var long: [String: String] = [:]
            for e in list.entries where e.isValid(in: year) {
                var code = e.code
                if let key = code.withUTF8({ Self.key(UnsafeRawBufferPointer($0)) }) {
                    if !packed.contains(where: { $0.0 == key }) { packed.append((key, e.canonical)) }
                } else if long[e.code] == nil {
                    long[e.code] = e.canonical
                }
            }
            var size = 8
            while size < packed.count * 4 { size *= 2 }
            let start = keys.count
            keys += Array(repeating: 0, count: size)
            values += Array(repeating: "", count: size)
            for (key, canonical) in packed {
                var slot = Self.hash(key) & (size - 1)
                while keys[start + slot] != 0 { slot = (slot + 1) & (size - 1) }
                keys[start + slot] = key
                values[start + slot] = canonical
            }
            tables.append((start, size - 1))
            longCodes.append(long)
        }
        slotCount = keys.count
        self.keys = .allocate(capacity: keys.count)
        self.keys.initialize(from: keys, count: keys.count)
        self.values = .allocate(capacity: values.count)
        self.values.initialize(from: values, count: values.count)
        self.tables = .allocate(capacity: tables.count)
        self.tables.initialize(from: tables, count: tables.count)
        self.longCodes = longCodes
    }

    deinit {
        keys.deallocate()
        values.deinitialize(count: slotCount)
        values.deallocate()
        tables.deallocate()
    }

    subscript(list: SSDA903CodeList) -> CodeList { lists[list.rawValue] }

    /// The canonical value of the (trimmed, non-empty) code in `bytes`, or nil
    /// when it is not valid in the year. Exact match: `m` is not `M`.
    @inline(__always)
    func canonical(_ list: SSDA903CodeList, _ bytes: UnsafeRawBufferPointer) -> String? {
        guard let key = Self.key(bytes) else {
            return longCodes[list.rawValue][String(decoding: bytes, as: UTF8.self)]
        }
        let table = tables[list.rawValue]
        var slot = Self.hash(key) & table.mask
        while true {
            let found = keys[table.start + slot]
            if found == key { return values[table.start + slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & table.mask
        }
    }

    /// Up to seven bytes and their count in one integer; nil for longer text.
    @inline(__always)
    static func key(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        let n = bytes.count
        guard n <= 7 else { return nil }
        var key = UInt64(truncatingIfNeeded: n) << 56
        var i = 0
        while i < n {
            key |= UInt64(bytes[i]) << UInt64(truncatingIfNeeded: 8 * i)
            i += 1
        }
        return key
    }

    @inline(__always)
    private static func hash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }
}
