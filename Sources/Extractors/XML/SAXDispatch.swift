#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibXML2

/// The state libxml2's SAX callbacks reach through the parser's user-data
/// pointer: never a global, so parsers on different threads do not interfere.
///
/// A struct behind a pointer rather than a class: the callbacks run millions
/// of times per file, and a class costs a retain, a release and exclusivity
/// checks on every one.
struct SAXDispatch {
    var parser: xmlParserCtxtPtr?
    var handler: UnsafeMutableRawPointer?
    var forward: any SAXForwarding.Type = SAXForwarder<IgnoringHandler>.self
    /// Line the parser stood on after the previous callback: where the next text piece starts.
    var lastLine = 1
    var depth = 0
    /// False after the first error or once the handler wants no more: nothing more is forwarded.
    var delivering = true
    /// The first error libxml2 reported (the document stops being readable there).
    var error: XMLReadError?
    /// The file, for the read callback of a whole-document parse.
    var fd: Int32 = -1
    /// Read-ahead for that callback: libxml2 asks for about 4 KB at a time,
    /// and 256 KiB reads make 64 times fewer system calls.
    var readAhead: UnsafeMutableRawBufferPointer?
    var readAheadStart = 0
    var readAheadEnd = 0
    /// A byte other than whitespace or a byte order mark has been read.
    var sawContent = false
    /// Bytes read so far, to tell a byte order mark (only at the very start) from content.
    var bytesRead = 0
    /// The handler asked to stop; libxml2's complaints about the cut-off input are ignored.
    var stopped = false
    /// Why reading the file failed (`errno`'s words), if it did.
    var readFailure: String?

    /// Notes whether `bytes`, the next bytes of the file, hold anything but
    /// whitespace or a UTF-8 byte order mark at the file's start.
    mutating func noteRead(_ bytes: UnsafeRawBufferPointer) {
        defer { bytesRead += bytes.count }
        guard !sawContent else { return }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        for (i, b) in bytes.enumerated() {
            let position = bytesRead + i
            if position < 3 && b == bom[position] { continue }
            if b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
                sawContent = true
                return
            }
        }
    }

    @inline(__always)
    var currentLine: Int {
        guard let input = parser?.pointee.input else { return lastLine }
        return Int(input.pointee.line)
    }

    var currentColumn: Int? {
        guard let input = parser?.pointee.input else { return nil }
        return Int(input.pointee.col)
    }

    mutating func record(_ e: UnsafePointer<xmlError>) {
        guard error == nil, !stopped, e.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        delivering = false
        // One line, for a report cell: libxml2 puts details such as the bad bytes on a second line.
        var message = (e.pointee.message.map { String(cString: $0) } ?? "XML error \(e.pointee.code)")
            .split(whereSeparator: \.isNewline).map { $0.trimmingPrefix(while: \.isWhitespace) }
            .joined(separator: "; ")
        while let last = message.last, last.isWhitespace { message.removeLast() }
        // Pushed in chunks, a file cut short inside an element is reported as "Extra
        // content at the end of the document"; say what libxml2 says when it reads
        // the file itself.
        if e.pointee.code == Int32(XML_ERR_DOCUMENT_END.rawValue), let p = parser, p.pointee.nameNr > 0,
           let open = p.pointee.name {
            message = "Premature end of data in tag \(String(cString: open))"
        }
        // Encoding-conversion errors arrive without a position; the parser's own is close.
        let line = e.pointee.line > 0 ? Int(e.pointee.line) : currentLine
        let column = e.pointee.int2 > 0 ? Int(e.pointee.int2) : currentColumn
        error = XMLReadError(kind: .malformed, line: line, column: column, message: message)
    }

    /// The SAX2 callbacks; the first argument of each is this dispatch.
    static func handler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { ctx, localname, _, _, _, _, _, _, _ in
            let d = dispatch(ctx)
            guard d.pointee.delivering, let h = d.pointee.handler else { return }
            let line = d.pointee.currentLine
            d.pointee.forward.start(h, localname, line: line, depth: d.pointee.depth)
            d.pointee.depth += 1
            d.pointee.lastLine = line
        }
        sax.endElementNs = { ctx, localname, _, _ in
            let d = dispatch(ctx)
            guard d.pointee.delivering, let h = d.pointee.handler else { return }
            d.pointee.depth -= 1
            let line = d.pointee.currentLine
            d.pointee.forward.end(h, localname, line: line, depth: d.pointee.depth)
            d.pointee.lastLine = line
        }
        let characters: charactersSAXFunc = { ctx, ch, len in
            let d = dispatch(ctx)
            guard let ch, len > 0, d.pointee.delivering, let h = d.pointee.handler else { return }
            d.pointee.forward.characters(h, UnsafeBufferPointer(start: ch, count: Int(len)), line: d.pointee.lastLine)
            d.pointee.lastLine = d.pointee.currentLine
        }
        sax.characters = characters
        sax.cdataBlock = characters
        // The same function for both, so libxml2 never tries to tell blanks apart.
        sax.ignorableWhitespace = characters
        // Comments and processing instructions carry no data but move the line on.
        sax.comment = { ctx, _ in
            let d = dispatch(ctx)
            d.pointee.lastLine = d.pointee.currentLine
        }
        sax.processingInstruction = { ctx, _, _ in
            let d = dispatch(ctx)
            d.pointee.lastLine = d.pointee.currentLine
        }
        sax.serror = structuredError
        return sax
    }

    /// Receives every error and warning of the parse, so libxml2 prints nothing itself.
    static let structuredError: xmlStructuredErrorFunc = { ctx, error in
        guard let ctx, let error else { return }
        dispatch(ctx).pointee.record(error)
    }

    /// Reads the file for a whole-document parse, noticing on the way a file
    /// of nothing but whitespace and a handler that wants no more.
    static let readInput: xmlInputReadCallback = { ctx, buffer, len in
        let d = dispatch(ctx)
        guard let buffer, len > 0 else { return 0 }
        if let h = d.pointee.handler, !d.pointee.forward.wantsMore(h) {
            d.pointee.stopped = true
            d.pointee.delivering = false
            return 0
        }
        guard let ahead = d.pointee.readAhead else { return -1 }
        if d.pointee.readAheadStart == d.pointee.readAheadEnd {
            var n: Int
            repeat {
                n = read(d.pointee.fd, ahead.baseAddress!, ahead.count)
            } while n < 0 && errno == EINTR
            if n < 0 {
                d.pointee.readFailure = LibXMLSession.systemMessage(errno)
                return -1
            }
            d.pointee.noteRead(UnsafeRawBufferPointer(rebasing: ahead[0..<n]))
            d.pointee.readAheadStart = 0
            d.pointee.readAheadEnd = n
        }
        let n = min(Int(len), d.pointee.readAheadEnd - d.pointee.readAheadStart)
        UnsafeMutableRawPointer(buffer).copyMemory(from: ahead.baseAddress! + d.pointee.readAheadStart, byteCount: n)
        d.pointee.readAheadStart += n
        return Int32(n)
    }
}

@inline(__always)
private func dispatch(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<SAXDispatch> {
    ctx!.assumingMemoryBound(to: SAXDispatch.self)
}
