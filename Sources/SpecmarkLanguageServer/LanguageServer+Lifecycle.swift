import Foundation
import Logging
import SpecmarkContract
import SpecmarkLint

extension LanguageServer {
    /// Answers `initialize`: negotiates the position encoding and notes the workspace root.
    func initialize(_ params: InitializeParams) -> InitializeResult {
        encoding = PositionEncoding.negotiate(params.capabilities?.general?.positionEncodings)
        clientProcessID = params.processId
        let folder = params.workspaceFolders?.first?.uri ?? params.rootUri
        root = folder.flatMap(Self.path(fromURI:)) ?? params.rootPath ?? FileManager.default.currentDirectoryPath
        watchesFiles = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration == true
        state = .running
        logger.info("initialized", metadata: ["root": "\(root ?? "")", "encoding": "\(encoding.rawValue)"])
        return InitializeResult(
            capabilities: .init(
                positionEncoding: encoding.rawValue,
                codeActionProvider: .init(codeActionKinds: [CodeActionKind.quickFix, CodeActionKind.fixAll])),
            serverInfo: .init(name: "specmark", version: SpecmarkVersion.current))
    }

    /// After `initialized`: asks for file events (when the client registers watchers) and reads the doc set.
    func initialized() {
        if watchesFiles {
            let watchers = ["**/*.md", "**/.specmark.yml"].map {
                RegistrationParams.WatchOptions.Watcher(globPattern: $0)
            }
            let registration = RegistrationParams(registrations: [
                .init(
                    id: "specmark-files", method: "workspace/didChangeWatchedFiles",
                    registerOptions: .init(watchers: watchers))
            ])
            write(
                OutgoingMessage.request(
                    .string("register-\(nextRequestID)"), "client/registerCapability", params: registration))
            nextRequestID += 1
        }
        loadWorkspace()
    }

    /// Reads the workspace's doc set in the background; open documents are linted once it is read.
    func loadWorkspace() {
        guard let root else { return }
        let options = self.options
        let logger = self.logger
        workspaceLoad?.cancel()
        activity += 1
        workspaceLoad = Task {
            let started = ContinuousClock.now
            let loaded: Result<LintWorkspace, LintRun.Failure>
            do {
                var configuration = try ConfigurationLoader.load(
                    paths: [root], explicit: options.configurationPath, logger: logger)
                // Without a configuration file, the workspace folder is the doc set's root.
                if configuration.path == nil { configuration.directory = root }
                let cache = options.usesCache ? configuration.directory + "/.specmark-cache" : nil
                loaded = .success(
                    try await LintWorkspace.load(
                        root: root, configuration: configuration, cacheDirectory: cache, logger: logger))
            } catch let error as ConfigurationError {
                loaded = .failure(LintRun.Failure(description: "\(error)"))
            } catch let error as LintRun.Failure {
                loaded = .failure(error)
            } catch {
                loaded = .failure(LintRun.Failure(description: "\(error)"))
            }
            self.workspaceLoaded(loaded, after: ContinuousClock.now - started)
        }
    }

    private func workspaceLoaded(_ result: Result<LintWorkspace, LintRun.Failure>, after elapsed: Duration) {
        switch result {
        case .success(var loaded):
            // Documents opened while the set was read stand for their files.
            loaded.update(Dictionary(uniqueKeysWithValues: documents.values.map { ($0.path, Optional($0.text.bytes)) }))
            stale = []
            workspace = loaded
            forgetFindings()
            logger.info(
                "workspace read", metadata: ["pages": "\(loaded.docs.pages.count)", "elapsed": "\(elapsed)"])
            for uri in documents.keys { schedule(uri, after: .zero) }
        case .failure(let error):
            logger.error("workspace not read", metadata: ["reason": "\(error)"])
            show("Specmark could not read the workspace: \(error)", type: 1)
        }
    }

    /// The file path a `file:` URI names; nil for another scheme.
    static func path(fromURI uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    /// The `file:` URI of a path (relative to the current directory, or absolute).
    static func uri(fromPath path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.absoluteString
    }
}

/// The code action kinds the server offers.
enum CodeActionKind {
    static let quickFix = "quickfix"
    static let fixAll = "source.fixAll.specmark"
}
