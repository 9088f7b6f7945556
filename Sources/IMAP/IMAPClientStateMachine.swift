import SASL

/// What a command returned: the untagged responses it drew and the text of its OK.
public struct IMAPCompletion: Sendable, Equatable {
    public var untagged: [IMAPResponseLine]
    public var text: String
}

/// The client's side of an IMAP session as a value: responses and events in, actions out, no I/O.
///
/// greeting → CAPABILITY (unless the greeting lists them) → STARTTLS → TLS handshake → CAPABILITY →
/// LOGIN or AUTHENTICATE → ready; then one command at a time, each collecting its untagged responses
/// until its tagged completion (APPEND's message goes after the server's "+"), and LOGOUT at the end.
struct IMAPClientStateMachine {
    struct Configuration: Sendable {
        /// Turn the connection to TLS with STARTTLS first; refuse a server without it.
        var startTLS: Bool
        var credentials: SASLCredentials
        var authMethod: SASLMethod
        /// The server, as OAUTHBEARER names it.
        var serverHost: String
        var serverPort: Int
    }

    /// Where the session is: named after what the client waits for.
    enum State: Equatable {
        case awaitingGreeting
        case capabilitySent(tag: String)
        case startTLSSent(tag: String)
        /// Nothing may arrive until the TLS handshake ends.
        case tlsHandshaking
        case loginSent(tag: String)
        /// AUTHENTICATE went without its response: the server's "+" asks for it.
        case authenticateStarted(tag: String, SASLMechanism)
        /// The response is out: OK signs in; a "+" now carries an OAuth2 server's error.
        case authenticateSent(tag: String, SASLMechanism)
        /// The token's refusal was acknowledged; the NO follows.
        case tokenRefusalAcknowledged(tag: String, SASLTokenError)
        case ready
        case commandSent(Pending)
        case logoutSent(tag: String)
        case closed
        case failed(IMAPError)
    }

    /// A command waiting for its completion, and what it drew so far.
    struct Pending: Equatable {
        var tag: String
        var command: IMAPCommand
        var literalSent = false
        var untagged: [IMAPResponseLine] = []
        var bytes = 0
    }

    enum Action: Equatable {
        case none
        case send([IMAPOutbound])
        /// Turn the connection to TLS now, and forget whatever was read after the OK.
        case startTLS
        /// Signed in: commands may be given.
        case ready
        case completed(IMAPCompletion)
        /// The command was refused (NO or BAD); the session goes on.
        case refused(IMAPError)
        /// The session is over: close the connection.
        case fail(IMAPError)
        case close
    }

    /// Untagged responses one command may draw, and their bytes together.
    static let maximumUntagged = 20_000
    static let maximumUntaggedBytes = 16 * 1024 * 1024
    /// A SASL initial response goes with AUTHENTICATE only when the line stays this short.
    static let maximumInitialResponseLine = 8_000

    private(set) var state = State.awaitingGreeting
    /// The server's capabilities, upper-cased.
    private(set) var capabilities: Set<String> = []
    private let configuration: Configuration
    private var secured = false
    private var tagNumber = 0
    /// The server's BYE, said before it closes.
    private var farewell: String?

    init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The step the client waits in, as errors and timeouts name it; nil when it waits for nothing.
    var awaiting: String? {
        switch state {
        case .awaitingGreeting: "greeting"
        case .capabilitySent: "CAPABILITY"
        case .startTLSSent, .tlsHandshaking: "STARTTLS"
        case .loginSent: "LOGIN"
        case .authenticateStarted, .authenticateSent, .tokenRefusalAcknowledged: "AUTHENTICATE"
        case .commandSent(let pending): pending.command.stage
        case .logoutSent: "LOGOUT"
        case .ready, .closed, .failed: nil
        }
    }

    var failure: IMAPError? {
        if case .failed(let error) = state { return error }
        return nil
    }

    // MARK: - Events

