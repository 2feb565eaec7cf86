import SpecmarkMarkdown
import Testing

@testable import SpecmarkContract

@Suite struct JSONParserTests {
    @Test func valuesKeysAndMembersCarryTheirRanges() throws {
        let text = "{\n  \"id\": \"1\",\n  \"tags\": [true, null, -1.5e3],\n  \"nested\": { \"a\": {} }\n}"
        let result = JSONParser.parse(text, at: SourcePosition(line: 10, column: 3))
        #expect(result.isStrict)
        let value = try #require(result.value)
        #expect(value.range == SourceRange(10, 3, 14, 1))
        let id = try #require(value.member("id"))
        #expect(id.keyRange == SourceRange(11, 3, 11, 6))
        #expect(id.value.range == SourceRange(11, 9, 11, 11))
        let tags = try #require(value["tags"]?.elements)
        #expect(tags.map(\.typeName) == ["boolean", "null", "number"])
        #expect(tags[2].range == SourceRange(12, 24, 12, 29))
        if case .number(let number) = tags[2].kind {
            #expect(number.literal == "-1.5e3")
            #expect(!number.isInteger)
        }
        #expect(value["nested"]?["a"]?.members == [])
    }

    @Test func escapesAndSurrogatePairsDecode() {
        let result = JSONParser.parse(#"["a\"b\\c\/d\n", "\u00e9\ud83d\ude00"]"#)
        #expect(result.value?.elements?.compactMap(\.string) == ["a\"b\\c/d\n", "é😀"])
    }

    @Test(arguments: [
        ("{\"a\": 1,}", JSONTolerance.Kind.trailingComma, SourceRange(1, 8, 1, 8)),
        ("[1, 2, ]", .trailingComma, SourceRange(1, 6, 1, 6)),
        ("{\n  // note\n  \"a\": 1\n}", .comment, SourceRange(2, 3, 2, 9)),
        ("[1, /* two */ 3]", .comment, SourceRange(1, 5, 1, 13)),
        ("{\"value\": [ {}, ... ]}", .ellipsis, SourceRange(1, 17, 1, 19)),
        ("{\"a\": …}", .ellipsis, SourceRange(1, 7, 1, 9)),
        ("{\"a\": \"line\none\"}", .controlCharacter, SourceRange(1, 12, 1, 12)),
        ("{name: \"x\"}", .unquotedKey, SourceRange(1, 2, 1, 5)),
        ("{'a': 1}", .singleQuotedString, SourceRange(1, 2, 1, 2)),
    ])
    func tolerancesAreRecordedWhereTheyStand(text: String, kind: JSONTolerance.Kind, range: SourceRange) {
        let result = JSONParser.parse(text)
        #expect(result.error == nil)
        #expect(result.value != nil)
        #expect(result.tolerances.map(\.kind) == [kind])
        #expect(result.tolerances.first?.range == range)
    }

    /// Deliberate elisions read as ellipses: two dots, several `…`, an elision without a comma after it, and an
    /// object that holds only an ellipsis, which is itself one.
    @Test func elisionsAreEllipses() throws {
        let text = "{\n  \"directories\": [..],\n  \"owner\": { ... },\n  ……\n  \"items\": [ {}, ... {} ]\n}"
        let result = JSONParser.parse(text, tolerating: JSONParser.bodyTolerances)
        #expect(result.error == nil)
        #expect(result.tolerances.map(\.kind) == [.ellipsis, .ellipsis, .ellipsis, .ellipsis])
        let value = try #require(result.value)
        #expect(value["directories"]?.elements?.map(\.typeName) == ["ellipsis"])
        #expect(value["owner"]?.typeName == "ellipsis")
        #expect(value["owner"]?.range == SourceRange(3, 12, 3, 18))
        #expect(value["items"]?.elements?.map(\.typeName) == ["object", "ellipsis", "object"])
        // A string that is an ellipsis is strict JSON; conformance reads it as an elided value.
        #expect(JSONParser.parse("{ \"a\": \"...\" }").isStrict)
    }

    /// An elision does not excuse real breakage: a missing comma between members, an unclosed brace, one dot.
    @Test(arguments: [
        ("{ \"value\": [ … ], \"a\": 1 \"b\": 2 }", "expected ',' or '}' after member \"a\", found '\"'"),
        ("{ \"owner\": { ... }, \"a\": 1", "object opened here is never closed"),
        ("{ \"a\": . }", "unexpected '.', expected a value"),
    ])
    func brokenBodiesWithElisionsStayBroken(text: String, message: String) {
        #expect(JSONParser.parse(text, tolerating: JSONParser.bodyTolerances).error?.message == message)
    }

    @Test(arguments: [
        (
            "{\"a\": 1 \"b\": 2}", "expected ',' or '}' after member \"a\", found '\"'",
            SourcePosition(line: 1, column: 9)
        ),
        ("{\"a\" 1}", "expected ':' after key \"a\", found '1'", SourcePosition(line: 1, column: 6)),
        ("[1, 2", "array opened here is never closed", SourcePosition(line: 1, column: 1)),
        ("{\"a\": \"x}", "string opened here is never closed", SourcePosition(line: 1, column: 7)),
        ("{\"a\": tru}", "unexpected 'tru', expected a value", SourcePosition(line: 1, column: 7)),
        ("{\"a\": 01}", "numbers must not have leading zeros", SourcePosition(line: 1, column: 7)),
        ("{\"a\": 1} x", "unexpected 'x' after the JSON value", SourcePosition(line: 1, column: 10)),
        ("{\"a\": \"\\q\"}", "invalid escape sequence '\\q'", SourcePosition(line: 1, column: 8)),
        ("", "no JSON value", SourcePosition(line: 1, column: 1)),
        ("{\n  \"a\": <id>\n}", "unexpected '<', expected a value", SourcePosition(line: 2, column: 8)),
    ])
    func hardErrorsPointAtTheExactCharacter(text: String, message: String, position: SourcePosition) {
        let result = JSONParser.parse(text)
        #expect(result.value == nil)
        #expect(result.error?.message == message)
        #expect(result.error?.position == position)
    }

    @Test func bodyTolerancesRejectUnquotedKeysAtTheKey() {
        let result = JSONParser.parse("{\n  model: \"x\"\n}", tolerating: JSONParser.bodyTolerances)
        #expect(result.error?.message == "key 'model' is not in double quotes")
        #expect(result.error?.position == SourcePosition(line: 2, column: 3))
    }

    @Test func duplicateKeysAreRecorded() {
        let result = JSONParser.parse("{\"a\": 1, \"a\": 2}")
        #expect(result.duplicateKeys.map(\.key) == ["a"])
        #expect(result.duplicateKeys.first?.range == SourceRange(1, 10, 1, 12))
        #expect(result.duplicateKeys.first?.firstRange == SourceRange(1, 2, 1, 4))
    }

    /// A large object's keys are indexed once it has many members; duplicates on either side of that point
    /// still name the first occurrence, and a huge object does not take quadratic time.
    @Test func duplicatesInLargeObjectsNameTheFirstKey() {
        // One key per line: `"k0": 0,` … with `k1` repeated at member 10 and `k2` at member 40.
        var lines = (0..<50).map { "\"k\($0)\": \($0)," }
        lines[10] = "\"k1\": 10,"
        lines[40] = "\"k2\": 40,"
        lines[49] = "\"k49\": 49"
        let result = JSONParser.parse("{\n" + lines.joined(separator: "\n") + "\n}")
        #expect(result.duplicateKeys.map(\.key) == ["k1", "k2"])
        #expect(result.duplicateKeys.map(\.range) == [SourceRange(12, 1, 12, 4), SourceRange(42, 1, 42, 4)])
        #expect(result.duplicateKeys.map(\.firstRange) == [SourceRange(3, 1, 3, 4), SourceRange(4, 1, 4, 4)])
        let huge = "{" + (0..<50_000).map { "\"k\($0)\": 1" }.joined(separator: ", ") + ", \"k7\": 2}"
        #expect(JSONParser.parse(huge).duplicateKeys.map(\.key) == ["k7"])
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let result = JSONParser.parse(text)
        #expect(result.value == nil)
        #expect(result.error?.message == "JSON is nested more than 256 levels deep")
        #expect(result.error?.position == SourcePosition(line: 1, column: 257))
    }

    @Test func positionsFollowTheLinesOfPositionedText() throws {
        // A body inside a list item: every line starts at column 4 of its file line.
        let text = PositionedText(lines: [
            ("{", SourcePosition(line: 20, column: 4)),
            ("  \"id\": 1,", SourcePosition(line: 21, column: 4)),
            ("  \"x\": ?", SourcePosition(line: 22, column: 4)),
            ("}", SourcePosition(line: 23, column: 4)),
        ])
        let result = JSONParser.parse(text)
        #expect(result.error?.position == SourcePosition(line: 22, column: 11))
    }
}
