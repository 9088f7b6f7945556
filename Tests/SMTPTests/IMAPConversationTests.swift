import NIOConcurrencyHelpers
import NIOCore
import NIOEmbedded
import NIOTLS
import SASL
import Testing

@testable import IMAP

/// The IMAP client's handler and encoder on an `EmbeddedChannel`, the server played by the test.
final class IMAPConversation {
    let channel = EmbeddedChannel()
    let tlsStarts = NIOLockedValueBox(0)
    let failure = NIOLockedValueBox<IMAPError?>(nil)

    init(startTLS: Bool = false, credentials: SASLCredentials = SASLCredentials(username: "alex", password: "s3cret")) throws {
        let tlsStarts = self.tlsStarts
        let configuration = IMAPClientHandler.Configuration(
            session: .init(startTLS: startTLS, credentials: credentials, authMethod: .auto, serverHost: "imap.example", serverPort: 993),
            startTLS: startTLS ? { @Sendable _ in tlsStarts.withLockedValue { $0 += 1 } } : nil, timeout: .seconds(30))
        try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(IMAPOutboundEncoder()))
        try channel.pipeline.syncOperations.addHandler(IMAPClientHandler(configuration: configuration, failure: failure))
        try channel.connect(to: SocketAddress(ipAddress: "192.0.2.143", port: 993)).wait()
    }

    /// The server says `text`, one byte per read.
    func server(_ text: String) throws {
        for byte in text.utf8 where channel.isActive { try channel.writeInbound(ByteBuffer(bytes: [byte])) }
    }

    func serverPacket(_ text: String) throws { try channel.writeInbound(ByteBuffer(string: text)) }

    func client() throws -> String {
        var written = ""
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) { written += String(buffer: buffer) }
        return written
    }

    func open() -> IMAPOutcome<Void> { request { .open($0) } }
    func run(_ command: IMAPCommand) -> IMAPOutcome<IMAPCompletion> { request { .run(command, $0) } }
    func logout() -> IMAPOutcome<Void> { request { .logout($0) } }

    private func request<Value>(_ make: (EventLoopPromise<Value>) -> IMAPRequest) -> IMAPOutcome<Value> {
        let promise = channel.eventLoop.makePromise(of: Value.self)
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.assumeIsolated().whenFailure { promise.fail($0) }
        channel.writeAndFlush(make(promise), promise: written)
        return IMAPOutcome(promise.futureResult)
    }
}

final class IMAPOutcome<Value> {
    private(set) var result: Result<Value, Error>?
    init(_ future: EventLoopFuture<Value>) { future.assumeIsolated().whenComplete { self.result = $0 } }
    var value: Value? { if case .success(let value) = result { value } else { nil } }
    var error: IMAPError? { if case .failure(let error) = result { error as? IMAPError } else { nil } }
}

