/// Reads `xl/sharedStrings.xml` into memory: one string per `<si>`, the text
/// of its `<t>` (plain) or of every run's `<t>` (rich text) joined. Phonetic
/// guides (`<rPh>`, furigana) are not part of the cell's text and are skipped.
struct XLSXSharedStringsPart: XLSXPartHandler {
    private let si: XMLName
    private let t: XMLName
    private let rPh: XMLName
    private(set) var strings: [String] = []
    private var text: [UInt8] = []
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0

    init(_ parser: XLSXPartParser) {
        si = parser.name("si")
        t = parser.name("t")
        rPh = parser.name("rPh")
    }

    mutating func startElement(_ name: XMLName, _ attributes: XLSXAttributes) {
        if name == si {
            inItem = true
            text.removeAll(keepingCapacity: true)
        } else if name == rPh {
            phoneticDepth += 1
        } else if name == t, inItem, phoneticDepth == 0 {
            inText = true
        }
    }

    mutating func endElement(_ name: XMLName) {
        if name == si {
            strings.append(String(decoding: text, as: UTF8.self))
            inItem = false
        } else if name == rPh {
            phoneticDepth -= 1
        } else if name == t {
            inText = false
        }
    }

    mutating func characters(_ piece: UnsafeBufferPointer<UInt8>) {
        if inText { text.append(contentsOf: piece) }
    }

    var wantsMore: Bool { true }
}
