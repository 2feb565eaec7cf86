import ArgumentParser
import SpecmarkContract
import SpecmarkLint

/// `--metadata`, on every command that reads a doc set.
struct MetadataOptions: ParsableArguments {
    @Option(
        name: .customLong("metadata"),
        help: ArgumentHelp(
            "Check against the service's CSDL $metadata: FILE for every page, or VERSION=FILE for the pages of one API version (repeatable; replaces 'metadata:' in .specmark.yml).",
            valueName: "[VERSION=]FILE"))
    var sources: [String] = []

    /// The command line's metadata replaces the configuration's.
    func apply(to configuration: inout SpecmarkConfiguration) {
        guard !sources.isEmpty else { return }
        configuration.metadata = sources.map(MetadataSource.init(argument:))
    }
}
