import SpecmarkContract
import SpecmarkMarkdown

/// A Permissions row's label is not one of the three permission types, or is misspelt.
struct PermissionsLabelUnknownRule: LintRule {
    let description = RuleDescription(
        id: "permissions-label-unknown",
        family: .permissions,
        summary: "a Permissions row's label is not one of the three permission types, or is misspelt",
        defaultSeverity: .warning,
        rationale: """
            Rows are labelled exactly `Delegated (work or school account)`, `Delegated (personal Microsoft \
            account)` and `Application`; tools key on the label, so a missing parenthesis or another wording \
            makes the row unreadable to them. Workload sub-rows under a Delegated or Application row \
            (`&nbsp; **Device management** | …`), indented with no-break spaces or bold under a row that lists \
            nothing itself, belong to that row and are no labels of their own.
            """,
        triggeringExamples: [
            RuleExample(
                """
                ## Permissions
                |Permission type|Permissions (from least to most privileged)|
                |:---|:---|
                |1️⃣Delegated (personal Microsoft account1️⃣|Not supported.|
                |2️⃣Service principal2️⃣|Widget.Read.All|
                |3️⃣Aplication3️⃣|Widget.Read.All|
                |4️⃣**Widget management**4️⃣|Widget.ReadWrite.All|
                |5️⃣Delegated\u{00A0}(work or school account5️⃣|Widget.Read|
                """,
                messages: [
                    """
                    permission type 'Delegated (personal Microsoft account' should be written 'Delegated (personal \
                    Microsoft account)'
                    """,
                    """
                    'Service principal' is not a permission type (Delegated (work or school account), Delegated \
                    (personal Microsoft account), Application)
                    """,
                    """
                    'Aplication' is not a permission type (Delegated (work or school account), Delegated (personal \
                    Microsoft account), Application); did you mean 'Application'?
                    """,
                    """
                    'Widget management' is not a permission type (Delegated (work or school account), Delegated \
                    (personal Microsoft account), Application)
                    """,
                    """
                    permission type 'Delegated<U+00A0>(work or school account' should be written 'Delegated (work or \
                    school account)'
                    """,
                ],
                fixed: """
                    ## Permissions
                    |Permission type|Permissions (from least to most privileged)|
                    |:---|:---|
                    |Delegated (personal Microsoft account)|Not supported.|
                    |Service principal|Widget.Read.All|
                    |Application|Widget.Read.All|
                    |**Widget management**|Widget.ReadWrite.All|
                    |Delegated (work or school account)|Widget.Read|
                    """),
            // The label's markup stays; only its words change.
            RuleExample(
                """
                ## Permissions
                |Permission type|Permissions (from least to most privileged)|
                |:---|:---|
                |1️⃣**Delegated (work or school account**1️⃣|Widget.Read|
                """,
                messages: [
                    """
                    permission type 'Delegated (work or school account' should be written 'Delegated (work or school \
                    account)'
                    """
                ],
                fixed: """
                    ## Permissions
                    |Permission type|Permissions (from least to most privileged)|
                    |:---|:---|
                    |**Delegated (work or school account)**|Widget.Read|
                    """),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                ## Permissions
                |Permission type|Permissions (from least to most privileged)|
                |:---|:---|
                |Delegated (work or school account)|Widget.Read|
                |Delegated (personal Microsoft account)|Not supported.|
                |Application|Widget.Read.All|
                """),
            // Workload sub-rows list the permissions of the Delegated or Application row above them.
            RuleExample(
                """
                ## Permissions
                |Permission type|Permissions (from least to most privileged)|
                |:---|:---|
                |Delegated (work or school account)||
                | &nbsp; &nbsp; **Widget management** | Widget.Read.All |
                | &nbsp; &nbsp; **Enrolment** | WidgetEnrolment.ReadWrite.All |
                |Delegated (personal Microsoft account)|Not supported.|
                |Application||
                |**Widget management**|Widget.Read.All|
                """),
        ]
    )

    func check(_ page: PageContract, in docs: DocSet, context: RuleContext, report: inout Findings) {
        guard let permissions = page.method?.permissions else { return }
        // A table where no row names a permission type is another kind of table (scenarios, resources).
        for table in permissions.tables where table.rows.contains(where: { $0.kind != nil }) {
            for row in table.rows where !row.labelIsExact {
                if let kind = row.kind {
                    report.report(
                        .labelSpelling(row.label, kind.rawValue), at: row.labelRange,
                        anchor: "permissions:\(row.label)", fix: Self.fix(row, to: kind.rawValue))
                } else {
                    let names = PermissionKind.allCases.map(\.rawValue)
                    let suggestion = closestMatch(to: row.label, in: names, maximumDistance: 12)
                    // Only a typo is fixed: a suggestion further off may be another kind of row.
                    let typo = closestMatch(to: row.label, in: names, maximumDistance: 2)
                    report.report(
                        .notAPermissionType(row.label, suggestion: suggestion),
                        at: row.labelRange, anchor: "permissions:\(row.label)", fix: typo.map { Self.fix(row, to: $0) })
                }
            }
        }
    }
}

extension PermissionsLabelUnknownRule {
    /// The label's words written as the permission type, inside whatever markup the cell has.
    static func fix(_ row: PermissionRow, to label: String) -> Fix {
        Fix(
            "Write '\(label)'",
            edits: [FixEdit(range: row.labelRange, change: .replaceOccurrence(of: row.label, with: label))])
    }
}

extension FindingMessage {
    fileprivate static func labelSpelling(_ label: String, _ canonical: String) -> FindingMessage {
        FindingMessage("permission type '\(visible(label))' should be written '\(canonical)'")
    }

    fileprivate static func notAPermissionType(_ label: String, suggestion: String?) -> FindingMessage {
        FindingMessage(
            "'\(visible(label))' is not a permission type (Delegated (work or school account), Delegated (personal Microsoft account), Application)",
            suggesting: suggestion
        )
    }
}
