/// Splits a URL path as a docs page writes it into segments: at each `/` that is not inside a quote (within
/// parentheses), a `{placeholder}` or parentheses, with a `:/…:` item path (`root:/a/b.txt:`) as one segment of
/// its own, and the query (`?…`) and fragment (`#…`) left off.
enum PathSplitter {
    /// One segment as written, with its UTF-8 offset in the path.
    struct Token: Hashable, Sendable {
        var text: String
        var offset: Int
        /// Whether this is an item path (`:/a/b.txt:`, or `:/a/b.txt` at the end of the path).
        var isItemPath = false
        /// Why the segment cannot be read (an unclosed quote, brace or parenthesis), if it cannot.
        var problem: String?
    }

    /// The segments of `path`; a leading `/` and a trailing `/` add none, `//` adds an empty one.
    static func split(_ path: String) -> [Token] {
        let bytes = Array(path.utf8)
        let end = queryStart(bytes)
        var tokens: [Token] = []
        var index = bytes.first == UInt8(ascii: "/") ? 1 : 0
        var start = index
        var quoted = false
        var braces = 0
        var parentheses = 0

        func token(_ from: Int, _ to: Int, isItemPath: Bool = false) -> Token {
            Token(text: String(decoding: bytes[from..<to], as: UTF8.self), offset: from, isItemPath: isItemPath)
        }

        while index < end {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "'") { quoted = false }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "{"): braces += 1
            case UInt8(ascii: "}") where braces > 0: braces -= 1
            case UInt8(ascii: "'") where braces == 0 && parentheses > 0: quoted = true
            case UInt8(ascii: "(") where braces == 0: parentheses += 1
            case UInt8(ascii: ")") where braces == 0 && parentheses > 0: parentheses -= 1
            case UInt8(ascii: "/") where braces == 0 && parentheses == 0:
                tokens.append(token(start, index))
                start = index + 1
            case UInt8(ascii: ":")
            where braces == 0 && parentheses == 0 && index + 1 < end
                && bytes[index + 1] == UInt8(ascii: "/"):
                if index > start { tokens.append(token(start, index)) }
                let close = itemPathEnd(bytes, from: index + 1, to: end)
                if close < end {
                    tokens.append(token(index, close + 1, isItemPath: true))
                    index = close + 1
                    if index < end, bytes[index] == UInt8(ascii: "/") { index += 1 }
                } else {
                    tokens.append(token(index, end, isItemPath: true))
                    index = end
                }
                start = index
                continue
            default: break
            }
            index += 1
        }
        if start < end {
            var last = token(start, end)
            if quoted {
                last.problem = "an unclosed quote"
            } else if braces > 0 {
                last.problem = "an unclosed '{'"
            } else if parentheses > 0 {
                last.problem = "an unclosed '('"
            }
            tokens.append(last)
        }
        return tokens
    }

    /// Where the query or fragment starts: the first `?` or `#` outside braces, parentheses and quotes.
    private static func queryStart(_ bytes: [UInt8]) -> Int {
        var quoted = false
        var depth = 0
        for (index, byte) in bytes.enumerated() {
            if quoted {
                if byte == UInt8(ascii: "'") { quoted = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "("): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: ")"): depth = max(0, depth - 1)
            case UInt8(ascii: "'") where depth > 0: quoted = true
            case UInt8(ascii: "?") where depth == 0, UInt8(ascii: "#") where depth == 0: return index
            default: break
            }
        }
        return bytes.count
    }

    /// The offset of the `:` that closes an item path, or `end`: braces are skipped, quotes are not special
    /// (a file name may hold an apostrophe).
    private static func itemPathEnd(_ bytes: [UInt8], from: Int, to end: Int) -> Int {
        var braces = 0
        var index = from
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "{"): braces += 1
            case UInt8(ascii: "}") where braces > 0: braces -= 1
            case UInt8(ascii: ":") where braces == 0: return index
            default: break
            }
            index += 1
        }
        return end
    }
}
