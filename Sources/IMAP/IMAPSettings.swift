import NIOCore
import SASL

/// Where and how to reach the IMAP server that keeps the Sent folder.
public struct IMAPSettings: Sendable {
    public enum Security: String, Sendable, CaseIterable {
        /// TLS from the first byte (port 993).
        case tls
        /// A plain connection turned to TLS with STARTTLS (port 143); refused if the server cannot.
        case startTLS = "starttls"
        /// No encryption: only for a server on this machine.
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    /// The same login as SMTP's: a password or an OAuth2 token.
    public var credentials: SASLCredentials
    public var authMethod: SASLMethod
    /// A PEM file of certificates to trust besides the system's.
    public var trustedCertificates: String?
    /// How long each step may take.
    public var timeout: TimeAmount

    public init(
        host: String, port: Int, security: Security = .tls, credentials: SASLCredentials, authMethod: SASLMethod = .auto,
        trustedCertificates: String? = nil, timeout: TimeAmount = .seconds(30)
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.credentials = credentials
        self.authMethod = authMethod
        self.trustedCertificates = trustedCertificates
        self.timeout = timeout
    }
}
