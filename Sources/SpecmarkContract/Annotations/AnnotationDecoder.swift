public import SpecmarkMarkdown

/// Decodes HTML comments into annotations, tolerating the drift real pages have and recording each tolerance.
///
/// Booleans written as strings (`"true"`), `name` as a list, trailing commas, raw newlines in strings and
/// unquoted keys are all read; each is recorded as an ``ExtractionIssue`` at its range. JSON that cannot be read even
/// tolerantly is an error at the exact character, and the comment decodes as ``DecodedAnnotation/invalid(range:)``.
public enum AnnotationDecoder {
    /// How many unknown keys of one annotation are reported one by one.
    static let reportedUnknownKeys = 20

    /// Keys of block annotations, in the spelling Specmark expects.
    public static let blockKeys: [String] = [
        "blockType", "name", "@odata.type", "@type", "truncated", "isCollection", "collectionProperty", "isEmpty",
        "expectError", "optionalProperties", "nullableProperties", "keyProperty", "baseType", "abstract", "openType",
        "isComposable", "isMediaEntity", "idempotent", "opaqueUrl", "target", "sampleKeys", "scopes", "apiVersions",
        "tags", "@odata.annotations", "@type.aka", "@property.aka", "namespace", "tocBookmarks", "tocIndex",
        "tocPath", "description", "title", "keywords", "section", "suppressions",
    ]

    /// Keys of the page annotation.
    public static let pageKeys: [String] = [
        "type", "title", "description", "keywords", "section", "tocPath", "suppressions", "tocBookmarks", "tocIndex",
        "namespace",
    ]

