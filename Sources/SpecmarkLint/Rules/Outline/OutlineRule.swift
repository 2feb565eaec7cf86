import SpecmarkContract
import SpecmarkMarkdown

/// A required section of the page outline is missing; the same pass reports misspelt headings, headings in
/// another case and sections out of order.
struct OutlineRule: LintRule {
    static let order = "outline-section-order"
    static let misspelt = "outline-heading-misspelt"
    static let headingCase = "outline-heading-case"
    static let docType = "front-matter-doc-type"

    let description = RuleDescription(
        id: "outline-section-missing",
        family: .outline,
        summary: "a page lacks a section its outline requires",
        defaultSeverity: .warning,
        rationale: """
            Method pages have Permissions, HTTP request, Request headers, Request body, Response and Example(s) \
            sections, in that order; resource pages have a JSON representation. Readers and tools find things by \
            these headings. The outline is configurable (`outline:` in .specmark.yml, or a Graph repository's \
            document-outline.json through `graph-config`).
            """,
        triggeringExamples: [
            RuleExample(
                """
                ---
                doc_type: apiPageType
                ---
                1️⃣# Get widget1️⃣
                ## Permissions
                ## HTTP request
                ```http
                GET /widgets/{id}
                ```
                ## Request headers
                ## Response
                ## Examples
                """,
                messages: ["page has no 'Request body' section (level 2)"]),
            // A section with alternative titles names them all.
            RuleExample(
                """
                ---
                doc_type: apiPageType
                ---
                1️⃣# Delete widget1️⃣
                ## Permissions
                ## HTTP request
                ```http
                DELETE /widgets/{id}
                ```
                ## Request headers
                ## Request body
                ## Response
                """,
                messages: ["page has no 'Example' or 'Examples' section (level 2)"]),
            RuleExample(
                """
                ---
                doc_type: resourcePageType
                ---
                1️⃣# widget resource type1️⃣
                ## Properties
                |Property|Type|Description|
                |:---|:---|:---|
                |id|String|The identifier.|
                """, file: "resources/widget.md",
                messages: ["page has no 'JSON representation' section (level 2)"]),
            // The outline is configurable.
            RuleExample(
                """
                ---
                doc_type: apiPageType
                ---
                1️⃣# Get widget1️⃣
                ## HTTP request
                ```http
                GET /widgets/{id}
                ```
                ## Response
                """,
                messages: ["page has no 'Errors' section (level 2)"],
                options: .with {
                    $0.outline[.method] = [
                        OutlineSection(title: "HTTP request", level: 2), OutlineSection(title: "Errors", level: 2),
                    ]
                }),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ---
                doc_type: apiPageType
                ---
                # Get widget
                ## Permissions
                ## HTTP request
                ```http
                GET /widgets/{id}
                ```
                ## Optional query parameters
                ## Request headers
                ## Request body
                ## Response
                ## Example
                """),
            // A misspelt heading is that section, misspelt (outline-heading-misspelt), not a missing one.
            RuleExample(
                """
                ---
                doc_type: apiPageType
                ---
                # Get widget
                ## Permissions
                ## HTTP request
                ```http
                GET /widgets/{id}
                ```
                ## Request headers
                ## Request body
                ## Reponse
                ## Examples
                """),
            // Properties and Relationships are optional on a resource page.
            RuleExample(
                """
                ---
                doc_type: resourcePageType
                ---
                # widget resource type
                ## JSON representation
                <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->
                ```json
                { "id": "String" }
                ```
                """, file: "resources/widget.md"),
        ]
    )

    let reportsFor = [order, misspelt, headingCase, docType]

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        // A doc_type that contradicts the page's content would make every outline finding misleading.
        if !page.kindIsInferred, let actual = Self.kindFromContent(page), actual != page.kind,
            let entry = page.frontMatter?["doc_type"]
        {
            report.report(
                .docTypeContradicted(page.kind, actual),
                at: entry.valueRange, anchor: "doc_type", ruleID: Self.docType)
            return
        }
        guard let outline = context.options.outline[page.kind], !outline.isEmpty else { return }
        // Method outlines apply to pages that declare a method, not to overview pages typed as methods.
        if page.kind == .method, page.method?.declaredPaths.isEmpty ?? true { return }
        // Headings and matches by index: binding each heading would copy it (a retain for each of its strings).
        let headings = page.headings
        var matched: [(section: Int, heading: Int)] = []
        var missing: [Int] = []
        for (index, section) in outline.enumerated() {
            var found = false
            for heading in headings.indices
            where headings[heading].level == section.level
                && section.matcher.matches(headings[heading].text, ignoringCase: true)
            {
                // Only the first match, unless the section may appear more than once.
                if found && !section.allowsMultiple { break }
                found = true
                matched.append((index, heading))
                let text = headings[heading].text
                if !section.matcher.matches(text, ignoringCase: false) {
                    let preferred = Self.preferred(section.title, for: text)
                    report.report(
                        .headingCase(text.trimmingSpaces(), preferred),
                        at: headings[heading].range, anchor: "heading:\(section.title):case",
                        ruleID: Self.headingCase, fix: Self.fix(headings[heading], to: preferred))
                }
            }
            if !found && section.isRequired {
                missing.append(index)
            }
        }
        let known = Set(matched.map { headings[$0.heading].range })
        for index in missing {
            let section = outline[index]
            let alternatives = section.title.splitBytes(UInt8(ascii: "|")).map(String.init)
            // A heading at the right level that is a near miss of the title is that section, misspelt.
            if let nearMiss = headings.first(where: { heading in
                heading.level == section.level && !known.contains(heading.range)
                    && alternatives.contains {
                        closestMatch(to: heading.text.trimmingSpaces(), in: [$0], maximumDistance: 3) != nil
                    }
            }) {
                let written = nearMiss.text.trimmingSpaces()
                let intended = closestMatch(to: written, in: alternatives, maximumDistance: 3) ?? alternatives[0]
                report.report(
                    .headingMisspelt(written, alternatives[0]),
                    at: nearMiss.range,
                    anchor: "heading:\(section.title):misspelt", ruleID: Self.misspelt,
                    fix: Self.fix(nearMiss, to: intended))
                continue
            }
            let anchorRange = headings.first { $0.level == 1 }?.range ?? SourceRange(1, 1, 1, 1)
            report.report(
                .sectionMissing(alternatives, level: section.level),
                at: anchorRange,
                anchor: "section:\(section.title)")
        }
        // Order: each matched section must not come before one the outline puts earlier.
        let ordered = matched.sorted { headings[$0.heading].range.start < headings[$1.heading].range.start }
        var highest = -1
        var reported = false
        for entry in ordered {
            if entry.section < highest, !reported {
                let later = outline[highest].title.firstPiece(separatedBy: UInt8(ascii: "|")).map(String.init) ?? ""
                report.report(
                    .sectionOutOfOrder(headings[entry.heading].text.trimmingSpaces(), after: later),
                    at: headings[entry.heading].range, anchor: "order:\(outline[entry.section].title)",
                    ruleID: Self.order)
                reported = true
            }
            highest = max(highest, entry.section)
        }
    }

    /// What the content says the page is, when it says so clearly: HTTP methods and no resource, or a resource
    /// and no HTTP method.
    static func kindFromContent(_ page: PageContract) -> PageKind? {
        let declaresMethod = !(page.method?.declaredPaths.isEmpty ?? true)
        let definesResource = !page.resources.isEmpty
        if declaresMethod && !definesResource && (page.kind == .resource || page.kind == .enumeration) {
            return .method
        }
        if definesResource && !declaresMethod && page.kind == .method { return .resource }
        return nil
    }

    /// Whether a heading's text matches an outline title (`*` any text, `|` alternatives).
    static func title(_ text: String, matches pattern: String, ignoringCase: Bool) -> Bool {
        // Asked for every heading against every outline title: both marks found in one pass over the bytes.
        var hasAlternatives = false
        var wildcard = false
        var pattern = pattern
        pattern.withUTF8 { bytes in
            for byte in bytes {
                if byte == UInt8(ascii: "|") {
                    hasAlternatives = true
                } else if byte == UInt8(ascii: "*") {
                    wildcard = true
                }
            }
        }
        guard hasAlternatives else {
            // A wildcard pattern is compared without case either way (as the outline has always done).
            return TitleMatcher.matches(text, pattern: pattern, wildcard: "*", ignoringCase: ignoringCase || wildcard)
        }
        return TitleMatcher.matchesAlternative(text, pattern: pattern, wildcard: "*", ignoringCase: ignoringCase)
    }

    /// The alternative a heading was meant to be.
    private static func preferred(_ pattern: String, for text: String) -> String {
        let alternatives = pattern.splitBytes(UInt8(ascii: "|")).map(String.init)
        return alternatives.first { $0.lowercased() == text.trimmingSpaces().lowercased() } ?? alternatives[0]
    }
}

extension OutlineRule {
    /// A method page whose headings follow the default outline: what the outline rules' examples are once fixed.
    static let conformingMethodPage = """
        ---
        doc_type: apiPageType
        ---
        # Get widget
        ## Permissions
        ## HTTP request
        ```http
        GET /widgets/{id}
        ```
        ## Request headers
        ## Request body
        ## Response
        ## Examples
        """

    /// The heading's words written as the outline's title, inside whatever markup the heading has; none for a
    /// title with a wildcard, which names no one heading.
    static func fix(_ heading: Heading, to title: String) -> Fix? {
        guard !title.contains("*") else { return nil }
        return Fix(
            "Write '\(title)'",
            edits: [
                FixEdit(
                    range: heading.range, change: .replaceOccurrence(of: heading.text.trimmingSpaces(), with: title))
            ])
    }
}

extension FindingMessage {
    fileprivate static func docTypeContradicted(_ written: PageKind, _ actual: PageKind) -> FindingMessage {
        let evidence =
            actual == .method
            ? "declares an HTTP method and no resource" : "defines a resource and declares no HTTP method"
        return FindingMessage(
            "doc_type is \(written.rawValue) but the page \(evidence); it should be \(actual.rawValue)")
    }

    fileprivate static func headingCase(_ heading: String, _ preferred: String) -> FindingMessage {
        FindingMessage("heading '\(visible(heading))' is written '\(preferred)' in the outline")
    }

    fileprivate static func headingMisspelt(_ heading: String, _ section: String) -> FindingMessage {
        FindingMessage("heading '\(visible(heading))' looks like a misspelling of '\(section)'")
    }

    fileprivate static func sectionMissing(_ alternatives: [String], level: Int) -> FindingMessage {
        FindingMessage("page has no '\(alternatives.joined(separator: "' or '"))' section (level \(level))")
    }

    fileprivate static func sectionOutOfOrder(_ section: String, after later: String) -> FindingMessage {
        FindingMessage("section '\(visible(section))' comes after '\(visible(later))', but the outline puts it before")
    }
}
