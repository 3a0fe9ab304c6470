/// A RAG threshold exactly as written in the KPI file (`0.22`), kept as a
/// decimal so that a value is judged on its exact fraction: 11/50 is exactly
/// 0.22, which a binary floating-point comparison could get wrong.
public struct Threshold: Sendable, Equatable, CustomStringConvertible {
    /// The text as written, shown in the `target` column.
    public let text: String
    /// `text` as `units / 10^scale`.
    let units: Int
    let scale: Int

    /// Reads a non-negative decimal such as `0.8`, `0.85` or `12`; nil for
    /// anything else (a sign, an exponent, more than 9 decimal places).
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty || parts.count == 2,
              whole.allSatisfy(\.isASCIIDigit) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.allSatisfy(\.isASCIIDigit), fraction.count <= 9, whole.count + fraction.count <= 15,
              !(whole.isEmpty && fraction.isEmpty) else { return nil }
        self.text = text
        self.units = Int(whole + fraction) ?? 0
        self.scale = fraction.count
    }

    public var description: String { text }

    /// The threshold as a number, for means (whose values are not fractions).
    public var number: Double { Double(units) / Double(Self.power(scale)) }

    /// Compares `numerator / denominator` (denominator > 0) with the threshold exactly.
    func compare(numerator: Int, denominator: Int) -> Ordering {
        let lhs = numerator.multipliedReportingOverflow(by: Self.power(scale))
        let rhs = units.multipliedReportingOverflow(by: denominator)
        if lhs.overflow || rhs.overflow {
            return Self.ordering(Double(numerator) / Double(denominator), number)
        }
        return Self.ordering(lhs.partialValue, rhs.partialValue)
    }

    enum Ordering { case below, equal, above }

    static func ordering<T: Comparable>(_ a: T, _ b: T) -> Ordering {
        a < b ? .below : (a == b ? .equal : .above)
    }

    static func power(_ n: Int) -> Int { (0..<n).reduce(1) { r, _ in r * 10 } }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
