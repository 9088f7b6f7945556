import SASL
import Testing

@testable import SMTP

typealias Machine = SMTPClientStateMachine
typealias Action = SMTPClientStateMachine.Action

func reply(_ code: Int, _ lines: String...) -> SMTPReply {
    SMTPReply(code: code, lines: lines.isEmpty ? [""] : lines)
}

let alex = SMTPCredentials(username: "alex", password: "s3cret")
let alexToken = SMTPCredentials(username: "alex@example.com", token: "ya29.t0ken")
let thanks = SMTPEnvelope(from: "alex@example.com", recipients: ["dana@acme.com"], message: Array("Hi\r\n".utf8))
let thanksData = SMTPMessageData(message: thanks.message)
let mailCommand = SMTPCommand.mail(from: "alex@example.com", size: nil, utf8: false, eightBitMIME: false)

/// Something that happens to the session.
enum Event: Sendable {
    /// A whole reply, alone in its read.
    case reply(SMTPReply)
    case tlsEstablished
    case send(SMTPEnvelope)
    case quit
    case failure(SMTPError)
}

extension SMTPClientStateMachine {
    init(startTLS: Bool = false, credentials: SMTPCredentials? = nil, authMethod: SASLMethod = .auto) {
        self.init(
            configuration: .init(
                heloName: "client.example", startTLS: startTLS, credentials: credentials, authMethod: authMethod,
                serverHost: "mx.example", serverPort: 587))
    }

    mutating func handle(_ event: Event) -> Action {
        switch event {
        case .reply(let reply):
            let action = received(reply)
            _ = readComplete(partialReplyWaiting: false)
            return action
        case .tlsEstablished: return tlsEstablished()
        case .send(let envelope): return sendMessage(envelope)
        case .quit: return quit()
        case .failure(let error): return failed(error)
        }
    }

    /// The state's name, without the transaction it carries.
    var stateName: String {
        switch state {
        case .awaitingGreeting: "awaitingGreeting"
        case .ehloSent: "ehloSent"
        case .heloSent: "heloSent"
        case .startTLSSent: "startTLSSent"
        case .tlsHandshaking: "tlsHandshaking"
        case .authStarted(let mechanism): "authStarted(\(mechanism.rawValue))"
        case .authSent(let mechanism): "authSent(\(mechanism.rawValue))"
        case .tokenRefusalAcknowledged: "tokenRefusalAcknowledged"
        case .authLoginUsernameSent: "authLoginUsernameSent"
        case .authLoginPasswordSent: "authLoginPasswordSent"
        case .ready: "ready"
        case .mailSent: "mailSent"
        case .rcptSent: "rcptSent"
        case .dataSent: "dataSent"
        case .messageSent: "messageSent"
        case .resetSent: "resetSent"
        case .quitSent: "quitSent"
        case .closed: "closed"
        case .failed: "failed"
        }
    }
}

/// Paths to the states the table starts from.
enum Path {
    static let ehloSent: [Event] = [.reply(reply(220, "mx ESMTP"))]
    static let ready: [Event] = ehloSent + [.reply(reply(250, "mx", "SIZE 1000", "8BITMIME"))]
    static let readyPipelining: [Event] = ehloSent + [.reply(reply(250, "mx", "PIPELINING"))]
    static let oneAtATime: [Event] = ready + [.send(thanks)]
    static let pipelined: [Event] = readyPipelining + [.send(thanks)]
    static let messageSent: [Event] = oneAtATime + [.reply(reply(250)), .reply(reply(250)), .reply(reply(354))]
}

/// One row of the table: from the state `path` leads to, `event` gives `action` and the state `next`.
struct Transition: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var startTLS = false
    var credentials: SMTPCredentials?
    var authMethod = SASLMethod.auto
    var path: [Event]
    var event: Event
    var action: Action
    var next: String
}

/// A refusal as the state machine reports it.
func refused(_ reply: SMTPReply, _ stage: String) -> SMTPError {
    SMTPClientStateMachine.refusal(reply, stage: stage)
}

