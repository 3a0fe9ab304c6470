import Foundation

/// `manifest.json`: what a run read, what it wrote, and how it ended, so
/// anyone can tell which bytes a published figure came from.
public struct Manifest: Codable, Sendable {
    public struct InputFile: Codable, Sendable {
        public var path: String
        public var kind: String
        /// What the reader found the file to be (`CIN census 2024-25, LA 873`).
        public var detected: String
        public var bytes: Int
        public var sha256: String
        public var records: Int
        public var issues: Int
    }

    public struct OutputFile: Codable, Sendable {
        public var path: String
        public var bytes: Int
    }

    public var runID: String
    public var pipeline: String
    public var name: String
    public var asOf: String
    public var startedAt: String
    public var finishedAt: String
    public var toolVersion: String
    public var inputs: [InputFile]
    public var outputs: [OutputFile]
    public var records: [String: Int]
    public var issues: [String: Int]
    public var exitCode: Int32
    public var outcome: String

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", pipeline, name, asOf = "as_of", startedAt = "started_at", finishedAt = "finished_at"
        case toolVersion = "tool_version", inputs, outputs, records, issues, exitCode = "exit_code", outcome
    }

    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(UInt8(ascii: "\n"))
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    static func isoTimestamp(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }
}