    /// Whether an HTML comment is meant as an annotation: its text (trimmed) starts with `{`.
    public static func isAnnotation(_ comment: HTMLComment) -> Bool {
        for byte in comment.body.text.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { continue }
            return byte == UInt8(ascii: "{")
        }
        return false
    }

    /// Decodes one comment; what it finds wrong is appended to `issues` for `file`.
    public static func decode(
        _ comment: HTMLComment, file: String, issues: inout [ExtractionIssue]
    ) -> DecodedAnnotation {
        let result = JSONParser.parse(comment.body)
        func report(_ kind: ExtractionFinding, _ message: FindingMessage, _ range: SourceRange, anchor: String) {
            issues.append(
                ExtractionIssue(kind, message.text, at: SourceLocation(file: file, range: range), anchor: anchor))
        }
        guard let json = result.value, let members = json.members else {
            // Nothing in it can be read, so the comment's own text is what stays the same when lines move.
            let anchor = "annotation#\(Fingerprints.digest(comment.body.text))"
            if let error = result.error {
                report(
                    .annotationInvalidJSON, .annotationNotJSON(error.message), SourceRange(at: error.position),
                    anchor: anchor)
            } else {
                report(
                    .annotationInvalidJSON, .annotationNotAnObject, result.value?.range ?? comment.range, anchor: anchor
                )
            }
            return .invalid(range: comment.range)
        }
        let label =
            members.first { $0.key == "name" }?.value.string ?? members.first { $0.key == "blockType" }?.value.string
            ?? ""
        for tolerance in result.tolerances {
            report(
                .annotationTolerantJSON, .annotationTolerant(tolerance.kind.rawValue), tolerance.range,
                anchor: "\(label):\(tolerance.kind.rawValue)")
        }
        for duplicate in result.duplicateKeys {
            report(
                .annotationDuplicateKey, .annotationKeyRepeated(duplicate.key), duplicate.range,
                anchor: "\(label):\(duplicate.key)")
        }
        var reader = Reader(members: members, file: file, label: label)
        defer { issues.append(contentsOf: reader.issues) }
        if json["type"]?.string == "#page.annotation" {
            return .page(reader.page(comment: comment, json: json))
        }
        return .block(reader.block(comment: comment, json: json))
    }

    /// Reads typed values off annotation members, recording wrong types and unknown keys.
    private struct Reader {
        let members: [JSONMember]
        let file: String
        let label: String
        var issues: [ExtractionIssue] = []

        /// Bit `i` is set when member `i`'s key is all ASCII.
        private let asciiKeyMask: UInt64

        init(members: [JSONMember], file: String, label: String) {
            self.members = members
            self.file = file
            self.label = label
            var mask: UInt64 = 0
            for index in members.indices.prefix(64) where members[index].key.isAllASCII { mask |= 1 << UInt64(index) }
            asciiKeyMask = mask
        }

        /// The first member named `key`, one of the ASCII keys annotations know. A block annotation is read key
        /// by key, about 28 lookups over its few members, and most members are told apart on their key's length:
        /// one that is shorter cannot be equal, and one that is longer only through a non-ASCII character that is
        /// canonically an ASCII one (the Kelvin sign is a K), as `==` decides.
        private func member(_ key: String) -> JSONMember? {
            let length = key.utf8.count
            for index in members.indices {
                let count = members[index].key.utf8.count
                guard count == length || count > length && !isASCIIKey(index) else { continue }
                if members[index].key == key { return members[index] }
            }
            return nil
        }

        /// Whether member `index`'s key is all ASCII (known for the first 64 members).
        private func isASCIIKey(_ index: Int) -> Bool {
            index < 64 && asciiKeyMask & (1 << UInt64(index)) != 0
        }

        private mutating func wrongType(_ member: JSONMember, expected: String, note: String = "") {
            report(
                .annotationValueType,
                .annotationValueType(member.key, expected: expected, actual: describe(member.value), note: note),
                member.value.range, anchor: "\(label):\(member.key)")
        }

        private mutating func report(
            _ kind: ExtractionFinding, _ message: FindingMessage, _ range: SourceRange, anchor: String
        ) {
            issues.append(
                ExtractionIssue(kind, message.text, at: SourceLocation(file: file, range: range), anchor: anchor))
        }

        private func describe(_ value: JSONValue) -> String {
            switch value.kind {
            case .string(let text): "the string \(quotedJSON(text))"
            case .number(let number): "the number \(number.literal)"
            default: "a \(value.typeName)"
            }
        }

        mutating func bool(_ key: String) -> Bool {
            guard let member = member(key) else { return false }
            switch member.value.kind {
            case .bool(let value):
                return value
            case .string(let text) where text.lowercased() == "true" || text.lowercased() == "false":
                wrongType(member, expected: "a boolean", note: " (write \(text.lowercased()) without quotes)")
                return text.lowercased() == "true"
            case .null:
                return false
            default:
                wrongType(member, expected: "a boolean")
                return false
            }
        }

        mutating func string(_ key: String) -> String? {
            guard let member = member(key) else { return nil }
            switch member.value.kind {
            case .string(let text): return text
            case .null: return nil
            case .bool(let value):
                wrongType(member, expected: "a string")
                return value ? "true" : "false"
            case .number(let number):
                wrongType(member, expected: "a string")
                return number.literal
            default:
                wrongType(member, expected: "a string")
                return nil
            }
        }

        /// A list of strings; a single string is accepted as a one-element list (or split on spaces).
        mutating func strings(_ key: String, splitSpaces: Bool = false) -> [String] {
            guard let member = member(key) else { return [] }
            switch member.value.kind {
            case .string(let text):
                if splitSpaces { return text.splitBytes(UInt8(ascii: " ")).map(String.init) }
                return text.isEmpty ? [] : [text]
            case .array(let elements):
                var result: [String] = []
                for element in elements {
                    if let text = element.string {
                        result.append(text)
                    } else if case .ellipsis = element.kind {
                        continue
                    } else {
                        wrongType(member, expected: "a list of strings")
                        break
                    }
                }
                return result
            case .null:
                return []
            default:
                wrongType(member, expected: "a string or a list of strings")
                return []
            }
        }

        /// Each unknown key is reported, up to ``reportedUnknownKeys``; the rest are counted in one more finding.
        mutating func unknownKeys(known: [String]) -> [JSONMember] {
            var unknown: [JSONMember] = []
            for member in members where !known.contains(member.key) {
                unknown.append(member)
                guard unknown.count <= AnnotationDecoder.reportedUnknownKeys else { continue }
                report(
                    .annotationUnknownKey,
                    .annotationKeyUnknown(member.key, suggestion: closestMatch(to: member.key, in: known)),
                    member.keyRange, anchor: "\(label):\(member.key)")
            }
            if unknown.count > AnnotationDecoder.reportedUnknownKeys {
                let first = unknown[AnnotationDecoder.reportedUnknownKeys]
                let more = unknown.count - AnnotationDecoder.reportedUnknownKeys
                report(
                    .annotationUnknownKey, .annotationKeysUnknown(more), first.keyRange,
                    anchor: "\(label):more-unknown-keys")
            }
            return unknown
        }

        mutating func block(comment: HTMLComment, json: JSONValue) -> BlockAnnotation {
            let blockTypeName = string("blockType")
            let blockType = blockTypeName.flatMap { name in
                BlockType(rawValue: name) ?? BlockType.allCases.first { $0.rawValue.equalsIgnoringCase(name) }
            }
            if let blockTypeName, let blockType, blockType.rawValue != blockTypeName, let member = member("blockType") {
                report(
                    .annotationUnknownBlockType, .blockTypeSpelling(blockTypeName, blockType.rawValue),
                    member.value.range, anchor: "\(label):blockType")
            } else if let blockTypeName, blockType == nil, let member = member("blockType") {
                report(
                    .annotationUnknownBlockType,
                    .blockTypeUnknown(
                        blockTypeName,
                        suggestion: closestMatch(to: blockTypeName, in: BlockType.allCases.map(\.rawValue))),
                    member.value.range, anchor: "\(label):blockType")
            }
            var typeName = string("@odata.type") ?? string("@type")
            var isCollectionType = false
            if let raw = typeName, raw.lowercased().hasPrefix("collection("), raw.hasSuffix(")") {
                typeName = String(raw.dropFirst("Collection(".count).dropLast())
                isCollectionType = true
            }
            let odataAnnotations = member("@odata.annotations")?.value
            return BlockAnnotation(
                range: comment.range, json: json, blockTypeName: blockTypeName, blockType: blockType,
                names: strings("name"), odataType: typeName, odataTypeIsCollection: isCollectionType,
                truncated: bool("truncated"), isCollection: bool("isCollection"),
                collectionProperty: string("collectionProperty"), isEmpty: bool("isEmpty"),
                expectError: bool("expectError"), optionalProperties: strings("optionalProperties"),
                nullableProperties: strings("nullableProperties"), keyProperty: string("keyProperty"),
                baseType: string("baseType"), abstract: bool("abstract"), openType: bool("openType"),
                isComposable: bool("isComposable"), isMediaEntity: bool("isMediaEntity"),
                idempotent: bool("idempotent"), opaqueURL: bool("opaqueUrl"), target: string("target"),
                sampleKeys: strings("sampleKeys"), scopes: strings("scopes", splitSpaces: true),
                apiVersions: strings("apiVersions"), tags: strings("tags", splitSpaces: true),
                odataAnnotations: odataAnnotations, unknownKeys: unknownKeys(known: AnnotationDecoder.blockKeys))
        }

        mutating func page(comment: HTMLComment, json: JSONValue) -> PageAnnotation {
            var suppressions: [PageAnnotation.Suppression] = []
            if let member = member("suppressions") {
                switch member.value.kind {
                case .array(let elements):
                    for element in elements {
                        if let text = element.string {
                            suppressions.append(.init(text: text, range: element.range))
                        }
                    }
                case .string(let text):
                    suppressions.append(.init(text: text, range: member.value.range))
                default:
                    wrongType(member, expected: "a list of strings")
                }
            }
            return PageAnnotation(
                range: comment.range, json: json, title: string("title"), description: string("description"),
                keywords: string("keywords"), section: string("section"), tocPath: string("tocPath"),
                suppressions: suppressions, unknownKeys: unknownKeys(known: AnnotationDecoder.pageKeys))
        }
    }
}