@Suite struct SMTPClientStateMachineTests {
    static let table: [Transition] = [
        // The way in.
        Transition(
            testDescription: "greeting 220 → EHLO", path: [], event: .reply(reply(220, "mx ESMTP")),
            action: .send([.ehlo("client.example")]), next: "ehloSent"),
        Transition(
            testDescription: "greeting 421 → transient failure", path: [], event: .reply(reply(421, "busy")),
            action: .fail(refused(reply(421, "busy"), "greeting")), next: "failed"),
        Transition(
            testDescription: "greeting 554 → permanent failure", path: [], event: .reply(reply(554, "go away")),
            action: .fail(refused(reply(554, "go away"), "greeting")), next: "failed"),
        Transition(
            testDescription: "EHLO 250 → ready", path: Path.ehloSent, event: .reply(reply(250, "mx")),
            action: .ready, next: "ready"),
        Transition(
            testDescription: "EHLO 502 → HELO", path: Path.ehloSent, event: .reply(reply(502, "no")),
            action: .send([.helo("client.example")]), next: "heloSent"),
        Transition(
            testDescription: "EHLO 421 → transient failure, no HELO", path: Path.ehloSent, event: .reply(reply(421)),
            action: .fail(refused(reply(421), "EHLO")), next: "failed"),
        Transition(
            testDescription: "HELO 250 → ready", path: Path.ehloSent + [.reply(reply(500))], event: .reply(reply(250)),
            action: .ready, next: "ready"),
        Transition(
            testDescription: "HELO 550 → permanent failure", path: Path.ehloSent + [.reply(reply(500))],
            event: .reply(reply(550)), action: .fail(refused(reply(550), "HELO")), next: "failed"),
        Transition(
            testDescription: "EHLO offering STARTTLS → STARTTLS", startTLS: true, path: Path.ehloSent,
            event: .reply(reply(250, "mx", "STARTTLS")), action: .send([.startTLS]), next: "startTLSSent"),
        Transition(
            testDescription: "EHLO without STARTTLS, when it is required → TLS failure", startTLS: true,
            path: Path.ehloSent, event: .reply(reply(250, "mx")),
            action: .fail(
                SMTPError(
                    kind: .tls, stage: "STARTTLS",
                    detail: "the server does not offer STARTTLS; use smtp.security tls (port 465) or another server")),
            next: "failed"),
        Transition(
            testDescription: "STARTTLS 220 → TLS starts", startTLS: true,
            path: Path.ehloSent + [.reply(reply(250, "mx", "STARTTLS"))], event: .reply(reply(220, "go ahead")),
            action: .startTLS, next: "tlsHandshaking"),
        Transition(
            testDescription: "STARTTLS 454 → transient failure", startTLS: true,
            path: Path.ehloSent + [.reply(reply(250, "mx", "STARTTLS"))], event: .reply(reply(454)),
            action: .fail(refused(reply(454), "STARTTLS")), next: "failed"),
        Transition(
            testDescription: "TLS established → EHLO again", startTLS: true,
            path: Path.ehloSent + [.reply(reply(250, "mx", "STARTTLS")), .reply(reply(220))], event: .tlsEstablished,
            action: .send([.ehlo("client.example")]), next: "ehloSent"),
        Transition(
            testDescription: "a reply during the TLS handshake → TLS failure", startTLS: true,
            path: Path.ehloSent + [.reply(reply(250, "mx", "STARTTLS")), .reply(reply(220))],
            event: .reply(reply(250, "forged")),
            action: .fail(
                SMTPError(
                    kind: .tls, stage: "STARTTLS",
                    detail:
                        "the server sent data before the TLS handshake finished; someone may be tampering with the connection"
                )), next: "failed"),
        Transition(
            testDescription: "the EHLO after TLS → ready, STARTTLS not asked again", startTLS: true,
            path: Path.ehloSent + [.reply(reply(250, "mx", "STARTTLS")), .reply(reply(220)), .tlsEstablished],
            event: .reply(reply(250, "mx", "STARTTLS")), action: .ready, next: "ready"),
        // Logging in.
        Transition(
            testDescription: "EHLO offering AUTH PLAIN → AUTH PLAIN", credentials: alex, path: Path.ehloSent,
            event: .reply(reply(250, "mx", "AUTH LOGIN PLAIN")), action: .send([.auth(.plain, initial: SASLResponse(text: "\u{0}alex\u{0}s3cret"))]),
            next: "authSent(PLAIN)"),
        Transition(
            testDescription: "EHLO offering AUTH LOGIN only → AUTH LOGIN", credentials: alex, path: Path.ehloSent,
            event: .reply(reply(250, "mx", "AUTH LOGIN")), action: .send([.auth(.login, initial: nil)]), next: "authStarted(LOGIN)"),
        Transition(
            testDescription: "EHLO offering no known login → permanent failure", credentials: alex, path: Path.ehloSent,
            event: .reply(reply(250, "mx", "AUTH CRAM-MD5")),
            action: .fail(
                SMTPError(
                    kind: .permanent, stage: "AUTH",
                    detail: "the server offers only CRAM-MD5, not PLAIN or LOGIN; choose a method it offers")),
            next: "failed"),
        Transition(
            testDescription: "AUTH PLAIN 235 → ready", credentials: alex,
            path: Path.ehloSent + [.reply(reply(250, "mx", "AUTH PLAIN"))], event: .reply(reply(235)), action: .ready,
            next: "ready"),
        Transition(
            testDescription: "AUTH PLAIN 535 → permanent failure, the echoed token masked", credentials: alex,
            path: Path.ehloSent + [.reply(reply(250, "mx", "AUTH PLAIN"))],
            event: .reply(reply(535, "bad AUTH PLAIN AGFsZXgAczNjcmV0")),
            action: .fail(refused(reply(535, "bad AUTH PLAIN ****"), "AUTH")), next: "failed"),
        Transition(
            testDescription: "AUTH LOGIN 334 → user name", credentials: alex,
            path: Path.ehloSent + [.reply(reply(250, "mx", "AUTH LOGIN"))], event: .reply(reply(334, "VXNlcm5hbWU6")),
            action: .send([.saslResponse(SASLResponse(text: "alex"))]), next: "authLoginUsernameSent"),
        Transition(
            testDescription: "AUTH LOGIN second 334 → password", credentials: alex,
            path: Path.ehloSent + [.reply(reply(250, "mx", "AUTH LOGIN")), .reply(reply(334))],
            event: .reply(reply(334, "UGFzc3dvcmQ6")), action: .send([.saslResponse(SASLResponse(text: "s3cret"))]),
            next: "authLoginPasswordSent"),
        Transition(
            testDescription: "AUTH LOGIN 235 → ready", credentials: alex,
            path: Path.ehloSent + [.reply(reply(250, "mx", "AUTH LOGIN")), .reply(reply(334)), .reply(reply(334))],
            event: .reply(reply(235)), action: .ready, next: "ready"),
        Transition(
            testDescription: "AUTH LOGIN password 535 → permanent failure, the echoed password masked",
            credentials: alex,
            path: Path.ehloSent + [.reply(reply(250, "mx", "AUTH LOGIN")), .reply(reply(334)), .reply(reply(334))],
            event: .reply(reply(535, "czNjcmV0 is s3cret")), action: .fail(refused(reply(535, "**** is ****"), "AUTH")),
            next: "failed"),
        // Signing in with an OAuth2 token.
        Transition(
            testDescription: "a token, EHLO offering XOAUTH2 and OAUTHBEARER → OAUTHBEARER with host and port",
            credentials: alexToken, path: Path.ehloSent, event: .reply(reply(250, "mx", "AUTH PLAIN LOGIN XOAUTH2 OAUTHBEARER")),
            action: .send([
                .auth(
                    .oauthBearer,
                    initial: SASLResponse(text: "n,a=alex@example.com,\u{1}host=mx.example\u{1}port=587\u{1}auth=Bearer ya29.t0ken\u{1}\u{1}"))
            ]), next: "authSent(OAUTHBEARER)"),
        Transition(
            testDescription: "a token, EHLO offering XOAUTH2 only (Microsoft) → XOAUTH2", credentials: alexToken, path: Path.ehloSent,
            event: .reply(reply(250, "mx", "AUTH LOGIN XOAUTH2")),
            action: .send([.auth(.xoauth2, initial: SASLResponse(text: "user=alex@example.com\u{1}auth=Bearer ya29.t0ken\u{1}\u{1}"))]),
            next: "authSent(XOAUTH2)"),
        Transition(
            testDescription: "smtp.auth xoauth2 chosen although OAUTHBEARER is offered too → XOAUTH2", credentials: alexToken,
            authMethod: .xoauth2, path: Path.ehloSent, event: .reply(reply(250, "mx", "AUTH XOAUTH2 OAUTHBEARER")),
            action: .send([.auth(.xoauth2, initial: SASLResponse(text: "user=alex@example.com\u{1}auth=Bearer ya29.t0ken\u{1}\u{1}"))]),
            next: "authSent(XOAUTH2)"),
        Transition(
            testDescription: "a token and a server offering passwords only → permanent failure saying so", credentials: alexToken,
            path: Path.ehloSent, event: .reply(reply(250, "mx", "AUTH PLAIN LOGIN")),
            action: .fail(
                SMTPError(
                    kind: .permanent, stage: "AUTH",
                    detail:
                        "the server offers only LOGIN, PLAIN, not OAUTHBEARER or XOAUTH2; this server may need a password (an app password) instead of a token"
                )), next: "failed"),
        Transition(
            testDescription: "smtp.auth plain with a token → permanent failure before anything is sent", credentials: alexToken,
            authMethod: .plain, path: Path.ehloSent, event: .reply(reply(250, "mx", "AUTH PLAIN XOAUTH2")),
            action: .fail(
                SMTPError(
                    kind: .permanent, stage: "AUTH",
                    detail: "PLAIN signs in with a password, and an access token was given; choose xoauth2 or oauthbearer, or auto")),
            next: "failed"),
        Transition(
            testDescription: "XOAUTH2 235 → ready", credentials: alexToken,
            path: Path.ehloSent + [.reply(reply(250, "mx", "AUTH XOAUTH2"))], event: .reply(reply(235, "2.7.0 Accepted")),
            action: .ready, next: "ready"),
        Transition(
            testDescription: "XOAUTH2's error challenge → an empty response, then wait for the failure", credentials: alexToken,
            path: Path.ehloSent + [.reply(reply(250, "mx", "AUTH XOAUTH2"))],
            event: .reply(reply(334, "eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==")),
            action: .send([.saslResponse(SASLResponse(bytes: []))]), next: "tokenRefusalAcknowledged"),
        Transition(
            testDescription: "OAUTHBEARER's error challenge → ^A, then wait for the failure", credentials: alexToken,
            path: Path.ehloSent + [.reply(reply(250, "mx", "AUTH OAUTHBEARER"))],
            event: .reply(reply(334, "eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIn0=")),
            action: .send([.saslResponse(SASLResponse(bytes: [1]))]), next: "tokenRefusalAcknowledged"),
        Transition(
            testDescription: "the failure after a token's error challenge → permanent failure with the status, never sent",
            credentials: alexToken,
            path: Path.ehloSent + [
                .reply(reply(250, "mx", "AUTH XOAUTH2")),
                .reply(reply(334, "eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==")),
            ],
            event: .reply(reply(535, "5.7.8 Username and Password not accepted")),
            action: .fail(
                SMTPError(
                    kind: .permanent, stage: "AUTH", reply: reply(535, "5.7.8 Username and Password not accepted"),
                    detail:
                        "the server refused the access token (status 401): it has expired or is not valid for this account; get a fresh token (run the token command yourself) and try again"
                )), next: "failed"),
        Transition(
            testDescription: "XOAUTH2 535 at once (Microsoft) → permanent failure, the echoed token masked", credentials: alexToken,
            path: Path.ehloSent + [.reply(reply(250, "mx", "AUTH XOAUTH2"))],
            event: .reply(reply(535, "5.7.3 Authentication unsuccessful for ya29.t0ken")),
            action: .fail(
                SMTPError(
                    kind: .permanent, stage: "AUTH", reply: reply(535, "5.7.3 Authentication unsuccessful for ****"),
                    detail:
                        "the server refused the access token; get a fresh token (run the token command yourself) and check that it is for this account"
                )), next: "failed"),
        // A message, one command at a time.
        Transition(
            testDescription: "a message without PIPELINING → MAIL alone", path: Path.ready, event: .send(thanks),
            action: .send([.mail(from: "alex@example.com", size: 7, utf8: false, eightBitMIME: false)]),
            next: "mailSent"),
        Transition(
            testDescription: "MAIL 250 → RCPT", path: Path.oneAtATime, event: .reply(reply(250)),
            action: .send([.rcpt(to: "dana@acme.com")]), next: "rcptSent"),
        Transition(
            testDescription: "RCPT 251 → DATA", path: Path.oneAtATime + [.reply(reply(250))], event: .reply(reply(251)),
            action: .send([.data]), next: "dataSent"),
        Transition(
            testDescription: "DATA 354 → the message",
            path: Path.oneAtATime + [.reply(reply(250)), .reply(reply(250))],
            event: .reply(reply(354)), action: .send([.message(thanksData)]), next: "messageSent"),
        Transition(
            testDescription: "end of data 250 → accepted", path: Path.messageSent, event: .reply(reply(250, "queued")),
            action: .accepted(reply(250, "queued")), next: "ready"),
        Transition(
            testDescription: "end of data 552 → refused, the session goes on", path: Path.messageSent,
            event: .reply(reply(552)), action: .refused(refused(reply(552), "end of data")), next: "ready"),
        Transition(
            testDescription: "end of data 451 → refused for now", path: Path.messageSent, event: .reply(reply(451)),
            action: .refused(refused(reply(451), "end of data")), next: "ready"),
        Transition(
            testDescription: "end of data 251 → accepted (forwarded)", path: Path.messageSent, event: .reply(reply(251, "will forward")),
            action: .accepted(reply(251, "will forward")), next: "ready"),
        Transition(
            testDescription: "end of data 252 → accepted", path: Path.messageSent, event: .reply(reply(252, "cannot verify, will try")),
            action: .accepted(reply(252, "cannot verify, will try")), next: "ready"),
        Transition(
            testDescription: "end of data 354 → neither sent nor refused: it may have been delivered", path: Path.messageSent,
            event: .reply(reply(354, "go on")),
            action: .fail(
                SMTPError(
                    kind: .protocolViolation, stage: "end of data", reply: reply(354, "go on"),
                    detail: "the server answered the end of the message with 354, which says neither sent nor refused; the message may or may not have been delivered",
                    mayHaveBeenDelivered: true)), next: "failed"),
        Transition(
            testDescription: "end of data 220 → it may have been delivered", path: Path.messageSent, event: .reply(reply(220)),
            action: .fail(
                SMTPError(
                    kind: .protocolViolation, stage: "end of data", reply: reply(220),
                    detail: "the server answered the end of the message with 220, which says neither sent nor refused; the message may or may not have been delivered",
                    mayHaveBeenDelivered: true)), next: "failed"),
        Transition(
            testDescription: "MAIL 451 → RSET, nothing more sent", path: Path.oneAtATime, event: .reply(reply(451)),
            action: .send([.rset]), next: "resetSent"),
        Transition(
            testDescription: "RSET answered → the MAIL refusal reported", path: Path.oneAtATime + [.reply(reply(451))],
            event: .reply(reply(250)), action: .refused(refused(reply(451), "MAIL FROM")), next: "ready"),
        Transition(
            testDescription: "RCPT 550 → RSET", path: Path.oneAtATime + [.reply(reply(250))], event: .reply(reply(550)),
            action: .send([.rset]), next: "resetSent"),
        Transition(
            testDescription: "DATA 554 → RSET", path: Path.oneAtATime + [.reply(reply(250)), .reply(reply(250))],
            event: .reply(reply(554)), action: .send([.rset]), next: "resetSent"),
        // A message, pipelined.
        Transition(
            testDescription: "a message with PIPELINING → MAIL, RCPT and DATA at once", path: Path.readyPipelining,
            event: .send(thanks), action: .send([mailCommand, .rcpt(to: "dana@acme.com"), .data]), next: "mailSent"),
        Transition(
            testDescription: "pipelined MAIL 451 → wait for the other replies", path: Path.pipelined,
            event: .reply(reply(451)), action: .none, next: "rcptSent"),
        Transition(
            testDescription: "pipelined RCPT 550, DATA 554 → RSET",
            path: Path.pipelined + [.reply(reply(250)), .reply(reply(550))], event: .reply(reply(554)),
            action: .send([.rset]), next: "resetSent"),
        Transition(
            testDescription: "pipelined RCPT 550, DATA 354 → the connection is dropped, no empty message",
            path: Path.pipelined + [.reply(reply(250)), .reply(reply(550))], event: .reply(reply(354)),
            action: .fail(refused(reply(550), "RCPT TO")), next: "failed"),
        Transition(
            testDescription: "pipelined DATA 354 after all 250 → the message",
            path: Path.pipelined + [.reply(reply(250)), .reply(reply(250))], event: .reply(reply(354)),
            action: .send([.message(thanksData)]), next: "messageSent"),
        // Checked before anything is sent.
        Transition(
            testDescription: "a message over the SIZE limit → refused, nothing sent", path: Path.ready,
            event: .send(
                SMTPEnvelope(
                    from: "alex@example.com", recipients: ["dana@acme.com"], message: Array(repeating: 65, count: 2000))
            ),
            action: .refused(
                SMTPError(
                    kind: .permanent, stage: "SIZE", detail: "the message is 2005 bytes; the server takes at most 1000")
            ),
            next: "ready"),
        Transition(
            testDescription: "a non-ASCII address without SMTPUTF8 → refused", path: Path.ready,
            event: .send(SMTPEnvelope(from: "alex@example.com", recipients: ["dänä@acme.com"], message: [65])),
            action: .refused(
                SMTPError(
                    kind: .permanent, stage: "MAIL FROM",
                    detail: "an address has non-ASCII characters and the server does not offer SMTPUTF8")),
            next: "ready"),
        Transition(
            testDescription: "a recipient carrying a second command → refused, nothing sent", path: Path.ready,
            event: .send(
                SMTPEnvelope(
                    from: "alex@example.com", recipients: ["a@b.example\r\nRCPT TO:<eve@evil.example>"], message: [65])),
            action: .refused(
                SMTPError(
                    kind: .invalidInput, stage: "RCPT TO",
                    detail:
                        "the address \"a@b.example??RCPT TO:<eve@evil.example>\" has a line break, a control character or an angle bracket"
                )),
            next: "ready"),
        // Out of turn, and the way out.
        Transition(
            testDescription: "a reply while nothing was asked → the session fails", path: Path.ready,
            event: .reply(reply(250, "surprise")),
            action: .fail(
                SMTPError(
                    kind: .protocolViolation, stage: "reply",
                    detail:
                        "the server said \"250 surprise\" before it was asked anything; it is not following the protocol"
                )),
            next: "failed"),
        Transition(
            testDescription: "421 while idle → the server closed the connection, a new one mends it", path: Path.ready,
            event: .reply(reply(421, "idle too long")),
            action: .fail(
                SMTPError(
                    kind: .protocolViolation, stage: "connection",
                    detail: "the server closed the connection (421 idle too long)")),
            next: "failed"),
        Transition(
            testDescription: "a failure after the message went → it may have been delivered", path: Path.messageSent,
            event: .failure(SMTPError(kind: .timeout, stage: "", detail: "no answer")),
            action: .fail(
                SMTPError(
                    kind: .timeout, stage: "end of data",
                    detail: "no answer; the message may or may not have been delivered",
                    mayHaveBeenDelivered: true)), next: "failed"),
        Transition(
            testDescription: "a failure while RSET is out → the refusal is reported",
            path: Path.oneAtATime + [.reply(reply(550))],
            event: .failure(SMTPError(kind: .protocolViolation, stage: "", detail: "closed")),
            action: .fail(refused(reply(550), "MAIL FROM")), next: "failed"),
        Transition(
            testDescription: "a timeout in EHLO is named EHLO", path: Path.ehloSent,
            event: .failure(SMTPError(kind: .timeout, stage: "", detail: "no answer")),
            action: .fail(SMTPError(kind: .timeout, stage: "EHLO", detail: "no answer")), next: "failed"),
        Transition(
            testDescription: "quit when ready → QUIT", path: Path.ready, event: .quit, action: .send([.quit]),
            next: "quitSent"),
        Transition(
            testDescription: "QUIT 221 → closed", path: Path.ready + [.quit], event: .reply(reply(221)), action: .close,
            next: "closed"),
        Transition(
            testDescription: "QUIT unanswered → closed all the same", path: Path.ready + [.quit],
            event: .failure(SMTPError(kind: .timeout, stage: "", detail: "no answer")), action: .close, next: "closed"),
        Transition(
            testDescription: "a message after a failure → that failure", path: [.reply(reply(554, "no"))],
            event: .send(thanks),
            action: .fail(refused(reply(554, "no"), "greeting")), next: "failed"),
    ]

