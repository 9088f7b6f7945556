import NIOCore
import SASL

/// One command the client gives the server (RFC 9051 §6, RFC 3501 for IMAP4rev1 servers), written by
/// ``IMAPOutboundEncoder`` with its tag.
public enum IMAPCommand: Sendable, Equatable {
    case capability
    case startTLS
    /// `LOGIN user password`, for a server that offers no SASL PLAIN.
    case login(username: String, password: String)
    /// `AUTHENTICATE mechanism`, with its initial response when the server takes one (SASL-IR).
    case authenticate(SASLMechanism, initial: SASLResponse?)
    /// `LIST "" "*"`: every mailbox with its attributes (`\Sent` on a server with SPECIAL-USE).
    case listAll
    /// `EXAMINE mailbox`: opens a mailbox read-only.
    case examine(String)
    /// `UID SEARCH HEADER Message-ID "…"`: the UIDs whose Message-ID header contains the text.
    case uidSearchMessageID(String)
    /// `UID FETCH uids (UID BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])`: those messages' Message-ID headers.
    case uidFetchMessageIDs([UInt32])
    /// `APPEND mailbox (\Seen) {n}` and, after the server's "+", the message.
    case append(mailbox: String, message: [UInt8])
    case logout

    /// The command's name, as errors name the step.
    public var stage: String {
        switch self {
        case .capability: "CAPABILITY"
        case .startTLS: "STARTTLS"
        case .login: "LOGIN"
        case .authenticate: "AUTHENTICATE"
        case .listAll: "LIST"
        case .examine: "EXAMINE"
        case .uidSearchMessageID: "SEARCH"
        case .uidFetchMessageIDs: "FETCH"
        case .append: "APPEND"
        case .logout: "LOGOUT"
        }
    }

    /// Refuses what would break the command's line: a CR, LF or NUL in a name, a password or a search
    /// text could carry a command of its own.
    /// - Throws: ``IMAPError`` of kind `invalidInput`.
    public func validate() throws(IMAPError) {
        let texts: [String]
        switch self {
        case .login(let username, let password): texts = [username, password]
        case .examine(let mailbox), .append(let mailbox, _): texts = [mailbox]
        case .uidSearchMessageID(let id): texts = [id]
        default: texts = []
        }
        for text in texts where text.utf8.contains(where: { $0 == 0 || $0 == 0x0A || $0 == 0x0D }) || text.utf8.count > 1_000 {
            throw IMAPError(kind: .invalidInput, stage: stage, detail: "a name or text given to \(stage) has a line break or is too long")
        }
        if case .uidFetchMessageIDs(let uids) = self, uids.isEmpty {
            throw IMAPError(kind: .invalidInput, stage: stage, detail: "no message to fetch")
        }
    }

    /// Writes `tag command` up to its CRLF; for APPEND, up to the literal's announcement `{n}` CRLF.
    func write(tag: String, into buffer: inout ByteBuffer) throws(IMAPError) {
        try validate()
        buffer.writeString(tag + " ")
        switch self {
        case .capability: buffer.writeString("CAPABILITY")
        case .startTLS: buffer.writeString("STARTTLS")
        case .login(let username, let password): buffer.writeString("LOGIN \(Self.quoted(username)) \(Self.quoted(password))")
        case .authenticate(let mechanism, let initial?):
            // An empty initial response is sent as "=" (RFC 4959 §3).
            buffer.writeString("AUTHENTICATE \(mechanism.rawValue) \(initial.bytes.isEmpty ? "=" : initial.base64)")
        case .authenticate(let mechanism, nil): buffer.writeString("AUTHENTICATE \(mechanism.rawValue)")
        case .listAll: buffer.writeString("LIST \"\" \"*\"")
        case .examine(let mailbox): buffer.writeString("EXAMINE \(Self.quoted(mailbox))")
        case .uidSearchMessageID(let id): buffer.writeString("UID SEARCH HEADER Message-ID \(Self.quoted(id))")
        case .uidFetchMessageIDs(let uids):
            buffer.writeString("UID FETCH \(uids.map(String.init).joined(separator: ",")) (UID BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
        case .append(let mailbox, let message): buffer.writeString("APPEND \(Self.quoted(mailbox)) (\\Seen) {\(message.count)}")
        case .logout: buffer.writeString("LOGOUT")
        }
        buffer.writeString("\r\n")
    }

    /// A quoted string (RFC 9051 §4.3): `"` and `\` escaped; non-ASCII goes as UTF-8, which servers
    /// take in quoted strings for passwords and, after LIST, names come back as the server writes them.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}

extension IMAPCommand: CustomStringConvertible {
    /// The command without its secrets or the message: safe for a log.
    public var description: String {
        switch self {
        case .login(let username, _): "LOGIN \(Self.quoted(username)) ****"
        case .authenticate(let mechanism, let initial): "AUTHENTICATE \(mechanism.rawValue)" + (initial == nil ? "" : " ****")
        case .append(let mailbox, let message): "APPEND \(Self.quoted(mailbox)) <message, \(message.count) bytes>"
        default: stage
        }
    }
}

/// What the client writes: a tagged command, a SASL response after a "+", or a literal's bytes.
public enum IMAPOutbound: Sendable, Equatable {
    case command(tag: String, IMAPCommand)
    /// A SASL response in base64, on a line of its own.
    case saslResponse(SASLResponse)
    /// A literal's bytes, after the server's "+", ending the command's line.
    case literal([UInt8])
}

/// Writes each ``IMAPOutbound`` as its exact bytes.
public struct IMAPOutboundEncoder: MessageToByteEncoder {
    public typealias OutboundIn = IMAPOutbound

    public init() {}

    public func encode(data: IMAPOutbound, out: inout ByteBuffer) throws {
        switch data {
        case .command(let tag, let command): try command.write(tag: tag, into: &out)
        case .saslResponse(let response): out.writeString(response.base64 + "\r\n")
        case .literal(let bytes):
            out.writeBytes(bytes)
            out.writeString("\r\n")
        }
    }
}
