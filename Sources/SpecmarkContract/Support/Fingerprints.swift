/// Stable identities for findings, for baselines and SARIF `partialFingerprints`.
///
/// A fingerprint hashes the rule id, the file and the finding's anchor (an example name, a JSON path, a table
/// row key, a heading) — never line numbers — so edits elsewhere in a page keep it. Findings without an anchor
/// use their message with digits removed; equal keys in one file are told apart by their order.
public enum Fingerprints {
    /// Assigns `fingerprint` to every diagnostic.
    public static func assign(_ diagnostics: inout [Diagnostic]) {
        var seen: [Key: Int] = [:]
        seen.reserveCapacity(diagnostics.count)
        for index in diagnostics.indices {
            let key = Key(
                rule: diagnostics[index].ruleID, file: diagnostics[index].location.file,
                anchor: anchor(of: diagnostics[index]))
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            // FNV-1a over `rule NUL file NUL anchor NUL occurrence`, streamed: no joined string is built.
            var hash = fnv1aOffsetBasis
            fnv1a(key.rule, into: &hash)
            fnv1a(0, into: &hash)
            fnv1a(key.file, into: &hash)
            fnv1a(0, into: &hash)
            fnv1a(key.anchor, into: &hash)
            fnv1a(0, into: &hash)
            fnv1a(String(occurrence), into: &hash)
            diagnostics[index].fingerprint = hex(hash)
        }
    }

    private struct Key: Hashable {
        let rule: String
        let file: String
        let anchor: String
    }

    private static func anchor(of diagnostic: Diagnostic) -> String {
        if !diagnostic.anchor.isEmpty { return diagnostic.anchor }
        // Digits are ASCII, never part of a longer UTF-8 sequence: dropping their bytes drops the scalars.
        let message = diagnostic.message.utf8
        guard message.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return diagnostic.message
        }
        return String(decoding: message.filter { $0 < UInt8(ascii: "0") || $0 > UInt8(ascii: "9") }, as: UTF8.self)
    }

    /// A short stable digest of `text` (16 hex digits), for anchoring a finding on text that has no name.
    public static func digest(_ text: String) -> String {
        hex(fnv1a(text))
    }

    static let fnv1aOffsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// FNV-1a, 64 bits: stable across runs and platforms (unlike `Hasher`).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash = fnv1aOffsetBasis
        fnv1a(text, into: &hash)
        return hash
    }

    private static func fnv1a(_ text: String, into hash: inout UInt64) {
        for byte in text.utf8 { fnv1a(byte, into: &hash) }
    }

    private static func fnv1a(_ byte: UInt8, into hash: inout UInt64) {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01b3
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
