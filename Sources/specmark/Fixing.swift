import Foundation
import Logging
import SpecmarkContract
import SpecmarkLint

/// `lint --fix` and `--fix-dry-run`: the safe fixes of a lint applied to the pages, written back atomically or
/// printed as a unified diff.
struct Fixing {
    let outcome: LintRun.Outcome
    let docs: DocSet
    let configuration: SpecmarkConfiguration
    let logger: Logger

    /// Fixes the pages; writes them (or, for a dry run, prints the diff) and says what changed on stderr.
    func run(dryRun: Bool, quiet: Bool) async -> LintFixer.Outcome {
        let paths = outcome.paths
        let checked = outcome.files.compactMap { docs.pageIndex[$0] }
        let fixer = LintFixer(linter: Linter(configuration: configuration.lint), extraction: configuration.extraction)
        let fixed = await fixer.fix(
            docs, diagnostics: outcome.diagnostics, pages: checked.count == docs.pages.count ? nil : checked,
            logger: logger,
            read: { file in
                guard let path = paths[file], case .success(let bytes) = FileReader.read(path) else { return nil }
                return bytes
            })
        let count = fixed.changes.reduce(0) { $0 + $1.applied.count }
        let files = "\(fixed.changes.count) file\(fixed.changes.count == 1 ? "" : "s")"
        if dryRun {
            for change in fixed.changes { Terminal.standardOutput.write(change.diff) }
            if !quiet {
                Terminal.standardError.write(
                    "\(count) fix\(count == 1 ? "" : "es") in \(files) would be applied (dry run: nothing written)\n")
            }
            return fixed
        }
        var written = 0
        for change in fixed.changes {
            guard let path = paths[change.file] else { continue }
            do {
                try Self.write(change.fixed, to: path)
                written += 1
            } catch {
                Terminal.standardError.write("error: \(change.file): could not write the fixes: \(error)\n")
                continue
            }
            if !quiet {
                for applied in change.applied {
                    Terminal.standardError.write("\(applied.location): fixed \(applied.ruleID): \(applied.title)\n")
                }
            }
        }
        if !quiet {
            Terminal.standardError.write("fixed \(count) finding\(count == 1 ? "" : "s") in \(files)\n")
        }
        return fixed
    }

    /// Writes `bytes` over `path` through a temporary file renamed over it, keeping the file's permissions.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let manager = FileManager.default
        let permissions = (try? manager.attributesOfItem(atPath: path))?[.posixPermissions]
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        if let permissions {
            try? manager.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
        }
    }
}
