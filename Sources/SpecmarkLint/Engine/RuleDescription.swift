public import SpecmarkContract
import SpecmarkMarkdown
import SpecmarkMetadata

/// The families rules are grouped in (for listings, JUnit suites and documentation).
public enum RuleFamily: String, Hashable, Sendable, CaseIterable, Codable {
    case files, markdown, annotations, codeBlocks = "code-blocks", http, bodies, requests, pairing, paths, status
    case resources, permissions, parameters, links, outline
    /// What the service's CSDL `$metadata` contradicts (with `--metadata`).
    case metadata
    /// What `specmark replay` finds comparing a service's answers with the docs.
    case replay
}

/// A Markdown snippet for a rule's documentation and tests.
///
/// `1️⃣`, `2️⃣`, … mark where findings start; the same marker a second time marks the end of that finding (it
/// follows the finding's last character). `messages` lists what each finding says, by marker number; the
/// generic test checks starts, ends and messages, and `specmark explain` prints the example.
public struct RuleExample: Hashable, Sendable {
    /// The page, with markers.
    public var markdown: String
    /// The page's path (matters for rules that look at folders or links).
    public var file: String
    /// Other pages of the same doc set, by path (no markers), for rules that look across pages.
    public var otherPages: [String: String]
    /// The messages of the findings, in marker order (`1️⃣` first); empty for a non-triggering example.
    public var messages: [String]
    /// The options the example runs with (an option the behaviour depends on).
    public var options: RuleOptions
    /// The service metadata (CSDL XML) the example is checked against, for the metadata rules.
    public var metadata: String?
    /// For a fixable rule, the page after `lint --fix` (no markers): the generic test applies the findings' fixes
    /// and compares, and `specmark explain` shows it.
    public var fixed: String?

    public init(
        _ markdown: String, file: String = "api/example.md", otherPages: [String: String] = [:],
        messages: [String] = [], options: RuleOptions = RuleOptions(), metadata: String? = nil, fixed: String? = nil
    ) {
        self.markdown = markdown
        self.file = file
        self.otherPages = otherPages
        self.messages = messages
        self.options = options
        self.metadata = metadata
        self.fixed = fixed
    }
}

/// What a rule is, for users and for the generic test: id, summary, default severity, rationale, examples.
public struct RuleDescription: Hashable, Sendable {
    /// The stable kebab-case id; never renamed once released.
    public var id: String
    public var family: RuleFamily
    /// One line, lower-case, no final period.
    public var summary: String
    public var defaultSeverity: Severity
    /// Whether the rule runs unless configuration turns it on.
    public var isEnabledByDefault: Bool
    /// Why the rule exists and what to do about a finding.
    public var rationale: String
    /// Pages where the rule must report, at each marker.
    public var triggeringExamples: [RuleExample] {
        get { examples.value.triggering }
        set { examples = Examples(triggering: newValue, nonTriggering: nonTriggeringExamples) }
    }
    /// Pages where the rule must stay silent.
    public var nonTriggeringExamples: [RuleExample] {
        get { examples.value.nonTriggering }
        set { examples = Examples(triggering: triggeringExamples, nonTriggering: newValue) }
    }
    /// The examples, made the first time they are read: a lint reads none, and building every rule's pages
    /// (metadata snippets, pages edited from others) was a millisecond of every run's start.
    private var examples: Examples

    /// Whether `lint --fix` (and an editor's quick fix) can repair the rule's findings: a rule is fixable when its
    /// examples show the fixed page.
    public var isFixable: Bool { triggeringExamples.contains { $0.fixed != nil } }

    public init(
        id: String, family: RuleFamily, summary: String, defaultSeverity: Severity, isEnabledByDefault: Bool = true,
        rationale: String, triggeringExamples: @autoclosure @escaping @Sendable () -> [RuleExample],
        nonTriggeringExamples: @autoclosure @escaping @Sendable () -> [RuleExample]
    ) {
        self.id = id
        self.family = family
        self.summary = summary
        self.defaultSeverity = defaultSeverity
        self.isEnabledByDefault = isEnabledByDefault
        self.rationale = rationale
        self.examples = Examples { (triggeringExamples(), nonTriggeringExamples()) }
    }

    public static func == (lhs: RuleDescription, rhs: RuleDescription) -> Bool {
        lhs.id == rhs.id && lhs.family == rhs.family && lhs.summary == rhs.summary
            && lhs.defaultSeverity == rhs.defaultSeverity && lhs.isEnabledByDefault == rhs.isEnabledByDefault
            && lhs.rationale == rhs.rationale && lhs.triggeringExamples == rhs.triggeringExamples
            && lhs.nonTriggeringExamples == rhs.nonTriggeringExamples
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(family)
        hasher.combine(summary)
        hasher.combine(defaultSeverity)
        hasher.combine(isEnabledByDefault)
        hasher.combine(rationale)
        hasher.combine(triggeringExamples)
        hasher.combine(nonTriggeringExamples)
    }
}

extension RuleDescription {
    /// A rule's examples, made once by whichever thread reads them first.
    fileprivate final class Examples: Sendable {
        final class Made: Sendable {
            let triggering: [RuleExample]
            let nonTriggering: [RuleExample]

            init(_ examples: (triggering: [RuleExample], nonTriggering: [RuleExample])) {
                triggering = examples.triggering
                nonTriggering = examples.nonTriggering
            }
        }

        private let make: @Sendable () -> (triggering: [RuleExample], nonTriggering: [RuleExample])
        private let made = LazyReference<Made>()

        init(_ make: @escaping @Sendable () -> (triggering: [RuleExample], nonTriggering: [RuleExample])) {
            self.make = make
        }

        convenience init(triggering: [RuleExample], nonTriggering: [RuleExample]) {
            self.init { (triggering, nonTriggering) }
        }

        var value: Made {
            made.load() ?? made.storeIfNil(Made(make()))
        }
    }
}
