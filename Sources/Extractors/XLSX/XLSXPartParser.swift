import CLibXML2

/// Parses one XML part of a workbook straight out of the zip: the bytes
/// ZIPFoundation inflates are pushed into libxml2's SAX2 parser chunk by
/// chunk, so a sheet of any size is read in constant memory and never
/// written to disk.
///
/// This file must not import Foundation (nor ZIPFoundation, which exports
/// it): Debian's libxml2 headers pull in the system ICU, whose `UErrorCode`
/// clashes with Foundation's own copy in a clean build. The zip side lives
/// in XLSXZipPart.swift.
///
/// Like the rest of the XML layer: no DTD, no external entities, no network
/// (`XML_PARSE_NONET`), and libxml2's errors are captured, never printed.
final class XLSXPartParser {
    private let context: UnsafeMutablePointer<XLSXSAXContext>
    private let parser: xmlParserCtxtPtr
    /// The part's path inside the zip, for messages.
    let part: String

    private static let libraryReady: Bool = {
        xmlInitParser()
        return true
    }()

    init(part: String) throws(XLSXError) {
        _ = Self.libraryReady
        self.part = part
        let context = UnsafeMutablePointer<XLSXSAXContext>.allocate(capacity: 1)
        context.initialize(to: XLSXSAXContext())
        var sax = XLSXSAXContext.handler()
        guard let parser = xmlCreatePushParserCtxt(&sax, context, nil, 0, part) else {
            context.deinitialize(count: 1)
            context.deallocate()
            throw XLSXError(.malformedPart, part: part, message: "libxml2 could not create a parser")
        }
        xmlCtxtUseOptions(parser, Int32(XML_PARSE_NONET.rawValue))
        context.pointee.parser = parser
        self.parser = parser
        self.context = context
    }

    deinit {
        xmlFreeParserCtxt(parser)
        context.deinitialize(count: 1)
        context.deallocate()
    }

    /// The interned form of an element or attribute name, as the handler will receive it.
    func name(_ text: String) -> XMLName {
        XMLName(xmlDictLookup(parser.pointee.dict, text, -1))
    }

    /// Feeds the bytes `source` produces into `handler` until the part ends or
    /// the handler wants no more. `source` calls its argument with each chunk
    /// and stops when it returns false; an error it throws is a damaged zip
    /// entry. Throws at the first XML error.
    func parse<Handler: XLSXPartHandler>(
        into handler: inout Handler,
        from source: ((UnsafeRawBufferPointer) -> Bool) throws -> Void
    ) throws(XLSXError) {
        try withUnsafeMutablePointer(to: &handler) { (h) throws(XLSXError) -> Void in
            context.pointee.handler = UnsafeMutableRawPointer(h)
            context.pointee.forward = XLSXForwarder<Handler>.self
            defer {
                context.pointee.handler = nil
                context.pointee.forward = XLSXForwarder<XLSXIgnoringHandler>.self
            }
            do {
                try source { raw in
                    if let p = raw.baseAddress, raw.count > 0 {
                        self.quietly { _ = xmlParseChunk(self.parser, p.assumingMemoryBound(to: CChar.self), Int32(raw.count), 0) }
                    }
                    // Stop inflating once the handler has read enough, or an XML error says why the part ended.
                    return self.context.pointee.error == nil && self.context.pointee.delivering
                }
            } catch {
                throw XLSXError(.damagedZip, part: part, message: "the zip entry cannot be inflated: \(error)")
            }
            if context.pointee.delivering && context.pointee.error == nil {
                quietly { _ = xmlParseChunk(parser, nil, 0, 1) }
            }
            if let message = context.pointee.error {
                throw XLSXError(.malformedPart, part: part, line: context.pointee.errorLine, message: message)
            }
        }
    }

    /// Points the thread's libxml2 error handlers at this parser while it runs,
    /// for the few errors raised without the parser context, and puts them back.
    private func quietly(_ body: () -> Void) {
        let structured = __xmlStructuredError()
        let structuredContext = __xmlStructuredErrorContext()
        let saved = (structured?.pointee, structuredContext?.pointee)
        xmlSetStructuredErrorFunc(context, XLSXSAXContext.structuredError)
        body()
        structured?.pointee = saved.0
        structuredContext?.pointee = saved.1
    }
}

