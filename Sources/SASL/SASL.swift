/// The sign-in exchanges that SMTP's AUTH (RFC 4954) and IMAP's AUTHENTICATE (RFC 9051 §6.2.2) share:
/// PLAIN (RFC 4616), LOGIN, XOAUTH2 (Google's and Microsoft's) and OAUTHBEARER (RFC 7628).

/// A user name and a password or an OAuth2 access token; never shown in a description.
public struct SASLCredentials: Sendable, Equatable, CustomStringConvertible {
    /// What proves who the user is.
    public enum Secret: Sendable, Equatable {
        /// A password (or an app password), for PLAIN and LOGIN.
        case password(String)
        /// An OAuth2 access token, for XOAUTH2 and OAUTHBEARER.
        case token(String)
    }

    /// The login name (for OAuth2, the mailbox's address).
    public var username: String
    /// Held in memory only; never logged, never stored.
    public var secret: Secret

    public init(username: String, password: String) {
        self.username = username
        self.secret = .password(password)
    }

    public init(username: String, token: String) {
        self.username = username
        self.secret = .token(token)
    }

    /// The password or the token.
    public var secretText: String {
        switch secret {
        case .password(let text), .token(let text): text
        }
    }

    public var isToken: Bool {
        if case .token = secret { return true }
        return false
    }

    /// The user name only.
    public var description: String { "\(username) (\(isToken ? "token" : "password") hidden)" }

    /// Every form in which the secret could come back in a server's words (plain, alone in base64, and in
    /// each mechanism's response), longest first: replaced by `****` before a reply reaches an error or a
    /// record.
    public func secrets(host: String, port: Int) -> [String] {
        let forms = [secretText, Base64.encode(Array(secretText.utf8))]
            + SASLMechanism.allCases.compactMap { initialResponse($0, host: host, port: port)?.base64 }
        // Longest first: a shorter form can be part of a longer one.
        return forms.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    /// The first message of `mechanism` (nil for LOGIN, which waits to be asked).
    /// - Parameters: host, port: the server, as OAUTHBEARER names it (RFC 7628 §3.1).
    public func initialResponse(_ mechanism: SASLMechanism, host: String, port: Int) -> SASLResponse? {
        let text: String
        switch mechanism {
        case .plain:
            text = "\u{0}\(username)\u{0}\(secretText)"
        case .login:
            return nil
        case .xoauth2:
            text = "user=\(username)\u{1}auth=Bearer \(secretText)\u{1}\u{1}"
        case .oauthBearer:
            // The GS2 header names the user; "," and "=" in the name are escaped (RFC 5801 §4).
            let name = username.replacing("=", with: "=3D").replacing(",", with: "=2C")
            let server = host.isEmpty ? "" : "host=\(host)\u{1}port=\(port)\u{1}"
            text = "n,a=\(name),\u{1}\(server)auth=Bearer \(secretText)\u{1}\u{1}"
        }
        return SASLResponse(bytes: Array(text.utf8))
    }
}

/// One way of signing in, as servers name it in their list of offered mechanisms.
public enum SASLMechanism: String, Sendable, CaseIterable {
    case plain = "PLAIN"
    case login = "LOGIN"
    case xoauth2 = "XOAUTH2"
    case oauthBearer = "OAUTHBEARER"

    /// Takes an access token rather than a password.
    public var usesToken: Bool { self == .xoauth2 || self == .oauthBearer }

    /// What the client answers to an error challenge (a 334 or "+" carrying the server's JSON error) so
    /// that the server ends the exchange with its failure reply: an empty response for XOAUTH2, a lone
    /// ^A for OAUTHBEARER (RFC 7628 §3.2.3).
    public var errorAcknowledgement: SASLResponse {
        SASLResponse(bytes: self == .oauthBearer ? [0x01] : [])
    }
}

/// How the user chose to sign in: a mechanism, or `auto` for the best one the server offers for the
/// credentials given.
public enum SASLMethod: String, Sendable, CaseIterable {
    case auto
    case plain
    case login
    case xoauth2
    case oauthbearer

