/// Local labels and the canonical codes they stand for, many labels to one
/// code (`"a) Male"`, `"Male"`, `"1"` -> `M`), compared as `MappedLabel` says.
/// A label the map does not list is an `unknown-code` issue unless the
/// mapping gives a `default`.
public struct MappedValueMap: Sendable {
    /// One label and its code.
    public struct Entry: Sendable, Hashable {
        public var label: String
        public var code: String

        public init(label: String, code: String) {
            self.label = label
            self.code = code
        }
    }

    public let entries: [Entry]
    /// The code for any label not listed; nil makes such a label an issue.
    public let otherwise: String?
    /// The value of an empty cell (default: empty).
    public let blank: String
    private let table: MappedLabelTable
    private let codes: [String]

    /// A map of `entries`; a label listed twice must give the same code both
    /// times (the mapping loader refuses a label sent to two codes).
    public init(entries: [Entry], otherwise: String? = nil, blank: String = "") {
        precondition(Self.conflicts(in: entries).isEmpty, "a label is mapped to two codes")
        self.entries = entries
        self.otherwise = otherwise
        self.blank = blank
        table = MappedLabelTable(labels: entries.map(\.label))
        codes = entries.map(\.code)
    }

    /// Labels that the comparison rules make one but `entries` send to different codes.
    public static func conflicts(in entries: [Entry]) -> [(label: String, codes: [String])] {
        var codesByLabel: [String: [String]] = [:]
        var order: [String] = []
        for entry in entries {
            let key = MappedLabel.normalized(entry.label)
            if codesByLabel[key] == nil { order.append(key) }
            if !(codesByLabel[key]?.contains(entry.code) ?? false) { codesByLabel[key, default: []].append(entry.code) }
        }
        return order.compactMap { key in
            let codes = codesByLabel[key] ?? []
            return codes.count > 1 ? (key, codes) : nil
        }
    }

    /// The code for the label in `bytes` (not empty), or nil when it is not listed and there is no default.
    @inline(__always)
    func code(for bytes: UnsafeRawBufferPointer) -> String? {
        if let index = table.index(of: bytes) { return codes[index] }
        return otherwise
    }

    /// True when `bytes` is one of the listed labels.
    func contains(_ bytes: UnsafeRawBufferPointer) -> Bool { table.index(of: bytes) != nil }
}
