/// Arrays of empty Strings of a given length, made as array literals.
///
/// A reader makes one such array per record. `Array(repeating:count:)` and
/// `Array(unsafeUninitializedCapacity:)` allocate through a generic path of
/// the standard library that looks the element type up at run time on every
/// call; an array literal of known length is allocated directly. Measured
/// with callgrind on this machine, making, writing one value of and freeing
/// an array of 13: about 1,350 instructions against about 950.
///
/// The literals are of `filler`, a value this function cannot see: a literal
/// of constant `""`s is compiled into a read-only array that is copied, the
/// slow way, the first time it is written to.
enum EmptyValues {
    /// The longest array made as a literal; longer ones take the generic path.
    static let literalLimit = 24

    @inline(never)
    static func make(count: Int, filler e: String = "") -> [String] {
        switch count {
        case 0: []
        case 1: [e]
        case 2: [e, e]
        case 3: [e, e, e]
        case 4: [e, e, e, e]
        case 5: [e, e, e, e, e]
        case 6: [e, e, e, e, e, e]
        case 7: [e, e, e, e, e, e, e]
        case 8: [e, e, e, e, e, e, e, e]
        case 9: [e, e, e, e, e, e, e, e, e]
        case 10: [e, e, e, e, e, e, e, e, e, e]
        case 11: [e, e, e, e, e, e, e, e, e, e, e]
        case 12: [e, e, e, e, e, e, e, e, e, e, e, e]
        case 13: [e, e, e, e, e, e, e, e, e, e, e, e, e]
        case 14: [e, e, e, e, e, e, e, e, e, e, e, e, e, e]
        case 15: [e, e, e, e, e, e, e, e, e, e, e, e, e, e, e]
        case 16: [e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e]
        case 17: [e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e]
        case 18: [e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e]
        case 19: [e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e]
        case 20: [e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e]
        case 21: [e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e]
        case 22: [e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e]
        case 23: [e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e]
        case 24: [e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e]
        default: Array(repeating: e, count: count)
        }
    }
}