    mutating func received(_ response: IMAPResponse) -> Action {
        switch state {
        case .closed, .failed: return .none
        case .tlsHandshaking: return failed(Self.plaintextDuringHandshake)
        default: break
        }
        if case .untagged(let line) = response, Self.keyword(line) == "BYE" {
            farewell = line.text
            if case .awaitingGreeting = state {
                return fail(IMAPError(kind: .connection, stage: "greeting", detail: "the server turned the connection away", serverText: line.text))
            }
            return .none
        }
        switch state {
        case .awaitingGreeting:
            guard case .untagged(let line) = response else { return fail(Self.unexpected(response, stage: "greeting")) }
            switch Self.keyword(line) {
            case "OK":
                capabilities = Self.capabilities(inCode: line.text)
                return capabilities.isEmpty ? command(.capability) : capabilitiesKnown()
            case "PREAUTH":
                guard !configuration.startTLS || secured else {
                    return fail(
                        IMAPError(kind: .tls, stage: "STARTTLS", detail: "the server signed in before TLS could be set up; use imap.security tls"))
                }
                state = .ready
                return .ready
            default:
                return fail(Self.unexpected(response, stage: "greeting"))
            }
        case .capabilitySent(let tag):
            switch response {
            case .untagged(let line) where Self.keyword(line) == "CAPABILITY":
                capabilities = Set(line.text.uppercased().split(separator: " ").dropFirst().map(String.init))
                return .none
            case .untagged:
                return .none
            case .tagged(tag, .ok, _):
                return capabilitiesKnown()
            default:
                return fail(Self.unexpected(response, stage: "CAPABILITY"))
            }
        case .startTLSSent(let tag):
            switch response {
            case .untagged: return .none
            case .tagged(tag, .ok, _):
                state = .tlsHandshaking
                return .startTLS
            case .tagged(tag, _, let text):
                return fail(IMAPError(kind: .tls, stage: "STARTTLS", detail: "the server refused to turn on TLS; use imap.security tls (port 993)", serverText: text))
            default:
                return fail(Self.unexpected(response, stage: "STARTTLS"))
            }
        case .loginSent(let tag):
            switch response {
            case .untagged: return .none
            case .tagged(tag, .ok, _):
                state = .ready
                return .ready
            case .tagged(tag, _, let text):
                return fail(refusedSignIn(text, stage: "LOGIN"))
            default:
                return fail(Self.unexpected(response, stage: "LOGIN"))
            }
        case .authenticateStarted(let tag, let mechanism):
            switch response {
            case .untagged: return .none
            case .continuation:
                let initial =
                    configuration.credentials.initialResponse(mechanism, host: configuration.serverHost, port: configuration.serverPort)
                    ?? SASLResponse(bytes: [])
                state = .authenticateSent(tag: tag, mechanism)
                return .send([.saslResponse(initial)])
            case .tagged(tag, _, let text):
                return fail(refusedSignIn(text, stage: "AUTHENTICATE"))
            default:
                return fail(Self.unexpected(response, stage: "AUTHENTICATE"))
            }
        case .authenticateSent(let tag, let mechanism):
            switch response {
            case .untagged: return .none
            case .tagged(tag, .ok, _):
                state = .ready
                return .ready
            case .tagged(tag, _, let text):
                return fail(refusedSignIn(text, stage: "AUTHENTICATE"))
            case .continuation(let challenge) where mechanism.usesToken:
                state = .tokenRefusalAcknowledged(tag: tag, SASLTokenError(challenge: Substring(challenge)))
                return .send([.saslResponse(mechanism.errorAcknowledgement)])
            default:
                return fail(Self.unexpected(response, stage: "AUTHENTICATE"))
            }
        case .tokenRefusalAcknowledged(let tag, let tokenError):
            switch response {
            case .untagged: return .none
            case .tagged(tag, _, let text):
                return fail(
                    IMAPError(
                        kind: .authentication, stage: "AUTHENTICATE",
                        detail: tokenError.detail + "; get a fresh token (run the token command yourself) and try again", serverText: masked(text)))
            default:
                return fail(Self.unexpected(response, stage: "AUTHENTICATE"))
            }
        case .ready:
            if case .untagged = response { return .none }
            return fail(Self.unexpected(response, stage: "reply"))
        case .commandSent(var pending):
            switch response {
            case .untagged(let line):
                pending.untagged.append(line)
                pending.bytes += line.segments.reduce(0) { total, segment in
                    switch segment {
                    case .text(let bytes), .literal(let bytes): total + bytes.count
                    }
                }
                guard pending.untagged.count <= Self.maximumUntagged, pending.bytes <= Self.maximumUntaggedBytes else {
                    return fail(
                        IMAPError(
                            kind: .protocolViolation, stage: pending.command.stage,
                            detail: "the server sent more than this client reads for one command; it is not behaving like a mail server"))
                }
                state = .commandSent(pending)
                return .none
            case .continuation:
                guard case .append(_, let message) = pending.command, !pending.literalSent else {
                    return fail(Self.unexpected(response, stage: pending.command.stage))
                }
                pending.literalSent = true
                state = .commandSent(pending)
                return .send([.literal(message)])
            case .tagged(pending.tag, .ok, let text):
                state = .ready
                return .completed(IMAPCompletion(untagged: pending.untagged, text: text))
            case .tagged(pending.tag, _, let text):
                state = .ready
                return .refused(IMAPError(kind: .refused, stage: pending.command.stage, detail: "the server refused", serverText: text))
            case .tagged:
                return fail(Self.unexpected(response, stage: pending.command.stage))
            }
        case .logoutSent(let tag):
            if case .tagged(tag, _, _) = response {
                state = .closed
                return .close
            }
            return .none
        case .tlsHandshaking, .closed, .failed:
            return .none
        }
    }

