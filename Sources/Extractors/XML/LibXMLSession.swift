#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibXML2

/// One file being parsed by libxml2's SAX2 parser.
///
/// SAX rather than xmlTextReader because only SAX gives exact line numbers on
/// big files: xmlTextReader's node line is a 16-bit field (every element after
/// line 65,535 reads 65535) and its parser line runs ahead of the current
/// node. At a SAX callback the parser stands exactly at the end of the tag it
/// reports.
///
/// Two ways to run it: `parseAll()` lets libxml2 pull the file through a read
/// callback in one go (its fastest path), for `XMLPushParser`; `feed()` pushes
/// it 64 KiB at a time, so that `XMLStreamReader` can stop between chunks.
///
/// No DTD is loaded, no external entity is read and nothing is fetched from
/// the network (`XML_PARSE_NONET`, no `NOENT`/`DTDLOAD`).
final class LibXMLSession {
    enum Mode {
        /// libxml2 reads the file itself, through `SAXDispatch.readInput`; use `parseAll()`.
        case wholeDocument
        /// The file is pushed in chunks; use `feed()`.
        case chunks
    }

    let path: String
    private let fd: Int32
    private let parser: xmlParserCtxtPtr
    let dispatch: UnsafeMutablePointer<SAXDispatch>
    private let chunk: UnsafeMutableRawBufferPointer?
    private(set) var finished = false

    /// libxml2 must be initialised once before parsers are used from several
    /// threads; a static let runs it exactly once, thread-safely.
    private static let libraryReady: Bool = {
        xmlInitParser()
        return true
    }()

    private static let chunkSize = 64 * 1024
    private static let readAheadSize = 256 * 1024
    private static let options = Int32(XML_PARSE_NONET.rawValue)