    @Test("each transition of the table", arguments: table)
    func transition(_ row: Transition) {
        // Given the state the path leads to
        var machine = Machine(startTLS: row.startTLS, credentials: row.credentials, authMethod: row.authMethod)
        for event in row.path { _ = machine.handle(event) }
        // When the event happens
        let action = machine.handle(row.event)
        // Then the machine does what the protocol says and lands where it should
        #expect(action == row.action)
        #expect(machine.stateName == row.next)
    }

    @Test("a reply read in the same packet as the reply that led to its command came too early")
    func tooEarlyInOnePacket() {
        var machine = Machine()
        #expect(machine.received(reply(220)) == .send([.ehlo("client.example")]))
        // The 250 was already on its way when EHLO went out: it cannot be EHLO's answer.
        guard case .fail(let error) = machine.received(reply(250, "mx")) else {
            Issue.record("an early reply was taken as an answer")
            return
        }
        #expect(error.kind == .protocolViolation)
        #expect(error.stage == "EHLO")
        #expect(machine.stateName == "failed")
    }

    @Test("part of a reply read while nothing was asked makes that reply too early")
    func tooEarlyPartial() {
        var machine = Machine()
        _ = machine.received(reply(220))
        #expect(machine.readComplete(partialReplyWaiting: true) == .none)
        guard case .fail = machine.received(reply(250, "mx")) else {
            Issue.record("a reply begun before EHLO was sent was taken as its answer")
            return
        }
    }