    /// Bytes arrived; between STARTTLS's OK and the end of the handshake none may.
    mutating func dataArrived() -> Action {
        guard case .tlsHandshaking = state else { return .none }
        return failed(Self.plaintextDuringHandshake)
    }

    /// The TLS handshake after STARTTLS finished: the capabilities are asked again, inside TLS.
    mutating func tlsEstablished() -> Action {
        guard case .tlsHandshaking = state else { return .none }
        secured = true
        capabilities = []
        return command(.capability)
    }

    /// Gives a command, once signed in.
    mutating func run(_ command: IMAPCommand) -> Action {
        switch state {
        case .ready: break
        case .failed(let error): return .fail(error)
        default:
            return .refused(IMAPError(kind: .protocolViolation, stage: command.stage, detail: "the session is not ready for a command"))
        }
        do {
            try command.validate()
        } catch {
            return .refused(error)
        }
        return self.command(command)
    }

    /// Ends the session: LOGOUT when it is ready, else just close.
    mutating func logout() -> Action {
        switch state {
        case .ready:
            return command(.logout)
        case .logoutSent:
            return .none
        case .failed:
            return .close
        default:
            state = .closed
            return .close
        }
    }

    /// The connection failed (a timeout, a TLS error, too much data): the session is over.
    mutating func failed(_ error: IMAPError) -> Action {
        switch state {
        case .closed, .failed:
            return .none
        case .logoutSent:
            state = .closed
            return .close
        default:
            var error = error
            if error.stage.isEmpty || error.stage == "connection" { error.stage = awaiting ?? error.stage }
            state = .failed(error)
            return .fail(error)
        }
    }

    /// The server closed the connection.
    mutating func closed() -> Action {
        if case .logoutSent = state {
            state = .closed
            return .close
        }
        return failed(
            IMAPError(
                kind: .connection, stage: awaiting ?? "connection", detail: "the server closed the connection",
                serverText: farewell))
    }

    // MARK: - Steps

    private mutating func command(_ command: IMAPCommand) -> Action {
        tagNumber += 1
        let tag = "A\(tagNumber)"
        switch command {
        case .capability: state = .capabilitySent(tag: tag)
        case .startTLS: state = .startTLSSent(tag: tag)
        case .login: state = .loginSent(tag: tag)
        case .authenticate(let mechanism, let initial):
            state = initial == nil ? .authenticateStarted(tag: tag, mechanism) : .authenticateSent(tag: tag, mechanism)
        case .logout: state = .logoutSent(tag: tag)
        default: state = .commandSent(Pending(tag: tag, command: command))
        }
        return .send([.command(tag: tag, command)])
    }

