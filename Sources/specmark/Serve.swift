import ArgumentParser
import Hummingbird
import Logging
import SpecmarkContract
import SpecmarkLint
import SpecmarkMock
import SpecmarkOpenAPI

extension Specmark {
    /// `specmark serve PATH...`: serves the documented examples as a mock API.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the documented examples as a mock API.",
            discussion: """
                Each request example answers with the response it is paired with, on its own path and on the \
                page's declared path templates (GET /users/{id} answers for any id); a page's examples also answer \
                the templates it declares but shows no example of. Several examples on one route: 'Prefer: \
                example=NAME' picks one, then the one that fits best: the exact path, the template of the \
                request's shape, the response type the route names and the page about it, then the same query \
                and body. JSON is served strict and type-correct unless --verbatim. GET \
                /__specmark/health and /__specmark/coverage report on the server; GET /__specmark/openapi.json is the \
                served pages as an OpenAPI 3.1 document (made on first request). Stops cleanly on SIGINT or SIGTERM.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var metadata: MetadataOptions

        @Option(help: "The address to bind (loopback by default; use 0.0.0.0 to accept other machines).")
        var host = "127.0.0.1"

        @Option(help: "The port (0 for any free one).")
        var port = 4010

        @Flag(
            help: "Answer 400 to bodies the docs would reject: invalid JSON, no Content-Type, undocumented properties.")
        var validateRequests = false

        @Flag(
            help: """
                Serve every response byte for byte as documented. By default JSON bodies are served as strict \
                JSON with values their types reject replaced (X-Specmark-Adjusted names them), and redirects to \
                other hosts point at the mock.
                """)
        var verbatim = false

        @Option(help: "The largest request body accepted, in bytes (larger ones get 413).")
        var maxBodySize = 1 << 20

        @Argument(help: "Files or directories with the pages to serve.")
        var paths: [String] = ["."]

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
            guard maxBodySize > 0 else { throw ValidationError("--max-body-size must be positive") }
        }

        func run() async throws {
            var logger = global.makeLogger(label: "specmark.serve")
            if !global.quiet && !global.verbose { logger.logLevel = .info }
            var configuration = try ConfigurationLoader.loadOrExit(paths: paths, logger: logger)
            metadata.apply(to: &configuration)
            let scope: PageScope
            do {
                scope = try PageScope.resolve(paths, configuration: configuration)
            } catch {
                Terminal.standardError.write("error: \(error)\n")
                throw ExitCode(ExitStatus.usage)
            }
            // The pages named serve their examples; the rest of the doc set defines the types they validate with.
            let docs: DocSet
            let pages: Set<Int>?
            do {
                (docs, pages) = try await scope.load(configuration, logger: logger)
            } catch {
                Terminal.standardError.write("error: \(error)\n")
                throw ExitCode(ExitStatus.usage)
            }
            let catalog = MockCatalog(docs: docs, pages: pages, verbatim: verbatim)
            let openAPI = Self.openAPIDocument(docs: docs, pages: pages, logger: logger)
            let host = self.host
            let announcer = logger
            let served = pages?.count ?? docs.pages.count
            let app = buildMockApplication(
                docs: docs, pages: pages, catalog: catalog,
                configuration: MockConfiguration(
                    host: host, port: port, validateRequests: validateRequests, maximumBodySize: maxBodySize,
                    verbatim: verbatim, openAPIDocument: openAPI),
                logger: logger,
                onServerRunning: { port in
                    announcer.info(
                        "serving \(catalog.entries.count) examples from \(served) pages on http://\(host):\(port)"
                    )
                })
            try await app.runService()
        }

        /// The served pages as an OpenAPI document, for `GET /__specmark/openapi.json`: its server is the mock itself
        /// (a relative URL, with the pages' API version when they share one).
        static func openAPIDocument(docs: DocSet, pages: Set<Int>?, logger: Logger) -> OpenAPIDocumentSource {
            OpenAPIDocumentSource {
                let served = pages.map { Array($0) } ?? Array(docs.pages.indices)
                let versions = Set(served.compactMap { docs.pages[$0].apiVersion })
                let version = versions.count == 1 ? versions.first : nil
                let export = OpenAPIExport(
                    docs: docs,
                    options: OpenAPIExportOptions(
                        apiVersion: version, servers: [version.map { "/\($0)" } ?? "/"], pages: pages),
                    logger: logger)
                do {
                    return try export.encoded(as: .json)
                } catch {
                    logger.warning("cannot encode the OpenAPI document: \(error)")
                    return nil
                }
            }
        }
    }
}
