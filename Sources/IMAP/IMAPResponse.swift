/// One response of the server (RFC 9051 §7): untagged data, a request to go on, or a command's completion.
public enum IMAPResponse: Sendable, Equatable {
    /// `* …`: data or a status not tied to a command.
    case untagged(IMAPResponseLine)
    /// `+ …`: the server waits for the rest of a command (a literal, a SASL response).
    case continuation(String)
    /// `tag OK|NO|BAD text`: a command's end.
    case tagged(tag: String, status: IMAPStatus, text: String)
}

/// How a command ended.
public enum IMAPStatus: String, Sendable {
    case ok = "OK"
    case no = "NO"
    case bad = "BAD"
}

/// An untagged response: its text and, in order, the literals `{n}` it carried.
public struct IMAPResponseLine: Sendable, Equatable {
    /// Text between literals, and the literals themselves.
    public enum Segment: Sendable, Equatable {
        case text([UInt8])
        case literal([UInt8])
    }

    public var segments: [Segment]

    public init(segments: [Segment]) { self.segments = segments }

    /// The text of the line with each literal shown as `{n}`: for status words and error messages.
    public var text: String {
        segments.map { segment in
            switch segment {
            case .text(let bytes): String(decoding: bytes, as: UTF8.self)
            case .literal(let bytes): "<\(bytes.count) bytes>"
            }
        }.joined()
    }

    /// The line's values after `*`: atoms, strings (quoted or literal) and parenthesised lists.
    /// - Throws: ``IMAPError`` for a line nested deeper than 32 lists or with an unclosed string or list.
    public func values() throws(IMAPError) -> [IMAPValue] {
        var parser = IMAPValueParser(segments: segments)
        return try parser.parse()
    }
}

/// A value in a response line.
public indirect enum IMAPValue: Sendable, Equatable {
    /// An atom or a number, a flag such as `\Sent`, `NIL`, or a section such as `BODY[HEADER]`.
    case atom(String)
    /// A quoted string or a literal.
    case string([UInt8])
    case list([IMAPValue])

    /// The atom's or the string's text.
    public var text: String? {
        switch self {
        case .atom(let text): text
        case .string(let bytes): String(decoding: bytes, as: UTF8.self)
        case .list: nil
        }
    }
}

/// Reads a response line's values; linear in its length, nesting bounded.
struct IMAPValueParser {
    static let maximumDepth = 32

    let segments: [IMAPResponseLine.Segment]
    private var segment = 0
    private var offset = 0

    init(segments: [IMAPResponseLine.Segment]) {
        self.segments = segments
    }

    mutating func parse() throws(IMAPError) -> [IMAPValue] {
        var stack: [[IMAPValue]] = [[]]
        while let value = try nextToken() {
            switch value {
            case .open:
                guard stack.count < Self.maximumDepth else { throw Self.malformed("lists nested too deep") }
                stack.append([])
            case .close:
                guard stack.count > 1, let list = stack.popLast() else { throw Self.malformed("a list closed that was not open") }
                stack[stack.count - 1].append(.list(list))
            case .value(let value):
                stack[stack.count - 1].append(value)
            }
        }
        guard stack.count == 1, let values = stack.first else { throw Self.malformed("a list that is never closed") }
        return values
    }

    private enum Token {
        case open
        case close
        case value(IMAPValue)
    }

    private mutating func nextToken() throws(IMAPError) -> Token? {
        while segment < segments.count {
            switch segments[segment] {
            case .literal(let bytes):
                segment += 1
                offset = 0
                return .value(.string(bytes))
            case .text(let bytes):
                while offset < bytes.count, bytes[offset] == UInt8(ascii: " ") { offset += 1 }
                guard offset < bytes.count else {
                    segment += 1
                    offset = 0
                    continue
                }
                let byte = bytes[offset]
                switch byte {
                case UInt8(ascii: "("):
                    offset += 1
                    return .open
                case UInt8(ascii: ")"):
                    offset += 1
                    return .close
                case UInt8(ascii: "\""):
                    return .value(.string(try quoted(bytes)))
                case UInt8(ascii: "{"):
                    // The announcement of the literal that follows this text: the literal is the value.
                    guard segment + 1 < segments.count, case .literal = segments[segment + 1] else {
                        return .value(.atom(atom(bytes)))
                    }
                    segment += 1
                    offset = 0
                    continue
                default:
                    return .value(.atom(atom(bytes)))
                }
            }
        }
        return nil
    }

    /// A quoted string from `offset` (at its opening quote), escapes undone.
    private mutating func quoted(_ bytes: [UInt8]) throws(IMAPError) -> [UInt8] {
        var result: [UInt8] = []
        var index = offset + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                result.append(bytes[index + 1])
                index += 2
                continue
            }
            if byte == UInt8(ascii: "\"") {
                offset = index + 1
                return result
            }
            result.append(byte)
            index += 1
        }
        throw Self.malformed("a quoted string that is never closed")
    }

    /// An atom from `offset`: up to a space or a parenthesis, a bracketed section (`BODY[HEADER.FIELDS
    /// (MESSAGE-ID)]`) taken whole.
    private mutating func atom(_ bytes: [UInt8]) -> String {
        let start = offset
        var brackets = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "[") { brackets += 1 }
            if byte == UInt8(ascii: "]") { brackets = max(0, brackets - 1) }
            if brackets == 0, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\"") {
                break
            }
            offset += 1
        }
        if offset == start { offset += 1 }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private static func malformed(_ what: String) -> IMAPError {
        IMAPError(kind: .protocolViolation, stage: "reply", detail: "the server's reply has \(what)")
    }
}
