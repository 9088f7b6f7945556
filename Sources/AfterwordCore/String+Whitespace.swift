extension Unicode.Scalar {
    /// A space or tab: what Foundation's `CharacterSet.whitespaces` holds (Unicode space separators,
    /// U+0009 and U+200B), read without Foundation.
    public var isBlank: Bool {
        if value == 0x20 || value == 0x09 { return true }
        if value < 0x80 { return false }
        return value == 0x200B || properties.generalCategory == .spaceSeparator
    }

    /// A space, tab or line break: what Foundation's `CharacterSet.whitespacesAndNewlines` holds.
    public var isBlankOrNewline: Bool {
        if isBlank || (0x0A...0x0D).contains(value) || value == 0x85 { return true }
        return value >= 0x80 && (properties.generalCategory == .lineSeparator || properties.generalCategory == .paragraphSeparator)
    }
}

extension String {
    /// The text without its leading and trailing spaces and tabs, like Foundation's
    /// `trimmingCharacters(in: .whitespaces)` (scalar by scalar) without bridging to NSString.
    public func trimmingBlanks() -> String { self[...].trimmingBlanks() }

    /// True when the text is nothing but spaces, tabs and line breaks.
    public var isBlank: Bool { unicodeScalars.allSatisfy(\.isBlankOrNewline) }
}

extension Substring {
    /// The text without its leading and trailing spaces and tabs (see ``Swift/String/trimmingBlanks()``).
    public func trimmingBlanks() -> String { trimming(where: \.isBlank) }

    /// The text without the scalars at either end that `trimmed` accepts.
    func trimming(where trimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !trimmed($0) }), let last = scalars.lastIndex(where: { !trimmed($0) }) else {
            return ""
        }
        return String(Substring(scalars[first...last]))
    }
}