extension FindingMessage {
    fileprivate static func annotationNotJSON(_ error: String) -> FindingMessage {
        FindingMessage("annotation is not valid JSON: \(error)")
    }

    fileprivate static let annotationNotAnObject = FindingMessage("annotation is JSON but not an object")

    fileprivate static func annotationTolerant(_ tolerance: String) -> FindingMessage {
        FindingMessage("annotation is readable only tolerantly: \(tolerance)")
    }

    fileprivate static func annotationKeyRepeated(_ key: String) -> FindingMessage {
        FindingMessage("annotation key '\(key)' appears more than once; the first is used")
    }

    fileprivate static func annotationValueType(
        _ key: String, expected: String, actual: String, note: String
    ) -> FindingMessage {
        FindingMessage("annotation key '\(key)' should be \(expected) but is \(actual)\(note)")
    }

    fileprivate static func annotationKeyUnknown(_ key: String, suggestion: String?) -> FindingMessage {
        FindingMessage(
            "annotation key '\(key)' is not one Specmark knows\(suggestion.map { "; did you mean '\($0)'?" } ?? "")")
    }

    fileprivate static func annotationKeysUnknown(_ count: Int) -> FindingMessage {
        FindingMessage("\(count) more annotation \(count == 1 ? "key is" : "keys are") not ones Specmark knows")
    }

    fileprivate static func blockTypeSpelling(_ written: String, _ known: String) -> FindingMessage {
        FindingMessage("blockType '\(written)' is spelt '\(known)'")
    }

    fileprivate static func blockTypeUnknown(_ written: String, suggestion: String?) -> FindingMessage {
        FindingMessage(
            "blockType '\(written)' is not one Specmark knows\(suggestion.map { "; did you mean '\($0)'?" } ?? "")")
    }
}
