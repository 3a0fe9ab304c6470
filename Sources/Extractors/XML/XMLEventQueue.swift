import CLibXML2

/// What a node is: `XMLStreamReader.kind` after each `read()`.
public enum XMLNodeKind: UInt8, Sendable {
    case startElement
    case endElement
    /// Character data (text and CDATA) that is not only whitespace.
    case text
}

/// One parsed node not yet handed to the consumer.
struct XMLEvent {
    var kind: XMLNodeKind
    var name: UnsafePointer<xmlChar>?
    /// Start tag's line for elements; line of the first non-blank character for text.
    var line: Int
    var depth: Int
    /// Text bytes live in `XMLEventQueue.text[textStart..<textEnd]`.
    var textStart: Int
    var textEnd: Int
}

/// The nodes of one chunk of input, queued for `XMLStreamReader`.
///
/// Text pieces of one text node are joined into one event; whitespace-only
/// text is dropped. Manually grown buffers rather than arrays, because the
/// queue is filled from the SAX callbacks millions of times per file and an
/// array's uniqueness and capacity checks showed up in the profile.
/// `deallocate()` frees the buffers.
struct XMLEventQueue: XMLContentHandler {
    private(set) var events: UnsafeMutablePointer<XMLEvent>
    private(set) var count = 0
    private var capacity: Int
    private(set) var text: UnsafeMutablePointer<UInt8>
    private var textCount = 0
    private var textCapacity: Int
    /// The last event is text that more pieces may still extend.
    private(set) var textOpen = false
    /// Whitespace seen at the start of a text run, kept in case non-blank text
    /// follows in the same node (`-1` when there is none).
    private var blankStart = -1
    /// Depth of the element whose content is being read, for text events.
    private var depth = 0

    init() {
        capacity = 4096
        events = .allocate(capacity: capacity)
        textCapacity = 64 * 1024
        text = .allocate(capacity: textCapacity)
    }

    func deallocate() {
        events.deallocate()
        text.deallocate()
    }

    @inline(__always)
    private mutating func append(_ event: XMLEvent) {
        if count == capacity {
            let bigger = UnsafeMutablePointer<XMLEvent>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: events, count: count)
            events.deallocate()
            events = bigger
            capacity *= 2
        }
        (events + count).initialize(to: event)
        count += 1
    }

    @inline(__always)
    private mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        if textCount + bytes.count > textCapacity {
            var bigger = textCapacity * 2
            while bigger < textCount + bytes.count { bigger *= 2 }
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
            buffer.update(from: text, count: textCount)
            text.deallocate()
            text = buffer
            textCapacity = bigger
        }
        (text + textCount).update(from: bytes.baseAddress!, count: bytes.count)
        textCount += bytes.count
    }

    /// Whitespace that turned out to be only whitespace is forgotten when markup follows.
    @inline(__always)
    private mutating func closeText() {
        if blankStart >= 0 {
            textCount = blankStart
            blankStart = -1
        }
        textOpen = false
    }

    mutating func startElement(_ name: XMLName, line: Int, depth: Int) {
        closeText()
        append(XMLEvent(kind: .startElement, name: name.pointer, line: line, depth: depth, textStart: 0, textEnd: 0))
        self.depth = depth + 1
    }

    mutating func endElement(_ name: XMLName, line: Int, depth: Int) {
        closeText()
        append(XMLEvent(kind: .endElement, name: name.pointer, line: line, depth: depth, textStart: 0, textEnd: 0))
        self.depth = depth
    }

    mutating func characters(_ piece: UnsafeBufferPointer<UInt8>, line: Int) {
        if textOpen {
            appendText(piece)
            events[count - 1].textEnd = textCount
            return
        }
        if blankStart < 0 { blankStart = textCount }
        let (first, newlines) = XMLText.firstNonBlank(piece)
        appendText(piece)
        guard first >= 0 else { return }
        append(XMLEvent(kind: .text, name: nil, line: line + newlines, depth: depth,
                        textStart: blankStart, textEnd: textCount))
        blankStart = -1
        textOpen = true
    }

    /// Drops the events already handed out, keeping an unfinished text run
    /// (and whitespace that may start one) at the front for the next chunk.
    mutating func compact(delivered: Int) {
        var keepFrom = blankStart >= 0 ? blankStart : textCount
        var kept: XMLEvent?
        if delivered < count {
            precondition(delivered == count - 1 && textOpen, "only an open text run is held back")
            kept = events[count - 1]
            keepFrom = min(keepFrom, kept!.textStart)
        }
        count = 0
        if keepFrom > 0 {
            text.update(from: text + keepFrom, count: textCount - keepFrom)
            textCount -= keepFrom
            if blankStart >= 0 { blankStart -= keepFrom }
        }
        if var k = kept {
            k.textStart -= keepFrom
            k.textEnd -= keepFrom
            append(k)
        }
    }
}
