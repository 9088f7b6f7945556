/// Splits a server's bytes into replies, joining multi-line replies (`250-…` continued, `250 …` last).
///
/// Pure: the connection's handler feeds it what arrives, and a fuzz target can feed it anything. A reply
/// is bounded in line length, line count and bytes, so a server that never ends one cannot grow the
/// client's memory without limit.
public struct SMTPReplyDecoder: Sendable {
    /// RFC 5321 §4.5.3.1.5 allows 512 bytes a line; servers write longer ones, none this long.
    public static let maximumLineLength = 4096
    /// An EHLO reply lists a few dozen extensions at most.
    public static let maximumLines = 200
    /// All the lines of one reply together.
    public static let maximumReplyBytes = 64 * 1024

    private var buffer: [UInt8] = []
    /// Where the unread bytes of `buffer` begin.
    private var start = 0
    private var pending: (code: Int, lines: [String], bytes: Int)?

    public init() {}

    /// Bytes that arrived from the server.
    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Forgets every byte and half-read reply: what a server said in plaintext before TLS must not be
    /// taken as an answer given inside TLS.
    public mutating func discardBuffered() {
        buffer = []
        start = 0
        pending = nil
    }

    /// True when bytes are waiting that do not yet make a whole reply.
    public var hasBufferedBytes: Bool { start < buffer.count || pending != nil }

    /// The next whole reply, or nil until more bytes arrive.
    /// - Throws: ``SMTPError`` (`protocolViolation`) for a line that is not an SMTP reply, or a reply
    ///   past the limits above.
    public mutating func next() throws(SMTPError) -> SMTPReply? {
        while true {
            guard let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                if buffer.count - start > Self.maximumLineLength {
                    throw SMTPError(
                        kind: .protocolViolation, stage: "reply",
                        detail: "a reply line longer than \(Self.maximumLineLength) bytes")
                }
                return nil
            }
            var end = newline
            while end > start, buffer[end - 1] == UInt8(ascii: "\r") || buffer[end - 1] == UInt8(ascii: "\n") {
                end -= 1
            }
            let bytes = buffer[start..<end]
            start = newline + 1
            guard bytes.count <= Self.maximumLineLength else {
                throw SMTPError(
                    kind: .protocolViolation, stage: "reply",
                    detail: "a reply line longer than \(Self.maximumLineLength) bytes")
            }
            guard bytes.count >= 3,
                bytes.prefix(3).allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                let code = Int(String(decoding: bytes.prefix(3), as: UTF8.self)), (200...599).contains(code),
                bytes.count == 3 || bytes[bytes.startIndex + 3] == UInt8(ascii: " ")
                    || bytes[bytes.startIndex + 3] == UInt8(ascii: "-")
            else {
                throw SMTPError(kind: .protocolViolation, stage: "reply", detail: Self.describeForeign(bytes))
            }
            let continues = bytes.count > 3 && bytes[bytes.startIndex + 3] == UInt8(ascii: "-")
            let text = bytes.count > 4 ? String(decoding: bytes.dropFirst(4), as: UTF8.self) : ""
            // Every line of one reply carries its code (RFC 5321 §4.2.1); lines that disagree ("250-…" then
            // "550 …") are no answer at all, never the first line's.
            if let pending, pending.code != code {
                self.pending = nil
                throw SMTPError(
                    kind: .protocolViolation, stage: "reply",
                    detail: "a reply whose lines carry different codes (\(pending.code), then \(code)); the server is not behaving as a mail server")
            }
            var current = pending ?? (code, [], 0)
            current.lines.append(text)
            current.bytes += bytes.count
            guard current.lines.count <= Self.maximumLines, current.bytes <= Self.maximumReplyBytes else {
                pending = nil
                throw SMTPError(
                    kind: .protocolViolation, stage: "reply",
                    detail:
                        "a reply of more than \(Self.maximumLines) lines or \(Self.maximumReplyBytes / 1024) KB; the server is not behaving as a mail server"
                )
            }
            if continues {
                pending = current
            } else {
                pending = nil
                return SMTPReply(code: current.code, lines: current.lines)
            }
        }
    }

    /// What a line that is not an SMTP reply looks like: a web server's status line is named as such.
    static func describeForeign(_ bytes: ArraySlice<UInt8>) -> String {
        let shown = String(decoding: bytes.prefix(80), as: UTF8.self).unicodeScalars
            .map { $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0) }.joined()
        if bytes.starts(with: Array("HTTP/".utf8)) {
            return
                "the server answered \"\(shown)\", which is a web (HTTP) server, not a mail server; check smtp.host and smtp.port"
        }
        if bytes.starts(with: [0x16, 0x03]) {
            return "the server speaks TLS from the first byte; set smtp.security to tls (usually port 465)"
        }
        return "\"\(shown)\" is not an SMTP reply; check smtp.host and smtp.port"
    }
}
