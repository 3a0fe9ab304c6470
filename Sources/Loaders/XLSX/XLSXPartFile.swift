#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file that one worksheet part is streamed into before it is
/// deflated into the workbook's zip: bytes gather in a reusable buffer and go
/// to the file with `write(2)` about every megabyte, so a sheet of a million
/// rows never sits in memory.
final class XLSXPartFile {
    let path: String
    private var descriptor: Int32
    // One writer, one thread: skip the exclusivity check on the hot path.
    @exclusivity(unchecked) private(set) var buffer: [UInt8] = []
    private let flushThreshold = 1 << 20

    /// Creates the file, failing if it already exists (it is ours alone).
    init(path: String) throws(LoaderError) {
        self.path = path
        buffer.reserveCapacity(flushThreshold + (64 << 10))
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LoaderError.cannotWrite(path: path, reason: LoaderError.systemReason(errno)) }
        descriptor = fd
    }

    deinit {
        if descriptor >= 0 { _ = close(descriptor) }
    }

    @inline(__always)
    func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    @inline(__always)
    func append(_ byte: UInt8) { buffer.append(byte) }

    @inline(__always)
    func append(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    /// Appends through `body`, for the XML writer's own byte loops.
    @inline(__always)
    func withBuffer<T>(_ body: (inout [UInt8]) -> T) -> T { body(&buffer) }

    @inline(__always)
    func flushIfFull() throws(LoaderError) {
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Writes what is buffered and closes the file; its size is returned for
    /// the zip entry's header.
    func finish() throws(LoaderError) -> Int64 {
        try flush()
        let fd = descriptor
        descriptor = -1
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = LoaderError.systemReason(errno)
            _ = close(fd)
            throw LoaderError.cannotWrite(path: path, reason: reason)
        }
        guard close(fd) == 0 else { throw LoaderError.cannotWrite(path: path, reason: LoaderError.systemReason(errno)) }
        return Int64(info.st_size)
    }

    private func flush() throws(LoaderError) {
        guard descriptor >= 0 else { throw LoaderError.cannotWrite(path: path, reason: "the file is already closed") }
        let fd = descriptor
        let failure: Int32? = buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw LoaderError.cannotWrite(path: path, reason: LoaderError.systemReason(failure)) }
        buffer.removeAll(keepingCapacity: true)
    }
}