    /// The mechanism to use with `credentials` when the server offers `offered` (upper-case names).
    /// - Throws: ``SASLChoiceError`` saying what the server offers and what to set instead.
    public func mechanism(offered: Set<String>, for credentials: SASLCredentials) throws(SASLChoiceError) -> SASLMechanism {
        let preference: [SASLMechanism]
        switch self {
        case .auto: preference = credentials.isToken ? [.oauthBearer, .xoauth2] : [.plain, .login]
        case .plain: preference = [.plain]
        case .login: preference = [.login]
        case .xoauth2: preference = [.xoauth2]
        case .oauthbearer: preference = [.oauthBearer]
        }
        if let wrong = preference.first(where: { $0.usesToken != credentials.isToken }) {
            throw SASLChoiceError(
                detail: wrong.usesToken
                    ? "\(wrong.rawValue) signs in with an access token, and a password was given; set a token command, or choose plain or login"
                    : "\(wrong.rawValue) signs in with a password, and an access token was given; choose xoauth2 or oauthbearer, or auto")
        }
        if let chosen = preference.first(where: { offered.contains($0.rawValue) }) { return chosen }
        let listed = offered.isEmpty ? "no sign-in at all" : "only " + offered.sorted().joined(separator: ", ")
        let wanted = preference.map(\.rawValue).joined(separator: " or ")
        let hint =
            offered.isEmpty
            ? "; check the security setting (many servers offer sign-in only after STARTTLS or on the TLS port)"
            : (credentials.isToken ? "; this server may need a password (an app password) instead of a token" : "; choose a method it offers")
        throw SASLChoiceError(detail: "the server offers \(listed), not \(wanted)\(hint)")
    }
}

/// Why no sign-in method fits the server and the credentials.
public struct SASLChoiceError: Error, Sendable, Equatable {
    public var detail: String
}

/// One client message of an exchange: sent in base64, described as `****`.
public struct SASLResponse: Sendable, Equatable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// A user name or password alone, as LOGIN sends them.
    public init(text: String) { self.bytes = Array(text.utf8) }

    public var base64: String { Base64.encode(bytes) }

    public var description: String { "****" }
}

/// The JSON error an OAuth2 server sends in place of accepting a token (RFC 7628 §3.2.2): its status
/// ("401", "invalid_token") said in the user's terms.
public struct SASLTokenError: Sendable, Equatable {
    /// The server's status, e.g. "401" or "invalid_token"; nil when it gave none (or no JSON).
    public var status: String?

    /// Reads the base64 challenge text (at most 4 KB decoded; anything else gives a nil status).
    public init(challenge: Substring) {
        guard let bytes = Base64.decode(challenge, limit: 4_096) else {
            status = nil
            return
        }
        status = Self.stringValue(of: "status", in: String(decoding: bytes, as: UTF8.self))
    }

    /// What the user is told: the token was refused, and how to get a fresh one.
    public var detail: String {
        let said = status.map { " (status \($0))" } ?? ""
        let reason: String
        switch status {
        case "401", "invalid_token": reason = "it has expired or is not valid for this account"
        case "400", "invalid_request": reason = "the server could not read it"
        case "403", "insufficient_scope": reason = "it does not allow sending mail (its scope lacks mail access)"
        default: reason = "it was not accepted"
        }
        return "the server refused the access token\(said): \(reason)"
    }

    /// The string value of `"key"` in flat JSON text, without unescaping; nil when absent or not a string.
    static func stringValue(of key: String, in json: String) -> String? {
        let quoted = Array("\"\(key)\"")
        let characters = Array(json)
        guard let start = characters.indices.first(where: { characters[$0...].starts(with: quoted) }) else { return nil }
        var rest = characters[(start + quoted.count)...].drop { $0 == " " || $0 == ":" || $0 == "\t" }
        guard rest.first == "\"" else { return nil }
        rest = rest.dropFirst()
        let value = rest.prefix { $0 != "\"" }
        guard value.count <= 40, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }) else { return nil }
        return String(value)
    }
}
