/// Splits a byte stream into JSON-RPC messages framed the LSP way (`Content-Length: N`, a blank line, then N bytes
/// of content), however the stream is cut into reads; and frames outgoing messages.
public struct MessageFramer: Sendable {
    /// A frame that could not be read; the framer skips past it and goes on.
    public struct FramingError: Error, Hashable, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The largest message accepted: a whole page's text with room to spare, far below what would exhaust memory.
    public static let maximumLength = 64 << 20

    private var buffer: [UInt8] = []
    /// Where unread bytes start in `buffer` (consumed bytes are dropped once they are most of it).
    private var start = 0

    public init() {}

    /// Adds bytes read from the stream; returns the messages (or framing errors) now complete, in order.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [Result<[UInt8], FramingError>] {
        buffer.append(contentsOf: bytes)
        var results: [Result<[UInt8], FramingError>] = []
        while let result = next() { results.append(result) }
        if start > 0, start * 2 >= buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        return results
    }

    /// Bytes received that are not yet a whole message.
    public var pendingCount: Int { buffer.count - start }

    private mutating func next() -> Result<[UInt8], FramingError>? {
        guard let headerEnd = headerEnd() else {
            if buffer.count - start > 64 << 10 {
                // No header ends within 64 KB: this is not LSP framing. Drop it and say so.
                start = buffer.count
                return .failure(FramingError(description: "a message header is longer than 64 KB"))
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd.lowerBound], as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: " \t").lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
            if name == "content-length" { length = Int(value) }
        }
        guard let length, length >= 0, length <= Self.maximumLength else {
            start = headerEnd.upperBound
            return .failure(
                FramingError(description: "a message header has no usable Content-Length ('\(header.prefix(80))')"))
        }
        guard buffer.count - headerEnd.upperBound >= length else { return nil }
        let content = Array(buffer[headerEnd.upperBound..<(headerEnd.upperBound + length)])
        start = headerEnd.upperBound + length
        return .success(content)
    }

    /// The `\r\n\r\n` that ends the next header.
    private func headerEnd() -> Swift.Range<Int>? {
        var index = start
        while index + 3 < buffer.count {
            if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D, buffer[index + 3] == 0x0A {
                return index..<(index + 4)
            }
            index += 1
        }
        return nil
    }

    /// A message's content with its header.
    public static func frame(_ content: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(content.count)\r\n\r\n".utf8) + content
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in characters: String) -> String {
        var text = self[...]
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
