import ArgumentParser
import CSCCore
import Foundation
import Pipeline

extension CSCPipe {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a pipeline: read its inputs, write datasets, warehouse and exception report, publish as <output>/latest.",
            discussion: """
            Exit codes: 0 complete; 1 complete but issues reached the pipeline's fail_on threshold; \
            2 usage or configuration error (nothing run); 3 an input could not be read (nothing published, \
            latest unchanged); 4 another run holds the lock.
            """)

        @Argument(help: "The pipeline file (YAML).")
        var pipeline: String

        @Option(help: "Write the run under this folder instead of the pipeline's `output`.")
        var output: String?

        @Option(help: "The as-of date (YYYY-MM-DD) instead of the pipeline's `as_of`.")
        var asOf: DayArgument?

        @OptionGroup var logging: LoggingOptions

        func run() throws {
            let logger = logging.makeLogger(label: "cscpipe.run")
            let definition: PipelineDefinition
            do {
                definition = try PipelineLoader.load(path: pipeline)
            } catch {
                StandardError.write("error: \(error)\n")
                throw ExitCode(2)
            }
            let runner = PipelineRunner(definition: definition,
                                        options: .init(output: output, asOf: asOf?.day),
                                        logger: logger)
            let result = runner.run()
            print(Self.summary(result, pipeline: definition.name))
            if result.outcome.exitCode != 0 { throw ExitCode(result.outcome.exitCode) }
        }

        static func summary(_ r: PipelineRunner.Result, pipeline: String) -> String {
            let counts = Severity.allCases.compactMap { s in r.issueCounts[s].map { "\($0) \(s.rawValue)" } }
            let records = r.records.values.reduce(0, +)
            let where_ = r.published ? " published" : (r.runFolder.map { " (not published; see \($0))" } ?? "")
            return "cscpipe \(pipeline): \(r.outcome.summary); \(records) records, "
                + (counts.isEmpty ? "no issues" : counts.joined(separator: ", "))
                + String(format: "; %.1f s", r.seconds) + where_ + "; exit \(r.outcome.exitCode)"
        }
    }
}

/// A `YYYY-MM-DD` command-line value.
struct DayArgument: ExpressibleByArgument {
    let day: Day
    init?(argument: String) {
        guard let d = Day(iso: argument) else { return nil }
        day = d
    }
}
