/// Receives a document's nodes from `XMLPushParser`, in document order, as
/// libxml2 parses them.
public protocol XMLContentHandler {
    /// A start tag. `line` is the line the tag ends on (its own line for a
    /// tag on one line); `depth` is 0 for the root element.
    mutating func startElement(_ name: XMLName, line: Int, depth: Int)
    /// An end tag, also sent for an empty element `<a/>`; `depth` as for its start tag.
    mutating func endElement(_ name: XMLName, line: Int, depth: Int)
    /// Character data (text, CDATA, the whitespace between elements), in
    /// pieces: libxml2 splits a text node at entity references, CRLF line
    /// ends and long or non-ASCII runs. `line` is where the piece starts.
    /// The bytes are UTF-8 and valid only during the call.
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>, line: Int)
    /// False once the handler has seen enough; checked every few kilobytes
    /// of input, so a few more nodes may still arrive.
    var wantsMore: Bool { get }
}

extension XMLContentHandler {
    public var wantsMore: Bool { true }
}
