import NIOCore
import SASL

/// One thing the client says to the server (RFC 5321 §4.1, RFC 4954 for AUTH), written by
/// ``SMTPCommandEncoder`` as exact bytes ending in CRLF.
public enum SMTPCommand: Sendable, Equatable {
    /// `EHLO host`: opens the session and asks for the server's extensions.
    case ehlo(String)
    /// `HELO host`: the fallback for a server that does not know EHLO.
    case helo(String)
    /// `STARTTLS`: asks to turn the connection to TLS.
    case startTLS
    /// `AUTH mechanism`, with its initial response when the mechanism has one (PLAIN, XOAUTH2,
    /// OAUTHBEARER); LOGIN waits for the server to ask.
    case auth(SASLMechanism, initial: SASLResponse?)
    /// A response in answer to a 334: LOGIN's user name and password, or the acknowledgement of a token
    /// refusal.
    case saslResponse(SASLResponse)
    /// `MAIL FROM:<address>` with the SIZE, SMTPUTF8 and BODY=8BITMIME parameters the server offers.
    case mail(from: String, size: Int?, utf8: Bool, eightBitMIME: Bool)
    /// `RCPT TO:<address>`.
    case rcpt(to: String)
    /// `DATA`: the message follows its 354.
    case data
    /// The message itself, dot-stuffed and ended by CRLF "." CRLF.
    case message(SMTPMessageData)
    /// `RSET`: forgets the transaction in progress.
    case rset
    /// `NOOP`: asks for a 250 and nothing else.
    case noop
    /// `QUIT`: ends the session.
    case quit

    /// The step of the conversation this command is, as errors name it ("MAIL FROM", "end of data"…).
    public var stage: String {
        switch self {
        case .ehlo: "EHLO"
        case .helo: "HELO"
        case .startTLS: "STARTTLS"
        case .auth, .saslResponse: "AUTH"
        case .mail: "MAIL FROM"
        case .rcpt: "RCPT TO"
        case .data: "DATA"
        case .message: "end of data"
        case .rset: "RSET"
        case .noop: "NOOP"
        case .quit: "QUIT"
        }
    }

    /// Refuses what would break the command's line: a host or address with a line break could carry a
    /// command of its own ("a@b\r\nRCPT TO:<c@d>"), an address with "<" or ">" parameters of its own.
    /// - Throws: ``SMTPError`` of kind `invalidInput`.
    public func validate() throws(SMTPError) {
        switch self {
        case .ehlo(let host), .helo(let host):
            guard !host.isEmpty, !host.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
                throw SMTPError(
                    kind: .invalidInput, stage: stage,
                    detail:
                        "the name \(Self.shown(host)) given in \(stage) is empty or has a space or a control character")
            }
        case .mail(let address, _, _, _), .rcpt(let address):
            guard
                !address.utf8.contains(where: {
                    $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                })
            else {
                throw SMTPError(
                    kind: .invalidInput, stage: stage,
                    detail:
                        "the address \(Self.shown(address)) has a line break, a control character or an angle bracket")
            }
        default:
            break
        }
    }

    /// Writes the command's exact bytes.
    /// - Throws: ``SMTPError`` of kind `invalidInput` for a command ``validate()`` refuses; nothing is written then.
    public func write(into buffer: inout ByteBuffer) throws(SMTPError) {
        try validate()
        switch self {
        case .ehlo(let host): buffer.writeString("EHLO \(host)\r\n")
        case .helo(let host): buffer.writeString("HELO \(host)\r\n")
        case .startTLS: buffer.writeString("STARTTLS\r\n")
        case .auth(let mechanism, let initial?):
            // An empty initial response is sent as "=" (RFC 4954 §4).
            buffer.writeString("AUTH \(mechanism.rawValue) \(initial.bytes.isEmpty ? "=" : initial.base64)\r\n")
        case .auth(let mechanism, nil): buffer.writeString("AUTH \(mechanism.rawValue)\r\n")
        case .saslResponse(let response): buffer.writeString(response.base64 + "\r\n")
        case .mail(let from, let size, let utf8, let eightBitMIME):
            buffer.writeString("MAIL FROM:<\(from)>")
            if let size { buffer.writeString(" SIZE=\(size)") }
            if utf8 { buffer.writeString(" SMTPUTF8") }
            if eightBitMIME { buffer.writeString(" BODY=8BITMIME") }
            buffer.writeString("\r\n")
        case .rcpt(let to): buffer.writeString("RCPT TO:<\(to)>\r\n")
        case .data: buffer.writeString("DATA\r\n")
        case .message(let data): buffer.writeBytes(data.bytes)
        case .rset: buffer.writeString("RSET\r\n")
        case .noop: buffer.writeString("NOOP\r\n")
        case .quit: buffer.writeString("QUIT\r\n")
        }
    }

    /// A name or address as an error shows it: quoted, control characters as "?".
    private static func shown(_ text: String) -> String {
        "\"" + text.unicodeScalars.prefix(80).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0) }.joined()
            + "\""
    }
}

extension SMTPCommand: CustomStringConvertible {
    /// The command as sent, credentials masked and the message shown by its size: safe for a log.
    public var description: String {
        switch self {
        case .auth(let mechanism, let initial): return "AUTH \(mechanism.rawValue)" + (initial == nil ? "" : " ****")
        case .saslResponse: return "****"
        case .message(let data): return "<message, \(data.bytes.count) bytes>"
        default:
            var buffer = ByteBuffer()
            do {
                try write(into: &buffer)
            } catch {
                return "<\(stage) refused: \(error.detail)>"
            }
            return String(buffer: buffer).replacing("\r\n", with: "")
        }
    }
}

/// A user name and a password or token for AUTH; never shown in a description.
public typealias SMTPCredentials = SASLCredentials

/// A message made ready to follow DATA: a line that starts with "." gets another, bare LF becomes
/// CRLF, and CRLF "." CRLF ends it (``DotStuffing``).
public struct SMTPMessageData: Sendable, Equatable {
    /// The bytes as they go on the wire, terminator included.
    public let bytes: [UInt8]

    /// - Parameter message: the message as it is (headers, blank line, body).
    public init(message: [UInt8]) {
        bytes = DotStuffing.encode(message)
    }
}

/// Writes each ``SMTPCommand`` as its exact bytes.
public struct SMTPCommandEncoder: MessageToByteEncoder {
    public typealias OutboundIn = SMTPCommand

    public init() {}

    /// Writes `data`'s bytes into `out`.
    /// - Throws: ``SMTPError`` of kind `invalidInput` for a command that ``SMTPCommand/validate()`` refuses.
    public func encode(data: SMTPCommand, out: inout ByteBuffer) throws {
        try data.write(into: &out)
    }
}
