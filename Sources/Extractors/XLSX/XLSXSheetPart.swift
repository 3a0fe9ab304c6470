#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSCCore

/// Reads one worksheet part row by row, handing each row with a filled cell
/// to `deliver` as soon as its `</row>` is parsed: only the current row is
/// ever held, whatever the sheet's size.
///
/// Cells are placed by their `r` reference (`C12`), so skipped empty cells
/// keep the columns right; a cell or row without `r` follows the previous one.
struct XLSXSheetPart: XLSXPartHandler {
    private enum CellType { case number, shared, formulaText, inline, boolean, error, isoDate }

    private let row: XMLName, c: XMLName, v: XMLName, isElement: XMLName, t: XMLName, rPh: XMLName
    private let rAttribute: XMLName, sAttribute: XMLName, tAttribute: XMLName
    private let sharedStrings: [String]
    private let dateStyles: [Bool]
    private let uses1904: Bool
    private let deliver: (XLSXRow) -> Bool

    private var rowNumber = 0
    private var cells: [XLSXCell] = []
    private var column = -1
    private var type = CellType.number
    private var isDateStyle = false
    private var text: [UInt8] = []
    private var hasValue = false
    private var collecting = false
    private var inInline = false
    private var phoneticDepth = 0
    private(set) var stopped = false

    init(_ parser: XLSXPartParser, sharedStrings: [String], dateStyles: [Bool], uses1904: Bool,
         deliver: @escaping (XLSXRow) -> Bool) {
        row = parser.name("row")
        c = parser.name("c")
        v = parser.name("v")
        isElement = parser.name("is")
        t = parser.name("t")
        rPh = parser.name("rPh")
        rAttribute = parser.name("r")
        sAttribute = parser.name("s")
        tAttribute = parser.name("t")
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.uses1904 = uses1904
        self.deliver = deliver
    }

    var wantsMore: Bool { !stopped }

    mutating func startElement(_ name: XMLName, _ attributes: XLSXAttributes) {
        if name == c {
            var next = column + 1
            if let ref = attributes.bytes(rAttribute), let col = XLSXCellReference.parse(ref).column { next = col }
            column = next
            let style = attributes.integer(sAttribute) ?? 0
            isDateStyle = style < dateStyles.count && dateStyles[style]
            type = Self.cellType(attributes.bytes(tAttribute))
            text.removeAll(keepingCapacity: true)
            hasValue = false
        } else if name == v {
            collecting = true
            hasValue = true
        } else if name == isElement {
            inInline = true
            hasValue = true
        } else if name == t, inInline, phoneticDepth == 0 {
            collecting = true
        } else if name == rPh {
            phoneticDepth += 1
        } else if name == row {
            let number = attributes.integer(rAttribute) ?? 0
            rowNumber = number > 0 ? number : rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            column = -1
        }
    }

    mutating func endElement(_ name: XMLName) {
        if name == v || name == t {
            collecting = false
        } else if name == isElement {
            inInline = false
        } else if name == rPh {
            phoneticDepth -= 1
        } else if name == c {
            if hasValue, let value = makeValue() { cells.append(XLSXCell(column: column, value: value)) }
        } else if name == row {
            guard !cells.isEmpty else { return }
            if !zip(cells, cells.dropFirst()).allSatisfy({ $0.column < $1.column }) {
                cells.sort { $0.column < $1.column }
            }
            if !deliver(XLSXRow(number: rowNumber, cells: cells)) { stopped = true }
        }
    }

    mutating func characters(_ piece: UnsafeBufferPointer<UInt8>) {
        if collecting { text.append(contentsOf: piece) }
    }

    private static func cellType(_ b: UnsafeBufferPointer<UInt8>?) -> CellType {
        guard let b, !b.isEmpty else { return .number }
        switch (b.count, b[0]) {
        case (1, UInt8(ascii: "s")): return .shared
        case (1, UInt8(ascii: "b")): return .boolean
        case (1, UInt8(ascii: "e")): return .error
        case (1, UInt8(ascii: "d")): return .isoDate
        case (1, UInt8(ascii: "n")): return .number
        case (3, UInt8(ascii: "s")): return .formulaText
        default: return b.count > 3 && b[0] == UInt8(ascii: "i") ? .inline : .number
        }
    }

    /// The cell's value; nil for a cell that holds nothing (an empty `<v/>` or inline string).
    private func makeValue() -> XLSXValue? {
        switch type {
        case .inline, .formulaText:
            return text.isEmpty ? nil : .text(String(decoding: text, as: UTF8.self))
        case .shared:
            guard let index = Self.integer(text) else {
                return text.isEmpty ? nil : .error("#shared string \(String(decoding: text, as: UTF8.self))?")
            }
            guard index < sharedStrings.count else { return .error("#shared string \(index) missing") }
            let s = sharedStrings[index]
            return s.isEmpty ? nil : .text(s)
        case .boolean:
            guard let b = text.first else { return nil }
            return .bool(b == UInt8(ascii: "1") || b == UInt8(ascii: "t") || b == UInt8(ascii: "T"))
        case .error:
            return text.isEmpty ? nil : .error(String(decoding: text, as: UTF8.self))
        case .isoDate:
            guard !text.isEmpty else { return nil }
            guard let day = Day.parseISO(text.prefix(10).map { $0 }) else {
                return .text(String(decoding: text, as: UTF8.self))
            }
            let serial = Double(day.daysSinceEpoch - Self.serialEpoch) + (day.daysSinceEpoch < Self.march1900 ? -1 : 0)
            return .date(serial: serial, day: day)
        case .number:
            guard !text.isEmpty else { return nil }
            guard let d = Self.double(text) else { return .text(String(decoding: text, as: UTF8.self)) }
            return isDateStyle ? .date(serial: d, day: XLSXSerialDate.day(serial: d, uses1904: uses1904)) : .number(d)
        }
    }

    /// 1899-12-30: serial 0 for days from 1 March 1900 on.
    private static let serialEpoch = Day(year: 1899, month: 12, day: 30)!.daysSinceEpoch
    private static let march1900 = Day(year: 1900, month: 3, day: 1)!.daysSinceEpoch

    private static func integer(_ b: [UInt8]) -> Int? {
        guard !b.isEmpty, b.count < 19 else { return nil }
        var n = 0
        for c in b {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        return n
    }

    /// The bytes as a number, with C's `strtod` (no String made); nil unless the whole text is one number.
    private static func double(_ b: [UInt8]) -> Double? {
        var buffer = b
        buffer.append(0)
        return buffer.withUnsafeBufferPointer { p -> Double? in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { s in
                var end: UnsafeMutablePointer<CChar>?
                let d = strtod(s, &end)
                guard let end, end - UnsafeMutablePointer(mutating: s) == b.count else { return nil }
                return d
            }
        }
    }
}
