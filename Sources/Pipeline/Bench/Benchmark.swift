import CSCCore
import Extractors
import Foundation
import Logging
import Synthesis

/// `cscpipe bench`: throughput of the CIN extraction and of a whole run on a
/// large synthetic council, next to `xmllint --stream --noout` on the same
/// file in the same process run, so the comparison survives a noisy machine.
public struct Benchmark: BenchmarkPart {
    public struct Options: Sendable {
        public var children: Int
        public var seed: UInt64
        public var rounds: Int
        public var folder: String
        public var asOf: Day
        public var referenceFolder: String
        /// Rows of the synthetic SSDA903 Episodes file.
        public var episodeRows: Int
        /// The measurements to take.
        public var parts: Set<Part>

        public init(children: Int, seed: UInt64, rounds: Int, folder: String, asOf: Day, referenceFolder: String,
                    episodeRows: Int = 1_000_000, parts: Set<Part> = Set(Part.allCases)) {
            self.episodeRows = episodeRows
            self.parts = parts
            self.children = children
            self.seed = seed
            self.rounds = rounds
            self.folder = folder
            self.asOf = asOf
            self.referenceFolder = referenceFolder
        }
    }

    /// The benchmark's parts, to run one alone while tuning it.
    public enum Part: String, CaseIterable, Sendable {
        /// CIN census extraction next to xmllint, a whole run, the KPI pack.
        case cin
        /// The SSDA903 and mapped CSV readers next to `wc -l`.
        case csv
    }

    public let options: Options
    public let report: @Sendable (String) -> Void

    public init(options: Options, report: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.report = report
    }

    public func run() throws {
        // Taken before the bench does any work of its own: a figure above 0 is other work sharing the cores,
        // which slows the multi-core readers more than the one-core baselines.
        if let load = loadAverage() {
            report("host: \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(f(load)) before the bench started")
        }
        try FileManager.default.createDirectory(atPath: options.folder, withIntermediateDirectories: true)
        let reference = try ReferenceData.load(folder: options.referenceFolder)
        if options.parts.contains(.cin) { try runCIN(reference: reference) }
        if options.parts.contains(.csv) {
            try runSSDA903(reference: reference)
            try MappedBenchmark(options: options, report: report).run(reference: reference)
        }
    }

