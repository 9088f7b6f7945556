import NIOCore
import SASL

/// Where and how to reach the mail server.
public struct SMTPSettings: Sendable {
    public enum Security: String, Sendable, CaseIterable {
        /// Plain connection upgraded with STARTTLS (port 587); refused if the server cannot.
        case startTLS = "starttls"
        /// TLS from the first byte (port 465).
        case tls
        /// No encryption: only for a server on this machine.
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    /// Held in memory only; never logged, never stored.
    public var password: String?
    /// An OAuth2 access token, used instead of the password when set; held in memory only.
    public var token: String?
    /// How to sign in: a mechanism, or the best the server offers for the credentials.
    public var authMethod: SASLMethod
    /// The name given in EHLO.
    public var heloName: String
    /// A PEM file of certificates to trust besides the system's (a company or test CA).
    public var trustedCertificates: String?
    public var timeouts: SMTPTimeouts

    public init(
        host: String, port: Int, security: Security = .startTLS, username: String? = nil, password: String? = nil,
        token: String? = nil, authMethod: SASLMethod = .auto, heloName: String = "localhost", trustedCertificates: String? = nil, timeouts: SMTPTimeouts = SMTPTimeouts()
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.token = token
        self.authMethod = authMethod
        self.heloName = heloName
        self.trustedCertificates = trustedCertificates
        self.timeouts = timeouts
    }
}

extension SMTPSettings {
    /// The user name with the token when there is one, else the password; nil for no login.
    var credentials: SMTPCredentials? {
        guard let username else { return nil }
        if let token { return SMTPCredentials(username: username, token: token) }
        return SMTPCredentials(username: username, password: password ?? "")
    }
}

/// How long each stage may take (RFC 5321 §4.5.3.2 gives minutes; a person waiting wants less).
public struct SMTPTimeouts: Sendable {
    public var connect: TimeAmount
    public var greeting: TimeAmount
    public var command: TimeAmount
    /// After the final ".": the server may be scanning the message.
    public var endOfData: TimeAmount

    public init(
        connect: TimeAmount = .seconds(15), greeting: TimeAmount = .seconds(60), command: TimeAmount = .seconds(60),
        endOfData: TimeAmount = .seconds(120)
    ) {
        self.connect = connect
        self.greeting = greeting
        self.command = command
        self.endOfData = endOfData
    }

    /// Every stage limited to `seconds`.
    public static func uniform(seconds: Int64) -> SMTPTimeouts {
        SMTPTimeouts(connect: .seconds(seconds), greeting: .seconds(seconds), command: .seconds(seconds), endOfData: .seconds(seconds))
    }
}

/// One message for the server: who from, who to, and the message's bytes (CRLF line ends).
public struct SMTPEnvelope: Sendable {
    public var from: String
    public var recipients: [String]
    public var message: [UInt8]

    public init(from: String, recipients: [String], message: [UInt8]) {
        self.from = from
        self.recipients = recipients
        self.message = message
    }
}
