import SpecmarkContract
import SpecmarkMarkdown
import Testing

@testable import SpecmarkLint

/// Runs every fixable rule's examples through its fixes: each triggering example becomes its `fixed` text, and
/// fixing that again changes nothing; rules that are not fixable offer no fix.
@Suite struct RuleFixesTests {
    static let fixable = BuiltInRules.all.filter(\.description.isFixable).map(\.description.id)

    /// The page after the rule's fixes, applied in passes as `lint --fix` applies them, and how many passes changed it.
    static func fixed(_ example: RuleExample, by rule: any LintRule) async -> (text: String, passes: Int) {
        var bytes = MarkedText(example.markdown).bytes
        var passes = 0
        for _ in 1...LintFixer.maximumPasses {
            let found = await RuleExamplesTests.findings(of: rule, in: example, page: bytes)
            let outcome = FixApplier.apply(found.compactMap(\.fix), to: bytes)
            guard outcome.bytes != bytes else { break }
            bytes = outcome.bytes
            passes += 1
        }
        return (String(decoding: bytes, as: UTF8.self), passes)
    }

    @Test func theFixableRulesAreThoseTheIssueNames() {
        #expect(
            Set(Self.fixable) == [
                "body-content-type-missing", "http-reason-phrase", "permissions-label-unknown",
                "permissions-not-supported-spelling", "outline-heading-misspelt", "outline-heading-case",
                "metadata-property-type-mismatch", "metadata-enum-member-missing",
            ])
    }

    @Test(arguments: fixable)
    func everyTriggeringExampleBecomesItsFixedText(_ id: String) async throws {
        let rule = try #require(BuiltInRules.rule(withID: id))
        for example in rule.description.triggeringExamples {
            let expected = try #require(
                example.fixed, "\(id): every triggering example of a fixable rule shows its fix")
            let (text, passes) = await Self.fixed(example, by: rule)
            #expect(text == expected, "\(id)")
            #expect(passes <= 1, "\(id): the fixes of one example apply in one pass")
            // Fixed once, nothing is left to fix.
            let again = await RuleExamplesTests.findings(of: rule, in: example, page: Array(text.utf8))
            #expect(again.allSatisfy { $0.fix.map { FixApplier.resolve($0, in: Array(text.utf8)) } == nil }, "\(id)")
        }
    }

    @Test(arguments: BuiltInRules.all.filter { !$0.description.isFixable }.map(\.description.id))
    func rulesThatAreNotFixableOfferNoFix(_ id: String) async throws {
        let rule = try #require(BuiltInRules.rule(withID: id))
        if RuleExamplesTests.withoutExamples.contains(id) { return }
        for example in rule.description.triggeringExamples {
            let (_, found) = await RuleExamplesTests.findings(of: rule, in: example)
            #expect(found.allSatisfy { $0.fix == nil }, "\(id)")
        }
    }
}

extension RuleFixesTests {
    /// A type cell that also holds prose is reported but not rewritten: the fix would lose the author's words.
    @Test func aTypeCellWithProseIsNotRewritten() async throws {
        let rule = try #require(BuiltInRules.rule(withID: "metadata-property-type-mismatch"))
        let example = RuleExample(
            MetadataExamples.widget.replacing(
                "|isActive|Boolean|Whether it is active.|", with: "|isActive|String (yes or no)|Whether it is active.|"),
            file: "resources/widget.md", otherPages: MetadataExamples.pages(without: "resources/widget.md"),
            metadata: MetadataExamples.csdl)
        let (_, found) = await RuleExamplesTests.findings(of: rule, in: example)
        #expect(
            found.map { "\($0.message)" } == [
                "property 'isActive' of microsoft.graph.widget is String here, but Boolean in the metadata"
            ])
        #expect(found.allSatisfy { $0.fix == nil })
    }
}
