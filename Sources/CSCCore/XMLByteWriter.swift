/// Where an `XMLByteWriter` hands its bytes: a file, in the module that does I/O.
public protocol XMLByteOutput {
    associatedtype Failure: Error
    /// Appends `bytes` to the output.
    func write(_ bytes: [UInt8]) throws(Failure)
}

/// Writes indented XML as bytes into a buffer that is handed to its output in
/// large chunks, so a census of any size never exists as one string.
///
/// Two spaces per level, `\n` line ends, text escaped. It counts lines as it
/// goes, so a writer can say which line each element starts on.
public struct XMLByteWriter<Output: XMLByteOutput> {
    /// The 1-based line the next byte goes on.
    public private(set) var line = 1
    private var buffer: [UInt8] = []
    private let output: Output?
    private let chunkSize: Int

    /// Writes to `output`; with nil, only counts lines (to describe a file
    /// without writing it).
    public init(output: Output?, chunkSize: Int = 1 << 20) {
        self.output = output
        self.chunkSize = chunkSize
        buffer.reserveCapacity(chunkSize + (64 << 10))
    }

    public mutating func declaration() {
        append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        newline()
    }

    /// `<name>` on its own line.
    public mutating func open(_ name: StaticString, depth: Int) {
        indent(depth)
        buffer.append(UInt8(ascii: "<"))
        append(name)
        buffer.append(UInt8(ascii: ">"))
        newline()
    }

    /// `</name>` on its own line.
    public mutating func close(_ name: StaticString, depth: Int) {
        indent(depth)
        append("</")
        append(name)
        buffer.append(UInt8(ascii: ">"))
        newline()
    }

    /// `<name>text</name>`, the text escaped.
    public mutating func element(_ name: StaticString, _ text: String, depth: Int) {
        start(name, depth: depth)
        escaped(text)
        end(name)
    }

    /// `<name>YYYY-MM-DD</name>`.
    public mutating func element(_ name: StaticString, _ day: Day, depth: Int) {
        start(name, depth: depth)
        isoDate(day)
        end(name)
    }

    public mutating func element(_ name: StaticString, _ number: Int, depth: Int) {
        start(name, depth: depth)
        DecimalDigits.append(number, to: &buffer)
        end(name)
    }

    /// `<name>YYYY-MM-DDThh:mm:ss</name>`.
    public mutating func element(_ name: StaticString, _ day: Day, time: StaticString, depth: Int) {
        start(name, depth: depth)
        isoDate(day)
        buffer.append(UInt8(ascii: "T"))
        append(time)
        end(name)
    }

    /// Hands the buffer to the file once it holds a chunk.
    public mutating func flushIfFull() throws(Output.Failure) {
        if buffer.count >= chunkSize { try flush() }
    }

    /// Drops what is buffered, for a writer with no output that only counts lines.
    public mutating func discardBuffered() {
        precondition(output == nil, "discarding bytes meant for a file")
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left; call once at the end.
    public mutating func finish() throws(Output.Failure) {
        try flush()
    }

    // MARK: Bytes

    private mutating func flush() throws(Output.Failure) {
        if let output { try output.write(buffer) }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func start(_ name: StaticString, depth: Int) {
        indent(depth)
        buffer.append(UInt8(ascii: "<"))
        append(name)
        buffer.append(UInt8(ascii: ">"))
    }

    private mutating func end(_ name: StaticString) {
        append("</")
        append(name)
        buffer.append(UInt8(ascii: ">"))
        newline()
    }

    private mutating func newline() {
        buffer.append(UInt8(ascii: "\n"))
        line += 1
    }

    private mutating func indent(_ depth: Int) {
        buffer.append(contentsOf: xmlIndentSpaces[0..<(2 * depth)])
    }

    private mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    private mutating func escaped(_ text: String) {
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) {
            buffer.append(contentsOf: utf8)
            return
        }
        for b in utf8 {
            switch b {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "\""): append("&quot;")
            case UInt8(ascii: "'"): append("&apos;")
            default: buffer.append(b)
            }
        }
    }

    private mutating func isoDate(_ day: Day) {
        let c = day.components
        let zero = UInt8(ascii: "0")
        buffer.append(zero + UInt8(c.year / 1000 % 10))
        buffer.append(zero + UInt8(c.year / 100 % 10))
        buffer.append(zero + UInt8(c.year / 10 % 10))
        buffer.append(zero + UInt8(c.year % 10))
        buffer.append(UInt8(ascii: "-"))
        buffer.append(zero + UInt8(c.month / 10))
        buffer.append(zero + UInt8(c.month % 10))
        buffer.append(UInt8(ascii: "-"))
        buffer.append(zero + UInt8(c.day / 10))
        buffer.append(zero + UInt8(c.day % 10))
    }
}

/// Spaces to indent with (a generic type cannot hold a static stored property).
private let xmlIndentSpaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)
