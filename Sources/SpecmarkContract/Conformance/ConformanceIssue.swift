public import SpecmarkMarkdown

/// A place where a JSON value does not conform to the type the docs define for it.
public struct ConformanceIssue: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// A property the type (and its base types) does not define, on a type that is not open.
        case undeclaredProperty
        /// A value whose JSON type contradicts the declared type.
        case typeMismatch
        /// A value that is the type's name written as a placeholder (`"Boolean"`, `"String (timestamp)"`).
        case placeholderValue
        /// A `DateTimeOffset`, `Date`, `TimeOfDay`, `Guid` or `Duration` string that does not parse.
        case invalidFormat
        /// A string that is not a member of the declared enum.
        case unknownEnumMember
        /// A property the type marks as required is absent.
        case missingRequiredProperty
        /// An `@odata.type` that names no type in the doc set.
        case unknownType
    }

    public var kind: Kind
    /// Where in the value: `$.value[0].location.floor`.
    public var path: String
    /// The key's range for property issues, the value's range for value issues.
    public var range: SourceRange
    /// Lower-case, no final period.
    public var message: String
    /// For unknown types and enum members, the closest known name.
    public var suggestion: String?
}
