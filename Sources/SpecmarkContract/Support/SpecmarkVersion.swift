/// Specmark's version, printed by `specmark --version` and written into every report.
public enum SpecmarkVersion {
    public static let current = "0.1.0"
}
