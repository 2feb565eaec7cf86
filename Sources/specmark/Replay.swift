import ArgumentParser
import Foundation
import Logging
import SpecmarkContract
import SpecmarkLint
import SpecmarkReplay
import SpecmarkReport

extension Specmark {
    /// `specmark replay PATH...`: sends the documented requests and reports where the service and the docs disagree.
    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "replay",
            abstract: "Send the documented request examples and compare the answers with the documented responses.",
            discussion: """
                Give --base-url for a running service (one URL, or v1.0=URL,beta=URL), or --mock to replay \
                against Specmark's own mock of the same pages. Against a service only GET and HEAD are sent \
                unless --allow-writes (narrowed by --allow). Status, Content-Type, documented headers and the \
                body's properties and JSON types are compared; mismatches are reported at the documented \
                response's lines. --params supplies ids and placeholder values, captures and ordering. Secrets \
                from --token-env and --header never appear in output or recordings.

                Exit status: 0 every example passed or was skipped; 1 an example failed or could not be \
                completed; 2 usage, configuration or I/O error.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var metadata: MetadataOptions
        @OptionGroup var output: OutputOptions

        @Option(
            name: .customLong("base-url"),
            help: ArgumentHelp(
                "The service to replay against: one URL, or VERSION=URL pairs (v1.0=https://…,beta=https://…).",
                valueName: "URL"))
        var baseURL: String?

        @Flag(help: "Replay against the built-in mock of the same pages (on a free loopback port).")
        var mock = false

        @Option(
            name: .customLong("token-env"),
            help: ArgumentHelp(
                "Send 'Authorization: Bearer' with the token in this environment variable.", valueName: "NAME"))
        var tokenEnvironment: String?

        @Option(
            name: .customLong("header"),
            help: ArgumentHelp(
                "Add a header to every request (repeatable); its value is redacted from all output.",
                valueName: "NAME: VALUE"))
        var headers: [String] = []

        @Option(
            help: ArgumentHelp("Values, captures and ordering for examples (YAML; see the README).", valueName: "FILE"))
        var params: String?

        @Flag(help: "Send POST, PUT, PATCH and DELETE examples to the service too.")
        var allowWrites = false

        @Option(
            name: .customLong("allow"),
            help: ArgumentHelp(
                "With --allow-writes, send only mutating examples whose name (wildcards *) or method matches (repeatable).",
                valueName: "PATTERN"))
        var allowPatterns: [String] = []

        @Option(help: "How many requests are in flight at once.")
        var concurrency = 4

        @Option(help: "Seconds one request (headers and body) may take.")
        var timeout: Double = 30

        @Option(help: "Seconds the whole run may take; examples not started by then are skipped.")
        var deadline: Double?

        @Option(help: "Attempts per example when the service answers 429 or 503 or the connection fails.")
        var attempts = 3

        @Option(help: "Response bodies larger than this many bytes fail the example.")
        var maxBodySize = 16 << 20

        @Option(help: "What is compared in bodies: types (presence and JSON types) or values (also stable literals).")
        var compare: ReplayOptions.CompareMode = .types

        @Option(
            help: ArgumentHelp(
                "Write one HAR 1.2 file per exchange to this directory (secrets redacted).", valueName: "DIR"))
        var record: String?

        @Option(
            help: "Read configuration (which files to include) from this file instead of the nearest .specmark.yml.")
        var config: String?

        @Argument(help: "Files or directories with the pages whose examples to replay.")
        var paths: [String] = ["."]

        func validate() throws {
            try output.validate()
            if baseURL != nil && mock { throw ValidationError("--base-url and --mock exclude each other") }
            if baseURL == nil && !mock { throw ValidationError("give --base-url URL or --mock") }
            if let baseURL, ReplayOptions.baseURLs(from: baseURL) == nil {
                throw ValidationError("--base-url takes http(s) URLs, one or as VERSION=URL pairs, not '\(baseURL)'")
            }
            guard concurrency >= 1 else { throw ValidationError("--concurrency must be 1 or more") }
            guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
            if let deadline, deadline <= 0 { throw ValidationError("--deadline must be positive") }
            guard attempts >= 1 else { throw ValidationError("--attempts must be 1 or more") }
            guard maxBodySize > 0 else { throw ValidationError("--max-body-size must be positive") }
            if !allowPatterns.isEmpty && !allowWrites {
                throw ValidationError("--allow narrows --allow-writes; give both")
            }
            for header in headers where Self.splitHeader(header) == nil {
                throw ValidationError("--header takes 'Name: value'")
            }
        }

        func run() async throws {
            let logger = global.makeLogger(label: "specmark.replay")
            var configuration = try ConfigurationLoader.loadOrExit(paths: paths, explicit: config, logger: logger)
            metadata.apply(to: &configuration)
            let options = try makeOptions()
            if !mock, options.token != nil,
                options.baseURLs.values.contains(where: { $0.hasPrefix("http://") && !Self.isLoopback($0) })
            {
                logger.warning("the token is sent over plain http; use https for anything but a local service")
            }
            let result: ReplayResult
            do {
                result = try await ReplayRun(
                    .init(paths: paths, configuration: configuration, options: options, mock: mock), logger: logger
                ).run()
            } catch {
                Terminal.standardError.write("error: \(error)\n")
                throw ExitCode(ExitStatus.usage)
            }
            let input = result.reportInput(
                root: FileManager.default.currentDirectoryPath,
                sourceLines: output.quotesSourceLines ? await SourceLines.read(for: result.diagnostics) : [:])
            try output.emit(
                input, quiet: global.quiet, title: "Specmark replay report",
                ruleDocumentation: configuration.ruleDocumentation)
            throw ExitCode(
                result.cases.contains { $0.outcome == .failed || $0.outcome == .error }
                    ? ExitStatus.findings : ExitStatus.clean)
        }

        private func makeOptions() throws -> ReplayOptions {
            var options = ReplayOptions(
                baseURLs: baseURL.flatMap(ReplayOptions.baseURLs(from:)) ?? [:], isLive: !mock,
                allowWrites: allowWrites, allowPatterns: allowPatterns, concurrency: concurrency,
                timeout: .milliseconds(Int(timeout * 1000)), deadline: deadline.map { .milliseconds(Int($0 * 1000)) },
                maximumAttempts: attempts, maximumBodySize: maxBodySize, compare: compare, recordDirectory: record)
            if let tokenEnvironment {
                guard let token = ProcessInfo.processInfo.environment[tokenEnvironment], !token.isEmpty else {
                    Terminal.standardError.write(
                        "error: --token-env: the environment variable \(tokenEnvironment) is not set\n")
                    throw ExitCode(ExitStatus.usage)
                }
                options.token = Secret(token)
            }
            options.extraHeaders = headers.compactMap(Self.splitHeader).map { (name: $0.0, value: Secret($0.1)) }
            if let params {
                do {
                    options.parameters = try ReplayParameters.load(params)
                } catch {
                    Terminal.standardError.write("error: --params \(error)\n")
                    throw ExitCode(ExitStatus.usage)
                }
            }
            return options
        }

        static func splitHeader(_ text: String) -> (String, String)? {
            guard let colon = text.firstIndex(of: ":") else { return nil }
            let name = text[..<colon].trimmingCharacters(in: .whitespaces)
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return name.isEmpty || name.contains(" ") ? nil : (name, value)
        }

        static func isLoopback(_ url: String) -> Bool {
            guard let host = URL(string: url)?.host else { return false }
            return host == "localhost" || host == "127.0.0.1" || host == "::1" || host == "[::1]"
        }
    }
}

extension ReplayOptions.CompareMode: ExpressibleByArgument {}
