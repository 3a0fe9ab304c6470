import ArgumentParser
import CSCCore
import Foundation
import Synthesis

extension CSCPipe {
    struct Synth: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a coherent synthetic council's inputs (no real person in it). Same seed, same bytes.")

        @Option(help: "How many children the CIN census holds (each with up to three years of earlier history); the looked-after among them also go into the SSDA903 files.")
        var children: Int

        @Option(help: "Random seed.")
        var seed: UInt64 = 1

        @Option(help: "Folder to write into.")
        var out: String

        @Option(help: "The as-of date (YYYY-MM-DD); the CIN census is the collection year containing it. Default: today.")
        var asOf: DayArgument?

        func validate() throws {
            guard children >= 1 else { throw ValidationError("--children must be at least 1") }
        }

        func run() throws {
            let asOfDay = asOf?.day ?? Self.today()
            let result: SynthResult
            do {
                result = try Synthesizer.write(SynthOptions(children: children, seed: seed, asOf: asOfDay), to: out)
            } catch {
                StandardError.write("error: cannot write the synthetic council to \(out): \(error)\n")
                throw ExitCode(2)
            }
            for f in result.files { print("\(out)/\(f)") }
            let total = result.records.values.reduce(0, +)
            print("synthetic council: \(result.children) children, \(total) canonical records, as of \(asOfDay.iso), seed \(seed)")
        }

        static func today() -> Day {
            let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
            return Day(year: c.year!, month: c.month!, day: c.day!)!
        }
    }
}
