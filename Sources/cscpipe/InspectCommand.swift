import ArgumentParser
import Extractors

extension CSCPipe {
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say what each file is (CIN census and its collection year, ...), or why it is not recognised.")

        @Argument(help: "Files to inspect.")
        var files: [String]

        func run() throws {
            for file in files {
                print("\(file): \(FileInspector.inspect(path: file).summary)")
            }
        }
    }
}
