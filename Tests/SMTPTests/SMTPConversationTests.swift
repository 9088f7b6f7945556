import NIOConcurrencyHelpers
import NIOCore
import NIOEmbedded
import NIOTLS
import SASL
import Testing

@testable import SMTP

/// The client's handler and encoder on an `EmbeddedChannel`, the server played by the test: what the
/// server says goes in byte by byte (or in one packet), what the client writes comes out as exact bytes.
final class Conversation {
    let channel = EmbeddedChannel()
    /// How many times the handler asked for TLS to start.
    let tlsStarts = NIOLockedValueBox(0)
    /// Why the session failed, as the handler tells the client for requests made after the connection closed.
    let failure = NIOLockedValueBox<SMTPError?>(nil)

    init(startTLS: Bool = false, credentials: SMTPCredentials? = nil, timeouts: SMTPTimeouts = SMTPTimeouts()) throws {
        let tlsStarts = self.tlsStarts
        let configuration = SMTPClientHandler.Configuration(
            heloName: "client.example", credentials: credentials, authMethod: .auto, serverHost: "mx.example", serverPort: 587,
            startTLS: startTLS ? { @Sendable _ in tlsStarts.withLockedValue { $0 += 1 } } : nil, timeouts: timeouts)
        try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(SMTPCommandEncoder()))
        try channel.pipeline.syncOperations.addHandler(
            SMTPClientHandler(configuration: configuration, failure: failure))
        try channel.connect(to: SocketAddress(ipAddress: "192.0.2.25", port: 587)).wait()
    }

    /// The server says `text`, one byte per read.
    func server(_ text: String) throws {
        for byte in text.utf8 where channel.isActive {
            try channel.writeInbound(ByteBuffer(bytes: [byte]))
        }
    }

    /// The server says `text` in a single read.
    func serverPacket(_ text: String) throws {
        try channel.writeInbound(ByteBuffer(string: text))
    }

    /// Everything the client wrote since last asked.
    func client() throws -> String {
        var written = ""
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) { written += String(buffer: buffer) }
        return written
    }

    /// The TLS handshake after STARTTLS finished.
    func handshakeCompleted() {
        channel.pipeline.fireUserInboundEventTriggered(TLSUserEvent.handshakeCompleted(negotiatedProtocol: nil))
    }

    func open() -> Outcome<Void> { request { .open($0) } }

    func send(_ envelope: SMTPEnvelope = thanks) -> Outcome<SMTPReply> { request { .send(envelope, $0) } }

    func quit() -> Outcome<Void> { request { .quit($0) } }

    /// Writes a request as the client does; one that cannot reach the handler (the channel closed) fails.
    private func request<Value>(_ make: (EventLoopPromise<Value>) -> SMTPRequest) -> Outcome<Value> {
        let promise = channel.eventLoop.makePromise(of: Value.self)
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.assumeIsolated().whenFailure { promise.fail($0) }
        channel.writeAndFlush(make(promise), promise: written)
        return Outcome(promise.futureResult)
    }

    /// Greeted and EHLO answered, plainly: ready for a message.
    func opened(ehlo: String = "250-mx\r\n250 SIZE 1000\r\n") throws -> Outcome<Void> {
        let opening = open()
        try server("220 mx ESMTP\r\n")
        #expect(try client() == "EHLO client.example\r\n")
        try server(ehlo)
        #expect(opening.succeeded)
        return opening
    }
}

/// A request's outcome once its future completes (on the embedded loop, at once).
final class Outcome<Value> {
    private(set) var result: Result<Value, Error>?

    init(_ future: EventLoopFuture<Value>) {
        future.assumeIsolated().whenComplete { self.result = $0 }
    }

    var succeeded: Bool { if case .success = result { true } else { false } }

    var error: SMTPError? {
        if case .failure(let error) = result { return error as? SMTPError }
        return nil
    }
}

