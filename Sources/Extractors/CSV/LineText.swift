/// A line number as the text a record's `SourceLocation` holds.
enum LineText {
    /// `line` in decimal, as `String(line)` writes it but without the generic
    /// formatting path: the text fits a String's inline storage, so nothing is allocated.
    @inline(__always)
    static func decimal(_ line: Int) -> String {
        guard line > 0, line < 1_000_000_000_000_000 else { return String(line) }
        var digits = 1
        var rest = line / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        return String(unsafeUninitializedCapacity: digits) { out in
            var n = line
            var i = digits - 1
            while i >= 0 {
                out[i] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
                n /= 10
                i -= 1
            }
            return digits
        }
    }
}
