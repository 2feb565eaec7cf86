public import SpecmarkMarkdown

/// The kinds of permission a Permissions table row can be about.
public enum PermissionKind: String, Hashable, Sendable, Codable, CaseIterable {
    case delegatedWork = "Delegated (work or school account)"
    case delegatedPersonal = "Delegated (personal Microsoft account)"
    case application = "Application"
}

/// One permission name in a cell, with its range.
public struct PermissionName: Hashable, Sendable {
    public var name: String
    public var range: SourceRange
    /// Whether the cell joins it to the name before it with "and" (`Policy.Read.All and Application.Read.All`):
    /// the call needs both, not either.
    public var requiresPrevious = false
}

/// One row of a Permissions table.
public struct PermissionRow: Hashable, Sendable {
    /// The label as written (`Delegated (work or school account)`).
    public var label: String
    public var labelRange: SourceRange
    /// The kind the label names, if it could be recognised (exactly or as a near miss).
    public var kind: PermissionKind?
    /// Whether the label is spelt exactly as expected.
    public var labelIsExact: Bool
    /// The permissions, least privileged first, as listed.
    public var permissions: [PermissionName]
    /// The "Not supported." cell text as written, when the row says so.
    public var notSupportedSpelling: String?
    /// The cell holding the permissions.
    public var valueRange: SourceRange?
    /// The whole row.
    public var range: SourceRange
    /// Cells written minus columns (0 for a regular row).
    public var cellCountDelta: Int
    /// The workload sub-rows below the row (`&nbsp; **Device management** | …`), whose permissions are also in
    /// `permissions`.
    public var scopes: [PermissionScope] = []
}

/// A sub-row of a Permissions row that lists one workload's permissions under a Delegated or Application row:
///
///     |Application||
///     |&nbsp; **Widget management**|Widget.ReadWrite.All|
public struct PermissionScope: Hashable, Sendable {
    /// The workload as written, in plain text (`Widget management`).
    public var name: String
    public var nameRange: SourceRange
    public var permissions: [PermissionName]
    /// The whole sub-row.
    public var range: SourceRange
}

/// One Permissions table.
public struct PermissionTable: Hashable, Sendable {
    public var range: SourceRange
    /// The heading above the table (`Permissions`, `Permissions for channel`).
    public var heading: String
    public var columnCount: Int
    public var rows: [PermissionRow]
}

/// All Permissions tables of a method page.
public struct PermissionSet: Hashable, Sendable {
    /// The `## Permissions` heading's range, if the page has the section.
    public var sectionRange: SourceRange?
    public var tables: [PermissionTable]

    /// Every permission name on the page.
    public var allNames: [PermissionName] {
        tables.flatMap { $0.rows.flatMap(\.permissions) }
    }
}
