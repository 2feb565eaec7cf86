/// Stable identities for findings, for baselines and SARIF `partialFingerprints`.
///
/// A fingerprint hashes the rule id, the file and the finding's anchor (an example name, a JSON path, a table
/// row key, a heading) — never line numbers — so edits elsewhere in a page keep it. Findings without an anchor
/// use their message with digits removed; equal keys in one file are told apart by their order.
public enum Fingerprints {
    /// Assigns `fingerprint` to every diagnostic.
    public static func assign(_ diagnostics: inout [Diagnostic]) {
        var seen: [String: Int] = [:]
        for index in diagnostics.indices {
            let diagnostic = diagnostics[index]
            let key = "\(diagnostic.ruleID)\u{0}\(diagnostic.location.file)\u{0}\(anchor(of: diagnostic))"
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            diagnostics[index].fingerprint = hex(fnv1a(key + "\u{0}\(occurrence)"))
        }
    }

    private static func anchor(of diagnostic: Diagnostic) -> String {
        if !diagnostic.anchor.isEmpty { return diagnostic.anchor }
        return String(diagnostic.message.unicodeScalars.filter { !("0"..."9").contains($0) }.map(Character.init))
    }

    /// FNV-1a, 64 bits: stable across runs and platforms (unlike `Hasher`).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