@Suite struct SMTPConversationTests {
    @Test("greeting → EHLO → STARTTLS → TLS → EHLO → AUTH → MAIL → RCPT → DATA → message → QUIT, byte by byte")
    func fullConversation() throws {
        let conversation = try Conversation(startTLS: true, credentials: alex)
        let opening = conversation.open()
        #expect(try conversation.client() == "")
        try conversation.server("220 mx.acme.com ESMTP ready\r\n")
        #expect(try conversation.client() == "EHLO client.example\r\n")
        try conversation.server("250-mx.acme.com\r\n250-SIZE 1000000\r\n250 STARTTLS\r\n")
        #expect(try conversation.client() == "STARTTLS\r\n")
        try conversation.server("220 2.0.0 go ahead\r\n")
        #expect(conversation.tlsStarts.withLockedValue { $0 } == 1)
        #expect(try conversation.client() == "")
        conversation.handshakeCompleted()
        #expect(try conversation.client() == "EHLO client.example\r\n")
        try conversation.server("250-mx.acme.com\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 1000000\r\n")
        #expect(try conversation.client() == "AUTH PLAIN AGFsZXgAczNjcmV0\r\n")
        #expect(opening.result == nil)
        try conversation.server("235 2.7.0 Authentication successful\r\n")
        #expect(opening.succeeded)

        let sending = conversation.send()
        #expect(try conversation.client() == "MAIL FROM:<alex@example.com> SIZE=7\r\n")
        try conversation.server("250 2.1.0 Ok\r\n")
        #expect(try conversation.client() == "RCPT TO:<dana@acme.com>\r\n")
        try conversation.server("250 2.1.5 Ok\r\n")
        #expect(try conversation.client() == "DATA\r\n")
        try conversation.server("354 End data with <CR><LF>.<CR><LF>\r\n")
        #expect(try conversation.client() == "Hi\r\n.\r\n")
        #expect(sending.result == nil)
        try conversation.server("250 2.0.0 Ok: queued as 12345\r\n")
        #expect(try sending.result?.get() == SMTPReply(code: 250, lines: ["2.0.0 Ok: queued as 12345"]))

        let quitting = conversation.quit()
        #expect(try conversation.client() == "QUIT\r\n")
        try conversation.server("221 2.0.0 Bye\r\n")
        #expect(quitting.succeeded)
        #expect(!conversation.channel.isActive)
    }

    @Test("AUTH LOGIN, one step per 334")
    func authLogin() throws {
        let conversation = try Conversation(credentials: alex)
        let opening = conversation.open()
        try conversation.server("220 mx\r\n")
        #expect(try conversation.client() == "EHLO client.example\r\n")
        try conversation.server("250-mx\r\n250 AUTH LOGIN\r\n")
        #expect(try conversation.client() == "AUTH LOGIN\r\n")
        try conversation.server("334 VXNlcm5hbWU6\r\n")
        #expect(try conversation.client() == "YWxleA==\r\n")
        try conversation.server("334 UGFzc3dvcmQ6\r\n")
        #expect(try conversation.client() == "czNjcmV0\r\n")
        try conversation.server("235 ok\r\n")
        #expect(opening.succeeded)
    }

    @Test("a 4 KB token follows AUTH XOAUTH2's 334, as servers refuse such a long line; its refusal ends the session for good")
    func xoauth2Refused() throws {
        // Given a Microsoft-sized token and a server that answers XOAUTH2 with Google's error challenge.
        let token = String(repeating: "eyJ0eXAiOiJKV1QiLCJub25jZSI6", count: 150)
        let conversation = try Conversation(credentials: SMTPCredentials(username: "alex@example.com", token: token))
        let opening = conversation.open()
        try conversation.server("220 mx\r\n")
        _ = try conversation.client()
        try conversation.server("250-mx\r\n250 AUTH LOGIN PLAIN XOAUTH2\r\n")
        #expect(try conversation.client() == "AUTH XOAUTH2\r\n")
        try conversation.server("334 \r\n")
        let response = try conversation.client()
        let expected = "user=alex@example.com\u{1}auth=Bearer \(token)\u{1}\u{1}"
        #expect(response == SASLResponse(text: expected).base64 + "\r\n")
        #expect(response.utf8.count > 4_096)
        // When the server refuses it with a JSON error challenge.
        try conversation.server("334 eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIn0=\r\n")
        // Then the client answers with an empty line, and the final 535 fails the session for good.
        #expect(try conversation.client() == "\r\n")
        try conversation.server("535-5.7.8 Username and Password not accepted.\r\n535 5.7.8 Learn more\r\n")
        let error = try #require(opening.error)
        #expect(error.kind == .permanent)
        #expect(error.detail.contains("refused the access token (status 401)"))
        #expect(!error.description.contains(token))
    }

