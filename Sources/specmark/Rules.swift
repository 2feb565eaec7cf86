import ArgumentParser
import SpecmarkLint

extension Specmark {
    /// `specmark rules`: lists every rule.
    struct Rules: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "List every rule with its default severity and summary.")

        func run() async throws {
            Terminal.standardOutput.write(RuleCatalog.listing)
        }
    }

    /// `specmark explain RULE`: prints one rule's rationale and examples.
    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain", abstract: "Print a rule's rationale and examples.")

        @Argument(help: "The rule id, as 'specmark rules' lists it.")
        var rule: String

        func validate() throws {
            guard BuiltInRules.rule(withID: rule) != nil else {
                let suggestion = RuleCatalog.suggestion(for: rule)
                throw ValidationError("unknown rule '\(rule)'\(suggestion.map { "; did you mean '\($0)'?" } ?? "")")
            }
        }

        func run() async throws {
            if let explanation = RuleCatalog.explanation(of: rule) { Terminal.standardOutput.write(explanation) }
        }
    }
}