    /// Opens `path`; throws `.cannotOpen` when it cannot be opened.
    init(path: String, mode: Mode) throws(XMLReadError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw XMLReadError(kind: .cannotOpen, file: path, message: Self.systemMessage(errno))
        }
        _ = Self.libraryReady
        let dispatch = UnsafeMutablePointer<SAXDispatch>.allocate(capacity: 1)
        dispatch.initialize(to: SAXDispatch())
        dispatch.pointee.fd = fd
        var sax = SAXDispatch.handler()
        let created: xmlParserCtxtPtr?
        switch mode {
        case .wholeDocument:
            dispatch.pointee.readAhead = .allocate(byteCount: Self.readAheadSize, alignment: 16)
            created = xmlCreateIOParserCtxt(&sax, dispatch, SAXDispatch.readInput, nil, dispatch,
                                            XML_CHAR_ENCODING_NONE)
            chunk = nil
        case .chunks:
            created = xmlCreatePushParserCtxt(&sax, dispatch, nil, 0, path)
            chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        }
        guard let parser = created else {
            dispatch.pointee.readAhead?.deallocate()
            dispatch.deinitialize(count: 1)
            dispatch.deallocate()
            chunk?.deallocate()
            close(fd)
            throw XMLReadError(kind: .cannotOpen, file: path, message: "libxml2 could not create a parser")
        }
        xmlCtxtUseOptions(parser, Self.options)
        dispatch.pointee.parser = parser
        self.fd = fd
        self.parser = parser
        self.dispatch = dispatch
    }

    deinit {
        xmlFreeParserCtxt(parser)
        dispatch.pointee.readAhead?.deallocate()
        dispatch.deinitialize(count: 1)
        dispatch.deallocate()
        chunk?.deallocate()
        close(fd)
    }

    /// The interned form of an element name, as the parser will report it.
    func name(_ text: String) -> XMLName {
        XMLName(xmlDictLookup(parser.pointee.dict, text, -1))
    }

    /// Where the callbacks go; `handler` must stay valid while the file is parsed.
    func bind<Handler: XMLContentHandler>(_ handler: UnsafeMutablePointer<Handler>) {
        dispatch.pointee.handler = UnsafeMutableRawPointer(handler)
        dispatch.pointee.forward = SAXForwarder<Handler>.self
    }

    /// Stops forwarding (before the bound handler goes away).
    func unbind() {
        dispatch.pointee.handler = nil
        dispatch.pointee.forward = SAXForwarder<IgnoringHandler>.self
    }

    /// The first parse error, once libxml2 has reported one.
    var error: XMLReadError? { dispatch.pointee.error?.naming(path) }

    /// Parses the whole file (`.wholeDocument` mode), or until the handler
    /// wants no more. Throws `.empty`, `.cannotOpen` when reading fails, or
    /// the first parse error.
    func parseAll() throws(XMLReadError) {
        precondition(chunk == nil && !finished, "parseAll() is for a .wholeDocument session, once")
        finished = true
        quietly { _ = xmlParseDocument(parser) }
        let d = dispatch.pointee
        if let failure = d.readFailure { throw XMLReadError(kind: .cannotOpen, file: path, message: failure) }
        if !d.sawContent { throw XMLReadError(kind: .empty, file: path, message: "the file is empty") }
        if let error { throw error }
    }

    /// Parses the next chunk of the file (`.chunks` mode; after the last one,
    /// tells libxml2 the document has ended). Parse errors are kept in
    /// `error`, not thrown, so that the nodes before them can still be used.
    /// Throws `.empty` for a file of nothing but whitespace, `.cannotOpen`
    /// when reading fails.
    func feed() throws(XMLReadError) {
        guard let chunk else { preconditionFailure("feed() is for a .chunks session") }
        precondition(!finished, "the whole file has been fed")
        var n: Int
        repeat {
            n = read(fd, chunk.baseAddress!, Self.chunkSize)
        } while n < 0 && errno == EINTR
        if n < 0 {
            throw XMLReadError(kind: .cannotOpen, file: path, message: Self.systemMessage(errno))
        }
        if n == 0 {
            finished = true
            if !dispatch.pointee.sawContent { throw XMLReadError(kind: .empty, file: path, message: "the file is empty") }
            quietly { _ = xmlParseChunk(parser, nil, 0, 1) }
            return
        }
        dispatch.pointee.noteRead(UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
        let bytes = chunk.baseAddress!.assumingMemoryBound(to: CChar.self)
        quietly { _ = xmlParseChunk(parser, bytes, Int32(n), 0) }
        if error != nil && !dispatch.pointee.sawContent {
            throw XMLReadError(kind: .empty, file: path, message: "the file is empty")
        }
    }

    /// Runs libxml2 with the thread's error handlers pointed at this session,
    /// for the few errors (encoding conversion) raised without the parser
    /// context; the previous handlers are put back straight after.
    private func quietly(_ body: () -> Void) {
        let structured = __xmlStructuredError()
        let structuredContext = __xmlStructuredErrorContext()
        let generic = __xmlGenericError()
        let genericContext = __xmlGenericErrorContext()
        let saved = (structured?.pointee, structuredContext?.pointee, generic?.pointee, genericContext?.pointee)
        xmlSetStructuredErrorFunc(dispatch, SAXDispatch.structuredError)
        xmlSetGenericErrorFunc(nil, Self.silentGenericError)
        body()
        structured?.pointee = saved.0
        structuredContext?.pointee = saved.1
        generic?.pointee = saved.2
        genericContext?.pointee = saved.3
    }

    /// libxml2's generic channel (variadic, so Swift sees it as an opaque
    /// pointer) only repeats, unstructured, an error the structured handler
    /// already has; this function swallows it. Ignoring extra variadic
    /// arguments is safe in the C calling conventions Swift runs on.
    private static var silentGenericError: OpaquePointer {
        let f: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void = { _, _ in }
        return unsafeBitCast(f, to: OpaquePointer.self)
    }

    static func systemMessage(_ code: Int32) -> String {
        guard let s = strerror(code) else { return "error \(code)" }
        return String(cString: s)
    }
}
