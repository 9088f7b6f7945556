import SASL

/// The client's side of an SMTP conversation as a value: replies and events in, actions out, no I/O.
///
/// greeting → EHLO (HELO when EHLO is refused) → STARTTLS → TLS handshake → EHLO again → AUTH → ready,
/// then for each message MAIL → RCPT… → DATA → the message → ready, and QUIT at the end. Which reply
/// codes each state takes lives here, and so does the count of commands waiting for a reply: replies
/// answer commands in order (pipelined MAIL, RCPT and DATA each get theirs), and a reply that no sent
/// command waits for is the server speaking out of turn, which ends the session.
///
/// The connection's handler feeds it every reply with ``received(_:)`` and ends each read with
/// ``readComplete(partialReplyWaiting:)``: a reply can only answer a command sent before the read it
/// came in, so a reply read in the same packet as the reply that led to its command came too early.
struct SMTPClientStateMachine {
    /// What the session is set to do.
    struct Configuration: Sendable {
        /// The name given in EHLO and HELO.
        var heloName: String
        /// Turn the connection to TLS with STARTTLS after the first EHLO; refuse a server without it.
        var startTLS: Bool
        /// Log in after EHLO (after TLS, with STARTTLS), or nil for no login.
        var credentials: SMTPCredentials?
        /// How to log in: a mechanism, or the best the server offers for the credentials.
        var authMethod: SASLMethod = .auto
        /// The server as OAUTHBEARER names it.
        var serverHost: String = ""
        var serverPort: Int = 0
    }

    /// Where the conversation is: named after what the client waits for.
    enum State: Equatable {
        /// Connected; the server speaks first.
        case awaitingGreeting
        case ehloSent
        case heloSent
        case startTLSSent
        /// The server said 220 to STARTTLS: nothing may arrive until the TLS handshake ends.
        case tlsHandshaking
        /// AUTH went out without its initial response (LOGIN, or a response too long for one line): the
        /// server's 334 asks for it.
        case authStarted(SASLMechanism)
        /// The mechanism's response went out (with AUTH, or after the 334): 235 signs in.
        case authSent(SASLMechanism)
        case authLoginUsernameSent
        case authLoginPasswordSent
        /// The server refused the token with a JSON error challenge; the client acknowledged it and waits
        /// for the final failure reply.
        case tokenRefusalAcknowledged(SASLTokenError)
        /// Logged in and waiting for a message to send.
        case ready
        case mailSent(Transaction)
        case rcptSent(Transaction)
        case dataSent(Transaction)
        /// The message and its final "." are out: the reply says whether the server took it.
        case messageSent
        /// RSET after a refused MAIL, RCPT or DATA; the refusal is reported once RSET is answered.
        case resetSent(refusal: SMTPError)
        case quitSent
        /// Ended as asked.
        case closed
        /// Ended by an error: every later request fails with it.
        case failed(SMTPError)
    }

    /// One message's MAIL, RCPT… and DATA, and the replies they got so far.
    struct Transaction: Equatable {
        /// MAIL, one RCPT for each recipient, DATA.
        var commands: [SMTPCommand]
        var replies: [SMTPReply] = []
        /// All commands were sent at once (the server offers PIPELINING); otherwise one at a time.
        var pipelined: Bool
        var message: SMTPMessageData

        /// The command whose reply comes next.
        var awaited: SMTPCommand { commands[min(replies.count, commands.count - 1)] }
    }

    /// What the connection must do next.
    enum Action: Equatable {
        /// Nothing: wait for the server.
        case none
        /// Write these commands, in order, and flush.
        case send([SMTPCommand])
        /// Turn the connection to TLS now, before reading another byte, and forget whatever was read
        /// after the 220: it came in plaintext and could be anyone's.
        case startTLS
        /// The session is open: greeted, secured and logged in as configured.
        case ready
        /// The server took the message: its final reply.
        case accepted(SMTPReply)
        /// The request failed (a refused message, a message too big); the session goes on.
        case refused(SMTPError)
        /// The request failed and the session is over: close the connection.
        case fail(SMTPError)
        /// The session ended as asked: close the connection.
        case close
    }

    /// Which limit applies while the client waits.
    enum WaitLimit: Equatable {
        case greeting
        case command
        case endOfData
        case quit
    }

