import SpecmarkMarkdown
import Testing

@testable import SpecmarkContract

@Suite struct AnnotationDecoderTests {
    /// Decodes the first comment of `markdown` (which starts on line 1).
    private func decode(_ markdown: String) -> (DecodedAnnotation?, [ExtractionIssue]) {
        let document = MarkdownDocument.parse(markdown, path: "page.md")
        guard case .html(let html) = document.blocks.first, let comment = html.comments.first else { return (nil, []) }
        var diagnostics: [ExtractionIssue] = []
        let decoded = AnnotationDecoder.decode(comment, file: "page.md", issues: &diagnostics)
        return (decoded, diagnostics)
    }

    /// Keys are matched as Swift compares strings, whatever their length in bytes: a key written with a character
    /// that is canonically another (the Kelvin sign is a K, 3 bytes for 1) names the same field, and keys that
    /// share a length with a known one (`truncated`, `blockType`) or are longer or shorter than it do not.
    @Test func keysMatchAsStringsCompareWhateverTheirLength() throws {
        let (decoded, diagnostics) = decode(
            """
            <!-- { "blockTyp": "x", "truncatex": true, "sample\u{212A}eys": ["1"], "nameX": "n", "blockType": "request",
                   "name": "get_a" } -->
            """)
        guard case .block(let block)? = decoded else {
            Issue.record("not a block annotation")
            return
        }
        #expect(block.blockType == .request)
        #expect(block.names == ["get_a"])
        #expect(!block.truncated)
        #expect(block.sampleKeys == ["1"])
        #expect(block.unknownKeys.map(\.key) == ["blockTyp", "truncatex", "nameX"])
        #expect(diagnostics.filter { $0.kind == .annotationUnknownKey }.count == 3)
    }

    @Test func everyFieldIsRead() throws {
        let (decoded, diagnostics) = decode(
            """
            <!-- {
              "blockType": "response",
              "name": ["get_a", "get_b"],
              "@odata.type": "Collection(microsoft.graph.user)",
              "truncated": true,
              "isEmpty": false,
              "expectError": true,
              "optionalProperties": ["x"],
              "nullableProperties": ["y"],
              "keyProperty": "id",
              "baseType": "microsoft.graph.entity",
              "openType": true,
              "isComposable": true,
              "isMediaEntity": true,
              "idempotent": true,
              "opaqueUrl": true,
              "abstract": true,
              "target": "action",
              "sampleKeys": ["1", "2"],
              "scopes": "files.read sites.read.all",
              "apiVersions": ["v1.0"],
              "tags": "service.graph",
              "collectionProperty": "value",
              "isCollection": true,
              "@odata.annotations": [{"capabilities": {"toppable": false}}]
            } -->
            """)
        #expect(diagnostics.isEmpty)
        guard case .block(let annotation) = decoded else { throw Failure("not a block annotation") }
        #expect(annotation.blockType == .response)
        #expect(annotation.names == ["get_a", "get_b"])
        #expect(annotation.odataType == "microsoft.graph.user")
        #expect(annotation.odataTypeIsCollection && annotation.isCollection && annotation.describesCollection)
        #expect(annotation.truncated && annotation.expectError && !annotation.isEmpty)
        #expect(annotation.optionalProperties == ["x"] && annotation.nullableProperties == ["y"])
        #expect(annotation.keyProperty == "id" && annotation.baseType == "microsoft.graph.entity")
        #expect(annotation.openType && annotation.isComposable && annotation.isMediaEntity && annotation.idempotent)
        #expect(annotation.opaqueURL && annotation.abstract && annotation.target == "action")
        #expect(annotation.sampleKeys == ["1", "2"] && annotation.scopes == ["files.read", "sites.read.all"])
        #expect(annotation.apiVersions == ["v1.0"] && annotation.tags == ["service.graph"])
        #expect(annotation.collectionProperty == "value")
        #expect(annotation.odataAnnotations != nil)
        #expect(annotation.range(of: "keyProperty") == SourceRange(10, 3, 10, 15))
    }

