import SpecmarkContract
import SpecmarkMarkdown

/// A page lacks a required front-matter field, or leaves it empty.
struct FrontMatterRequiredRule: LintRule {
    let description = RuleDescription(
        id: "front-matter-required",
        family: .outline,
        summary: "a page lacks a required front-matter field, or leaves it empty",
        defaultSeverity: .warning,
        rationale: """
            The docs site builds titles, search descriptions, ownership and the table of contents from front \
            matter. The required fields are configurable (`front-matter.required`; Graph's defaults are title, \
            description, author, localization_priority, ms.prod and doc_type). Include files (under an \
            `includes` folder) are fragments, not pages, and are not checked.
            """,
        triggeringExamples: [
            RuleExample(
                """
                1️⃣---
                title: "Get widget"
                2️⃣description2️⃣: ""
                author: someone
                localization_priority: Normal
                ms.prod: widgets
                ---1️⃣
                # Get widget
                """,
                messages: ["front matter has no doc_type", "front matter key 'description' is empty"]),
            // A page with headings and no front matter at all.
            RuleExample(
                """
                1️⃣#1️⃣ Get widget
                Read the properties of a widget.
                """,
                messages: [
                    """
                    page has no front matter (title, description, author, localization_priority, ms.prod, doc_type are \
                    required)
                    """
                ]),
            // The required fields are configurable; every missing one is named in one finding.
            RuleExample(
                """
                1️⃣---
                title: "Get widget"
                ---1️⃣
                # Get widget
                """,
                messages: ["front matter has no ms.topic, ms.author"],
                options: .with { $0.requiredFrontMatter = ["title", "ms.topic", "ms.author"] }),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ---
                title: "Get widget"
                description: "Read a widget."
                author: someone
                localization_priority: Normal
                ms.prod: widgets
                doc_type: apiPageType
                ---
                # Get widget
                """),
            RuleExample(
                """
                ---
                title: "Get widget"
                ---
                # Get widget
                """,
                options: .with { $0.requiredFrontMatter = ["title"] }),
            // An include file is a fragment of other pages, not a page.
            RuleExample(
                """
                ## Note
                Widgets are shipped in pairs.
                """, file: "includes/widget-note.md"),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard !context.options.requiredFrontMatter.isEmpty,
            !("/" + page.file + "/").containsBytes("/includes/")
        else {
            return
        }
        // Front matter that does not parse has its own finding; its keys are unknown, not missing.
        if page.issues.contains(where: { $0.kind == .frontMatterInvalid || $0.kind == .frontMatterUnclosed }) {
            return
        }
        guard let frontMatter = page.frontMatter else {
            // A page without any front matter that is not a page of the docs (a fragment) is left alone.
            guard page.kind != .conceptual || !page.headings.isEmpty else { return }
            report.report(
                .frontMatterMissing(required: context.options.requiredFrontMatter),
                at: SourceRange(1, 1, 1, 1), anchor: "front-matter")
            return
        }
        var missing: [String] = []
        var empty: [String] = []
        for key in context.options.requiredFrontMatter {
            guard let entry = frontMatter[key] else {
                missing.append(key)
                continue
            }
            switch entry.value {
            case .null: empty.append(key)
            case .string(let value) where value.trimmingSpaces().isEmpty: empty.append(key)
            case .list(let values) where values.isEmpty: empty.append(key)
            default: break
            }
        }
        if !missing.isEmpty {
            report.report(
                .keysMissing(missing), at: frontMatter.range,
                anchor: "front-matter:missing:\(missing.joined(separator: ","))")
        }
        for key in empty {
            report.report(
                .keyEmpty(key), at: frontMatter[key]?.keyRange ?? frontMatter.range,
                anchor: "front-matter:empty:\(key)")
        }
    }
}

extension FindingMessage {
    fileprivate static func frontMatterMissing(required: [String]) -> FindingMessage {
        FindingMessage("page has no front matter (\(required.joined(separator: ", ")) are required)")
    }

    fileprivate static func keysMissing(_ keys: [String]) -> FindingMessage {
        FindingMessage("front matter has no \(keys.joined(separator: ", "))")
    }

    fileprivate static func keyEmpty(_ key: String) -> FindingMessage {
        FindingMessage("front matter key '\(key)' is empty")
    }
}
