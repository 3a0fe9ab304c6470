import Foundation
import Testing
@testable import Extractors

/// Every node of a document as (kind, name or text, line, depth).
private func nodes(_ path: String) throws -> [String] {
    let xml = try XMLStreamReader(path: path)
    var out: [String] = []
    while try xml.read() {
        switch xml.kind {
        case .startElement: out.append("<\(xml.localName.string)> \(xml.line) \(xml.depth)")
        case .endElement: out.append("</\(xml.localName.string)> \(xml.line) \(xml.depth)")
        case .text: out.append("\"\(xml.text)\" \(xml.line) \(xml.depth)")
        }
    }
    return out
}

private func readError(_ path: String) -> XMLReadError? {
    do {
        _ = try nodes(path)
        return nil
    } catch let error as XMLReadError {
        return error
    } catch {
        return nil
    }
}

@Suite("XML stream reader")
struct XMLStreamReaderTests {
    let sample = """
    <?xml version="1.0"?>
    <Root>
      <Item>one</Item>
      <!-- a comment
           over two lines -->
      <Item>a &amp; b</Item>
      <Empty/>
      <Item>
        spaced
      </Item>
    </Root>

    """

    @Test("nodes come with their start-tag line, depth and text; blank text is not reported")
    func nodesLinesAndDepth() throws {
        let path = try CINTestFiles.write(sample)
        defer { CINTestFiles.remove(path) }
        #expect(try nodes(path) == [
            "<Root> 2 0",
            "<Item> 3 1", "\"one\" 3 2", "</Item> 3 1",
            "<Item> 6 1", "\"a & b\" 6 2", "</Item> 6 1",
            "<Empty> 7 1", "</Empty> 7 1",
            "<Item> 8 1", "\"\n    spaced\n  \" 9 2", "</Item> 10 1",
            "</Root> 11 0",
        ])
    }

    @Test("interned names compare equal to the names read, and only to them")
    func internedNames() throws {
        let path = try CINTestFiles.write(sample)
        defer { CINTestFiles.remove(path) }
        let xml = try XMLStreamReader(path: path)
        let item = xml.name("Item"), missing = xml.name("Missing")
        var items = 0, missingSeen = 0
        while try xml.read() {
            guard xml.kind == .startElement else { continue }
            if xml.localName == item { items += 1 }
            if xml.localName == missing { missingSeen += 1 }
        }
        #expect(items == 3)
        #expect(missingSeen == 0)
    }

    @Test("a UTF-8 byte order mark and CRLF line ends read exactly like plain LF")
    func bomAndCRLF() throws {
        let plain = try CINTestFiles.write(sample)
        let crlf = try CINTestFiles.write(Array(sample.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let bom = try CINTestFiles.write([0xEF, 0xBB, 0xBF] + Array(sample.utf8))
        defer { [plain, crlf, bom].forEach(CINTestFiles.remove) }
        let expected = try nodes(plain)
        #expect(try nodes(bom) == expected)
        #expect(try nodes(crlf) == expected)
    }

    @Test("lines stay exact past line 65,535, where xmlTextReader's node line stops counting")
    func bigLineNumbers() throws {
        var text = "<Root>\n"
        for _ in 0..<70_000 { text += "<a/>\n" }
        text += "<Last>x</Last>\n</Root>\n"
        let path = try CINTestFiles.write(text)
        defer { CINTestFiles.remove(path) }
        let xml = try XMLStreamReader(path: path)
        let last = xml.name("Last")
        var line = 0
        while try xml.read() {
            if xml.kind == .startElement && xml.localName == last { line = xml.line }
        }
        #expect(line == 70_002)
    }

    @Test("a truncated document throws its line, column and libxml2's message, after the nodes before it")
    func truncated() throws {
        let path = try CINTestFiles.write("<Root>\n  <Item>one</Item>\n  <Item>tw")
        defer { CINTestFiles.remove(path) }
        let xml = try XMLStreamReader(path: path)
        var seen: [String] = []
        let error = #expect(throws: XMLReadError.self) {
            while try xml.read() {
                if xml.kind == .text { seen.append(xml.text) }
            }
        }
        #expect(seen.first == "one")
        #expect(error?.kind == .malformed)
        #expect(error?.file == path)
        #expect(error?.line == 3)
        #expect((error?.column ?? 0) > 0)
        #expect(error?.message.contains("Premature end of data") == true)
        #expect(error?.description.hasPrefix("line 3, column ") == true)
    }

    @Test("mismatched tags are a parse error at the closing tag's line")
    func mismatched() throws {
        let path = try CINTestFiles.write("<Root>\n<A>\n</B>\n</Root>\n")
        defer { CINTestFiles.remove(path) }
        let error = readError(path)
        #expect(error?.kind == .malformed)
        #expect(error?.line == 3)
        #expect(error?.message.contains("mismatch") == true)
    }

    @Test("an empty or whitespace-only file is .empty; a missing one is .cannotOpen")
    func emptyAndMissing() throws {
        for content in ["", "  \n\t\r\n", "\u{FEFF}\n"] {
            let path = try CINTestFiles.write(content)
            defer { CINTestFiles.remove(path) }
            #expect(throws: XMLReadError(kind: .empty, file: path, message: "the file is empty")) {
                _ = try XMLStreamReader(path: path)
            }
        }
        let missing = CINTestFiles.folder.appendingPathComponent("no-such-file.xml").path
        let error = #expect(throws: XMLReadError.self) { _ = try XMLStreamReader(path: missing) }
        #expect(error?.kind == .cannotOpen)
        #expect(error?.message == "No such file or directory")
    }

    @Test("text split across 64 KiB chunks still arrives whole, with its own line")
    func textAcrossChunks() throws {
        let long = String(repeating: "x", count: 200_000)
        let path = try CINTestFiles.write("<Root>\n<A>\(long)</A>\n<B>after</B>\n</Root>\n")
        defer { CINTestFiles.remove(path) }
        let xml = try XMLStreamReader(path: path)
        var texts: [(String, Int)] = []
        while try xml.read() {
            if xml.kind == .text { texts.append((xml.text, xml.line)) }
        }
        #expect(texts.count == 2)
        #expect(texts.first?.0 == long)
        #expect(texts.first?.1 == 2)
        #expect(texts.last?.0 == "after")
        #expect(texts.last?.1 == 3)
    }

    @Test("no external entity is read: a DOCTYPE pointing at a local file does not inject it")
    func noExternalEntities() throws {
        let secret = try CINTestFiles.write("top secret")
        defer { CINTestFiles.remove(secret) }
        let path = try CINTestFiles.write("""
        <?xml version="1.0"?>
        <!DOCTYPE Root [ <!ENTITY leak SYSTEM "file://\(secret)"> ]>
        <Root><A>&leak;</A></Root>
        """)
        defer { CINTestFiles.remove(path) }
        let xml = try XMLStreamReader(path: path)
        var text = ""
        do {
            while try xml.read() {
                if xml.kind == .text { text += xml.text }
            }
        } catch {
            // An undefined-entity error is as good as an empty value: nothing was read from the file.
        }
        #expect(!text.contains("top secret"))
    }
}

