/// Reads `xl/styles.xml` for the one thing a reader needs from it: which cell
/// styles (`s="3"` on a cell, an index into `<cellXfs>`) show a number as a date.
struct XLSXStylesPart: XLSXPartHandler {
    private let numFmt: XMLName
    private let cellXfs: XMLName
    private let xf: XMLName
    private let numFmtIdAttribute: XMLName
    private let formatCodeAttribute: XMLName
    private var customDateFormats: Set<Int> = []
    private var styleFormats: [Int] = []
    private var inCellXfs = false

    init(_ parser: XLSXPartParser) {
        numFmt = parser.name("numFmt")
        cellXfs = parser.name("cellXfs")
        xf = parser.name("xf")
        numFmtIdAttribute = parser.name("numFmtId")
        formatCodeAttribute = parser.name("formatCode")
    }

    /// For each cell style, whether it formats numbers as dates.
    var dateStyles: [Bool] {
        styleFormats.map { Self.builtInDateFormats.contains($0) || customDateFormats.contains($0) }
    }

    mutating func startElement(_ name: XMLName, _ attributes: XLSXAttributes) {
        if name == numFmt {
            if let id = attributes.integer(numFmtIdAttribute), let code = attributes.string(formatCodeAttribute),
               Self.isDateFormat(code) {
                customDateFormats.insert(id)
            }
        } else if name == cellXfs {
            inCellXfs = true
        } else if name == xf, inCellXfs {
            styleFormats.append(attributes.integer(numFmtIdAttribute) ?? 0)
        }
    }

    mutating func endElement(_ name: XMLName) {
        if name == cellXfs { inCellXfs = false }
    }

    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {}
    var wantsMore: Bool { true }

    /// Excel's built-in date and time formats: 14–22 (`m/d/yyyy` … `m/d/yy h:mm`)
    /// and 45–47 (`mm:ss`, `[h]:mm:ss`, `mmss.0`).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(45...47)

    /// Whether a custom number format shows a date: it has a day, month or
    /// year code outside quoted text, `[...]` sections (colours, locales,
    /// elapsed time) and backslash-escaped characters. A lone `m` next to
    /// hours or seconds is minutes, so `h:mm` is not a date.
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false
        var bracket = false
        var escaped = false
        var sawDay = false, sawMonth = false, sawTime = false
        // Only the first section (positive numbers) decides.
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            if quoted { if c == "\"" { quoted = false }; continue }
            if bracket { if c == "]" { bracket = false }; continue }
            switch c {
            case "\\", "_", "*": escaped = true
            case "\"": quoted = true
            case "[": bracket = true
            case ";": return sawDay || (sawMonth && !sawTime)
            case "d", "y": sawDay = true
            case "m": sawMonth = true
            case "h", "s": sawTime = true
            default: break
            }
        }
        return sawDay || (sawMonth && !sawTime)
    }
}
