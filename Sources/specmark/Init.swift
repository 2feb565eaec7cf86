import ArgumentParser
import Foundation
import SpecmarkLint

extension Specmark {
    /// `specmark init`: writes a commented starter `.specmark.yml`.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: "Write a commented starter .specmark.yml.")

        @Option(help: "Where to write it.")
        var path = SpecmarkConfiguration.fileName

        @Flag(help: "Overwrite an existing file.")
        var force = false

        func run() async throws {
            if FileManager.default.fileExists(atPath: path) && !force {
                Terminal.standardError.write("error: \(path) already exists; use --force to replace it\n")
                throw ExitCode(ExitStatus.usage)
            }
            do {
                try Data(Self.starter.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                Terminal.standardError.write("error: cannot write \(path): \(error.localizedDescription)\n")
                throw ExitCode(ExitStatus.usage)
            }
            Terminal.standardOutput.write("wrote \(path)\n")
        }

        static let starter = """
            # Specmark configuration (https://github.com/specmark/specmark). Every key is optional.
            version: 1

            # Pages to check and to skip, relative to this file. Patterns: * within a folder, ** across folders.
            # include: ["api-reference/**"]
            exclude: ["**/includes/**"]

            # When the run fails: error (default), warning or never; and a ceiling on warnings.
            fail-on: error
            # max-warnings: 100

            # Rule severities: off, note, warning or error. `specmark rules` lists them.
            rules:
              # example-unannotated: off
              # http-reason-phrase: note

            # Rule options.
            # options:
            #   unannotated-examples: mixed-pages    # or: all

            # Service roots stripped from example URLs (the Graph roots by default).
            # service-roots:
            #   - https://graph.microsoft.com/v1.0
            #   - https://graph.microsoft.com/beta

            # Path prefixes that stand for others when matching examples to declared paths.
            # path-aliases:
            #   /me: /users/{id}

            # Different settings for some files, later entries winning.
            # overrides:
            #   - files: ["**/intune-*.md"]
            #     treat-errors-as: warning
            #     rules:
            #       table-cell-count: off

            # Front matter every page must have.
            # front-matter:
            #   required: [title, description, author, localization_priority, ms.prod, doc_type]

            # Permission names known to be valid (a list, or a file with one name a line).
            # permissions:
            #   known-file: permissions.txt

            # Site-absolute link prefixes that are not checked.
            # links:
            #   ignore-prefixes: [/graph, /azure]

            # A Graph docs repository's ApiDoctor configuration folder: table headings, link ignores, service
            # roots, required front matter, workloads whose errors are warnings, outline, standard headers.
            # graph-config: api-reference/v1.0/config

            """
    }
}