    private(set) var state = State.awaitingGreeting
    /// The EHLO keywords, upper-cased, with their parameters; empty after HELO.
    private(set) var extensions: [String: [String]] = [:]
    private let configuration: Configuration
    private var secured = false
    /// Commands sent (the greeting counts as one) whose reply has not come.
    private var outstanding = 1
    /// A read is being handled: commands sent now go out after its bytes came.
    private var reading = false
    /// Commands sent while handling the current read: its bytes were on their way before these
    /// commands, so they cannot answer them.
    private var sentDuringRead = 0
    /// A partial reply was read while no command waited for one.
    private var unsolicitedBytes = false

    init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The step the client waits in, as errors name it, and the limit for the wait; nil when it waits
    /// for nothing (ready, or ended).
    var awaiting: (stage: String, limit: WaitLimit)? {
        switch state {
        case .awaitingGreeting: ("greeting", .greeting)
        case .ehloSent: ("EHLO", .command)
        case .heloSent: ("HELO", .command)
        case .startTLSSent, .tlsHandshaking: ("STARTTLS", .command)
        case .authStarted, .authSent, .authLoginUsernameSent, .authLoginPasswordSent, .tokenRefusalAcknowledged: ("AUTH", .command)
        case .mailSent(let transaction), .rcptSent(let transaction), .dataSent(let transaction):
            (transaction.awaited.stage, .command)
        case .messageSent: ("end of data", .endOfData)
        case .resetSent: ("RSET", .command)
        case .quitSent: ("QUIT", .quit)
        case .ready, .closed, .failed: nil
        }
    }

    /// Why the session ended, when an error ended it.
    var failure: SMTPError? {
        if case .failed(let error) = state { return error }
        return nil
    }

    // MARK: - Events

    /// A whole reply from the server.
    mutating func received(_ reply: SMTPReply) -> Action {
        reading = true
        switch state {
        case .closed, .failed: return .none
        case .tlsHandshaking: return failed(Self.plaintextDuringHandshake)
        default: break
        }
        guard outstanding - sentDuringRead > 0, !unsolicitedBytes else { return unsolicited(reply) }
        outstanding -= 1
        switch state {
        case .awaitingGreeting:
            guard reply.code == 220 else { return fail(Self.refusal(reply, stage: "greeting")) }
            return ehlo()
        case .ehloSent:
            if reply.code == 250 {
                extensions = reply.extensions
                return helloDone()
            }
            guard reply.isPermanent else { return fail(Self.refusal(reply, stage: "EHLO")) }
            state = .heloSent
            return send([.helo(configuration.heloName)])
        case .heloSent:
            guard reply.code == 250 else { return fail(Self.refusal(reply, stage: "HELO")) }
            extensions = [:]
            return helloDone()
        case .startTLSSent:
            guard reply.code == 220 else { return fail(Self.refusal(reply, stage: "STARTTLS")) }
            state = .tlsHandshaking
            return .startTLS
        case .authStarted(let mechanism):
            guard reply.code == 334, let credentials = configuration.credentials else { return fail(authRefusal(reply)) }
            guard
                let response = credentials.initialResponse(mechanism, host: configuration.serverHost, port: configuration.serverPort)
            else {
                state = .authLoginUsernameSent
                return send([.saslResponse(SASLResponse(text: credentials.username))])
            }
            state = .authSent(mechanism)
            return send([.saslResponse(response)])
        case .authSent(let mechanism):
            return authReply(reply, mechanism)
        case .authLoginUsernameSent:
            guard reply.code == 334, let credentials = configuration.credentials else {
                return fail(authRefusal(reply))
            }
            state = .authLoginPasswordSent
            return send([.saslResponse(SASLResponse(text: credentials.secretText))])
        case .authLoginPasswordSent:
            guard reply.code == 235 else { return fail(authRefusal(reply)) }
            state = .ready
            return .ready
        case .tokenRefusalAcknowledged(let tokenError):
            // Whatever the final reply says, the token was refused: never retried, never sent with it.
            return fail(
                SMTPError(
                    kind: .permanent, stage: "AUTH", reply: masked(reply),
                    detail: tokenError.detail + "; get a fresh token (run the token command yourself) and try again"))
        case .mailSent(let transaction), .rcptSent(let transaction), .dataSent(let transaction):
            return envelopeReply(reply, transaction)
        case .messageSent:
            // After the final ".", the reply decides: 250, 251 and 252 took it; 4xx and 5xx did not; anything
            // else says neither, and the server may have taken the message (RFC 5321 §4.2.1, §4.3.2).
            switch reply.code {
            case 250, 251, 252:
                state = .ready
                return .accepted(reply)
            case 400...599:
                state = .ready
                return .refused(Self.refusal(reply, stage: "end of data"))
            default:
                let error = SMTPError(
                    kind: .protocolViolation, stage: "end of data", reply: reply,
                    detail: "the server answered the end of the message with \(reply.code), which says neither sent nor refused; the message may or may not have been delivered",
                    mayHaveBeenDelivered: true)
                state = .failed(error)
                return .fail(error)
            }
        case .resetSent(let refusal):
            state = .ready
            return .refused(refusal)
        case .quitSent:
            state = .closed
            return .close
        case .tlsHandshaking, .ready, .closed, .failed:
            // Handled above: nothing is outstanding in these states.
            return unsolicited(reply)
        }
    }

