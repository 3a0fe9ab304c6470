#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CSCCore

/// Streams CSV rows to a file: UTF-8, no BOM, `\n` line ends, RFC 4180 quoting
/// only where needed (`CSVText`).
///
/// Rows collect in one reusable byte buffer that goes to the file with
/// `write(2)` each time it passes about 1 MB, so a million-row table never
/// exists as one `String` and memory stays flat. Call `finish()` to flush and
/// close; a writer dropped without `finish()` closes its file but may lose the
/// last rows, and says nothing, so always finish.
public final class CSVFileWriter {
    /// The file being written, as given.
    public let path: String
    private var descriptor: Int32
    // Not shared across threads; skipping the per-access exclusivity check saves ~8% per field.
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private let flushThreshold: Int

    /// Creates (or truncates) the file at `path`; its folder must exist.
    public init(path: String, flushThreshold: Int = 1 << 20) throws {
        self.path = path
        self.flushThreshold = flushThreshold
        buffer.reserveCapacity(flushThreshold + 64 * 1024)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw LoaderError.cannotWrite(path: path, reason: LoaderError.systemReason(errno))
        }
        descriptor = fd
    }

    deinit {
        if descriptor >= 0 { _ = close(descriptor) }
    }

    /// Writes one row of fields.
    public func writeRow(_ fields: some Sequence<String>) throws {
        CSVText.appendLine(fields, to: &buffer)
        try endRow()
    }

    /// Writes one field of the current row; `first` is true for the row's first field.
    /// Lets a caller write a row straight from its own storage without building an array.
    @inline(__always)
    public func writeField(_ value: String, first: Bool = false) {
        if !first { buffer.append(CSVText.comma) }
        CSVText.append(value, to: &buffer)
    }

    /// Appends a whole number as a field (digits and a minus sign never need quoting).
    @inline(__always)
    public func writeField(_ value: Int, first: Bool = false) {
        if !first { buffer.append(CSVText.comma) }
        DecimalDigits.append(value, to: &buffer)
    }

    /// Appends where a record came from: its line number, or its spreadsheet place.
    @inline(__always)
    public func writeField(lineOf source: SourceLocation, first: Bool = false) {
        if let line = source.lineNumber {
            writeField(line, first: first)
        } else {
            writeField(source.line, first: first)
        }
    }

    /// Ends the current row and flushes when the buffer is full.
    @inline(__always)
    public func endRow() throws {
        buffer.append(CSVText.newline)
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Writes out whatever is buffered.
    public func flush() throws {
        guard descriptor >= 0 else {
            throw LoaderError.cannotWrite(path: path, reason: "the file is already closed")
        }
        try buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw LoaderError.cannotWrite(path: path, reason: LoaderError.systemReason(errno))
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file. A failure here (a full disk often shows
    /// only now) is thrown like any other write error.
    public func finish() throws {
        try flush()
        let fd = descriptor
        descriptor = -1
        if close(fd) != 0 {
            throw LoaderError.cannotWrite(path: path, reason: LoaderError.systemReason(errno))
        }
    }
}
