import Testing

@testable import SpecmarkLint

/// A rule's examples are made when they are first read, once, and take part in equality as before.
struct RuleDescriptionTests {
    final class Counter: @unchecked Sendable {
        var made = 0
    }

    @Test func examplesAreMadeOnceWhenFirstRead() {
        let counter = Counter()
        @Sendable func examples() -> [RuleExample] {
            counter.made += 1
            return [RuleExample("# Widgets\n", fixed: "# Widget\n")]
        }
        let description = RuleDescription(
            id: "sample", family: .outline, summary: "a sample", defaultSeverity: .warning, rationale: "none",
            triggeringExamples: examples(), nonTriggeringExamples: [RuleExample("# Widget\n")])
        #expect(counter.made == 0)
        #expect(description.triggeringExamples.map(\.markdown) == ["# Widgets\n"])
        #expect(description.nonTriggeringExamples.count == 1)
        #expect(description.isFixable)
        #expect(counter.made == 1)
        // Copies share what was made; an edit makes a description of its own.
        var edited = description
        #expect(edited == description)
        edited.triggeringExamples = []
        #expect(edited != description)
        #expect(!edited.isFixable && description.isFixable)
        #expect(edited.nonTriggeringExamples == description.nonTriggeringExamples)
        #expect(counter.made == 1)
    }
}
