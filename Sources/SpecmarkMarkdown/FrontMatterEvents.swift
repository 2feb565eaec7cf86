// Yams ships libyaml as its CYaml module; SwiftPM gives dependents its module map with the Yams product.
internal import CYaml

/// Reads the common shape of front matter straight from libyaml's events: one block of `key: value` lines
/// whose values are scalars or lists of scalars, with no anchors, aliases, explicit tags or repeated keys.
///
/// Composing Yams nodes for that shape (an event object, a tag and a mark per node, and a duplicate check that
/// hashes every key) costs about as much as libcmark's whole parse of the page (`make bench` shows it). For
/// anything else, and for every error, `entries` answers nil and the caller composes with Yams, whose
/// messages and rules are the reference: what this reads is exactly what the Yams path gives for the same text.
enum FrontMatterEvents {
    /// The entries of `yaml` (the lines between the delimiters, from file line 2), or nil when the text is not
    /// of the common shape and must go through Yams. An empty document has no entries.
    static func entries(_ yaml: ArraySlice<UInt8>, source: SourceText) -> [FrontMatterEntry]? {
        // libyaml asserts that its input has an address; an empty text has no entries either way.
        guard !yaml.isEmpty else { return [] }
        return yaml.withUnsafeBufferPointer { buffer -> [FrontMatterEntry]? in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var reader = EventReader(parser: parser)
            return reader.document(source: source)
        }
    }

    /// Pulls events off a parser; every event is deleted as soon as it is read.
    private struct EventReader {
        /// Up to this many keys, a repeated key is found by scanning the entries.
        static let scannedKeys = 16

        let parser: UnsafeMutablePointer<yaml_parser_t>
        var event = yaml_event_t()

        /// The next event's type, start mark and, for a scalar, its value and whether it is plain; nil on a
        /// parse error or an event that carries an anchor or an explicit tag.
        mutating func next() -> Event? {
            guard yaml_parser_parse(parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            var result = Event(type: event.type, line: event.start_mark.line, column: event.start_mark.column)
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.anchor == nil, scalar.tag == nil else { return nil }
                let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                // A NUL inside a scalar is legal YAML; leave that to Yams rather than guess how it is decoded.
                guard !bytes.contains(0) else { return nil }
                result.scalar = String(decoding: bytes, as: UTF8.self)
                result.isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                guard start.anchor == nil, start.implicit != 0 else { return nil }
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                guard start.anchor == nil, start.implicit != 0 else { return nil }
            case YAML_ALIAS_EVENT:
                return nil
            default:
                break
            }
            return result
        }

        mutating func document(source: SourceText) -> [FrontMatterEntry]? {
            guard next()?.type == YAML_STREAM_START_EVENT, let first = next() else { return nil }
            if first.type == YAML_STREAM_END_EVENT { return [] }
            guard first.type == YAML_DOCUMENT_START_EVENT, next()?.type == YAML_MAPPING_START_EVENT else {
                return nil
            }
            var entries: [FrontMatterEntry] = []
            // A repeated key ends the read. A few keys are checked by scanning the entries, which costs less than
            // hashing each; a long front matter is indexed once it passes `scannedKeys`.
            var keys: Set<String>?
            func isNew(_ name: String) -> Bool {
                if keys == nil {
                    guard !entries.contains(where: { $0.key == name }) else { return false }
                    if entries.count == Self.scannedKeys { keys = Set(entries.map(\.key) + [name]) }
                    return true
                }
                return keys?.insert(name).inserted ?? false
            }
            while let key = next() {
                if key.type == YAML_MAPPING_END_EVENT {
                    guard next()?.type == YAML_DOCUMENT_END_EVENT, next()?.type == YAML_STREAM_END_EVENT else {
                        return nil
                    }
                    return entries
                }
                guard let name = key.scalar, isNew(name), let valueEvent = next() else { return nil }
                let value: FrontMatterValue
                switch valueEvent.type {
                case YAML_SCALAR_EVENT:
                    guard let text = valueEvent.scalar else { return nil }
                    value =
                        valueEvent.isPlain && ["", "~", "null", "Null", "NULL"].contains(text) ? .null : .string(text)
                case YAML_SEQUENCE_START_EVENT:
                    var items: [String] = []
                    while true {
                        guard let item = next() else { return nil }  // a parse error inside the list
                        if item.type == YAML_SEQUENCE_END_EVENT { break }
                        guard let text = item.scalar else { return nil }
                        items.append(text)
                    }
                    value = .list(items)
                default:
                    return nil
                }
                let keyPosition = FrontMatterReader.position(yamlLine: key.line, column: key.column, source: source)
                let keyRange = SourceRange(
                    start: keyPosition,
                    end: SourcePosition(
                        line: keyPosition.line, column: keyPosition.column + max(0, name.utf8.count - 1)))
                let valuePosition = FrontMatterReader.position(
                    yamlLine: valueEvent.line, column: valueEvent.column, source: source)
                entries.append(
                    FrontMatterEntry(
                        key: name, value: value, keyRange: keyRange,
                        valueRange: FrontMatterReader.valueRange(at: valuePosition, of: value.scalar, source: source)))
            }
            return nil
        }
    }

    /// What the reader keeps of one event.
    private struct Event {
        var type: yaml_event_type_t
        /// libyaml's 0-based line within the YAML text, and 0-based column in Unicode scalars.
        var line: Int
        var column: Int
        var scalar: String?
        var isPlain = false
    }
}
