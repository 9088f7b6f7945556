/// Why an IMAP step failed, in the user's terms; never carries a password, a token or a message.
public struct IMAPError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// No connection could be made.
        case connection
        /// The server took longer than the step allows.
        case timeout
        /// TLS could not be set up.
        case tls
        /// The server refused the sign-in.
        case authentication
        /// The server answered NO or BAD to a command; the session goes on.
        case refused
        /// The server said something that is not IMAP, too much of it, or dropped the connection.
        case protocolViolation
        /// A name or address that cannot go into a command: nothing was sent.
        case invalidInput
    }

    public var kind: Kind
    /// The step ("greeting", "LOGIN", "APPEND"…).
    public var stage: String
    public var detail: String
    /// The server's own words, when it gave some (secrets masked).
    public var serverText: String?

    public init(kind: Kind, stage: String, detail: String, serverText: String? = nil) {
        self.kind = kind
        self.stage = stage
        self.detail = detail
        self.serverText = serverText
    }

    public var description: String {
        var text = "\(stage): \(detail)"
        if let serverText, !serverText.isEmpty { text += " (server said: \(serverText))" }
        return text
    }
}

extension IMAPError {
    /// What a failed TLS setup means, without the TLS library's own codes.
    static func tlsWords(_ error: any Error) -> String {
        let text = String(describing: error).uppercased()
        if text.contains("CERTIFICATE") {
            return "the IMAP server's certificate is not trusted (self-signed, expired or for another name); check imap.host, or set smtp.caFile to the certificate your provider gives"
        }
        if text.contains("WRONG_VERSION_NUMBER") || text.contains("RECORD") || text.contains("PACKET_LENGTH") {
            return "the IMAP server does not speak TLS on this port; use imap.security tls (usually port 993) or starttls (usually port 143)"
        }
        return "the secure connection to the IMAP server could not be set up; check imap.host, imap.port and imap.security"
    }

    /// What a failed or lost connection means, without the network library's own text.
    static func connectionWords(_ error: any Error) -> String {
        let text = String(describing: error).lowercased()
        if text.contains("refused") { return "nothing answers there (connection refused); check imap.host and imap.port" }
        if text.contains("reset") { return "the server dropped the connection" }
        if text.contains("timed out") || text.contains("timeout") { return "the server did not answer in time" }
        if text.contains("unreachable") || text.contains("no route") { return "the network cannot reach the server; check your connection" }
        if text.contains("resolv") || text.contains("lookup") || text.contains("nodename") || text.contains("getaddrinfo") {
            return "the server's name is not known; check imap.host"
        }
        return "the connection to the IMAP server failed"
    }
}