    /// CIN extraction next to xmllint, then a whole run and the KPI pack on the same council.
    private func runCIN(reference: ReferenceData) throws {
        let fm = FileManager.default

        let synthStart = ContinuousClock.now
        let synth = try Synthesizer.write(SynthOptions(children: options.children, seed: options.seed, asOf: options.asOf),
                                          to: options.folder)
        let synthTime = seconds(since: synthStart)
        guard let cinFile = synth.files.first(where: { $0.hasPrefix("cin/") }) else {
            throw BenchmarkError("the synthetic council has no CIN census file")
        }
        let path = options.folder + "/" + cinFile
        let bytes = Double((try fm.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0)
        let mb = bytes / 1_000_000
        report("synthetic council: \(options.children) children, \(cinFile) \(String(format: "%.1f", mb)) MB, written in \(String(format: "%.2f", synthTime)) s")

        var xmllintTimes: [Double] = []
        var extractTimes: [Double] = []
        var children = 0, records = 0
        for _ in 0..<options.rounds {
            // Interleave the two so drift on a shared machine hits both alike.
            if let t = Self.timeXmllint(path) { xmllintTimes.append(t) }
            let sink = CountingOnlySink()
            let t0 = ContinuousClock.now
            let summary = try CINCensusReader(codes: reference.codes).read(path: path, displayName: cinFile, year: nil, into: sink)
            extractTimes.append(seconds(since: t0))
            children = summary.children
            records = sink.records
        }

        report("")
        report(pad("stage", 38) + pad("median s", 10) + pad("MB/s", 9) + pad("children/s", 12) + "records/s")
        if xmllintTimes.isEmpty {
            report(pad("xmllint --stream --noout", 38) + "not installed (apt-get install libxml2-utils)")
        } else {
            let t = median(xmllintTimes)
            report(pad("xmllint --stream --noout (baseline)", 38) + pad(f(t), 10) + pad(f(mb / t, 1), 9) + pad(f(Double(children) / t, 0), 12) + "-")
        }
        let e = median(extractTimes)
        report(pad("cscpipe CIN extraction", 38) + pad(f(e), 10) + pad(f(mb / e, 1), 9) + pad(f(Double(children) / e, 0), 12) + f(Double(records) / e, 0))
        if !xmllintTimes.isEmpty {
            report("extraction / xmllint time ratio: \(f(e / median(xmllintTimes))) (below 1.00 is faster than the bare parse)")
        }

        // A whole run: extract, merge, datasets, warehouse, exception report, publish.
        let pipelinePath = options.folder + "/bench.yaml"
        let referencePath = options.referenceFolder.hasPrefix("/") ? options.referenceFolder
            : fm.currentDirectoryPath + "/" + options.referenceFolder
        try """
        name: bench
        as_of: \(options.asOf.iso)
        output: out
        reference: \(referencePath)
        fail_on: { fatal: 1 }
        keep_runs: 0
        kpis: [\(referencePath)/../kpis/standard.yaml]
        inputs:
          - kind: cin-census
            path: cin/*.xml
        \(Self.ssda903Inputs(synth.files))
        """.write(toFile: pipelinePath, atomically: true, encoding: .utf8)
        let definition = try PipelineLoader.load(path: pipelinePath)
        let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
        let runStart = ContinuousClock.now
        let result = PipelineRunner(definition: definition, logger: logger).run()
        let runTime = seconds(since: runStart)
        let total = result.records.values.reduce(0, +)
        report(pad("whole run (published: \(result.published))", 38) + pad(f(runTime), 10) + pad(f(mb / runTime, 1), 9)
               + pad(f(Double(children) / runTime, 0), 12) + f(Double(total) / runTime, 0))
        report("peak memory of this process so far: \(peakMemoryMB()) MB")
        if let folder = result.runFolder, result.published {
            try KPIBenchmark(report: report).run(warehousePath: folder + "/warehouse.sqlite", definitions: definition.kpis,
                                                 calendar: reference.calendar, asOf: options.asOf)
        }
    }

    /// SSDA903 CSV reading (parse, normalise, per-record checks) on a large
    /// Episodes file, next to a bare byte scan (`wc -l`) of the same file.
    private func runSSDA903(reference: ReferenceData) throws {
        guard options.episodeRows > 0 else { return }
        let path = try EpisodesFileMaker.file(rows: options.episodeRows, seed: options.seed, in: options.folder)
        let mb = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0) / 1e6
        var scanTimes: [Double] = [], readTimes: [Double] = [], cpuTimes: [Double] = []
        var rows = 0, issues = 0
        for _ in 0..<options.rounds {
            if let t = Self.time("/usr/bin/wc", ["-l", path]) { scanTimes.append(t) }
            let sink = CountingOnlySink()
            let t0 = ContinuousClock.now, cpu0 = cpuSeconds()
            let summary = try SSDA903Reader(codes: reference.codes)
                .read(path: path, displayName: "episodes.csv", year: CollectionYear("2024-25"), into: sink)
            readTimes.append(seconds(since: t0))
            cpuTimes.append(cpuSeconds() - cpu0)
            rows = summary.rows
            issues = sink.issues
        }
        report("")
        report("SSDA903 Episodes: \(rows) rows, \(String(format: "%.1f", mb)) MB, \(issues) issues raised, "
               + "rows parsed on \(ProcessInfo.processInfo.activeProcessorCount) cores")
        report(pad("stage", 38) + pad("median s", 10) + pad("MB/s", 9) + pad("rows/s", 10) + "CPU s")
        if !scanTimes.isEmpty {
            let t = median(scanTimes)
            report(pad("wc -l (bare byte scan, baseline)", 38) + pad(f(t), 10) + pad(f(mb / t, 1), 9) + f(Double(rows) / t, 0))
        }
        let r = median(readTimes)
        report(pad("cscpipe SSDA903 read + checks", 38) + pad(f(r), 10) + pad(f(mb / r, 1), 9)
               + pad(f(Double(rows) / r, 0), 10) + f(median(cpuTimes)))
        // The fastest round is the one least slowed by other work on a shared machine.
        let best = readTimes.min() ?? r
        report("rounds (s): " + readTimes.map { f($0) }.joined(separator: " ")
               + "; fastest \(f(best)) s = \(f(mb / best, 1)) MB/s, \(f(Double(rows) / best, 0)) rows/s")
        report("peak memory of this process: \(peakMemoryMB()) MB")
    }

    /// One `ssda903` input per collection-year folder the synthetic council wrote.
    static func ssda903Inputs(_ files: [String]) -> String {
        let years = Set(files.filter { $0.hasPrefix("ssda903/") }.compactMap { $0.split(separator: "/").dropFirst().first.map(String.init) })
        return years.sorted().map { "  - kind: ssda903\n    path: ssda903/\($0)/*.csv\n    year: \($0)" }.joined(separator: "\n")
    }

    static func timeXmllint(_ path: String) -> Double? {
        let candidates = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"]
        guard let exe = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        return time(exe, ["--stream", "--noout", path])
    }

    /// Wall time of another program run on the same file, for a same-run baseline.
    static func time(_ exe: String, _ arguments: [String]) -> Double? {
        guard FileManager.default.isExecutableFile(atPath: exe) else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        let t0 = ContinuousClock.now
        // A baseline that cannot be started (as under valgrind) is left out, not fatal.
        guard (try? p.run()) != nil else { return nil }
        p.waitUntilExit()
        let d = ContinuousClock.now - t0
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Counts records and drops them: the extraction benchmark measures reading, not storing.
final class CountingOnlySink: RecordSink {
    private(set) var records = 0
    private(set) var issues = 0
    func accept(_ record: Record) { records += 1 }
    func report(_ issue: Issue) { issues += 1 }
}
