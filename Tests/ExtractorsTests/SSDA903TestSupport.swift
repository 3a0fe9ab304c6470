import CSCCore
import Foundation
@testable import Extractors

/// Paths, code lists and read helpers for the SSDA903 reader's tests.
enum SSDA903TestData {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ExtractorsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `<package root>/../shared/fixtures/ssda903`, or nil when absent.
    static let fixtures: URL? = folder("fixtures/ssda903")
    /// `<package root>/../shared/calibration`, or nil when absent.
    static let calibration: URL? = folder("calibration")

    static var hasFixtures: Bool { fixtures != nil }
    static var hasCalibration: Bool { calibration != nil }

    private static func folder(_ relative: String) -> URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/" + relative)
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue ? url : nil
    }

    /// The real code lists of `pipelines/reference/codes`, loaded once.
    static let codes: CodeBook = {
        let folder = packageRoot.appendingPathComponent("pipelines/reference/codes")
        var lists: [CodeList] = []
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        for file in files where file.pathExtension == "csv" {
            let name = file.deletingPathExtension().lastPathComponent
            if let table = try? CSVReader.readAll(path: file.path),
               let list = try? CodeList(name: name, rows: [table.header] + table.rows) {
                lists.append(list)
            }
        }
        return CodeBook(lists: lists)
    }()

    static let reader = SSDA903Reader(codes: codes)

    /// A private temporary folder for hand-made files.
    static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cscpipe-ssda903-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()
}

/// What one read of a 903 file gave.
struct SSDA903ReadResult {
    let summary: SSDA903FileSummary
    let records: [Record]
    let issues: [Issue]

    func issues(_ rule: Rule) -> [Issue] { issues.filter { $0.rule == rule.id } }

    /// `rule@line:column=value` for each issue, for compact comparisons.
    var issueKeys: [String] { issues.map { "\($0.rule)@\($0.line ?? 0):\($0.column)=\($0.value)" } }
}

enum SSDA903TestFiles {
    /// Reads `path` with the real code lists.
    static func read(_ path: String, as displayName: String? = nil, year: CollectionYear? = nil)
        throws(UnreadableInput) -> SSDA903ReadResult {
        let sink = CollectingSink()
        let summary = try SSDA903TestData.reader.read(path: path, displayName: displayName ?? path, year: year, into: sink)
        return SSDA903ReadResult(summary: summary, records: sink.records, issues: sink.issues)
    }

    /// Writes `bytes` to a new file named `name` in a fresh folder and returns its path.
    static func write(_ bytes: [UInt8], name: String = "table.csv") throws -> String {
        // Letters only: the reader takes a year from the folder's name, and a
        // UUID's digits ("…-9293-…") may spell one.
        let unique = String(UUID().uuidString.unicodeScalars.map { $0.properties.numericType == nil ? Character($0) : "x" })
        let folder = SSDA903TestData.scratch.appendingPathComponent(unique)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func write(_ text: String, name: String = "table.csv") throws -> String {
        try write(Array(text.utf8), name: name)
    }

    /// Writes `text`, reads it as `displayName` and removes it.
    static func read(text: String, name: String = "table.csv", year: CollectionYear? = nil) throws -> SSDA903ReadResult {
        let path = try write(text, name: name)
        defer { remove(path) }
        return try read(path, as: name, year: year)
    }

    /// The fatal issue reading `text` gives, or nil when it reads.
    static func fatalIssue(_ text: String, year: CollectionYear? = nil) throws -> Issue? {
        let path = try write(text)
        defer { remove(path) }
        do {
            _ = try read(path, as: "table.csv", year: year)
            return nil
        } catch {
            return error.issue
        }
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }
}

extension SSDA903ReadResult {
    func records(child: String) -> [Record] { records.filter { $0.values.first == child } }

    /// The record read from `line`.
    func record(line: Int) -> Record? { records.first { $0.source.line == String(line) } }
}

/// Text re-encoded the ways councils' tools save CSV files.
enum SSDA903TestEncoding {
    static func utf8BOM(_ text: String) -> [UInt8] { [0xEF, 0xBB, 0xBF] + Array(text.utf8) }

    static func utf16LE(_ text: String) -> [UInt8] {
        [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    /// Windows-1252 for text whose only non-ASCII characters are Latin-1 letters.
    static func windows1252(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            precondition(scalar.value < 0x100 && !(0x80..<0xA0).contains(scalar.value), "not in the test's 1252 set")
            return UInt8(scalar.value)
        }
    }

    static func crlf(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\r\n") }
}
