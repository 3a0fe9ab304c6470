import CSCCore

/// What `cscpipe synth` generates: how many children, from which seed, as of
/// which day, for which (fake by default) local authority.
public struct SynthOptions: Sendable {
    /// Children in the CIN census of the collection year containing `asOf`.
    public var children: Int
    /// The same seed and options give the same files, byte for byte.
    public var seed: UInt64
    /// Nothing happens after this day; it also picks the collection year.
    public var asOf: Day
    /// The three-digit (old-style) LA code for the header `LEA` and UPN
    /// characters 2–4. 999 belongs to no real council.
    public var laCode: String

    public init(children: Int, seed: UInt64, asOf: Day, laCode: String = "999") {
        self.children = children
        self.seed = seed
        self.asOf = asOf
        self.laCode = laCode
    }

    /// The collection year (1 April – 31 March) that contains `asOf`.
    public var collectionYear: CollectionYear { CollectionYear(containing: asOf) }

    /// Throws when the options cannot make a valid census.
    public func validate() throws(SynthError) {
        guard children >= 1 else { throw .noChildren(children) }
        let code = Array(laCode.utf8)
        guard code.count == 3, code.allSatisfy({ (48...57).contains($0) }) else { throw .badLACode(laCode) }
    }
}

/// Options `cscpipe synth` refuses, with a message for the terminal.
public enum SynthError: Error, Sendable, Equatable, CustomStringConvertible {
    case noChildren(Int)
    case badLACode(String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .noChildren(let n):
            "--children must be at least 1 (a CIN census holds at least one child), not \(n)"
        case .badLACode(let code):
            "the LA code must be three digits, like 999, not `\(code)`"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason)"
        }
    }
}
