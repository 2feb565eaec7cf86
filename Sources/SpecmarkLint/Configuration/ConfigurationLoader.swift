import Foundation
public import Logging
import SpecmarkContract

/// Finds and reads the configuration the way every command does.
public enum ConfigurationLoader {
    /// The configuration for a run over `paths`: the file `explicit` names, else the nearest `.specmark.yml` at or
    /// above the first path, else (or when `disabled`) the defaults for the current directory.
    ///
    /// Every rule a configuration may name, lint and replay alike, is known to the reader.
    public static func load(
        paths: [String], explicit: String? = nil, disabled: Bool = false, logger: Logger? = nil
    ) throws(ConfigurationError) -> SpecmarkConfiguration {
        let path = disabled ? nil : (explicit ?? SpecmarkConfiguration.locate(startingAt: paths.first ?? "."))
        guard let path else { return SpecmarkConfiguration(directory: FileManager.default.currentDirectoryPath) }
        let configuration = try SpecmarkConfiguration.load(
            DisplayPath()(path), knownRules: BuiltInRules.configurable.map(\.description.id))
        logger?.debug("configuration", metadata: ["path": "\(path)"])
        return configuration
    }
}
