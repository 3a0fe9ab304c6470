import ArgumentParser
import CSCCore
import Foundation
import Pipeline

extension Benchmark.Part: ExpressibleByArgument {}

extension CSCPipe {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure CIN extraction, whole-run and SSDA903 throughput on synthetic data, next to xmllint and wc on the same files.",
            discussion: "Build in release mode first: swift run -c release cscpipe bench")

        @Option(help: "Children in the synthetic council.")
        var children: Int = 100_000

        @Option(help: "Random seed.")
        var seed: UInt64 = 1

        @Option(help: "Rounds of each measurement (the median is reported).")
        var rounds: Int = 3

        @Option(help: "Working folder (default: a new temporary folder, removed afterwards).")
        var dir: String?

        @Option(help: "Rows in the synthetic SSDA903 Episodes file (0 skips that part).")
        var episodeRows: Int = 1_000_000

        @Option(help: "Reference data folder.")
        var reference: String = "pipelines/reference"

        @Option(help: "Only this part: cin (CIN extraction, whole run, KPIs) or csv (SSDA903 and mapped CSV readers).")
        var only: Benchmark.Part?

        func run() throws {
            let folder = dir ?? NSTemporaryDirectory() + "cscpipe-bench-\(ProcessInfo.processInfo.processIdentifier)"
            defer { if dir == nil { try? FileManager.default.removeItem(atPath: folder) } }
            let options = Benchmark.Options(children: children, seed: seed, rounds: max(1, rounds), folder: folder,
                                            asOf: Day(iso: "2025-11-14")!, referenceFolder: reference,
                                            episodeRows: episodeRows, parts: only.map { [$0] } ?? Set(Benchmark.Part.allCases))
            do {
                try Benchmark(options: options, report: { print($0) }).run()
            } catch {
                StandardError.write("error: \(error)\n")
                throw ExitCode(2)
            }
        }
    }
}
