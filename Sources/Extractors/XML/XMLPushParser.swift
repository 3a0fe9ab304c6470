/// Parses an XML file and hands every node to an `XMLContentHandler`, in
/// constant memory whatever the file's size.
///
/// The fastest way through a large file: libxml2 reads the file itself and
/// the handler's methods are called straight from its SAX callbacks, with no
/// queue in between. Use `XMLStreamReader` when pulling nodes one at a time
/// reads better.
///
/// ```swift
/// let xml = try XMLPushParser(path: path)
/// var counter = ChildCounter(child: xml.name("Child"))
/// try xml.parse(&counter)
/// ```
public final class XMLPushParser {
    private let session: LibXMLSession

    /// Opens `path`; throws `.cannotOpen` when it cannot be opened.
    public init(path: String) throws(XMLReadError) {
        session = try LibXMLSession(path: path, mode: .wholeDocument)
    }

    public var path: String { session.path }

    /// The interned form of an element name, to compare with the names the handler receives.
    public func name(_ text: String) -> XMLName { session.name(text) }

    /// The line libxml2 has reached: after `parse` returns or throws, the end
    /// of the file or where it stopped.
    public var line: Int { session.dispatch.pointee.currentLine }

    /// Parses the whole file into `handler`, or until `handler.wantsMore`
    /// turns false (checked every few kilobytes). Throws `.empty` for a file
    /// of only whitespace, and at the first parse error, after every node
    /// before it has been handled. A parser reads its file once.
    public func parse<Handler: XMLContentHandler>(_ handler: inout Handler) throws(XMLReadError) {
        try withUnsafeMutablePointer(to: &handler) { (h) throws(XMLReadError) -> Void in
            session.bind(h)
            defer { session.unbind() }
            try session.parseAll()
        }
    }
}