    @Test("EHLO refused → HELO")
    func heloFallback() throws {
        let conversation = try Conversation()
        let opening = conversation.open()
        try conversation.server("220 old\r\n")
        #expect(try conversation.client() == "EHLO client.example\r\n")
        try conversation.server("502 what?\r\n")
        #expect(try conversation.client() == "HELO client.example\r\n")
        try conversation.server("250 old\r\n")
        #expect(opening.succeeded)
    }

    @Test("pipelined MAIL, RCPT and DATA go in one write; their replies arrive in one packet")
    func pipelined() throws {
        let conversation = try Conversation()
        _ = try conversation.opened(ehlo: "250-mx\r\n250 PIPELINING\r\n")
        let sending = conversation.send(
            SMTPEnvelope(
                from: "alex@example.com", recipients: ["dana@acme.com", "priya@acme.com"], message: Array("Hi\r\n".utf8)
            ))
        #expect(
            try conversation.client()
                == "MAIL FROM:<alex@example.com>\r\nRCPT TO:<dana@acme.com>\r\nRCPT TO:<priya@acme.com>\r\nDATA\r\n")
        try conversation.serverPacket("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n251 2.1.5 forwarded\r\n354 go ahead\r\n")
        #expect(try conversation.client() == "Hi\r\n.\r\n")
        try conversation.server("250 queued\r\n")
        #expect(sending.succeeded)
    }

    @Test("pipelined replies split at every byte are each matched to their command")
    func pipelinedByteByByte() throws {
        let conversation = try Conversation()
        _ = try conversation.opened(ehlo: "250-mx\r\n250 PIPELINING\r\n")
        let sending = conversation.send()
        _ = try conversation.client()
        try conversation.server("250 Ok\r\n550 5.1.1 User unknown\r\n554 no valid recipients\r\n")
        #expect(try conversation.client() == "RSET\r\n")
        #expect(sending.result == nil)
        try conversation.server("250 reset\r\n")
        #expect(sending.error?.kind == .permanent)
        #expect(sending.error?.stage == "RCPT TO")
        #expect(sending.error?.reply == SMTPReply(code: 550, lines: ["5.1.1 User unknown"]))
        // The session goes on: the next message is sent on the same connection.
        let next = conversation.send()
        #expect(try conversation.client().hasPrefix("MAIL FROM:<alex@example.com>"))
        #expect(next.result == nil)
    }

    @Test("a refused recipient with DATA accepted drops the connection rather than send an empty message")
    func refusedRecipientDataAccepted() throws {
        let conversation = try Conversation()
        _ = try conversation.opened(ehlo: "250-mx\r\n250 PIPELINING\r\n")
        let sending = conversation.send()
        _ = try conversation.client()
        try conversation.serverPacket("250 Ok\r\n550 no such user\r\n354 go ahead\r\n")
        #expect(try conversation.client() == "")
        #expect(sending.error?.stage == "RCPT TO")
        #expect(!conversation.channel.isActive)
    }

    @Test("a multi-line reply split at every byte is one reply")
    func multiLineByteByByte() throws {
        let conversation = try Conversation()
        let opening = conversation.open()
        try conversation.server("220-mx.acme.com ESMTP\r\n220-no UCE\r\n220 welcome\r\n")
        #expect(try conversation.client() == "EHLO client.example\r\n")
        try conversation.server(
            "250-mx.acme.com\r\n250-PIPELINING\r\n250-SIZE 1000\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
        #expect(opening.succeeded)
        #expect(try conversation.client() == "")
    }

    @Test("a reply in the same packet as the greeting, before EHLO was sent, ends the session")
    func tooEarlyAfterGreeting() throws {
        let conversation = try Conversation()
        let opening = conversation.open()
        try conversation.serverPacket("220 mx\r\n250 early\r\n")
        #expect(opening.error?.kind == .protocolViolation)
        #expect(opening.error?.stage == "EHLO")
        #expect(opening.error?.detail.contains("before it was asked") == true)
        #expect(!conversation.channel.isActive)
    }

    @Test("the final reply in the same packet as 354, before the message was sent, ends the session")
    func tooEarlyFinalReply() throws {
        let conversation = try Conversation()
        _ = try conversation.opened()
        let sending = conversation.send()
        try conversation.server("250 ok\r\n250 ok\r\n")
        try conversation.serverPacket("354 go\r\n250 queued before you spoke\r\n")
        #expect(sending.error?.kind == .protocolViolation)
        #expect(sending.error?.mayHaveBeenDelivered == true)
        #expect(!conversation.channel.isActive)
    }

    @Test("a reply while the client is idle ends the session, and the client is told why")
    func unsolicitedWhileIdle() throws {
        let conversation = try Conversation()
        _ = try conversation.opened()
        try conversation.server("250 surprise\r\n")
        #expect(!conversation.channel.isActive)
        let reason = conversation.failure.withLockedValue { $0 }
        #expect(reason?.kind == .protocolViolation)
        #expect(
            reason?.detail.contains("\"250 surprise\" before it was asked") == true, "\(String(describing: reason))")
        let sending = conversation.send()
        #expect(sending.result != nil && !sending.succeeded)
    }

    @Test("plaintext after STARTTLS's 220, in the same packet, is dropped; plaintext later ends the session")
    func startTLSInjection() throws {
        // Given forged replies in the packet that carries "220 go ahead"
        let conversation = try Conversation(startTLS: true)
        let opening = conversation.open()
        try conversation.server("220 mx\r\n")
        try conversation.server("250-mx\r\n250 STARTTLS\r\n")
        _ = try conversation.client()
        try conversation.serverPacket("220 go ahead\r\n250-forged\r\n250 AUTH PLAIN\r\n235 forged\r\n250 2.0")
        // Then TLS starts and nothing forged was taken
        #expect(conversation.tlsStarts.withLockedValue { $0 } == 1)
        #expect(opening.result == nil)
        conversation.handshakeCompleted()
        #expect(try conversation.client() == "EHLO client.example\r\n")
        try conversation.server("250 mx\r\n")
        #expect(opening.succeeded)

        // Given a server whose forged bytes come after the 220, before the handshake ends
        let late = try Conversation(startTLS: true)
        let lateOpening = late.open()
        try late.server("220 mx\r\n250-mx\r\n250 STARTTLS\r\n")
        try late.server("220 go ahead\r\n")
        try late.serverPacket("2")
        #expect(lateOpening.error?.kind == .tls)
        #expect(!late.channel.isActive)
    }

    @Test(
        "a 4xx or 5xx at each stage is the right error",
        arguments: [
            ("greeting", "421 4.3.2 busy\r\n", SMTPError.Kind.transient),
            ("greeting", "554 5.7.1 go away\r\n", .permanent),
            ("EHLO", "421 4.3.2 shutting down\r\n", .transient),
            ("HELO", "550 5.7.1 no\r\n", .permanent),
            ("STARTTLS", "454 4.7.0 TLS not available\r\n", .transient),
            ("AUTH", "535 5.7.8 bad credentials\r\n", .permanent),
            ("AUTH", "454 4.7.0 try later\r\n", .transient),
            ("MAIL FROM", "451 4.3.0 try again\r\n", .transient),
            ("MAIL FROM", "553 5.1.8 bad sender\r\n", .permanent),
            ("RCPT TO", "450 4.2.1 mailbox busy\r\n", .transient),
            ("RCPT TO", "550 5.1.1 User unknown\r\n", .permanent),
            ("DATA", "451 4.3.0 try again\r\n", .transient),
            ("DATA", "554 5.5.1 no valid recipients\r\n", .permanent),
            ("end of data", "452 4.3.1 insufficient storage\r\n", .transient),
            ("end of data", "552 5.3.4 too big\r\n", .permanent),
        ])
    func refusals(stage: String, refusal: String, kind: SMTPError.Kind) throws {
        let conversation = try Conversation(startTLS: stage == "STARTTLS", credentials: stage == "AUTH" ? alex : nil)
        let opening = conversation.open()
        // The happy path up to the stage, then the refusal.
        var script: [(String, String)] = [
            ("greeting", "220 mx\r\n"),
            ("EHLO", stage == "HELO" ? "500 no EHLO\r\n" : "250-mx\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n"),
        ]
        if stage == "STARTTLS" { script.append(("STARTTLS", "")) }
        if stage == "HELO" { script.append(("HELO", "")) }
        if stage == "AUTH" { script.append(("AUTH", "")) }
        script += [("MAIL FROM", "250 ok\r\n"), ("RCPT TO", "250 ok\r\n"), ("DATA", "354 go\r\n"), ("end of data", "")]
        var sending: Outcome<SMTPReply>?
        for (step, positive) in script {
            if step == "MAIL FROM" {
                #expect(opening.succeeded)
                sending = conversation.send()
            }
            if step == stage {
                try conversation.server(refusal)
                if ["MAIL FROM", "RCPT TO", "DATA"].contains(stage) {
                    // The transaction is reset before the refusal is reported.
                    #expect(try conversation.client().hasSuffix("RSET\r\n"))
                    try conversation.server("250 reset\r\n")
                }
                break
            }
            try conversation.server(positive)
        }
        let error = try #require(
            ["MAIL FROM", "RCPT TO", "DATA", "end of data"].contains(stage) ? sending?.error : opening.error)
        #expect(error.kind == kind)
        #expect(error.stage == stage)
        #expect(error.reply?.description == refusal.replacing("\r\n", with: ""))
    }

    @Test("each stage has its own limit: the wait after \".\" is the end-of-data limit alone")
    func stageLimits() throws {
        let conversation = try Conversation(
            timeouts: SMTPTimeouts(
                connect: .seconds(1), greeting: .seconds(5), command: .seconds(30), endOfData: .seconds(2)))
        _ = try conversation.opened()
        let sending = conversation.send()
        conversation.channel.embeddedEventLoop.advanceTime(by: .seconds(20))
        try conversation.server("250 ok\r\n")
        conversation.channel.embeddedEventLoop.advanceTime(by: .seconds(20))
        try conversation.server("250 ok\r\n")
        conversation.channel.embeddedEventLoop.advanceTime(by: .seconds(20))
        try conversation.server("354 go\r\n")
        #expect(sending.result == nil)
        conversation.channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        #expect(sending.error?.kind == .timeout)
        #expect(sending.error?.stage == "end of data")
        #expect(sending.error?.detail.contains("within 2 s") == true)
        #expect(sending.error?.mayHaveBeenDelivered == true)
        #expect(!conversation.channel.isActive)
    }

    @Test("a silent server times out in the greeting")
    func greetingTimeout() throws {
        let conversation = try Conversation(timeouts: .uniform(seconds: 3))
        let opening = conversation.open()
        conversation.channel.embeddedEventLoop.advanceTime(by: .seconds(3))
        #expect(opening.error?.kind == .timeout)
        #expect(opening.error?.stage == "greeting")
    }

    @Test("a web server's answer is named, and the reason stays the first one")
    func httpGreeting() throws {
        let conversation = try Conversation()
        let opening = conversation.open()
        try conversation.server("HTTP/1.1 200 OK\r\n")
        #expect(opening.error?.detail.contains("web (HTTP) server") == true)
        #expect(opening.error?.stage == "greeting")
    }

    @Test("a recipient carrying a second command is refused before anything is sent; the session goes on")
    func injectionRefused() throws {
        let conversation = try Conversation()
        _ = try conversation.opened()
        let sending = conversation.send(
            SMTPEnvelope(
                from: "alex@example.com", recipients: ["dana@acme.com\r\nRCPT TO:<eve@evil.example>"], message: [65]))
        #expect(sending.error?.kind == .invalidInput)
        #expect(try conversation.client() == "")
        #expect(conversation.channel.isActive)
        let next = conversation.send()
        #expect(try conversation.client() == "MAIL FROM:<alex@example.com> SIZE=7\r\n")
        #expect(next.result == nil)
    }
}
