/// RFC 4180 quoting for the CSV files the tool writes.
///
/// A field is quoted only when it must be: it holds a comma, a double quote or
/// a line break, or it starts or ends with a space (so a reader that trims
/// unquoted fields still gets the value back exactly). Quotes inside are doubled.
/// Everything else is written as is, so `0012345` stays `0012345`.
public enum CSVText {
    static let comma = UInt8(ascii: ",")
    static let quote = UInt8(ascii: "\"")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")

    /// The field as it must appear in a CSV line.
    public static func field(_ value: String) -> String {
        var value = value
        return value.withUTF8 { bytes in
            guard needsQuotes(bytes) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            appendQuoted(bytes, to: &out)
            return String(decoding: out, as: UTF8.self)
        } ?? value
    }

    /// One CSV line, without its line ending.
    public static func line(_ fields: [String]) -> String {
        var out: [UInt8] = []
        appendLine(fields, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the field's UTF-8 bytes, quoted where needed, to `buffer`.
    /// This is the hot path of every CSV output: no intermediate `String`.
    @inline(__always)
    public static func append(_ value: String, to buffer: inout [UInt8]) {
        let done: Void? = value.utf8.withContiguousStorageIfAvailable { append(bytes: $0, to: &buffer) }
        if done == nil {
            // Bridged strings (rare: never on Linux) have no contiguous UTF-8 until copied.
            var copy = value
            copy.withUTF8 { append(bytes: $0, to: &buffer) }
        }
    }

    /// Appends `fields` separated by commas, without a line ending.
    public static func appendLine(_ fields: some Sequence<String>, to buffer: inout [UInt8]) {
        var first = true
        for field in fields {
            if !first { buffer.append(comma) }
            first = false
            append(field, to: &buffer)
        }
    }

    @inline(__always)
    static func append(bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        if needsQuotes(bytes) {
            appendQuoted(bytes, to: &buffer)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    @inline(__always)
    static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first == space || bytes[bytes.count - 1] == space { return true }
        for b in bytes where b == comma || b == quote || b == newline || b == carriageReturn {
            return true
        }
        return false
    }

    static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        buffer.append(quote)
        for b in bytes {
            buffer.append(b)
            if b == quote { buffer.append(quote) }
        }
        buffer.append(quote)
    }
}