/// What the C callbacks reach through libxml2's user-data pointer.
struct XLSXSAXContext {
    var parser: xmlParserCtxtPtr?
    var handler: UnsafeMutableRawPointer?
    var forward: any XLSXForwarding.Type = XLSXForwarder<XLSXIgnoringHandler>.self
    /// False after an error or once the handler wants no more.
    var delivering = true
    var error: String?
    var errorLine: Int?

    static func handler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { ctx, localname, _, _, _, _, nbAttributes, _, attributes in
            let c = ctx!.assumingMemoryBound(to: XLSXSAXContext.self)
            guard c.pointee.delivering, let h = c.pointee.handler else { return }
            c.pointee.forward.start(h, localname, XLSXAttributes(base: attributes, count: Int(nbAttributes)))
            if !c.pointee.forward.wantsMore(h) {
                c.pointee.delivering = false
                if let p = c.pointee.parser { xmlStopParser(p) }
            }
        }
        sax.endElementNs = { ctx, localname, _, _ in
            let c = ctx!.assumingMemoryBound(to: XLSXSAXContext.self)
            guard c.pointee.delivering, let h = c.pointee.handler else { return }
            c.pointee.forward.end(h, localname)
            if !c.pointee.forward.wantsMore(h) {
                c.pointee.delivering = false
                if let p = c.pointee.parser { xmlStopParser(p) }
            }
        }
        let characters: charactersSAXFunc = { ctx, ch, len in
            let c = ctx!.assumingMemoryBound(to: XLSXSAXContext.self)
            guard let ch, len > 0, c.pointee.delivering, let h = c.pointee.handler else { return }
            c.pointee.forward.characters(h, UnsafeBufferPointer(start: ch, count: Int(len)))
        }
        sax.characters = characters
        sax.cdataBlock = characters
        sax.ignorableWhitespace = characters
        sax.serror = structuredError
        return sax
    }

    static let structuredError: xmlStructuredErrorFunc = { ctx, error in
        guard let ctx, let error else { return }
        let c = ctx.assumingMemoryBound(to: XLSXSAXContext.self)
        // A parser stopped on purpose complains about the cut-off input; that is not an error.
        guard c.pointee.error == nil, c.pointee.delivering,
              error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        c.pointee.delivering = false
        let message = (error.pointee.message.map { String(cString: $0) } ?? "XML error \(error.pointee.code)")
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "; ")
        c.pointee.error = message
        c.pointee.errorLine = error.pointee.line > 0 ? Int(error.pointee.line) : nil
    }
}

/// Forwards callbacks to a handler whose type the C callbacks cannot name.
protocol XLSXForwarding {
    static func start(_ handler: UnsafeMutableRawPointer, _ name: UnsafePointer<xmlChar>?, _ attributes: XLSXAttributes)
    static func end(_ handler: UnsafeMutableRawPointer, _ name: UnsafePointer<xmlChar>?)
    static func characters(_ handler: UnsafeMutableRawPointer, _ text: UnsafeBufferPointer<UInt8>)
    static func wantsMore(_ handler: UnsafeMutableRawPointer) -> Bool
}

enum XLSXForwarder<Handler: XLSXPartHandler>: XLSXForwarding {
    static func start(_ handler: UnsafeMutableRawPointer, _ name: UnsafePointer<xmlChar>?, _ attributes: XLSXAttributes) {
        handler.assumingMemoryBound(to: Handler.self).pointee.startElement(XMLName(name), attributes)
    }

    static func end(_ handler: UnsafeMutableRawPointer, _ name: UnsafePointer<xmlChar>?) {
        handler.assumingMemoryBound(to: Handler.self).pointee.endElement(XMLName(name))
    }

    static func characters(_ handler: UnsafeMutableRawPointer, _ text: UnsafeBufferPointer<UInt8>) {
        handler.assumingMemoryBound(to: Handler.self).pointee.characters(text)
    }

    static func wantsMore(_ handler: UnsafeMutableRawPointer) -> Bool {
        handler.assumingMemoryBound(to: Handler.self).pointee.wantsMore
    }
}

struct XLSXIgnoringHandler: XLSXPartHandler {
    mutating func startElement(_ name: XMLName, _ attributes: XLSXAttributes) {}
    mutating func endElement(_ name: XMLName) {}
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {}
    var wantsMore: Bool { true }
}
