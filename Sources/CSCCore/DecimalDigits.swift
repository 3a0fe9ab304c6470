/// Whole numbers written as ASCII digits straight into a byte buffer, as
/// `String(n)` writes them but without making a String: the CSV, XML and
/// XLSX writers put a line, row or count number in every record they write.
public enum DecimalDigits {
    @inline(__always)
    public static func append(_ n: Int, to out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        let start = out.count
        var v = n.magnitude
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: v % 10))
            v /= 10
        } while v > 0
        out[start...].reverse()
    }
}