    /// The bytes of one read are all handled; `partialReplyWaiting` when they end inside a reply.
    mutating func readComplete(partialReplyWaiting: Bool) -> Action {
        defer {
            reading = false
            sentDuringRead = 0
        }
        switch state {
        case .closed, .failed: return .none
        case .tlsHandshaking where partialReplyWaiting: return failed(Self.plaintextDuringHandshake)
        default: break
        }
        if partialReplyWaiting, outstanding - sentDuringRead <= 0 { unsolicitedBytes = true }
        return .none
    }

    /// Bytes arrived; between STARTTLS's 220 and the end of the handshake none may.
    mutating func dataArrived() -> Action {
        reading = true
        guard case .tlsHandshaking = state else { return .none }
        return failed(Self.plaintextDuringHandshake)
    }

    /// The TLS handshake after STARTTLS finished: EHLO again, inside TLS (RFC 3207 §4.2).
    mutating func tlsEstablished() -> Action {
        guard case .tlsHandshaking = state else { return .none }
        secured = true
        extensions = [:]
        return ehlo()
    }

    /// Starts sending a message: MAIL, RCPT for each recipient and DATA, all at once when the server
    /// offers PIPELINING.
    mutating func sendMessage(_ envelope: SMTPEnvelope) -> Action {
        switch state {
        case .ready: break
        case .failed(let error): return .fail(error)
        case .closed: return .fail(Self.closedByClient)
        default:
            return .refused(
                SMTPError(
                    kind: .protocolViolation, stage: "MAIL FROM", detail: "the session is not ready for a message"))
        }
        let message = SMTPMessageData(message: envelope.message)
        if let limit = extensions["SIZE"]?.first.flatMap(Int.init), limit > 0, message.bytes.count > limit {
            return .refused(
                SMTPError(
                    kind: .permanent, stage: "SIZE",
                    detail: "the message is \(message.bytes.count) bytes; the server takes at most \(limit)"))
        }
        let international = ([envelope.from] + envelope.recipients).contains { $0.utf8.contains { $0 >= 0x80 } }
        if international, extensions["SMTPUTF8"] == nil {
            return .refused(
                SMTPError(
                    kind: .permanent, stage: "MAIL FROM",
                    detail: "an address has non-ASCII characters and the server does not offer SMTPUTF8"))
        }
        let mail = SMTPCommand.mail(
            from: envelope.from, size: extensions["SIZE"] != nil ? message.bytes.count : nil, utf8: international,
            eightBitMIME: extensions["8BITMIME"] != nil && envelope.message.contains { $0 >= 0x80 })
        let commands = [mail] + envelope.recipients.map { SMTPCommand.rcpt(to: $0) } + [.data]
        do {
            for command in commands { try command.validate() }
        } catch {
            return .refused(error)
        }
        let transaction = Transaction(commands: commands, pipelined: extensions["PIPELINING"] != nil, message: message)
        state = .mailSent(transaction)
        return send(transaction.pipelined ? commands : [mail])
    }

