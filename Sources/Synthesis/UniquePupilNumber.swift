/// Unique pupil numbers that pass the DfE checks (CIN rules 1510–1550): a
/// check letter, the three-digit LA code, then nine digits.
///
/// Serial numbers go through a fixed bijection of 0..<10⁹, so distinct serials
/// give distinct UPNs (rule 1520) that still look scattered, not sequential.
enum UniquePupilNumber {
    private static let checkLetters = Array("ABCDEFGHJKLMNPQRTUVWXYZ".utf8)
    private static let serialSpace = 1_000_000_000
    /// 3¹⁸, which shares no factor with 10⁹, so multiplying by it permutes the serials.
    private static let scatter = 387_420_489

    /// The UPN for `serial` (0 ≤ serial < 10⁹) in the LA `laCode` (three digits);
    /// `offset` (0 ≤ offset < 10⁹) shifts the whole numbering, so each seed has its own.
    static func make(laCode: String, serial: Int, offset: Int) -> String {
        precondition((0..<serialSpace).contains(serial), "UPN serial out of range")
        let scattered = (serial * scatter + offset) % serialSpace
        var digits = Array(laCode.utf8)
        precondition(digits.count == 3, "an LA code has three digits")
        var rest = [UInt8](repeating: UInt8(ascii: "0"), count: 9)
        var n = scattered
        for i in stride(from: 8, through: 0, by: -1) {
            rest[i] += UInt8(n % 10)
            n /= 10
        }
        digits += rest
        return String(decoding: [checkLetter(for: digits)] + digits, as: UTF8.self)
    }

    /// The check letter of the twelve characters after it (rule 1510): the
    /// digits weighted 2 to 13 in order, summed, modulo 23, as a letter with
    /// I, O and S left out.
    static func checkLetter(for twelve: [UInt8]) -> UInt8 {
        var sum = 0
        for (i, b) in twelve.enumerated() { sum += Int(b - UInt8(ascii: "0")) * (i + 2) }
        return checkLetters[sum % 23]
    }

    /// Whether `upn` is thirteen characters with a correct check letter and
    /// digits in characters 2–13 (the form this generator writes).
    static func isValid(_ upn: String) -> Bool {
        let b = Array(upn.utf8)
        guard b.count == 13, b[1...].allSatisfy({ (48...57).contains($0) }) else { return false }
        return b[0] == checkLetter(for: Array(b[1...]))
    }
}