@Suite struct IMAPConversationTests {
    @Test("greeting → CAPABILITY → STARTTLS → TLS → CAPABILITY → AUTHENTICATE PLAIN → LIST → EXAMINE → SEARCH → FETCH → APPEND → LOGOUT, byte by byte")
    func fullSession() throws {
        let conversation = try IMAPConversation(startTLS: true)
        let opening = conversation.open()
        try conversation.server("* OK Dovecot ready.\r\n")
        #expect(try conversation.client() == "A1 CAPABILITY\r\n")
        try conversation.server("* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\nA1 OK done\r\n")
        #expect(try conversation.client() == "A2 STARTTLS\r\n")
        // A man in the middle's forged line in the same packet as the OK is dropped with it.
        try conversation.serverPacket("A2 OK Begin TLS negotiation now.\r\n")
        #expect(conversation.tlsStarts.withLockedValue { $0 } == 1)
        conversation.channel.pipeline.fireUserInboundEventTriggered(TLSUserEvent.handshakeCompleted(negotiatedProtocol: nil))
        #expect(try conversation.client() == "A3 CAPABILITY\r\n")
        try conversation.server("* CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=LOGIN\r\nA3 OK done\r\n")
        #expect(try conversation.client() == "A4 AUTHENTICATE PLAIN AGFsZXgAczNjcmV0\r\n")
        try conversation.server("A4 OK [CAPABILITY IMAP4rev1 SPECIAL-USE UIDPLUS] Logged in\r\n")
        #expect(opening.value != nil)

        let listing = conversation.run(.listAll)
        #expect(try conversation.client() == "A5 LIST \"\" \"*\"\r\n")
        try conversation.server("* LIST (\\HasNoChildren) \"/\" INBOX\r\n* LIST (\\HasNoChildren \\Sent) \"/\" {10}\r\nSent Items\r\nA5 OK List completed\r\n")
        let listed = try #require(listing.value).untagged.compactMap(IMAPClient.mailbox(inList:))
        #expect(listed.map(\.name) == ["INBOX", "Sent Items"])
        #expect(listed[1].attributes.contains("\\SENT"))

        let examining = conversation.run(.examine("Sent Items"))
        #expect(try conversation.client() == "A6 EXAMINE \"Sent Items\"\r\n")
        try conversation.server("* 3 EXISTS\r\nA6 OK [READ-ONLY] Examine completed\r\n")
        #expect(examining.value != nil)

        let searching = conversation.run(.uidSearchMessageID("<a1@alex.example>"))
        #expect(try conversation.client() == "A7 UID SEARCH HEADER Message-ID \"<a1@alex.example>\"\r\n")
        try conversation.server("* SEARCH 4 9\r\nA7 OK Search completed\r\n")
        #expect(try #require(searching.value).untagged.flatMap(IMAPClient.uids(inSearch:)) == [4, 9])

        let fetching = conversation.run(.uidFetchMessageIDs([4, 9]))
        #expect(try conversation.client() == "A8 UID FETCH 4,9 (UID BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])\r\n")
        let exact = "Message-ID: <a1@alex.example>\r\n\r\n"
        let longer = "Message-ID:\r\n <a1@alex.example.org>\r\n\r\n"
        try conversation.server(
            "* 1 FETCH (UID 4 BODY[HEADER.FIELDS (MESSAGE-ID)] {\(exact.utf8.count)}\r\n\(exact))\r\n"
                + "* 2 FETCH (UID 9 BODY[HEADER.FIELDS (MESSAGE-ID)] {\(longer.utf8.count)}\r\n\(longer))\r\n"
                + "A8 OK Fetch completed\r\n")
        let headers = try #require(fetching.value).untagged.compactMap(IMAPClient.messageIdHeader(inFetch:))
        #expect(headers.map(\.0) == [4, 9])
        // Only the exact Message-ID counts: the second merely contains the one searched.
        #expect(headers.filter { IMAPClient.messageId(inHeader: $0.1) == "<a1@alex.example>" }.map(\.0) == [4])

        let message = Array("Subject: Thank you\r\n\r\nHi\r\n".utf8)
        let appending = conversation.run(.append(mailbox: "Sent Items", message: message))
        #expect(try conversation.client() == "A9 APPEND \"Sent Items\" (\\Seen) {\(message.count)}\r\n")
        try conversation.server("+ OK\r\n")
        #expect(try conversation.client() == String(decoding: message, as: UTF8.self) + "\r\n")
        try conversation.server("A9 OK [APPENDUID 1700000000 12] Append completed.\r\n")
        #expect(try #require(appending.value).text.contains("APPENDUID 1700000000 12"))

        let leaving = conversation.logout()
        #expect(try conversation.client() == "A10 LOGOUT\r\n")
        try conversation.server("* BYE Logging out\r\nA10 OK Logout completed.\r\n")
        #expect(leaving.value != nil)
        #expect(!conversation.channel.isActive)
    }

    @Test("a token the server refuses: its error challenge is acknowledged with ^A, and the sign-in fails with its status")
    func tokenRefused() throws {
        let token = String(repeating: "eyJhbGciOiJIUzI1NiJ9", count: 200)
        let conversation = try IMAPConversation(credentials: SASLCredentials(username: "alex@example.com", token: token))
        let opening = conversation.open()
        try conversation.server("* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=OAUTHBEARER] ready\r\n")
        // A 4 KB token goes on the line (servers take 8 KB there).
        let command = try conversation.client()
        #expect(command.hasPrefix("A1 AUTHENTICATE OAUTHBEARER "))
        #expect(command.utf8.count > 4_096)
        try conversation.server("+ eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIn0=\r\n")
        #expect(try conversation.client() == "AQ==\r\n")
        try conversation.server("A1 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n")
        let error = try #require(opening.error)
        #expect(error.kind == .authentication)
        #expect(error.detail.contains("refused the access token (status invalid_token)"))
        #expect(!error.description.contains(token))
    }

    @Test("a token too long for one line follows the server's \"+\"")
    func longToken() throws {
        let token = String(repeating: "eyJhbGciOiJIUzI1NiJ9", count: 400)
        let conversation = try IMAPConversation(credentials: SASLCredentials(username: "alex@example.com", token: token))
        let opening = conversation.open()
        try conversation.server("* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] ready\r\n")
        #expect(try conversation.client() == "A1 AUTHENTICATE XOAUTH2\r\n")
        try conversation.server("+ \r\n")
        #expect(try conversation.client() == SASLResponse(text: "user=alex@example.com\u{1}auth=Bearer \(token)\u{1}\u{1}").base64 + "\r\n")
        try conversation.server("A1 OK Logged in\r\n")
        #expect(opening.value != nil)
    }