    @Test func typeAliasIsAccepted() throws {
        let (decoded, diagnostics) = decode(#"<!-- { "blockType": "request", "@type": "microsoft.graph.site" } -->"#)
        guard case .block(let annotation) = decoded else { throw Failure("not a block annotation") }
        #expect(annotation.odataType == "microsoft.graph.site")
        #expect(diagnostics.isEmpty)
    }

    @Test func booleansWrittenAsStringsAreReadAndReported() throws {
        let (decoded, diagnostics) = decode("<!-- {\n  \"blockType\": \"response\",\n  \"truncated\": \"true\"\n} -->")
        guard case .block(let annotation) = decoded else { throw Failure("not a block annotation") }
        #expect(annotation.truncated)
        #expect(diagnostics.map(\.ruleID) == ["annotation-value-type"])
        #expect(diagnostics.first?.location.range.start == SourcePosition(line: 3, column: 16))
        #expect(
            diagnostics.first?.message
                == "annotation key 'truncated' should be a boolean but is the string \"true\" (write true without quotes)"
        )
    }

    @Test func trailingCommaIsToleratedAndReported() throws {
        let (decoded, diagnostics) = decode("<!-- {\n  \"blockType\": \"response\",\n  \"truncated\": true,\n} -->")
        guard case .block = decoded else { throw Failure("not a block annotation") }
        #expect(diagnostics.map(\.ruleID) == ["annotation-tolerant-json"])
        #expect(diagnostics.first?.message == "annotation is readable only tolerantly: trailing comma")
        #expect(diagnostics.first?.location.range.start == SourcePosition(line: 3, column: 20))
    }

    @Test func unknownKeysGetADidYouMean() {
        let (_, diagnostics) = decode(
            #"<!-- { "blockType": "request", "name": "a", "scope": "files.read", "trunacted": true } -->"#)
        #expect(
            diagnostics.map(\.message) == [
                "annotation key 'scope' is not one Specmark knows; did you mean 'scopes'?",
                "annotation key 'trunacted' is not one Specmark knows; did you mean 'truncated'?",
            ])
        #expect(diagnostics.first?.location.range == SourceRange(1, 45, 1, 51))
    }

    @Test func unknownBlockTypeIsReported() {
        let (_, diagnostics) = decode(#"<!-- { "blockType": "reqeust" } -->"#)
        #expect(
            diagnostics.map(\.message) == ["blockType 'reqeust' is not one Specmark knows; did you mean 'request'?"])
    }

    @Test func invalidJSONIsAnErrorAtTheExactCharacter() {
        let (decoded, diagnostics) = decode("<!-- {\n  \"blockType\": \"request\"\n  \"name\": \"x\"\n} -->")
        #expect(decoded == .invalid(range: SourceRange(1, 1, 4, 5)))
        #expect(diagnostics.map(\.ruleID) == ["annotation-invalid-json"])
        #expect(diagnostics.first?.location.range.start == SourcePosition(line: 3, column: 3))
        #expect(
            diagnostics.first?.message
                == "annotation is not valid JSON: expected ',' or '}' after member \"blockType\", found '\"'")
    }

    @Test func pageAnnotationIsRecognised() throws {
        let (decoded, _) = decode(
            """
            <!--
            {
              "type": "#page.annotation",
              "description": "Get a user",
              "suppressions": ["response-status-mismatch", "Error: /api/user-get.md:\\r\\n  bad"]
            }
            -->
            """)
        guard case .page(let page) = decoded else { throw Failure("not a page annotation") }
        #expect(page.description == "Get a user")
        #expect(page.suppressions.map(\.text) == ["response-status-mismatch", "Error: /api/user-get.md:\r\n  bad"])
        #expect(page.suppressions.first?.range.start == SourcePosition(line: 5, column: 20))
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