    /// After the capabilities: STARTTLS when asked and not done, then the sign-in.
    private mutating func capabilitiesKnown() -> Action {
        if configuration.startTLS, !secured {
            guard capabilities.contains("STARTTLS") else {
                return fail(
                    IMAPError(kind: .tls, stage: "STARTTLS", detail: "the server does not offer STARTTLS; use imap.security tls (port 993)"))
            }
            return command(.startTLS)
        }
        let credentials = configuration.credentials
        let offered = Set(capabilities.filter { $0.hasPrefix("AUTH=") }.map { String($0.dropFirst(5)) })
        if !credentials.isToken {
            if offered.contains("PLAIN"), configuration.authMethod != .login {
                return authenticate(.plain)
            }
            guard !capabilities.contains("LOGINDISABLED") else {
                return fail(
                    IMAPError(
                        kind: .authentication, stage: "LOGIN",
                        detail: "the server takes no password sign-in on this connection; check imap.security (tls or starttls)"))
            }
            return command(.login(username: credentials.username, password: credentials.secretText))
        }
        do {
            return authenticate(try configuration.authMethod.mechanism(offered: offered, for: credentials))
        } catch {
            return fail(IMAPError(kind: .authentication, stage: "AUTHENTICATE", detail: error.detail))
        }
    }

    /// AUTHENTICATE with the initial response on the line when the server takes one (SASL-IR) and the
    /// line stays short, else after the server's "+".
    private mutating func authenticate(_ mechanism: SASLMechanism) -> Action {
        let initial = configuration.credentials.initialResponse(mechanism, host: configuration.serverHost, port: configuration.serverPort)
        if capabilities.contains("SASL-IR"), let initial, initial.base64.utf8.count + 40 <= Self.maximumInitialResponseLine {
            return command(.authenticate(mechanism, initial: initial))
        }
        return command(.authenticate(mechanism, initial: nil))
    }

    private func refusedSignIn(_ text: String, stage: String) -> IMAPError {
        IMAPError(
            kind: .authentication, stage: stage,
            detail: configuration.credentials.isToken
                ? "the server refused the access token; get a fresh token (run the token command yourself) and check that it is for this account"
                : "the server refused the user name or password; check imap.user (or smtp.user) and the password",
            serverText: masked(text))
    }

    /// The server's words with every form of the secret replaced by `****`.
    private func masked(_ text: String) -> String {
        configuration.credentials.secrets(host: configuration.serverHost, port: configuration.serverPort).reduce(text) {
            $0.replacing($1, with: "****")
        }
    }

    private mutating func fail(_ error: IMAPError) -> Action {
        state = .failed(error)
        return .fail(error)
    }

    /// The first word of an untagged line: OK, BYE, CAPABILITY, LIST…, or the word after a number (EXISTS).
    static func keyword(_ line: IMAPResponseLine) -> String {
        let words = line.text.split(separator: " ", maxSplits: 2)
        guard let first = words.first else { return "" }
        if first.allSatisfy(\.isNumber), words.count > 1 { return words[1].uppercased() }
        return first.uppercased()
    }

    /// The capabilities in a `[CAPABILITY …]` response code, if the text has one.
    static func capabilities(inCode text: String) -> Set<String> {
        let upper = Array(text.uppercased())
        let marker = Array("[CAPABILITY ")
        guard let start = upper.indices.first(where: { upper[$0...].starts(with: marker) }) else { return [] }
        let rest = upper[(start + marker.count)...]
        guard let end = rest.firstIndex(of: "]") else { return [] }
        return Set(String(rest[..<end]).split(separator: " ").map(String.init))
    }

    private static func unexpected(_ response: IMAPResponse, stage: String) -> IMAPError {
        let said: String
        switch response {
        case .untagged(let line): said = "* " + line.text
        case .continuation(let text): said = "+ " + text
        case .tagged(let tag, let status, let text): said = "\(tag) \(status.rawValue) \(text)"
        }
        return IMAPError(
            kind: .protocolViolation, stage: stage, detail: "the server said something out of turn; it is not following the protocol",
            serverText: String(said.prefix(120)))
    }

    private static let plaintextDuringHandshake = IMAPError(
        kind: .tls, stage: "STARTTLS",
        detail: "the server sent data before the TLS handshake finished; someone may be tampering with the connection")
}
