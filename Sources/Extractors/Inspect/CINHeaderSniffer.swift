import CSCCore

/// Reads just enough of an XML file to tell a CIN census: the root, the
/// header's year and LA, and the number of `<Child>` elements.
struct CINHeaderSniffer: XMLContentHandler {
    private let message, header, collectionDetails, year, referenceDate, source, lea, children, child: XMLName
    /// Names of the open elements, root first.
    private var path: [XMLName] = []
    private(set) var root: String?
    private(set) var yearText: String?
    private(set) var referenceDateText: String?
    private(set) var laCode: String?
    private(set) var sawChildren = false
    private(set) var childCount = 0
    private var capturing: XMLName?
    private var captured = ""

    init(interning name: (String) -> XMLName) {
        message = name("Message")
        header = name("Header")
        collectionDetails = name("CollectionDetails")
        year = name("Year")
        referenceDate = name("ReferenceDate")
        source = name("Source")
        lea = name("LEA")
        children = name("Children")
        child = name("Child")
        path.reserveCapacity(16)
    }

    var isCINRoot: Bool { root == "Message" }
    var wantsMore: Bool { root == nil || isCINRoot }

    mutating func startElement(_ name: XMLName, line: Int, depth: Int) {
        if path.isEmpty && root == nil { root = name.string }
        path.append(name)
        switch path.count {
        case 2 where path[0] == message && name == children:
            sawChildren = true
        case 3 where path[1] == children && name == child:
            childCount += 1
        case 4 where path[1] == header && (name == year || name == referenceDate || name == lea):
            let parentOK = name == lea ? path[2] == source : path[2] == collectionDetails
            if parentOK {
                capturing = name
                captured = ""
            }
        default:
            break
        }
    }

    mutating func endElement(_ name: XMLName, line: Int, depth: Int) {
        if let c = capturing, c == name, path.count == 4 {
            let value = String(captured.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
            if name == year, yearText == nil { yearText = value }
            if name == referenceDate, referenceDateText == nil { referenceDateText = value }
            if name == lea, laCode == nil { laCode = value }
            capturing = nil
        }
        path.removeLast()
    }

    mutating func characters(_ text: UnsafeBufferPointer<UInt8>, line: Int) {
        if capturing != nil { captured += String(decoding: text, as: UTF8.self) }
    }

    /// The collection year the header gives: ReferenceDate's, else Year's (the year the collection ends).
    var collectionYear: CollectionYear? {
        if let r = referenceDateText, let d = Day(iso: r) { return CollectionYear(referenceDate: d) }
        if let y = yearText, y.count == 4, y.allSatisfy(\.isASCII), let end = Int(y) {
            return CollectionYear(startYear: end - 1)
        }
        return nil
    }
}
