/// Splits a server's bytes into responses, reading the literals `{n}` a line announces.
///
/// Pure: the connection's handler feeds it what arrives, and a fuzz target can feed it anything. Lines,
/// literals and whole responses are bounded, so a server that announces endless literals or never ends
/// a line cannot grow the client's memory without limit.
public struct IMAPResponseDecoder: Sendable {
    /// A line of text between literals.
    public static let maximumLineLength = 64 * 1024
    /// One literal: a header or a mailbox name, never a whole mailbox.
    public static let maximumLiteralLength = 1024 * 1024
    /// One response with all its literals.
    public static let maximumResponseBytes = 4 * 1024 * 1024

    private var buffer: [UInt8] = []
    private var start = 0
    /// The response being read: its segments so far, and the literal still awaited.
    private var segments: [IMAPResponseLine.Segment] = []
    private var awaitedLiteral: Int?
    private var responseBytes = 0

    public init() {}

    /// Bytes that arrived from the server.
    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Forgets everything read: what came in plaintext must not be read as said inside TLS.
    public mutating func discardBuffered() {
        buffer = []
        start = 0
        segments = []
        awaitedLiteral = nil
        responseBytes = 0
    }

    /// True when bytes are waiting that do not yet make a whole response.
    public var hasBufferedBytes: Bool { start < buffer.count || !segments.isEmpty }

    /// The next whole response, or nil until more bytes arrive.
    /// - Throws: ``IMAPError`` (`protocolViolation`) for a response that is not IMAP or is past the limits.
    public mutating func next() throws(IMAPError) -> IMAPResponse? {
        while true {
            if let length = awaitedLiteral {
                guard buffer.count - start >= length else { return nil }
                segments.append(.literal(Array(buffer[start..<(start + length)])))
                start += length
                awaitedLiteral = nil
                continue
            }
            guard let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                if buffer.count - start > Self.maximumLineLength { throw Self.tooLong("a line longer than \(Self.maximumLineLength) bytes") }
                return nil
            }
            var end = newline
            if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = Array(buffer[start..<end])
            start = newline + 1
            guard line.count <= Self.maximumLineLength else { throw Self.tooLong("a line longer than \(Self.maximumLineLength) bytes") }
            responseBytes += line.count
            segments.append(.text(line))
            if let length = Self.literalLength(at: line) {
                guard length <= Self.maximumLiteralLength else {
                    throw Self.tooLong("a literal of \(length) bytes (at most \(Self.maximumLiteralLength) are read)")
                }
                responseBytes += length
                guard responseBytes <= Self.maximumResponseBytes else {
                    throw Self.tooLong("a response of over \(Self.maximumResponseBytes) bytes")
                }
                awaitedLiteral = length
                continue
            }
            guard responseBytes <= Self.maximumResponseBytes else { throw Self.tooLong("a response of over \(Self.maximumResponseBytes) bytes") }
            let whole = segments
            segments = []
            responseBytes = 0
            return try Self.response(whole)
        }
    }

    /// The length of the literal announced at the end of `line` (`{12}` or `{12+}`), if one is.
    static func literalLength(at line: [UInt8]) -> Int? {
        guard line.last == UInt8(ascii: "}"), let open = line.lastIndex(of: UInt8(ascii: "{")) else { return nil }
        var digits = line[(open + 1)..<(line.count - 1)]
        if digits.last == UInt8(ascii: "+") { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// Classifies a whole response by its first line: `*`, `+` or a tag.
    static func response(_ segments: [IMAPResponseLine.Segment]) throws(IMAPError) -> IMAPResponse {
        guard case .text(let first)? = segments.first else { throw malformed("an empty response") }
        if first.first == UInt8(ascii: "*") {
            var rest = segments
            rest[0] = .text(Array(first.dropFirst(first.starts(with: Array("* ".utf8)) ? 2 : 1)))
            return .untagged(IMAPResponseLine(segments: rest))
        }
        if first.first == UInt8(ascii: "+") {
            let text = first.dropFirst(first.starts(with: Array("+ ".utf8)) ? 2 : 1)
            return .continuation(String(decoding: text, as: UTF8.self))
        }
        let words = first.split(separator: UInt8(ascii: " "), maxSplits: 2, omittingEmptySubsequences: false)
        guard words.count >= 2, let status = IMAPStatus(rawValue: String(decoding: words[1], as: UTF8.self).uppercased()),
            !words[0].isEmpty, words[0].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else {
            throw malformed("a line that is not IMAP: \"\(String(decoding: first.prefix(60), as: UTF8.self).filter { !$0.isNewline })\"")
        }
        let text = IMAPResponseLine(segments: [.text(words.count > 2 ? Array(words[2]) : [])] + segments.dropFirst()).text
        return .tagged(tag: String(decoding: words[0], as: UTF8.self), status: status, text: text)
    }

    private static func tooLong(_ what: String) -> IMAPError {
        IMAPError(kind: .protocolViolation, stage: "reply", detail: "the server sent \(what); it is not behaving like a mail server")
    }

    private static func malformed(_ what: String) -> IMAPError {
        IMAPError(kind: .protocolViolation, stage: "reply", detail: "the server sent \(what)")
    }
}
