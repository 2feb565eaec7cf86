import ArgumentParser
import Logging

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only findings and errors; no progress or summary lines.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Log what Specmark does (to stderr).")
    var verbose = false

    /// The logger the libraries receive; it writes to stderr.
    func makeLogger(label: String = "specmark") -> Logger {
        var logger = Logger(label: label) { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = verbose ? .debug : (quiet ? .error : .warning)
        return logger
    }
}