    @Test("a password the server refuses is never shown back, even when the server echoes it")
    func passwordRefused() throws {
        let conversation = try IMAPConversation()
        let opening = conversation.open()
        try conversation.server("* OK [CAPABILITY IMAP4rev1] ready\r\n")
        #expect(try conversation.client() == "A1 LOGIN \"alex\" \"s3cret\"\r\n")
        try conversation.server("A1 NO [AUTHENTICATIONFAILED] bad password s3cret\r\n")
        let error = try #require(opening.error)
        #expect(error.kind == .authentication)
        #expect(!error.description.contains("s3cret"))
    }

    @Test("a refused APPEND is reported and the session goes on")
    func appendRefused() throws {
        let conversation = try IMAPConversation()
        let opening = conversation.open()
        try conversation.server("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\r\n")
        _ = try conversation.client()
        try conversation.server("A1 OK signed in\r\n")
        #expect(opening.value != nil)
        let appending = conversation.run(.append(mailbox: "Sent", message: Array("x".utf8)))
        _ = try conversation.client()
        try conversation.server("A2 NO [OVERQUOTA] Quota exceeded\r\n")
        #expect(appending.error?.kind == .refused)
        #expect(appending.error?.serverText?.contains("Quota") == true)
        let listing = conversation.run(.listAll)
        #expect(try conversation.client() == "A3 LIST \"\" \"*\"\r\n")
        try conversation.server("A3 OK done\r\n")
        #expect(listing.value != nil)
    }

    @Test("a server that drops the connection mid-APPEND fails the request with the reason")
    func droppedMidAppend() throws {
        let conversation = try IMAPConversation()
        let opening = conversation.open()
        try conversation.server("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] ready\r\nA1 OK in\r\n")
        _ = try conversation.client()
        #expect(opening.value != nil)
        let appending = conversation.run(.append(mailbox: "Sent", message: Array("x".utf8)))
        try conversation.server("+ go\r\n")
        _ = try conversation.client()
        conversation.channel.pipeline.fireChannelInactive()
        #expect(appending.error?.kind == .connection)
        #expect(appending.error?.stage == "APPEND")
    }

    @Test("a mailbox name or search text with a line break is refused before anything is written")
    func injectionRefused() throws {
        #expect(throws: IMAPError.self) { try IMAPCommand.uidSearchMessageID("<a@b>\r\nA9 DELETE INBOX").validate() }
        #expect(throws: IMAPError.self) { try IMAPCommand.examine("Sent\nA9 LOGOUT").validate() }
        #expect(IMAPCommand.quoted("a\"b\\c") == "\"a\\\"b\\\\c\"")
    }
}

@Suite struct IMAPResponseDecoderTests {
    func decode(_ text: String, byteByByte: Bool = true) throws -> [IMAPResponse] {
        var decoder = IMAPResponseDecoder()
        var responses: [IMAPResponse] = []
        if byteByByte {
            for byte in text.utf8 {
                decoder.feed([byte])
                while let response = try decoder.next() { responses.append(response) }
            }
        } else {
            decoder.feed(Array(text.utf8))
            while let response = try decoder.next() { responses.append(response) }
        }
        return responses
    }

    @Test("literals are read whole, wherever the bytes split, and a literal may hold CRLF")
    func literals() throws {
        let responses = try decode("* 1 FETCH (BODY[] {7}\r\nA\r\nB\r\n1 UID 3)\r\nA1 OK done\r\n")
        #expect(responses.count == 2)
        guard case .untagged(let line) = responses[0] else {
            Issue.record("not untagged")
            return
        }
        #expect(line.segments.contains(.literal(Array("A\r\nB\r\n1".utf8))))
        #expect(responses[1] == .tagged(tag: "A1", status: .ok, text: "done"))
    }

    @Test("a literal over 1 MB, a line over 64 KB and endless literals are refused, not read")
    func bounds() throws {
        #expect(throws: IMAPError.self) { try self.decode("* 1 FETCH (BODY[] {99999999}\r\n", byteByByte: false) }
        #expect(throws: IMAPError.self) { try self.decode("* " + String(repeating: "x", count: 70_000), byteByByte: false) }
        let endless = String(repeating: "{1000000}\r\n" + String(repeating: "y", count: 1_000_000), count: 5)
        #expect(throws: IMAPError.self) { try self.decode("* 1 FETCH (BODY[] " + endless, byteByByte: false) }
    }

    @Test("a line that is neither untagged, a continuation nor a tagged status is not IMAP")
    func notIMAP() throws {
        #expect(throws: IMAPError.self) { try self.decode("HTTP/1.1 400 Bad Request\r\n") }
    }
}
