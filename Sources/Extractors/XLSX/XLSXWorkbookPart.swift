/// Reads `xl/workbook.xml`: the sheets in tab order with their relationship
/// ids, and whether dates count from 1904.
struct XLSXWorkbookPart: XLSXPartHandler {
    struct SheetEntry {
        var name: String
        var relationshipID: String
        /// `hidden` or `veryHidden` sheets are still read; the state is kept for messages.
        var state: String
    }

    private let sheet: XMLName
    private let workbookPr: XMLName
    private let nameAttribute: XMLName
    private let idAttribute: XMLName
    private let stateAttribute: XMLName
    private let date1904Attribute: XMLName
    private(set) var sheets: [SheetEntry] = []
    private(set) var uses1904 = false

    init(_ parser: XLSXPartParser) {
        sheet = parser.name("sheet")
        workbookPr = parser.name("workbookPr")
        nameAttribute = parser.name("name")
        idAttribute = parser.name("id")
        stateAttribute = parser.name("state")
        date1904Attribute = parser.name("date1904")
    }

    mutating func startElement(_ name: XMLName, _ attributes: XLSXAttributes) {
        if name == sheet {
            sheets.append(SheetEntry(name: attributes.string(nameAttribute) ?? "",
                                     relationshipID: attributes.string(idAttribute) ?? "",
                                     state: attributes.string(stateAttribute) ?? "visible"))
        } else if name == workbookPr, let v = attributes.string(date1904Attribute) {
            uses1904 = v == "1" || v.lowercased() == "true"
        }
    }

    mutating func endElement(_ name: XMLName) {}
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {}
    var wantsMore: Bool { true }
}

/// Reads a relationships part (`xl/_rels/workbook.xml.rels`): id → target and type.
struct XLSXRelationshipsPart: XLSXPartHandler {
    private let relationship: XMLName
    private let idAttribute: XMLName
    private let targetAttribute: XMLName
    private let typeAttribute: XMLName
    private(set) var targets: [String: String] = [:]
    /// Targets by the last word of their type (`sharedStrings`, `styles`).
    private(set) var byType: [String: String] = [:]

    init(_ parser: XLSXPartParser) {
        relationship = parser.name("Relationship")
        idAttribute = parser.name("Id")
        targetAttribute = parser.name("Target")
        typeAttribute = parser.name("Type")
    }

    mutating func startElement(_ name: XMLName, _ attributes: XLSXAttributes) {
        guard name == relationship, let target = attributes.string(targetAttribute) else { return }
        if let id = attributes.string(idAttribute) { targets[id] = target }
        if let type = attributes.string(typeAttribute), let last = type.split(separator: "/").last {
            byType[String(last)] = target
        }
    }

    mutating func endElement(_ name: XMLName) {}
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {}
    var wantsMore: Bool { true }
}
