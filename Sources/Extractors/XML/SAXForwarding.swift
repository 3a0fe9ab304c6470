import CLibXML2

/// Forwards the SAX callbacks to a handler whose type the C callbacks cannot
/// name: `SAXDispatch` keeps the handler as a raw pointer and its forwarder
/// as a metatype. A metatype call costs one indirect jump; a stored Swift
/// closure would cost a retain and a release of its context on every node.
protocol SAXForwarding {
    static func start(_ handler: UnsafeMutableRawPointer, _ name: UnsafePointer<xmlChar>?, line: Int, depth: Int)
    static func end(_ handler: UnsafeMutableRawPointer, _ name: UnsafePointer<xmlChar>?, line: Int, depth: Int)
    static func characters(_ handler: UnsafeMutableRawPointer, _ text: UnsafeBufferPointer<UInt8>, line: Int)
    static func wantsMore(_ handler: UnsafeMutableRawPointer) -> Bool
}

enum SAXForwarder<Handler: XMLContentHandler>: SAXForwarding {
    static func start(_ handler: UnsafeMutableRawPointer, _ name: UnsafePointer<xmlChar>?, line: Int, depth: Int) {
        handler.assumingMemoryBound(to: Handler.self).pointee.startElement(XMLName(name), line: line, depth: depth)
    }

    static func end(_ handler: UnsafeMutableRawPointer, _ name: UnsafePointer<xmlChar>?, line: Int, depth: Int) {
        handler.assumingMemoryBound(to: Handler.self).pointee.endElement(XMLName(name), line: line, depth: depth)
    }

    static func characters(_ handler: UnsafeMutableRawPointer, _ text: UnsafeBufferPointer<UInt8>, line: Int) {
        handler.assumingMemoryBound(to: Handler.self).pointee.characters(text, line: line)
    }

    static func wantsMore(_ handler: UnsafeMutableRawPointer) -> Bool {
        handler.assumingMemoryBound(to: Handler.self).pointee.wantsMore
    }
}

/// Handles nothing: what the dispatch forwards to when no handler is bound.
struct IgnoringHandler: XMLContentHandler {
    mutating func startElement(_ name: XMLName, line: Int, depth: Int) {}
    mutating func endElement(_ name: XMLName, line: Int, depth: Int) {}
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>, line: Int) {}
}
