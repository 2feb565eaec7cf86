public import SpecmarkContract
import SpecmarkMarkdown

/// What a run's configuration says about rules: severities (or off) and options.
public struct LintConfiguration: Hashable, Sendable {
    /// A rule's setting: off, or on at a severity.
    public enum Setting: Hashable, Sendable {
        case off
        case on(Severity)
    }

    /// Per rule id; rules not listed use their defaults.
    public var settings: [String: Setting]
    public var options: RuleOptions

    public init(settings: [String: Setting] = [:], options: RuleOptions = RuleOptions()) {
        self.settings = settings
        self.options = options
    }

    /// The defaults: every rule at its default severity, enabled as its description says.
    public static let `default` = LintConfiguration()

    /// The severity `rule` reports at, or nil when it is off.
    public func severity(for rule: RuleDescription) -> Severity? {
        switch settings[rule.id] {
        case .off: nil
        case .on(let severity): severity
        case nil: rule.isEnabledByDefault ? rule.defaultSeverity : nil
        }
    }
}
