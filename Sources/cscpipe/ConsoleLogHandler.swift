import Foundation
import Logging

/// Log lines on standard error: plain text for people, one JSON object per
/// line for log collectors. Under cron (no terminal) or `--quiet`, only
/// warnings and worse get through; the summary line is printed separately.
struct ConsoleLogHandler: LogHandler {
    enum Format: String, CaseIterable, Sendable { case text, json }

    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level
    let format: Format
    let label: String

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let level = event.level, message = event.message, explicit = event.metadata
        let text: String
        switch format {
        case .text:
            let prefix = level >= .warning ? "\(level.rawValue): " : ""
            text = prefix + message.description + "\n"
        case .json:
            var object: [String: String] = ["level": level.rawValue, "message": message.description,
                                            "time": Self.timestamp(), "logger": label]
            for (k, v) in metadata.merging(explicit ?? [:], uniquingKeysWith: { _, b in b }) { object[k] = "\(v)" }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            text = String(decoding: data, as: UTF8.self) + "\n"
        }
        StandardError.write(text)
    }

    static func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date())
    }
}

/// Writes to standard error without touching the C `stderr` global, which
/// Swift 6 rejects as not concurrency-safe.
enum StandardError {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buf in
            var offset = 0
            while offset < buf.count {
                let n = Foundation.write(2, buf.baseAddress! + offset, buf.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }

    static var isTerminal: Bool { isatty(2) != 0 }
}