    @Test("pipelined replies read in one packet each answer their own command, in order")
    func pipelinedInOnePacket() {
        var machine = Machine()
        for event in Path.readyPipelining { _ = machine.handle(event) }
        _ = machine.sendMessage(thanks)
        #expect(machine.received(reply(250)) == .none)
        #expect(machine.awaiting?.stage == "RCPT TO")
        #expect(machine.received(reply(250)) == .none)
        #expect(machine.awaiting?.stage == "DATA")
        #expect(machine.received(reply(354)) == .send([.message(thanksData)]))
        #expect(machine.awaiting?.stage == "end of data")
        #expect(machine.awaiting?.limit == .endOfData)
        // The final reply in the same packet as the 354 would answer a message not yet sent.
        guard case .fail = machine.received(reply(250)) else {
            Issue.record("a reply to a message not yet sent was accepted")
            return
        }
    }

    @Test("bytes between STARTTLS's 220 and the end of the handshake end the session")
    func bytesDuringHandshake() {
        var machine = Machine(startTLS: true)
        for event in Path.ehloSent + [.reply(reply(250, "mx", "STARTTLS")), .reply(reply(220))] {
            _ = machine.handle(event)
        }
        guard case .fail(let error) = machine.dataArrived() else {
            Issue.record("plaintext during the handshake was let through")
            return
        }
        #expect(error.kind == .tls)
    }

    @Test("several messages on one session")
    func severalMessages() {
        var machine = Machine()
        for event in Path.ready { _ = machine.handle(event) }
        for _ in 0..<3 {
            for event in Path.messageSent.dropFirst(Path.ready.count) { _ = machine.handle(event) }
            #expect(machine.handle(.reply(reply(250, "queued"))) == .accepted(reply(250, "queued")))
        }
        #expect(machine.stateName == "ready")
    }
}
