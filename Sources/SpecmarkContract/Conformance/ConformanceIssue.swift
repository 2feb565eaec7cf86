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

        /// Whether the value contradicts its declared type, so that the row declaring it is where the fix may go.
        public var contradictsDeclaration: Bool {
            switch self {
            case .typeMismatch, .invalidFormat: true
            case .placeholderValue, .unknownEnumMember, .undeclaredProperty, .missingRequiredProperty, .unknownType:
                false
            }
        }
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
    /// For a value that contradicts its declared type, the table row (or JSON representation key) that declares
    /// the property: where the fix goes when the example is right.
    public var declaration: SourceLocation?
}
