/// Reads an XML file node by node, in constant memory whatever its size.
///
/// ```swift
/// let xml = try XMLStreamReader(path: path)
/// let child = xml.name("Child")
/// while try xml.read() {
///     if xml.kind == .startElement, xml.localName == child { print(xml.line) }
/// }
/// ```
///
/// The file is fed to libxml2's SAX2 push parser in 64 KiB chunks; the nodes
/// of a chunk are queued and handed out by `read()`. Text is reported in one
/// piece even when libxml2 splits it; whitespace-only text is not reported.
/// A UTF-8 byte order mark, a declared encoding and CRLF line ends are handled
/// by libxml2. For the last bit of speed on a large file, `XMLPushParser`
/// hands the nodes over without the queue.
///
/// Parse errors are thrown, never printed: the first error libxml2 reports
/// ends the read, with its line, column and message, once the nodes before it
/// have been read.
public final class XMLStreamReader {
    private let session: LibXMLSession
    private let queue: UnsafeMutablePointer<XMLEventQueue>
    private var cursor = 0
    private var ready = 0
    private var current = XMLEvent(kind: .startElement, name: nil, line: 0, depth: 0, textStart: 0, textEnd: 0)

    /// Opens `path` and parses its first chunk; throws `.cannotOpen` or `.empty`.
    public init(path: String) throws(XMLReadError) {
        session = try LibXMLSession(path: path, mode: .chunks)
        queue = .allocate(capacity: 1)
        queue.initialize(to: XMLEventQueue())
        session.bind(queue)
        // An unreadable or empty file fails here rather than at the first read.
        try fill()
    }

    deinit {
        session.unbind()
        queue.pointee.deallocate()
        queue.deinitialize(count: 1)
        queue.deallocate()
    }

    public var path: String { session.path }

    /// The interned form of an element name, to compare with `localName`.
    public func name(_ text: String) -> XMLName { session.name(text) }

    // MARK: The current node

    public var kind: XMLNodeKind { current.kind }
    /// The element's local name (namespace prefix dropped); `.none` for text.
    public var localName: XMLName { XMLName(current.name) }
    /// For a start tag, the line it is on (where it ends, for a tag spread
    /// over lines); for text, the line of its first non-blank character; for
    /// an end tag, the line where it ends.
    public var line: Int { current.line }
    /// Elements: 0 for the root; text: its element's depth + 1.
    public var depth: Int { current.depth }

    /// The text, exactly as in the document (entities replaced).
    public var text: String {
        withText { String(decoding: $0, as: UTF8.self) }
    }

    /// The text's UTF-8 bytes, valid only inside `body`.
    public func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: queue.pointee.text + current.textStart,
                                     count: current.textEnd - current.textStart))
    }

    // MARK: Reading

    /// Moves to the next node. Returns false at the end of a well-formed
    /// document; throws at the first parse error, after the nodes before it.
    public func read() throws(XMLReadError) -> Bool {
        if cursor >= ready {
            try fill()
            if cursor >= ready {
                if let error = session.error { throw error }
                return false
            }
        }
        current = queue.pointee.events[cursor]
        cursor += 1
        return true
    }

    /// Parses chunks until at least one node is ready, the input ends, or an error stops it.
    private func fill() throws(XMLReadError) {
        queue.pointee.compact(delivered: cursor)
        cursor = 0
        ready = 0
        while ready == 0 && !session.finished && session.error == nil {
            try session.feed()
            // An open text run may continue in the next chunk: hold it back.
            let held = queue.pointee.textOpen && !session.finished && session.error == nil ? 1 : 0
            ready = queue.pointee.count - held
        }
    }
}
