import ArgumentParser
import Logging
import SpecmarkContract
import SpecmarkLint

extension MetadataOptions {
    /// Reads the doc set under `paths` the way `.specmark.yml` selects it, with the metadata of the configuration
    /// (or of `--metadata`) applied; an unreadable root or metadata file is exit status 2, said on stderr.
    func loadDocSet(_ paths: [String], logger: Logger) async throws -> (DocSet, SpecmarkConfiguration) {
        var configuration = try ConfigurationLoader.loadOrExit(paths: paths, logger: logger)
        apply(to: &configuration)
        do {
            var docs = try await DocSet.load(
                paths, configuration: configuration.extraction, logger: logger, select: configuration.selects)
            if !configuration.metadata.isEmpty {
                docs.apply(try MetadataCatalog.load(configuration.metadata, display: DisplayPath().callAsFunction))
            }
            return (docs, configuration)
        } catch {
            Terminal.standardError.write("error: \(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
    }
}
