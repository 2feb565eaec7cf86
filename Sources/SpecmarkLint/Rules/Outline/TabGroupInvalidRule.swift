import SpecmarkContract
import SpecmarkMarkdown

/// A DocFX tab group does not start with the HTTP tab, is not closed with ---, or repeats a tab.
struct TabGroupInvalidRule: LintRule {
    let description = RuleDescription(
        id: "tab-group-invalid",
        family: .outline,
        summary: "a DocFX tab group does not start with #tab/http, is not closed with ---, or repeats a tab",
        defaultSeverity: .warning,
        rationale: """
            Example tabs (`# [HTTP](#tab/http)`, `# [C#](#tab/csharp)`, …) render as one group only when they \
            follow each other and end with a `---` line; the HTTP tab comes first so readers see the request \
            itself. An unclosed group swallows the headings after it into the last tab.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ### Request
                1️⃣# [C#](#tab/csharp)1️⃣
                [!INCLUDE [sample](snippet.md)]
                # [HTTP](#tab/http)
                ```http
                GET /widgets
                ```
                2️⃣# [C#](#tab/csharp)2️⃣
                [!INCLUDE [sample](snippet.md)]

                ---

                ### Response
                """,
                messages: [
                    "tab group starts with 'C#' (#tab/csharp); the HTTP tab (#tab/http) comes first",
                    "tab 'C#' (#tab/csharp) appears twice in one tab group",
                ]),
            // A heading before any `---` line leaves the group open.
            RuleExample(
                """
                ### Request
                1️⃣# [HTTP](#tab/http)1️⃣
                ```http
                GET /widgets
                ```
                # [C#](#tab/csharp)
                [!INCLUDE [sample](snippet.md)]

                ### Response
                """,
                messages: ["tab group opened here is not closed with a '---' line"]),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ### Request
                # [HTTP](#tab/http)
                ```http
                GET /widgets
                ```
                # [C#](#tab/csharp)
                [!INCLUDE [sample](snippet.md)]

                ---

                ### Response
                """)
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard !page.tabMarkers.isEmpty else { return }
        enum Event {
            case tab(TabMarker), close, heading
        }
        var events: [(SourcePosition, Event)] = page.tabMarkers.map { ($0.range.start, .tab($0)) }
        events += page.thematicBreaks.map { ($0.start, .close) }
        events += page.headings.map { ($0.range.start, .heading) }
        events.sort { $0.0 < $1.0 }
        var group: [TabMarker] = []
        // Groups are anchored by their place on the page, not their line, so baselines survive edits above them.
        var ordinal = 0
        func finish(closed: Bool) {
            defer { group = [] }
            guard let first = group.first else { return }
            ordinal += 1
            let base = first.tabID.firstPiece(separatedBy: UInt8(ascii: "/")).map(String.init) ?? first.tabID
            if base != "http" {
                report.report(
                    .httpTabNotFirst(first),
                    at: first.range, anchor: "tabs#\(ordinal):first")
            }
            var seen = Set<String>()
            for tab in group where !seen.insert(tab.tabID).inserted {
                report.report(
                    .tabRepeated(tab), at: tab.range,
                    anchor: "tabs#\(ordinal):\(tab.tabID)")
            }
            if !closed {
                report.report(
                    .tabGroupUnclosed, at: first.range,
                    anchor: "tabs#\(ordinal):unclosed")
            }
        }
        for (_, event) in events {
            switch event {
            case .tab(let marker): group.append(marker)
            case .close: finish(closed: true)
            case .heading: if !group.isEmpty { finish(closed: false) }
            }
        }
        if !group.isEmpty { finish(closed: false) }
    }
}

extension FindingMessage {
    fileprivate static func httpTabNotFirst(_ first: TabMarker) -> FindingMessage {
        FindingMessage(
            "tab group starts with '\(first.title)' (#tab/\(first.tabID)); the HTTP tab (#tab/http) comes first")
    }

    fileprivate static func tabRepeated(_ tab: TabMarker) -> FindingMessage {
        FindingMessage("tab '\(tab.title)' (#tab/\(tab.tabID)) appears twice in one tab group")
    }

    fileprivate static let tabGroupUnclosed = FindingMessage("tab group opened here is not closed with a '---' line")
}
