public import SpecmarkContract

/// What a run's configuration says about rules: severities (or off), per-folder overrides and options.
public struct LintConfiguration: Hashable, Sendable {
    /// A rule's setting: off, or on at a severity.
    public enum Setting: Hashable, Sendable {
        case off
        case on(Severity)
    }

    /// Settings for the files some patterns match (for example, warnings instead of errors in one workload).
    public struct Override: Hashable, Sendable {
        public var files: [Glob]
        /// Per rule id.
        public var settings: [String: Setting]
        /// When set, errors from any rule are reported at this severity in these files.
        public var treatErrorsAs: Severity?

        public init(files: [Glob], settings: [String: Setting] = [:], treatErrorsAs: Severity? = nil) {
            self.files = files
            self.settings = settings
            self.treatErrorsAs = treatErrorsAs
        }
    }

    /// Per rule id; rules not listed use their defaults.
    public var settings: [String: Setting]
    /// Later overrides win over earlier ones.
    public var overrides: [Override]
    public var options: RuleOptions
    /// Turns a reported file path into the path overrides match (relative to the configuration's directory).
    public var relativePath: @Sendable (String) -> String

    public init(
        settings: [String: Setting] = [:], overrides: [Override] = [], options: RuleOptions = RuleOptions(),
        relativePath: @escaping @Sendable (String) -> String = { $0 }
    ) {
        self.settings = settings
        self.overrides = overrides
        self.options = options
        self.relativePath = relativePath
    }

    /// The defaults: every rule at its default severity, enabled as its description says.
    public static let `default` = LintConfiguration()

    /// The severity `rule` reports at anywhere, or nil when it is off everywhere.
    public func severity(for rule: RuleDescription) -> Severity? {
        let base = baseSeverity(for: rule)
        if base != nil { return base }
        // Off at the top level but turned on for some files.
        for override in overrides {
            if case .on(let severity)? = override.settings[rule.id] { return severity }
        }
        return nil
    }

    /// Whether any override could change `rule`'s severity for some file.
    func hasOverrides(for rule: String) -> Bool {
        overrides.contains { $0.settings[rule] != nil || $0.treatErrorsAs != nil }
    }

    /// The severity `rule` reports at in `file`, or nil when it is off there.
    public func severity(for rule: RuleDescription, in file: String) -> Severity? {
        var severity = baseSeverity(for: rule)
        guard !overrides.isEmpty else { return severity }
        let path = relativePath(file)
        for override in overrides where override.files.contains(where: { $0.matches(path) }) {
            switch override.settings[rule.id] {
            case .off: severity = nil
            case .on(let value): severity = value
            case nil: break
            }
            if let cap = override.treatErrorsAs, severity == .error { severity = cap }
        }
        return severity
    }

    /// The severity an issue found while reading pages is reported at in its file, as a lint reports it: that of
    /// the rule its kind names, as configured; nil when the rule is off there.
    public func severity(of issue: ExtractionIssue) -> Severity? {
        BuiltInRules.byID[issue.kind.ruleID].flatMap { severity(for: $0.description, in: issue.location.file) }
    }

    private func baseSeverity(for rule: RuleDescription) -> Severity? {
        switch settings[rule.id] {
        case .off: nil
        case .on(let severity): severity
        case nil: rule.isEnabledByDefault ? rule.defaultSeverity : nil
        }
    }

    public static func == (lhs: LintConfiguration, rhs: LintConfiguration) -> Bool {
        lhs.settings == rhs.settings && lhs.overrides == rhs.overrides && lhs.options == rhs.options
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(settings)
        hasher.combine(overrides)
        hasher.combine(options)
    }
}
