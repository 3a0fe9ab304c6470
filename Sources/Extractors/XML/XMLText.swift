/// Byte-level helpers for XML character data.
public enum XMLText {
    /// XML whitespace: space, tab, line feed, carriage return.
    @inline(__always)
    public static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

    /// The index of the first non-whitespace byte (-1 when there is none) and
    /// the line feeds before it. Indentation (runs of spaces) is skipped
    /// eight bytes at a time: most pieces between elements are just that.
    @inline(__always)
    public static func firstNonBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> (index: Int, newlines: Int) {
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress else { return (-1, 0) }
        if !isBlank(base[0]) { return (0, 0) }
        var newlines = 0
        var i = 0
        while i < count {
            if i + 8 <= count, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
                i += 8
                continue
            }
            let b = base[i]
            if b == 0x0A {
                newlines += 1
            } else if b != 0x20 && b != 0x09 && b != 0x0D {
                return (i, newlines)
            }
            i += 1
        }
        return (-1, newlines)
    }
}
