#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an output could not be written, always naming the file, so the run log
/// tells the data team which path to check (full disk, permissions, a folder
/// where a file should be).
public enum LoaderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder that should hold an output could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// The file could not be created, written or closed.
    case cannotWrite(path: String, reason: String)
    /// SQLite refused a statement while building the warehouse.
    case database(path: String, reason: String)

    public var path: String {
        switch self {
        case .cannotCreateFolder(let path, _), .cannotWrite(let path, _), .database(let path, _): path
        }
    }

    public var description: String {
        switch self {
        case .cannotCreateFolder(let path, let reason): "cannot create folder \(path): \(reason)"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .database(let path, let reason): "cannot build database \(path): \(reason)"
        }
    }

    /// The C library's words for `errno`, captured straight after the failing call.
    static func systemReason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
