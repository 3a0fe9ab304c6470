import Foundation

/// Runs `body` with a fresh folder under the system temp folder, removed afterwards.
func withTemporaryFolder<T>(_ body: (TemporaryFolder) throws -> T) throws -> T {
    let folder = TemporaryFolder(path: FileManager.default.temporaryDirectory
        .appendingPathComponent("cscpipe-loaders-\(UUID().uuidString)").path)
    try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder.path) }
    return try body(folder)
}

struct TemporaryFolder {
    let path: String

    func file(_ name: String) -> String { path + "/" + name }
}

func readText(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
}

func readBytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
}

/// A strict RFC 4180 reader for checking what the writers wrote: quoted
/// fields may hold commas, doubled quotes and line breaks; rows end in `\n`.
/// Returns nil on anything malformed (a stray quote, a missing final newline).
func parseCSV(_ text: String) -> [[String]]? {
    var rows: [[String]] = []
    var row: [String] = []
    var field: [UInt8] = []
    var inQuotes = false
    var afterQuote = false
    let bytes = Array(text.utf8)
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        if inQuotes {
            if b == UInt8(ascii: "\"") {
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                    field.append(b)
                    i += 1
                } else {
                    inQuotes = false
                    afterQuote = true
                }
            } else {
                field.append(b)
            }
        } else if b == UInt8(ascii: ",") {
            row.append(String(decoding: field, as: UTF8.self))
            field = []
            afterQuote = false
        } else if b == UInt8(ascii: "\n") {
            row.append(String(decoding: field, as: UTF8.self))
            rows.append(row)
            row = []
            field = []
            afterQuote = false
        } else if b == UInt8(ascii: "\"") {
            guard field.isEmpty, !afterQuote else { return nil }
            inQuotes = true
        } else {
            guard !afterQuote, b != UInt8(ascii: "\r") else { return nil }
            field.append(b)
        }
        i += 1
    }
    guard !inQuotes, row.isEmpty, field.isEmpty else { return nil }
    return rows
}

/// `/work/shared/calibration` seen from this file: `<package root>/../shared/calibration`.
let calibrationFolder: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/calibration").path
let calibrationPresent = FileManager.default.fileExists(atPath: calibrationFolder + "/expected/datasets")
