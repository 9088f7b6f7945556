/// Why a message did not go through, and whether it may have anyway.
public struct SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// No connection could be made.
        case connection
        /// The server took longer than the stage allows.
        case timeout
        /// A 4xx reply: try again later.
        case transient
        /// A 5xx reply: refused for good.
        case permanent
        /// TLS could not be set up.
        case tls
        /// The server said something that is not SMTP, or dropped the connection.
        case protocolViolation
        /// An address or name that cannot go into a command (a line break in it would smuggle in a
        /// command of its own): nothing was sent.
        case invalidInput
    }

    public var kind: Kind
    /// The conversation step ("greeting", "RCPT TO", "end of data"…).
    public var stage: String
    /// The server's words, when it answered.
    public var reply: SMTPReply?
    public var detail: String
    /// True when the failure came after the whole message was handed over and before the server's
    /// answer: the message may have been delivered, so it must not be sent again blindly.
    public var mayHaveBeenDelivered: Bool

    public init(kind: Kind, stage: String, reply: SMTPReply? = nil, detail: String, mayHaveBeenDelivered: Bool = false) {
        self.kind = kind
        self.stage = stage
        self.reply = reply
        self.detail = detail
        self.mayHaveBeenDelivered = mayHaveBeenDelivered
    }

    public var description: String {
        var text = "\(stage): \(detail)"
        if let reply { text += " (server said: \(reply))" }
        return text
    }
}

extension SMTPError {
    /// What a failed TLS setup means for the user, in their terms; the TLS library's own text (error codes,
    /// library names) never reaches them.
    static func tlsWords(_ error: any Error) -> String {
        let text = String(describing: error).uppercased()
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("UNABLETOVALIDATECERTIFICATE") || text.contains("CERTIFICATE")
            && text.contains("VERIFY")
        {
            return "the server's certificate is not trusted (self-signed, expired or for another name); check smtp.host, or set smtp.caFile to the certificate your mail provider gives"
        }
        if text.contains("HOSTNAME") || text.contains("SERVERHOSTNAME") {
            return "the server's certificate is for another name; check smtp.host"
        }
        if text.contains("WRONG_VERSION_NUMBER") || text.contains("RECORD") || text.contains("PACKET_LENGTH") {
            return "the server does not speak TLS on this port; use smtp.security starttls (usually port 587) or tls (usually port 465)"
        }
        if text.contains("PEM") || text.contains("FAILEDTOLOADCERTIFICATE") || text.contains("NO_START_LINE") {
            return "the certificate file in smtp.caFile cannot be read as PEM; give a PEM file, or remove smtp.caFile"
        }
        return "the secure connection could not be set up; check smtp.host, smtp.port and smtp.security"
    }
}

extension SMTPError {
    /// What a failed or lost connection means for the user; the network library's own text never reaches them.
    static func connectionWords(_ error: any Error) -> String {
        let text = String(describing: error).lowercased()
        if text.contains("refused") { return "nothing answers there (connection refused); check smtp.host and smtp.port" }
        if text.contains("reset") { return "the server dropped the connection" }
        if text.contains("timed out") || text.contains("timeout") { return "the server did not answer in time" }
        if text.contains("unreachable") || text.contains("no route") { return "the network cannot reach the server; check your connection" }
        if text.contains("name") && (text.contains("resolv") || text.contains("lookup") || text.contains("nodename") || text.contains("getaddrinfo")) {
            return "the server's name is not known; check smtp.host"
        }
        if text.contains("closed") || text.contains("eof") || text.contains("pipe") { return "the server closed the connection" }
        return "the connection to the server failed"
    }
}
