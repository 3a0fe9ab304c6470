import CSCCore
import Extractors
import Foundation
import Loaders
import Logging
import Transformers

/// Runs a pipeline end to end: extract every input into merged canonical
/// tables, write the datasets, warehouse and exception report into a new run
/// folder, and publish it as `latest` only when it is complete.
public struct PipelineRunner {
    public struct Options: Sendable {
        public var output: String?
        public var asOf: Day?
        /// The clock, injectable so tests can pin run ids and `as_of: today`.
        public var now: @Sendable () -> Date

        public init(output: String? = nil, asOf: Day? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
            self.output = output
            self.asOf = asOf
            self.now = now
        }
    }

    /// What a run did, for the CLI's summary line and for tests.
    public struct Result: Sendable {
        public var outcome: RunOutcome
        /// The run's own folder, when one was made.
        public var runFolder: String?
        public var published: Bool
        public var issueCounts: [Severity: Int]
        public var records: [CanonicalTable: Int]
        public var seconds: Double
    }

    public let definition: PipelineDefinition
    public let options: Options
    public let logger: Logger

    public init(definition: PipelineDefinition, options: Options = Options(), logger: Logger) {
        self.definition = definition
        self.options = options
        self.logger = logger
    }

    public func run() -> Result {
        let started = options.now()
        let clock = ContinuousClock.now
        var result = Result(outcome: .complete, runFolder: nil, published: false, issueCounts: [:], records: [:], seconds: 0)
        func finish(_ outcome: RunOutcome) -> Result {
            let d = ContinuousClock.now - clock
            result.outcome = outcome
            result.seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            return result
        }

        let output = options.output ?? definition.output
        let asOf = options.asOf ?? definition.resolvedAsOf(today: started)

        let reference: ReferenceData
        do {
            reference = try ReferenceData.load(folder: definition.reference)
        } catch {
            return finish(.configurationError("\(error)"))
        }

        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            return finish(.configurationError("cannot create the output folder \(output): \(PipelineLoader.reason(error))"))
        }
        let lock: RunLock
        do {
            lock = try RunLock(outputFolder: output, describing: "pid \(ProcessInfo.processInfo.processIdentifier) on \(ProcessInfo.processInfo.hostName), pipeline \(definition.path), started \(Manifest.isoTimestamp(started))")
        } catch let held as RunLock.Held {
            return finish(.locked(held.description))
        } catch {
            return finish(.configurationError("cannot create the lock file in \(output): \(PipelineLoader.reason(error))"))
        }
        defer { withExtendedLifetime(lock) {} }

        let folder: RunFolder
        do {
            folder = try RunFolder.create(in: output, startedAt: started)
        } catch {
            return finish(.configurationError("cannot create a run folder in \(output): \(PipelineLoader.reason(error))"))
        }
        result.runFolder = folder.path
        logger.info("run \(folder.id): \(definition.name), as of \(asOf.iso)")

        // Extract and merge.
        let datasets = Datasets()
        let reading = InputReading(reference: reference, asOf: asOf)
        var manifestInputs: [Manifest.InputFile] = []
        var fatal: Issue?
        inputs: for input in definition.inputs {
            let files = InputFiles.expand(resolvedPattern: input.resolvedPattern, pattern: input.pattern)
            if files.isEmpty {
                fatal = Issue(.noInputFiles, dataset: "file", file: input.pattern, line: nil,
                              message: "no file matches `\(input.pattern)` (\(definition.path) line \(input.line.map(String.init) ?? "?"))")
                break
            }
            // One SSDA903 input is one collection year's return: its files are
            // checked together for integrity before the merge hides duplicates.
            var returnFiles: [(table: String, records: [Record])] = []
            for file in files {
                let t0 = ContinuousClock.now
                let digest: FileDigest
                do {
                    digest = try FileDigest(path: file.path)
                } catch {
                    fatal = Issue(.unreadableFile, dataset: "file", file: file.displayName, line: nil,
                                  message: "the file cannot be opened: \(PipelineLoader.reason(error))")
                    break inputs
                }
                if digest.bytes >= 10_000_000 {
                    // A long read gets a line before it starts, so a terminal never sits silent.
                    logger.info("reading \(file.displayName) (\(String(format: "%.1f", Double(digest.bytes) / 1e6)) MB)…")
                }
                do {
                    let recorder = input.kind == .ssda903 ? RecordingSink(datasets) : nil
                    let summary = try reading.read(file, of: input, into: recorder ?? datasets)
                    if let recorder, let table = summary.ssda903Table {
                        returnFiles += SSDA903XMLReader.integrityTables(table: table, records: recorder.records)
                    }
                    manifestInputs.append(.init(path: file.displayName, kind: input.kind.rawValue, detected: summary.detected,
                                                bytes: digest.bytes, sha256: digest.sha256, records: summary.records, issues: summary.issues))
                    logger.info("read \(file.displayName): \(summary.detected); \(summary.records) records, \(summary.issues) issue\(summary.issues == 1 ? "" : "s") (\(Self.elapsed(since: t0)))")
                } catch {
                    fatal = error.issue
                    manifestInputs.append(.init(path: file.displayName, kind: input.kind.rawValue, detected: "unreadable",
                                                bytes: digest.bytes, sha256: digest.sha256, records: 0, issues: 1))
                    break inputs
                }
            }
            if !returnFiles.isEmpty {
                for issue in SSDA903Integrity.check(returnFiles) { datasets.report(issue) }
            }
        }