/// Counts start tags by name through the push interface.
private struct TagCounter: XMLContentHandler {
    let target: XMLName
    var starts = 0
    var lines: [Int] = []
    var text = ""
    var stopAfter = Int.max

    mutating func startElement(_ name: XMLName, line: Int, depth: Int) {
        if name == target {
            starts += 1
            lines.append(line)
        }
    }

    mutating func endElement(_ name: XMLName, line: Int, depth: Int) {}

    mutating func characters(_ piece: UnsafeBufferPointer<UInt8>, line: Int) {
        text += String(decoding: piece, as: UTF8.self)
    }

    var wantsMore: Bool { starts < stopAfter }
}

@Suite("XML push parser")
struct XMLPushParserTests {
    @Test("the handler sees every start tag with its line, and all character data")
    func handlerSeesEverything() throws {
        let path = try CINTestFiles.write("<R>\n<A>1</A>\n<A>2</A>\n<B>3</B>\n</R>\n")
        defer { CINTestFiles.remove(path) }
        let xml = try XMLPushParser(path: path)
        var counter = TagCounter(target: xml.name("A"))
        try xml.parse(&counter)
        #expect(counter.starts == 2)
        #expect(counter.lines == [2, 3])
        #expect(counter.text.filter { !$0.isWhitespace } == "123")
    }

    @Test("a handler that wants no more stops the parse early, without an error")
    func stopsEarly() throws {
        var text = "<R>\n"
        for i in 0..<50_000 { text += "<A>\(i)</A>\n" }
        text += "</R>\n"
        let path = try CINTestFiles.write(text)
        defer { CINTestFiles.remove(path) }
        let xml = try XMLPushParser(path: path)
        var counter = TagCounter(target: xml.name("A"))
        counter.stopAfter = 10
        try xml.parse(&counter)
        #expect(counter.starts >= 10)
        #expect(counter.starts < 50_000)
    }

    @Test("parse errors are thrown with line and column")
    func parseError() throws {
        let path = try CINTestFiles.write("<R>\n<A>1</A>\n<A>2</B>\n</R>\n")
        defer { CINTestFiles.remove(path) }
        let xml = try XMLPushParser(path: path)
        var counter = TagCounter(target: xml.name("A"))
        let error = #expect(throws: XMLReadError.self) { try xml.parse(&counter) }
        #expect(error?.kind == .malformed)
        #expect(error?.file == path)
        #expect(error?.line == 3)
        #expect(counter.starts == 2)
    }
}
