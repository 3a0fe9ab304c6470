import CLibXML2

/// Receives the nodes of one XML part of a workbook (workbook.xml, a sheet,
/// the shared strings), with the attributes a workbook keeps its facts in.
///
/// The streaming XML layer (`XMLContentHandler`) leaves attributes out, and a
/// workbook is almost all attributes (`<c r="C12" s="3" t="s">`), hence this
/// narrower sibling. Text arrives in pieces; the bytes are valid only during
/// the call.
protocol XLSXPartHandler {
    mutating func startElement(_ name: XMLName, _ attributes: XLSXAttributes)
    mutating func endElement(_ name: XMLName)
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>)
    /// False once the handler has read enough; the rest of the part is skipped.
    var wantsMore: Bool { get }
}

/// The attributes of one start tag, as libxml2's SAX2 hands them over:
/// five pointers each (local name, prefix, URI, value start, value end).
struct XLSXAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    /// The value of the attribute with this local name (any prefix), as bytes valid during the callback.
    func bytes(_ name: XMLName) -> UnsafeBufferPointer<UInt8>? {
        guard let base, let wanted = name.pointer else { return nil }
        for i in 0..<count where base[i * 5] == wanted {
            guard let start = base[i * 5 + 3], let end = base[i * 5 + 4] else { return nil }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }

    func string(_ name: XMLName) -> String? {
        bytes(name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A non-negative decimal attribute (`s="12"`, `r="40"`), or nil when absent or not a number.
    func integer(_ name: XMLName) -> Int? {
        guard let b = bytes(name), !b.isEmpty else { return nil }
        var n = 0
        for c in b {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            n = n &* 10 &+ Int(c - 0x30)
        }
        return n
    }
}
