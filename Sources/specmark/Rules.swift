import ArgumentParser
import SpecmarkContract
import SpecmarkLint
import SpecmarkMarkdown
import SpecmarkReplay

extension Specmark {
    /// `specmark rules`: lists every rule.
    struct Rules: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every rule with its default severity and summary.")

        func run() async throws {
            let rules = BuiltInRules.all.map(\.description).sorted {
                ($0.family.rawValue, $0.id) < ($1.family.rawValue, $1.id)
            }
            let width = rules.map(\.id.count).max() ?? 0
            var output = ""
            var family: RuleFamily?
            for rule in rules {
                if rule.family != family {
                    output += (family == nil ? "" : "\n") + "\(rule.family.rawValue)\n"
                    family = rule.family
                }
                let id = rule.id.padded(toLength: width)
                let severity = (rule.isEnabledByDefault ? rule.defaultSeverity.rawValue : "off").padded(toLength: 7)
                output += "  \(id)  \(severity)  \(rule.summary)\n"
            }
            output += "\nreplay (reported by 'specmark replay')\n"
            for rule in ReplayRules.all {
                output +=
                    "  \(rule.id.padded(toLength: width))  \(rule.severity.rawValue.padded(toLength: 7))  \(rule.summary)\n"
            }
            output +=
                "\n\(rules.count) lint rules, \(ReplayRules.all.count) replay rules. 'specmark explain RULE' prints a rule's rationale and examples.\n"
            Terminal.standardOutput.write(output)
        }
    }

    /// `specmark explain RULE`: prints one rule's rationale and examples.
    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a rule's rationale and examples.")

        @Argument(help: "The rule id, as 'specmark rules' lists it.")
        var rule: String

        func validate() throws {
            guard BuiltInRules.rule(withID: rule) != nil || ReplayRules.rule(withID: rule) != nil else {
                let suggestion = closestMatch(
                    to: rule, in: BuiltInRules.all.map(\.description.id) + ReplayRules.all.map(\.id))
                throw ValidationError("unknown rule '\(rule)'\(suggestion.map { "; did you mean '\($0)'?" } ?? "")")
            }
        }

        func run() async throws {
            if let replay = ReplayRules.rule(withID: rule) {
                Terminal.standardOutput.write(
                    "\(replay.id) (replay, \(replay.severity.rawValue))\n\(replay.summary)\n\n\(replay.rationale)\n")
                return
            }
            guard let description = BuiltInRules.rule(withID: rule)?.description else { return }
            var output =
                "\(description.id) (\(description.family.rawValue), \(description.isEnabledByDefault ? description.defaultSeverity.rawValue : "off by default"))\n"
            output += "\(description.summary)\n\n\(description.rationale)\n"
            if !description.triggeringExamples.isEmpty {
                output += "\nReports (1️⃣ marks where):\n"
                for example in description.triggeringExamples { output += Self.render(example) }
            }
            if !description.nonTriggeringExamples.isEmpty {
                output += "\nDoes not report:\n"
                for example in description.nonTriggeringExamples { output += Self.render(example) }
            }
            Terminal.standardOutput.write(output)
        }

        private static func render(_ example: RuleExample) -> String {
            var text = "\n  \(example.file):\n"
            for line in example.markdown.split(separator: "\n", omittingEmptySubsequences: false).dropLast(
                example.markdown.hasSuffix("\n") ? 1 : 0)
            {
                text += "    \(line)\n"
            }
            for (path, page) in example.otherPages.sorted(by: { $0.key < $1.key }) {
                text += "  with \(path):\n"
                for line in page.split(separator: "\n", omittingEmptySubsequences: false).dropLast(
                    page.hasSuffix("\n") ? 1 : 0)
                {
                    text += "    \(line)\n"
                }
            }
            return text
        }
    }
}
