import SpecmarkContract
import SpecmarkMarkdown

/// The text `specmark rules` and `specmark explain` print.
public enum RuleCatalog {
    /// Every lint rule by family, then the replay rules, each with its default severity and summary.
    public static var listing: String {
        let rules = BuiltInRules.all.map(\.description).sorted {
            ($0.family.rawValue, $0.id) < ($1.family.rawValue, $1.id)
        }
        let replay = BuiltInRules.replay.map(\.description).sorted { $0.id < $1.id }
        let width = (rules + replay).map(\.id.count).max() ?? 0
        func line(_ rule: RuleDescription) -> String {
            let severity = (rule.isEnabledByDefault ? rule.defaultSeverity.rawValue : "off").padded(toLength: 7)
            let fixable = rule.isFixable ? " [fixable]" : ""
            return "  \(rule.id.padded(toLength: width))  \(severity)  \(rule.summary)\(fixable)\n"
        }
        var output = ""
        var family: RuleFamily?
        for rule in rules {
            if rule.family != family {
                output += (family == nil ? "" : "\n") + "\(rule.family.rawValue)\n"
                family = rule.family
            }
            output += line(rule)
        }
        output += "\nreplay (reported by 'specmark replay')\n"
        for rule in replay { output += line(rule) }
        let fixable = rules.count(where: \.isFixable)
        output +=
            "\n\(rules.count) lint rules, \(replay.count) replay rules. 'specmark explain RULE' prints a rule's rationale and examples.\n"
            + "\(fixable) rules are [fixable]: 'specmark lint --fix' repairs their findings, and an editor offers the same fixes.\n"
        return output
    }

    /// The rule's id, family and severity, summary, rationale and examples; nil for an unknown id.
    public static func explanation(of id: String) -> String? {
        guard let description = BuiltInRules.rule(withID: id)?.description else { return nil }
        var output =
            "\(description.id) (\(description.family.rawValue), \(description.isEnabledByDefault ? description.defaultSeverity.rawValue : "off by default"))\n"
        output += "\(description.summary)\n\n\(description.rationale)\n"
        if description.isFixable {
            output += "\nFixable: 'specmark lint --fix' repairs its findings (each example shows the page after it).\n"
        }
        if !description.triggeringExamples.isEmpty {
            output += "\nReports (1️⃣ marks where; the same marker again, where it ends):\n"
            for example in description.triggeringExamples { output += render(example) }
        }
        if !description.nonTriggeringExamples.isEmpty {
            output += "\nDoes not report:\n"
            for example in description.nonTriggeringExamples { output += render(example) }
        }
        // The service metadata the examples are checked against, once each (examples share one).
        var printed: [String] = []
        for metadata in (description.triggeringExamples + description.nonTriggeringExamples).compactMap(\.metadata)
        where !printed.contains(metadata) {
            printed.append(metadata)
            output +=
                "\nmetadata.xml\(printed.count > 1 ? " (\(printed.count))" : ""), the service metadata of the examples:\n"
            for line in lines(of: metadata) { output += "    \(line)\n" }
        }
        return output
    }

    /// The closest known id to an unknown one, for "did you mean".
    public static func suggestion(for id: String) -> String? {
        closestMatch(to: id, in: BuiltInRules.configurable.map(\.description.id))
    }

    private static func render(_ example: RuleExample) -> String {
        var text = "\n  \(example.file):\n"
        for line in lines(of: example.markdown) { text += "    \(line)\n" }
        for (path, page) in example.otherPages.sorted(by: { $0.key < $1.key }) {
            text += "  with \(path):\n"
            for line in lines(of: page) { text += "    \(line)\n" }
        }
        if example.metadata != nil { text += "  with --metadata metadata.xml (below)\n" }
        let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]
        for (marker, message) in zip(markers, example.messages) { text += "  \(marker) \(message)\n" }
        if let fixed = example.fixed {
            text += "  after 'specmark lint --fix':\n"
            for line in lines(of: fixed) { text += "    \(line)\n" }
        }
        return text
    }

    private static func lines(of text: String) -> ArraySlice<Substring> {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
    }
}
