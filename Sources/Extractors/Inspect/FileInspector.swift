import CSCCore

/// Says what a file is, for `cscpipe inspect` and for checking a pipeline's
/// inputs: which return, which year, how big. Streams the file; never loads it.
public enum FileInspector {
    public static func inspect(path: String) -> FileDescription {
        switch FileSniff.look(at: path) {
        case .cannotOpen(let why):
            return .unknown(path, "the file cannot be opened (\(why))")
        case .empty:
            return .unknown(path, "the file is empty")
        case .notXML(let what):
            return AnnexAFileInspector.inspect(path) ?? .unknown(path, what)
        case .xml:
            return inspectXML(path)
        case .csv:
            return SSDA903FileInspector.inspect(path)
        }
    }

    private static func inspectXML(_ path: String) -> FileDescription {
        let xml: XMLPushParser
        do {
            xml = try XMLPushParser(path: path)
        } catch {
            return .unknown(path, "the file cannot be read (\(error.message))")
        }
        var sniffer = CINHeaderSniffer(interning: xml.name)
        do {
            try xml.parse(&sniffer)
        } catch {
            let start = sniffer.root.map { "XML root <\($0)>, but " } ?? ""
            return .unknown(path, "\(start)not well-formed XML (\(error))")
        }
        guard let root = sniffer.root else { return .unknown(path, "XML with no root element") }
        guard sniffer.isCINRoot else { return .unknown(path, "XML root <\(root)>, not a CIN census Message") }
        guard sniffer.sawChildren else {
            return .unknown(path, "XML root <Message> but no <Children>: not a CIN census")
        }
        return describeCIN(path, sniffer)
    }

    private static func describeCIN(_ path: String, _ s: CINHeaderSniffer) -> FileDescription {
        let year = s.collectionYear
        var text = "CIN census"
        if let year { text += " \(year)" } else { text += ", collection year unknown" }
        if let r = s.referenceDateText { text += " (ReferenceDate \(r))" } else if let y = s.yearText { text += " (Year \(y))" }
        if let la = s.laCode, !la.isEmpty { text += ", LA \(la)" }
        text += ", \(s.childCount) \(s.childCount == 1 ? "child" : "children")"
        return FileDescription(path: path, kind: .cinCensus(year: year, children: s.childCount), summary: text)
    }
}
