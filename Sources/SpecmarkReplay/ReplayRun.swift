public import Logging
import SpecmarkContract
public import SpecmarkLint
import SpecmarkMock

/// One `specmark replay`: reads the doc set the configuration covers, plans the examples of the pages named, and
/// replays them against a service or against Specmark's own mock of the whole doc set.
public struct ReplayRun: Sendable {
    /// What to replay and where.
    public struct Request: Sendable {
        public var paths: [String]
        public var configuration: SpecmarkConfiguration
        /// Base URLs, secrets, safety, retries; `rules` is set from the configuration.
        public var options: ReplayOptions
        /// Replay against the mock (on a free loopback port) instead of `options.baseURLs`.
        public var mock: Bool

        public init(paths: [String], configuration: SpecmarkConfiguration, options: ReplayOptions, mock: Bool) {
            self.paths = paths
            self.configuration = configuration
            self.options = options
            self.mock = mock
        }
    }

    /// Why a replay could not start: a named path that does not exist, a plan that cannot be ordered, a mock that
    /// cannot listen.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public let request: Request
    public let logger: Logger

    public init(_ request: Request, logger: Logger) {
        self.request = request
        self.logger = logger
    }

    public func run() async throws(Failure) -> ReplayResult {
        let scope: PageScope
        do {
            scope = try PageScope.resolve(request.paths, configuration: request.configuration)
        } catch {
            throw Failure(description: error.description)
        }
        let docs: DocSet
        let pages: Set<Int>?
        do {
            (docs, pages) = try await scope.load(request.configuration, logger: logger)
        } catch {
            throw Failure(description: error.description)
        }
        var options = request.options
        options.rules = request.configuration.lint
        if request.mock {
            options.isLive = false
            options.preferExample = true
        }
        let plan: ReplayPlan
        do {
            plan = try ReplayPlan(docs: docs, options: options, pages: pages)
        } catch {
            throw Failure(description: "--params: \(error)")
        }
        guard request.mock else {
            return await ReplayEngine(docs: docs, options: options, logger: logger).run(plan)
        }
        // The mock serves the whole doc set, as in a run over all of it, so a page's examples get the same answers.
        var mockLogger = logger
        mockLogger.logLevel = .error
        let planned = options
        let logger = self.logger
        do {
            return try await withMockServer(
                docs: docs, configuration: MockConfiguration(host: "127.0.0.1", port: 0, verbatim: true),
                logger: mockLogger
            ) { port in
                var options = planned
                let root = "http://127.0.0.1:\(port)"
                options.baseURLs = [String: String](
                    uniqueKeysWithValues: MockCatalog(docs: docs).versions.map { ($0, "\(root)/\($0)") })
                options.baseURLs[""] = root
                logger.debug("mock listening", metadata: ["port": "\(port)"])
                return await ReplayEngine(docs: docs, options: options, logger: logger).run(plan)
            }
        } catch {
            throw Failure(description: "the mock could not start: \(error)")
        }
    }
}
