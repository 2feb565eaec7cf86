/// Stable identities for findings, for baselines and SARIF `partialFingerprints`.
///
/// A fingerprint hashes the rule id, the file and the finding's anchor (an example name, a JSON path, a table
/// row key, a heading) — never line numbers — so edits elsewhere in a page keep it. Findings without an anchor
/// use their message with digits removed; equal keys in one file are told apart by their order.
public enum Fingerprints {
    /// Assigns `fingerprint` to every diagnostic.
    public static func assign(_ diagnostics: inout [Diagnostic]) {
        // Occurrences by the hash of `rule NUL file NUL anchor NUL`, which the fingerprint streams on from; each
        // entry keeps its key, so keys that share a hash are still counted apart. A 64-bit integer hashes in a
        // few instructions where the three strings would each be hashed again.
        var seen: [UInt64: [(key: Key, count: Int)]] = [:]
        seen.reserveCapacity(diagnostics.count)
        for index in diagnostics.indices {
            let key = Key(
                rule: diagnostics[index].ruleID, file: diagnostics[index].location.file,
                anchor: anchor(of: diagnostics[index]))
            // FNV-1a over `rule NUL file NUL anchor NUL occurrence`, streamed: no joined string is built.
            var hash = fnv1aOffsetBasis
            fnv1a(key.rule, into: &hash)
            fnv1a(0, into: &hash)
            fnv1a(key.file, into: &hash)
            fnv1a(0, into: &hash)
            fnv1a(key.anchor, into: &hash)
            fnv1a(0, into: &hash)
            let occurrence = count(key, in: &seen[hash, default: []])
            fnv1a(decimal: occurrence, into: &hash)
            diagnostics[index].fingerprint = hex(hash)
        }
    }

    /// How many times `key` was counted in `bucket` before, counting it once more.
    private static func count(_ key: Key, in bucket: inout [(key: Key, count: Int)]) -> Int {
        guard let slot = bucket.firstIndex(where: { $0.key == key }) else {
            bucket.append((key, 1))
            return 0
        }
        bucket[slot].count += 1
        return bucket[slot].count - 1
    }

    private struct Key: Equatable {
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
        let streamed: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes { fnv1a(byte, into: &hash) }
        }
        if streamed == nil {
            for byte in text.utf8 { fnv1a(byte, into: &hash) }
        }
    }

    /// The bytes of `String(value)` for a count (not negative), most significant digit first.
    private static func fnv1a(decimal value: Int, into hash: inout UInt64) {
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            fnv1a(UInt8(ascii: "0") + UInt8(rest / divisor), into: &hash)
            rest %= divisor
            divisor /= 10
        }
    }

    private static func fnv1a(_ byte: UInt8, into hash: inout UInt64) {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01b3
    }

    /// `value` as 16 lower-case hex digits, zero-padded.
    static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for position in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * position)) & 0xF
                buffer[position] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
            }
            return 16
        }
    }
}
