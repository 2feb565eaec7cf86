import SpecmarkMarkdown
import Testing

@testable import SpecmarkContract

/// The report order and the fingerprints, against their plain definitions: a stable `sort(by:)` with
/// ``Diagnostic/sourceOrder(_:_:)``, and FNV-1a over `rule NUL file NUL anchor NUL occurrence` as 16 hex digits.
struct DiagnosticOrderTests {
    /// Diagnostics over few files, lines and rules, so ties (same file, position and rule) are common; the
    /// message tells apart diagnostics that tie, so the order of ties shows.
    static func diagnostics(count: Int) -> [Diagnostic] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { index in
            let line = Int.random(in: 1...4, using: &generator)
            return Diagnostic(
                ruleID: ["link-broken", "outline", "json-invalid"].randomElement(using: &generator)!,
                severity: .warning, message: "finding \(index)",
                location: SourceLocation(
                    file: ["b.md", "a.md", "api/é.md", "api/e.md"].randomElement(using: &generator)!,
                    range: SourceRange(line, 1, line, 2)),
                anchor: Bool.random(using: &generator) ? "" : ["x", "y"].randomElement(using: &generator)!)
        }
    }

    @Test func sortingKeepsTheOrderOfTiesAsAStableSortDoes() {
        for count in [0, 1, 2, 17, 500] {
            var sorted = Self.diagnostics(count: count)
            var expected = sorted
            expected.sort(by: Diagnostic.sourceOrder)
            Diagnostic.sortInSourceOrder(&sorted)
            #expect(sorted.map(\.message) == expected.map(\.message), "\(count) diagnostics")
        }
        // Already in order: left as it is.
        var ordered = Self.diagnostics(count: 50)
        ordered.sort(by: Diagnostic.sourceOrder)
        let before = ordered.map(\.message)
        Diagnostic.sortInSourceOrder(&ordered)
        #expect(ordered.map(\.message) == before)
    }

    /// Many findings share a key (rule, file and anchor, or the message without digits when there is no anchor),
    /// so occurrences pass 10 and 100 and their digits are streamed as `String(occurrence)` would be.
    @Test func fingerprintsAreFNVOfTheKeyAndItsOccurrence() {
        // 150 of one key on top: its occurrences run to three digits.
        let repeated = Diagnostic(
            ruleID: "outline", severity: .note, message: "again",
            location: SourceLocation(
                file: "a.md", range: SourceRange(1, 1, 1, 1)), anchor: "same")
        var diagnostics = Self.diagnostics(count: 900) + Array(repeating: repeated, count: 150)
        Fingerprints.assign(&diagnostics)
        var seen: [String: Int] = [:]
        for diagnostic in diagnostics {
            let anchor =
                diagnostic.anchor.isEmpty
                ? String(diagnostic.message.filter { !("0"..."9").contains($0) }) : diagnostic.anchor
            let key = [diagnostic.ruleID, diagnostic.location.file, anchor].joined(separator: "\u{0}")
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            let digest = String(Fingerprints.fnv1a(key + "\u{0}" + String(occurrence)), radix: 16)
            #expect(diagnostic.fingerprint == String(repeating: "0", count: 16 - digest.count) + digest)
        }
        #expect(seen.values.contains { $0 > 100 })
        #expect(Fingerprints.hex(0) == "0000000000000000")
        #expect(Fingerprints.hex(0xfedc_ba98_7654_3210) == "fedcba9876543210")
    }
}
