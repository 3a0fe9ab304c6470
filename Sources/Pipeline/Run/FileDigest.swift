import Crypto
import Foundation

/// The SHA-256 and size of an input, so a manifest proves which bytes a run read.
public struct FileDigest: Sendable, Equatable {
    public let bytes: Int
    public let sha256: String

    /// Hashes the file in 1 MiB chunks (inputs can be hundreds of megabytes).
    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var total = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            total += chunk.count
        }
        bytes = total
        sha256 = hasher.finalize().map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
