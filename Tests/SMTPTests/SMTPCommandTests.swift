import NIOCore
import NIOEmbedded
import SASL
import Testing

@testable import SMTP

/// Each command goes on the wire as its exact bytes, and none lets an address or name smuggle in a line.
@Suite struct SMTPCommandTests {
    /// What the encoder writes for `command`, through a channel as the client's pipeline has it.
    func wire(_ command: SMTPCommand) throws -> String {
        let channel = EmbeddedChannel(handler: MessageToByteHandler(SMTPCommandEncoder()))
        try channel.writeOutbound(command)
        let buffer = try #require(try channel.readOutbound(as: ByteBuffer.self))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
        return String(buffer: buffer)
    }

    @Test(
        "every command is its RFC 5321 line, CRLF-ended",
        arguments: [
            (SMTPCommand.ehlo("client.example"), "EHLO client.example\r\n"),
            (.helo("client.example"), "HELO client.example\r\n"),
            (.startTLS, "STARTTLS\r\n"),
            (
                .auth(.plain, initial: SMTPCredentials(username: "alex", password: "s3cret").initialResponse(.plain, host: "", port: 0)),
                "AUTH PLAIN AGFsZXgAczNjcmV0\r\n"
            ),
            (.auth(.login, initial: nil), "AUTH LOGIN\r\n"),
            (.saslResponse(SASLResponse(text: "alex")), "YWxleA==\r\n"),
            (.saslResponse(SASLResponse(text: "s3cret")), "czNjcmV0\r\n"),
            // RFC 7628 §3.2.3: the client's answer to an error challenge, and XOAUTH2's empty one.
            (.saslResponse(SASLResponse(bytes: [1])), "AQ==\r\n"),
            (.saslResponse(SASLResponse(bytes: [])), "\r\n"),
            (
                .auth(.xoauth2, initial: SMTPCredentials(username: "a@b.c", token: "tok").initialResponse(.xoauth2, host: "", port: 0)),
                "AUTH XOAUTH2 dXNlcj1hQGIuYwFhdXRoPUJlYXJlciB0b2sBAQ==\r\n"
            ),
            (
                .mail(from: "alex@example.com", size: nil, utf8: false, eightBitMIME: false),
                "MAIL FROM:<alex@example.com>\r\n"
            ),
            (
                .mail(from: "alex@example.com", size: 1234, utf8: true, eightBitMIME: true),
                "MAIL FROM:<alex@example.com> SIZE=1234 SMTPUTF8 BODY=8BITMIME\r\n"
            ),
            (.mail(from: "", size: nil, utf8: false, eightBitMIME: false), "MAIL FROM:<>\r\n"),
            (.rcpt(to: "dana@acme.com"), "RCPT TO:<dana@acme.com>\r\n"),
            (.data, "DATA\r\n"),
            (.rset, "RSET\r\n"),
            (.noop, "NOOP\r\n"),
            (.quit, "QUIT\r\n"),
        ])
    func lines(command: SMTPCommand, expected: String) throws {
        #expect(try wire(command) == expected)
    }

    @Test("the message is dot-stuffed, bare LF made CRLF, and ended by CRLF . CRLF")
    func message() throws {
        let message = SMTPMessageData(message: Array("Subject: hi\r\n\r\n.hidden\nlast".utf8))
        #expect(try wire(.message(message)) == "Subject: hi\r\n\r\n..hidden\r\nlast\r\n.\r\n")
        #expect(try wire(.message(SMTPMessageData(message: Array("ends well\r\n".utf8)))) == "ends well\r\n.\r\n")
    }

    @Test(
        "a line break, a NUL or an angle bracket in an address or host is refused, and nothing is written",
        arguments: [
            SMTPCommand.rcpt(to: "dana@acme.com\r\nRCPT TO:<eve@evil.example>"),
            .rcpt(to: "dana@acme.com\n"),
            .rcpt(to: "dana@acme.com> NOTIFY=NEVER"),
            .mail(from: "alex@example.com\rDATA", size: nil, utf8: false, eightBitMIME: false),
            .mail(from: "alex\u{0}@example.com", size: nil, utf8: false, eightBitMIME: false),
            .ehlo("client.example\r\nMAIL FROM:<x@y>"),
            .ehlo("two words"),
            .ehlo(""),
            .helo("client\n"),
        ])
    func injection(command: SMTPCommand) throws {
        var buffer = ByteBuffer()
        #expect(throws: SMTPError.self) { try command.write(into: &buffer) }
        #expect(buffer.readableBytes == 0)
        do {
            try command.validate()
            Issue.record("\(command) was accepted")
        } catch {
            #expect(error.kind == .invalidInput)
            #expect(error.stage == command.stage)
            #expect(!error.detail.contains("\r") && !error.detail.contains("\n"), "\(error.detail)")
        }
        // Through the pipeline, the write fails rather than sending a partial line.
        let channel = EmbeddedChannel(handler: MessageToByteHandler(SMTPCommandEncoder()))
        #expect(throws: SMTPError.self) { try channel.writeOutbound(command) }
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
    }

    @Test("a command's description masks credentials and never shows the message")
    func description() {
        let credentials = SMTPCredentials(username: "alex", password: "s3cret")
        #expect(SMTPCommand.auth(.plain, initial: credentials.initialResponse(.plain, host: "", port: 0)).description == "AUTH PLAIN ****")
        #expect(SMTPCommand.saslResponse(SASLResponse(text: "s3cret")).description == "****")
        #expect(!"\(credentials)".contains("s3cret"))
        #expect(
            SMTPCommand.message(SMTPMessageData(message: Array("secret words".utf8))).description
                == "<message, 17 bytes>")
        #expect(SMTPCommand.rcpt(to: "dana@acme.com").description == "RCPT TO:<dana@acme.com>")
    }
}
