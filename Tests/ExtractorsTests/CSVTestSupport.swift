import Foundation
@testable import Extractors

/// SplitMix64: the same random CSV files on every run and every machine.
struct CSVTestRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// Hand-made files in a temporary folder, removed after use.
enum CSVTestFiles {
    static func withFile<R>(_ bytes: [UInt8], _ body: (String) throws -> R) throws -> R {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cscpipe-csv-tests")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(UUID().uuidString + ".csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }

    static func withFile<R>(_ text: String, _ body: (String) throws -> R) throws -> R {
        try withFile(Array(text.utf8), body)
    }

    /// `<package root>/../shared/fixtures`, or nil when the shared folder is not there.
    static let sharedFixtures: URL? = {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let fixtures = root.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: fixtures.path, isDirectory: &isFolder) && isFolder.boolValue
            ? fixtures : nil
    }()
}

/// Everything a read gave, for comparing reads with each other.
struct CSVReadResult: Equatable {
    var rows: [[String]] = []
    var lines: [Int] = []
    var encoding: CSVEncoding = .utf8
    var problems: [CSVProblem] = []
}

func readCSV(_ path: String, chunkSize: Int = CSVReader.defaultChunkSize) throws -> CSVReadResult {
    let reader = try CSVReader(path: path, chunkSize: chunkSize)
    var result = CSVReadResult()
    while let record = try reader.next() {
        result.rows.append(record.strings)
        result.lines.append(record.line)
        result.problems += record.problems
    }
    result.encoding = reader.encoding
    return result
}

/// Chunk sizes that put a read boundary inside every kind of token.
let csvTestChunkSizes = [1, 2, 3, 5, 64, CSVReader.defaultChunkSize]

enum CSVTestEncoding {
    static func utf16(_ text: String, bigEndian: Bool, bom: Bool = true) -> [UInt8] {
        var units = Array(text.utf16)
        if bom { units.insert(0xFEFF, at: 0) }
        return units.flatMap { u in
            bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)]
        }
    }

    /// Windows-1252 for the few non-ASCII characters the tests use, written out
    /// independently of the reader's table.
    static func windows1252(_ text: String) -> [UInt8] {
        let special: [Unicode.Scalar: UInt8] = ["€": 0x80, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "Š": 0x8A]
        return text.unicodeScalars.map { scalar in
            if let byte = special[scalar] { return byte }
            precondition(scalar.value < 0x100 && !(0x80..<0xA0).contains(scalar.value), "not in the test's 1252 set")
            return UInt8(scalar.value)
        }
    }
}