    /// Ends the session: QUIT when it is ready, else just close.
    mutating func quit() -> Action {
        switch state {
        case .ready:
            state = .quitSent
            return send([.quit])
        case .quitSent:
            return .none
        case .failed:
            return .close
        default:
            state = .closed
            return .close
        }
    }

    /// The connection failed (a reply past the limits, a TLS error, a timeout): the session is over.
    /// The error is named after the step the client was in.
    mutating func failed(_ error: SMTPError) -> Action {
        var error = error
        switch state {
        case .closed, .failed:
            return .none
        case .quitSent:
            // Leaving anyway: a QUIT that is not answered changes nothing.
            state = .closed
            return .close
        case .resetSent(let refusal):
            error.stage = "RSET"
            state = .failed(error)
            return .fail(refusal)
        case .messageSent:
            error.stage = "end of data"
            if error.reply == nil {
                // The whole message was handed over: the server may have taken it before the failure.
                error.mayHaveBeenDelivered = true
                error.detail += "; the message may or may not have been delivered"
            }
        default:
            error.stage = awaiting?.stage ?? error.stage
        }
        state = .failed(error)
        return .fail(error)
    }

    /// The server closed the connection.
    mutating func closed() -> Action {
        if case .quitSent = state {
            state = .closed
            return .close
        }
        return failed(
            SMTPError(kind: .protocolViolation, stage: "connection", detail: "the server closed the connection"))
    }

    // MARK: - Steps

    private mutating func ehlo() -> Action {
        let command = SMTPCommand.ehlo(configuration.heloName)
        do {
            try command.validate()
        } catch {
            return fail(error)
        }
        state = .ehloSent
        return send([command])
    }

    /// After EHLO or HELO: STARTTLS when asked and not done yet, then AUTH, then ready.
    private mutating func helloDone() -> Action {
        if configuration.startTLS, !secured {
            guard extensions["STARTTLS"] != nil else {
                return fail(
                    SMTPError(
                        kind: .tls, stage: "STARTTLS",
                        detail: "the server does not offer STARTTLS; use smtp.security tls (port 465) or another server"
                    ))
            }
            state = .startTLSSent
            return send([.startTLS])
        }
        guard let credentials = configuration.credentials else {
            state = .ready
            return .ready
        }
        let offered = Set((extensions["AUTH"] ?? []).map { $0.uppercased() })
        let mechanism: SASLMechanism
        do {
            mechanism = try configuration.authMethod.mechanism(offered: offered, for: credentials)
        } catch {
            return fail(SMTPError(kind: .permanent, stage: "AUTH", detail: error.detail))
        }
        // An initial response goes with AUTH only when the line stays within SMTP's 512 octets (a 2 KB
        // Microsoft token does not, and servers refuse longer lines); otherwise it follows the 334.
        let initial = credentials.initialResponse(mechanism, host: configuration.serverHost, port: configuration.serverPort)
        if let initial, "AUTH \(mechanism.rawValue) \(initial.base64)\r\n".utf8.count <= 512 {
            state = .authSent(mechanism)
            return send([.auth(mechanism, initial: initial)])
        }
        state = .authStarted(mechanism)
        return send([.auth(mechanism, initial: nil)])
    }

    /// The reply to the mechanism's response: 235 signs in; a 334 now carries an OAuth2 server's error,
    /// which is acknowledged so that the server ends the exchange (RFC 7628 §3.2.3).
    private mutating func authReply(_ reply: SMTPReply, _ mechanism: SASLMechanism) -> Action {
        if reply.code == 235 {
            state = .ready
            return .ready
        }
        guard reply.code == 334, mechanism.usesToken else { return fail(authRefusal(reply)) }
        state = .tokenRefusalAcknowledged(SASLTokenError(challenge: Substring(reply.lines.first ?? "")))
        return send([.saslResponse(mechanism.errorAcknowledgement)])
    }

