import Foundation
import SpecmarkContract

/// SARIF 2.1.0, as GitHub code scanning and other viewers read it.
///
/// Columns are converted from Specmark's UTF-8 byte columns to UTF-16 code units (`columnKind`), the end column
/// is made exclusive as SARIF wants, artifact URIs are relative to `%SRCROOT%`, and `partialFingerprints` carry
/// the baseline fingerprint. Suppressed findings are reported with an `inSource` suppression.
public enum SARIFReporter {
    public static func render(_ input: ReportInput) -> String {
        let rules = input.rules.sorted { $0.id < $1.id }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        var artifacts: [String] = []
        var artifactIndex: [String: Int] = [:]
        func artifact(_ file: String) -> Int {
            if let index = artifactIndex[file] { return index }
            artifactIndex[file] = artifacts.count
            artifacts.append(file)
            return artifacts.count - 1
        }
        let results = input.diagnostics.map { diagnostic -> Result in
            let location = physicalLocation(
                diagnostic.location, input: input, index: artifact(diagnostic.location.file))
            var related: [RelatedLocation] = []
            for (offset, note) in diagnostic.notes.enumerated() {
                guard let noteLocation = note.location else { continue }
                related.append(
                    RelatedLocation(
                        id: offset + 1, message: Message(text: note.message),
                        physicalLocation: physicalLocation(
                            noteLocation, input: input, index: artifact(noteLocation.file))))
            }
            let notesWithoutPlace = diagnostic.notes.filter { $0.location == nil }.map(\.message)
            let text = ([diagnostic.message] + notesWithoutPlace).joined(separator: "; ")
            return Result(
                ruleId: diagnostic.ruleID, ruleIndex: ruleIndex[diagnostic.ruleID], level: level(diagnostic.severity),
                message: Message(text: text), locations: [Location(physicalLocation: location)],
                relatedLocations: related.isEmpty ? nil : related,
                partialFingerprints: diagnostic.fingerprint.isEmpty ? nil : ["specmark/v1": diagnostic.fingerprint],
                suppressions: diagnostic.suppression.map {
                    [
                        SARIFSuppression(
                            kind: "inSource", justification: $0.justification.isEmpty ? nil : $0.justification)
                    ]
                },
                baselineState: diagnostic.baselineState.map { $0 == .new ? "new" : "unchanged" })
        }
        let root = input.root.hasSuffix("/") ? input.root : input.root + "/"
        let log = Log(runs: [
            Run(
                tool: Tool(
                    driver: Driver(
                        name: "Specmark", version: input.toolVersion, semanticVersion: input.toolVersion,
                        informationUri: input.informationURI,
                        rules: rules.map { rule in
                            ReportingDescriptor(
                                id: rule.id, name: camelCase(rule.id), shortDescription: Message(text: rule.summary),
                                fullDescription: Message(text: rule.rationale),
                                help: MultiformatMessage(
                                    text:
                                        "\(rule.summary)\n\n\(rule.rationale)\n\nRun `specmark explain \(rule.id)` for examples.",
                                    markdown:
                                        "**\(rule.summary)**\n\n\(rule.rationale)\n\nRun `specmark explain \(rule.id)` for examples."
                                ),
                                defaultConfiguration: Configuration(level: level(rule.defaultSeverity)),
                                properties: Properties(tags: [rule.family]))
                        })),
                originalUriBaseIds: ["%SRCROOT%": ArtifactLocation(uri: fileURI(root), uriBaseId: nil, index: nil)],
                artifacts: artifacts.map { Artifact(location: artifactLocation($0, index: nil)) },
                results: results, columnKind: "utf16CodeUnits")
        ])
        return JSONReporter.encode(log)
    }

    private static func physicalLocation(_ location: SourceLocation, input: ReportInput, index: Int) -> PhysicalLocation
    {
        let range = location.range
        let startLine = input.sourceLine(location.file, range.start.line)
        let endLine = input.sourceLine(location.file, range.end.line)
        let start = max(1, range.start.line)
        let startColumn = max(1, Columns.utf16Column(range.start.column, in: startLine))
        var endLineNumber = max(start, range.end.line)
        // SARIF's end column is exclusive; Specmark's is inclusive.
        var endColumn = Columns.utf16Column(range.end.column + 1, in: endLine)
        if endLineNumber == start && endColumn <= startColumn {
            endColumn = startColumn + 1
            endLineNumber = start
        }
        return PhysicalLocation(
            artifactLocation: artifactLocation(location.file, index: index),
            region: Region(
                startLine: start, startColumn: startColumn, endLine: endLineNumber, endColumn: max(1, endColumn)))
    }

    private static func artifactLocation(_ file: String, index: Int?) -> ArtifactLocation {
        if file.hasPrefix("/") { return ArtifactLocation(uri: fileURI(file), uriBaseId: nil, index: index) }
        return ArtifactLocation(uri: percentEncoded(file), uriBaseId: "%SRCROOT%", index: index)
    }

    private static func fileURI(_ path: String) -> String {
        "file://" + percentEncoded(path)
    }

    /// Percent-encodes what a URI path may not hold (RFC 3986 unreserved characters and `/` stay).
    static func percentEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.append(Character(UnicodeScalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// `response-status-mismatch` → `ResponseStatusMismatch`.
    private static func camelCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    // MARK: - SARIF objects

    struct Log: Codable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Codable {
        var tool: Tool
        var originalUriBaseIds: [String: ArtifactLocation]
        var artifacts: [Artifact]
        var results: [Result]
        var columnKind: String
    }

    struct Tool: Codable { var driver: Driver }

    struct Driver: Codable {
        var name: String
        var version: String
        var semanticVersion: String
        var informationUri: String
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Codable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: MultiformatMessage
        var defaultConfiguration: Configuration
        var properties: Properties
    }

    struct Configuration: Codable { var level: String }
    struct Properties: Codable { var tags: [String] }
    struct Message: Codable { var text: String }

    struct MultiformatMessage: Codable {
        var text: String
        var markdown: String
    }

    struct Artifact: Codable { var location: ArtifactLocation }

    struct ArtifactLocation: Codable {
        var uri: String
        var uriBaseId: String?
        var index: Int?
    }

    struct Result: Codable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [RelatedLocation]?
        var partialFingerprints: [String: String]?
        var suppressions: [SARIFSuppression]?
        var baselineState: String?
    }

    struct Location: Codable { var physicalLocation: PhysicalLocation }

    struct RelatedLocation: Codable {
        var id: Int
        var message: Message
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Codable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct Region: Codable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
    }

    struct SARIFSuppression: Codable {
        var kind: String
        var justification: String?
    }
}
