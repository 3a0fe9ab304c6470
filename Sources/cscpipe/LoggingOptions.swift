import ArgumentParser
import Logging

/// `--quiet` and `--log-format`, shared by the commands that run work.
struct LoggingOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only warnings and the one-line summary (the default when not on a terminal, e.g. under cron).")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print progress even when not on a terminal.")
    var verbose = false

    @Option(name: .long, help: "Log line format: text or json (for log collectors).")
    var logFormat: LogFormat = .text

    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    var showsProgress: Bool { verbose || (!quiet && StandardError.isTerminal) }

    func makeLogger(label: String) -> Logger {
        let level: Logger.Level = showsProgress ? .info : .warning
        let format: ConsoleLogHandler.Format = logFormat == .json ? .json : .text
        return Logger(label: label) { l in ConsoleLogHandler(logLevel: level, format: format, label: l) }
    }
}