    /// A reply to MAIL, RCPT or DATA. One at a time, the next command goes after a positive reply;
    /// pipelined, every reply is awaited. Then the message goes if all were as expected, else RSET
    /// (or, when the server waits for data after a refusal, the connection is dropped).
    private mutating func envelopeReply(_ reply: SMTPReply, _ transaction: Transaction) -> Action {
        var transaction = transaction
        transaction.replies.append(reply)
        let complete = transaction.replies.count == transaction.commands.count
        if !complete, transaction.pipelined || reply.isPositive {
            state = Self.envelopeState(transaction)
            return transaction.pipelined ? .none : send([transaction.awaited])
        }
        let unexpected = zip(transaction.replies, transaction.commands).first { pair in
            !Self.isExpected(pair.0, for: pair.1)
        }
        guard let (refused, command) = unexpected else {
            state = .messageSent
            return send([.message(transaction.message)])
        }
        let refusal = Self.refusal(refused, stage: command.stage)
        if complete, reply.code == 354 {
            // The server waits for data although a command failed: ending it with "." could deliver an
            // empty message, so the connection is dropped instead and the server discards the transaction.
            state = .failed(Self.closedByClient)
            return .fail(refusal)
        }
        state = .resetSent(refusal: refusal)
        return send([.rset])
    }

    private static func envelopeState(_ transaction: Transaction) -> State {
        switch transaction.awaited {
        case .mail: .mailSent(transaction)
        case .data: .dataSent(transaction)
        default: .rcptSent(transaction)
        }
    }

    /// 250 for MAIL and RCPT (251 too), 354 for DATA.
    private static func isExpected(_ reply: SMTPReply, for command: SMTPCommand) -> Bool {
        switch command {
        case .data: reply.code == 354
        case .rcpt: reply.code == 250 || reply.code == 251
        default: reply.code == 250
        }
    }

    /// A reply no command waits for. A 421 while idle is the server closing the connection (RFC 5321
    /// §3.8), which a new connection mends; anything else is the server speaking out of turn.
    private mutating func unsolicited(_ reply: SMTPReply) -> Action {
        if case .ready = state, reply.code == 421 {
            return failed(
                SMTPError(
                    kind: .protocolViolation, stage: "connection", detail: "the server closed the connection (\(reply))"
                ))
        }
        return failed(
            SMTPError(
                kind: .protocolViolation, stage: "reply",
                detail: "the server said \"\(reply)\" before it was asked anything; it is not following the protocol"))
    }

    private mutating func send(_ commands: [SMTPCommand]) -> Action {
        outstanding += commands.count
        if reading { sentDuringRead += commands.count }
        return .send(commands)
    }

    private mutating func fail(_ error: SMTPError) -> Action {
        state = .failed(error)
        return .fail(error)
    }

    /// A refused sign-in. A refused token is refused for good (a 4xx only when the server says so),
    /// with how to get a fresh one.
    private func authRefusal(_ reply: SMTPReply) -> SMTPError {
        var error = Self.refusal(masked(reply), stage: "AUTH")
        if configuration.credentials?.isToken == true, reply.code != 334 {
            error.detail = reply.isTransient
                ? "the server could not check the access token now; it asks to try again later"
                : "the server refused the access token; get a fresh token (run the token command yourself) and check that it is for this account"
        } else if reply.code == 334 {
            error.kind = .protocolViolation
            error.detail = "the server asked for more than this sign-in method gives"
        }
        return error
    }

    /// The reply with every form of the secret replaced by `****`: a server may echo what it was sent.
    private func masked(_ reply: SMTPReply) -> SMTPReply {
        var masked = reply
        for secret in configuration.credentials?.secrets(host: configuration.serverHost, port: configuration.serverPort) ?? [] {
            masked.lines = masked.lines.map { $0.replacing(secret, with: "****") }
        }
        return masked
    }

    /// A reply that is not the one the step wants: 4xx try later, 5xx refused for good, else not SMTP.
    static func refusal(_ reply: SMTPReply, stage: String) -> SMTPError {
        SMTPError(
            kind: reply.isTransient ? .transient : (reply.isPermanent ? .permanent : .protocolViolation), stage: stage,
            reply: reply, detail: reply.isTransient ? "the server asks to try again later" : "the server refused")
    }

    private static let plaintextDuringHandshake = SMTPError(
        kind: .tls, stage: "STARTTLS",
        detail: "the server sent data before the TLS handshake finished; someone may be tampering with the connection")

    /// What a request on a session this client ended is told.
    private static let closedByClient = SMTPError(
        kind: .protocolViolation, stage: "connection", detail: "the connection is closed")
}
