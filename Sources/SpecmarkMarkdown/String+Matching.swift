extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    public func trimmingSpaces() -> String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { !Self.isTrimmed($0) }),
            let last = utf8.lastIndex(where: { !Self.isTrimmed($0) })
        else { return "" }
        return String(self[first...last])
    }

    /// Whether the two strings are equal when compared case-insensitively.
    public func equalsIgnoringCase(_ other: String) -> Bool {
        self.utf8.count == other.utf8.count && self.lowercased() == other.lowercased()
    }

    private static func isTrimmed(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