        var issues = datasets.issues
        if let fatal {
            issues.append(fatal)
            logger.error("\(fatal.file)\(fatal.line.map { ":\($0)" } ?? ""): \(fatal.message)")
        }
        result.issueCounts = Dictionary(grouping: issues, by: \.severity).mapValues(\.count)
        result.records = Dictionary(uniqueKeysWithValues: datasets.counts)

        // Load into the run folder.
        let outcome: RunOutcome
        if let fatal {
            outcome = .unreadableInput("\(fatal.file): \(fatal.message)")
        } else if let (severity, n, limit) = definition.failOn.breach(in: result.issueCounts) {
            outcome = .overThreshold("\(n) \(severity.rawValue) issue\(n == 1 ? "" : "s") (threshold \(limit))")
        } else {
            outcome = .complete
        }
        do {
            let writer = RunOutputs(folder: folder.path, logger: logger, annexACodes: reference.annexACodes)
            let kpis = KPIStage(definitions: definition.kpis, calendar: reference.calendar, asOf: asOf)
            try writer.write(datasets: fatal == nil ? datasets : nil, issues: issues, conflicts: datasets.conflicts,
                             asOf: asOf, kpis: kpis)
            let manifest = Manifest(
                runID: folder.id, pipeline: definition.path, name: definition.name, asOf: asOf.iso,
                startedAt: Manifest.isoTimestamp(started), finishedAt: Manifest.isoTimestamp(options.now()),
                toolVersion: CSCPipeVersion.current, inputs: manifestInputs, outputs: writer.outputs(),
                records: Dictionary(uniqueKeysWithValues: datasets.counts.map { ($0.0.name, $0.1) }),
                issues: Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, result.issueCounts[$0] ?? 0) }),
                exitCode: outcome.exitCode, outcome: outcome.summary)
            try manifest.write(to: folder.path + "/manifest.json")
        } catch let error as KPIQueryError {
            // Nothing is published: a pack with a broken figure is not a pack.
            return finish(.configurationError("\(error)"))
        } catch {
            return finish(.unreadableInput("cannot write the run's outputs in \(folder.path): \(PipelineLoader.reason(error))"))
        }

        if fatal == nil {
            do {
                try folder.publish()
                result.published = true
                folder.pruneOlderRuns(keep: definition.keepRuns)
            } catch {
                return finish(.unreadableInput("\(PipelineLoader.reason(error))"))
            }
        }
        return finish(outcome)
    }

    static func elapsed(since t0: ContinuousClock.Instant) -> String {
        let d = ContinuousClock.now - t0
        let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
        return ms < 1000 ? "\(ms) ms" : String(format: "%.1f s", Double(ms) / 1000)
    }
}

extension PipelineDefinition {
    /// The as-of date for a run started at `today` (UTC calendar day) when the
    /// pipeline says `as_of: today`.
    public func resolvedAsOf(today: Date) -> Day {
        switch asOf {
        case let .date(d): return d
        case .today:
            // The council's own calendar day: a 00:30 BST run belongs to that date, not to UTC's.
            let c = Calendar.current.dateComponents([.year, .month, .day], from: today)
            return Day(year: c.year!, month: c.month!, day: c.day!)!
        }
    }
}
