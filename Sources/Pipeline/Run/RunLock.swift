import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run at a time per output folder.
///
/// The lock is an `flock` on `<output>/.cscpipe.lock`: the kernel releases it
/// when the holding process dies, so a crashed run never blocks the next
/// night's. The file's text names the holder for the message a second run prints.
public final class RunLock {
    public struct Held: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let holder: String
        public var description: String {
            "another run holds the lock \(path)" + (holder.isEmpty ? "" : " (\(holder))")
        }
    }

    private let fd: Int32
    public let path: String

    /// Takes the lock or throws `Held` at once (never waits).
    public init(outputFolder: String, describing holder: String) throws {
        path = outputFolder + "/.cscpipe.lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            close(fd)
            throw Held(path: path, holder: text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        ftruncate(fd, 0)
        let bytes = Array(holder.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    deinit {
        ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }
}
