import ArgumentParser
import Foundation
import Pipeline

@main
struct CSCPipe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cscpipe",
        abstract: "Children's services data pipeline: extract the statutory returns and case-system exports, normalise, validate, and load datasets and an exception report.",
        version: CSCPipeVersion.current,
        subcommands: [Run.self, Validate.self, Inspect.self, Synth.self, Rules.self, Bench.self]
    )

    /// Parses and runs, mapping argument errors to exit code 2 (DESIGN.md's
    /// "usage or configuration error") instead of ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardError.write("error: \(fullMessage(for: error))\n(see `cscpipe --help`)\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
