/// Text made safe for the XML parts of a workbook, byte by byte.
///
/// Beyond the usual `&`, `<`, `>` (and `"` in attributes):
/// - Control characters XML 1.0 cannot hold at all (U+0000–U+001F other than
///   tab, LF and CR) and the non-characters U+FFFE and U+FFFF become U+FFFD,
///   so a stray vertical tab pasted into a case system still gives a workbook
///   that opens, with the spot visible, and the same input always gives the
///   same bytes.
/// - CR is written `&#13;`: a parser turns a literal CR into LF.
/// - In cell text, an underscore that starts `_xHHHH_` is written `_x005F_`:
///   Excel reads `_xHHHH_` in cell text as an escaped character, so the text
///   `_x0041_` would otherwise show as `A`.
enum XLSXXMLText {
    /// Per byte: 1 = needs care (escaped or checked), 2 = tab, LF or CR.
    private static let kind: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 256)
        for b in 0..<0x20 { t[b] = 1 }
        t[0x09] = 3; t[0x0A] = 3; t[0x0D] = 3
        for b in [UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
                  UInt8(ascii: "_"), 0xEF] { t[Int(b)] = 1 }
        return t
    }()

    /// Appends `text` as the content of a cell's `<t>`; see `needsPreserve` for its start tag.
    static func appendCellText(_ text: String, to out: inout [UInt8]) {
        append(text, to: &out, attribute: false, cellText: true)
    }

    /// Appends `text` for a double-quoted attribute value.
    static func appendAttribute(_ text: String, to out: inout [UInt8]) {
        append(text, to: &out, attribute: true, cellText: false)
    }

    /// Appends `text` as element content outside cells (defined names, document properties).
    static func appendContent(_ text: String, to out: inout [UInt8]) {
        append(text, to: &out, attribute: false, cellText: false)
    }

    /// Whether a `<t>` must say `xml:space="preserve"` to keep `text` as is:
    /// it starts or ends with white space, or holds a tab or line break.
    static func needsPreserve(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        if first == 0x20 || last == 0x20 { return true }
        return utf8.contains { kind[Int($0)] & 2 != 0 }
    }

    private static func append(_ text: String, to out: inout [UInt8], attribute: Bool, cellText: Bool) {
        let utf8 = text.utf8
        if !utf8.contains(where: { kind[Int($0)] & 1 != 0 }) {
            out.append(contentsOf: utf8)
            return
        }
        var copy = text
        copy.withUTF8 { b in
            var i = 0
            while i < b.count {
                let c = b[i]
                switch c {
                case UInt8(ascii: "&"): out.append(contentsOf: amp)
                case UInt8(ascii: "<"): out.append(contentsOf: lt)
                case UInt8(ascii: ">"): out.append(contentsOf: gt)
                case UInt8(ascii: "\""): if attribute { out.append(contentsOf: quot) } else { out.append(c) }
                case 0x0D: out.append(contentsOf: cr)
                case 0x09: if attribute { out.append(contentsOf: tab) } else { out.append(c) }
                case 0x0A: if attribute { out.append(contentsOf: lf) } else { out.append(c) }
                case UInt8(ascii: "_"):
                    if cellText && startsEscape(b, at: i) { out.append(contentsOf: escapedUnderscore) } else { out.append(c) }
                case 0xEF:
                    // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                    if i + 2 < b.count, b[i + 1] == 0xBF, b[i + 2] == 0xBE || b[i + 2] == 0xBF {
                        out.append(contentsOf: replacement)
                        i += 2
                    } else {
                        out.append(c)
                    }
                default:
                    if c < 0x20 { out.append(contentsOf: replacement) } else { out.append(c) }
                }
                i += 1
            }
        }
    }

    /// `_xHHHH_` starts at `i`.
    private static func startsEscape(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 6 < b.count, b[i + 1] == UInt8(ascii: "x"), b[i + 6] == UInt8(ascii: "_") else { return false }
        for j in (i + 2)...(i + 5) {
            let d = b[j], h = d | 0x20
            guard (d >= UInt8(ascii: "0") && d <= UInt8(ascii: "9")) || (h >= UInt8(ascii: "a") && h <= UInt8(ascii: "f"))
            else { return false }
        }
        return true
    }

    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let cr = Array("&#13;".utf8)
    private static let tab = Array("&#9;".utf8)
    private static let lf = Array("&#10;".utf8)
    private static let escapedUnderscore = Array("_x005F_".utf8)
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
}
