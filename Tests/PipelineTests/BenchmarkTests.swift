import CSCCore
import Foundation
import Pipeline
import Testing

/// `cscpipe bench --only csv` on a small Episodes file: what it reports and what it reuses.
struct BenchmarkTests {
    /// The report's lines, collected from whichever thread reports them.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    private func run(in folder: String) throws -> [String] {
        let lines = Lines()
        let options = Benchmark.Options(children: 50, seed: 3, rounds: 2, folder: folder, asOf: Day(iso: "2025-11-14")!,
                                        referenceFolder: packageRoot + "/pipelines/reference", episodeRows: 3_000,
                                        parts: [.csv])
        try Benchmark(options: options, report: { lines.append($0) }).run()
        return lines.all
    }

    @Test("--only csv measures both CSV readers on the same rows, with no issue, and skips the CIN part")
    func csvOnly() throws {
        let workspace = try Workspace()
        let lines = try run(in: workspace.path)
        #expect(lines.contains("SSDA903 Episodes: 3000 rows, 0.2 MB, 0 issues raised, rows parsed on "
                               + "\(ProcessInfo.processInfo.activeProcessorCount) cores"))
        #expect(lines.contains { $0.hasPrefix("cscpipe SSDA903 read + checks") })
        #expect(lines.contains { $0.hasPrefix("rounds (s): ") && $0.contains("fastest") })
        #expect(lines.contains { $0.hasPrefix("mapped / SSDA903 time ratio:") && $0.hasSuffix("mapped: 3000 records, 0 issues") })
        #expect(!lines.contains { $0.hasPrefix("synthetic council") || $0.contains("xmllint") })
        if FileManager.default.fileExists(atPath: "/proc/loadavg") {
            let host = lines.first { $0.hasPrefix("host: ") }
            #expect(host?.hasSuffix(" before the bench started") == true && lines.first == host,
                    "the host's load is said first: \(lines.prefix(2))")
        }
        #expect(!workspace.exists("cin"))
    }

    @Test("the Episodes file is made once per folder, rows and seed, and made again when they change")
    func episodesFileReused() throws {
        let workspace = try Workspace()
        let file = workspace.path + "/ssda903/2024-25/episodes.csv"
        _ = try run(in: workspace.path)
        let first = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 0)], ofItemAtPath: file)
        _ = try run(in: workspace.path)
        let second = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
        #expect(first != nil)
        #expect(second == Date(timeIntervalSince1970: 0), "a second run with the same rows and seed reuses the file")

        try "1 rows, seed 3\n".write(toFile: file + ".made", atomically: true, encoding: .utf8)
        _ = try run(in: workspace.path)
        let third = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
        #expect(third != Date(timeIntervalSince1970: 0), "a note for other rows makes the file again")
        #expect(try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count == 3_001)
    }
}
