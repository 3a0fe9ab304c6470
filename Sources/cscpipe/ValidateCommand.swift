import ArgumentParser
import Pipeline

extension CSCPipe {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a pipeline, the files it names and its reference data without running it.")

        @Argument(help: "The pipeline file (YAML).")
        var pipeline: String

        func run() throws {
            do {
                let report = try PipelineValidator.validate(path: pipeline)
                print(report)
            } catch {
                StandardError.write("error: \(error)\n")
                throw ExitCode(2)
            }
        }
    }
}
