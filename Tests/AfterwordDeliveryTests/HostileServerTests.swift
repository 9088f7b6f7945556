import AfterwordCore
import AfterwordStore
import AfterwordTestSupport
import Foundation
import SMTP
import Testing

@testable import AfterwordDelivery

/// Servers that lie, babble, stall or are not mail servers at all: the ledger never says *sent* for a
/// message no server accepted, and the client never hangs or grows without bound.
@Suite(.serialized) struct HostileServerTests {
    func courier(_ store: AppDatabase, _ settings: SMTPSettings, attempts: Int = 1) -> Courier {
        Courier(
            ledger: store, transport: SMTPTransport(settings: settings, attempts: attempts, backoff: .milliseconds(20)),
            clock: { Date() })
    }

    func lastEntry(_ store: AppDatabase, _ draft: Draft) throws -> LedgerEntry? {
        try store.messages(interviewId: draft.interviewId, interviewerId: draft.interviewerId).last
    }

    @Test(
        "replies forged in plaintext right after \"220 go ahead\" are thrown away; the real answer inside TLS is recorded"
    )
    func startTLSInjection() async throws {
        // Given a man in the middle who appends forged replies to the server's STARTTLS answer
        let (cert, key) = try makeTestCertificate()
        let server = try TestMailServer(mode: "starttls-inject", extra: ["--cert", cert, "--key", key])
        defer { server.stop() }
        let store = try AppDatabase.inMemory()
        let draft = try storedDraft(store)
        let settings = SMTPSettings(
            host: "localhost", port: server.port, security: .startTLS, trustedCertificates: cert,
            timeouts: .uniform(seconds: 10))
        // When the thank-you is sent
        let (_, outcome) = try await courier(store, settings).send(
            draft, message: outgoing(), messageId: "x@example.com")
        // Then the server really has it, and the ledger holds the server's words, not the forger's
        #expect(outcome == .accepted("250 2.0.0 queued"), "\(outcome)")
        #expect(server.received.count == 1)
        let entry = try #require(try lastEntry(store, draft))
        #expect(entry.state == .sent)
        #expect(entry.serverReply?.contains("forged") == false)
    }

    @Test(
        "plaintext arriving after \"220 go ahead\" and before the TLS handshake ends the session; nothing is marked sent"
    )
    func startTLSLateInjection() async throws {
        let (cert, key) = try makeTestCertificate()
        let server = try TestMailServer(mode: "starttls-inject-late", extra: ["--cert", cert, "--key", key])
        defer { server.stop() }
        let store = try AppDatabase.inMemory()
        let draft = try storedDraft(store)
        let settings = SMTPSettings(
            host: "localhost", port: server.port, security: .startTLS, trustedCertificates: cert,
            timeouts: .uniform(seconds: 10))
        let (_, outcome) = try await courier(store, settings).send(
            draft, message: outgoing(), messageId: "x@example.com")
        guard case .failed(let words) = outcome else {
            Issue.record("expected a failure: \(outcome)")
            return
        }
        #expect(!words.contains("forged"))
        #expect(try lastEntry(store, draft)?.state == .failed)
        #expect(server.received.isEmpty)
    }

    @Test(
        "a server answering \".\" with a reply that never ends is cut off with a clear reason; the message is uncertain, not sent"
    )
    func endlessReply() async throws {
        let server = try TestMailServer(mode: "endless-reply")
        defer { server.stop() }
        let store = try AppDatabase.inMemory()
        let draft = try storedDraft(store)
        let settings = SMTPSettings(
            host: "127.0.0.1", port: server.port, security: .none, timeouts: .uniform(seconds: 10))
        let (_, outcome) = try await courier(store, settings).send(
            draft, message: outgoing(), messageId: "x@example.com")
        guard case .uncertain(let words) = outcome else {
            Issue.record("expected an uncertain outcome: \(outcome)")
            return
        }
        #expect(words.contains("not behaving as a mail server"), "\(words)")
        #expect(try lastEntry(store, draft)?.state == .uncertain)
    }

    /// What the ledger must say after each reply to the end of the message.
    static let endOfDataReplies: [(replies: String, state: MessageState)] = [
        ("250 2.0.0 queued", .sent), ("251 2.1.5 will forward", .sent), ("252 2.1.5 cannot verify, will try", .sent),
        ("250-2.0.0 queued|250 as 1234", .sent), ("451 4.3.0 try again later", .failed), ("550 5.7.1 rejected", .failed),
        ("250-2.0.0 queued|550 5.7.1 rejected", .uncertain), ("550-5.7.1 rejected|250 2.0.0 ok", .uncertain),
        ("354 go on", .uncertain), ("220 hello again", .uncertain), ("199 what", .uncertain), ("hello there", .uncertain),
        ("CLOSE", .uncertain),
    ]

    @Test(
        "the reply to the end of the message decides, read whole: 250/251/252 sent, 4xx and 5xx not, anything else uncertain, never failed",
        arguments: 0..<endOfDataReplies.count)
    func endOfDataReply(index: Int) async throws {
        let (replies, expected) = Self.endOfDataReplies[index]
        let server = try TestMailServer(mode: "eod:" + replies)
        defer { server.stop() }
        let store = try AppDatabase.inMemory()
        let draft = try storedDraft(store)
        let settings = SMTPSettings(host: "127.0.0.1", port: server.port, security: .none, timeouts: .uniform(seconds: 5))
        _ = try await courier(store, settings).send(draft, message: outgoing(), messageId: "x@example.com")
        #expect(try lastEntry(store, draft)?.state == expected, "\(replies)")
        // A message the server may have kept is never recorded as failed, which would let it be sent again.
        if !server.received.isEmpty { #expect(try lastEntry(store, draft)?.state != .failed, "\(replies)") }
    }

    @Test("the wait after \".\" is the end-of-data limit alone, not the sum of every stage's limit")
    func endOfDataLimit() async throws {
        let server = try TestMailServer(mode: "stall-after-data")
        defer { server.stop() }
        let timeouts = SMTPTimeouts(
            connect: .seconds(10), greeting: .seconds(10), command: .seconds(30), endOfData: .seconds(1))
        let client = try await SMTPClient.connect(
            SMTPSettings(host: "127.0.0.1", port: server.port, security: .none, timeouts: timeouts))
        let message = outgoing()
        do {
            _ = try await client.send(
                SMTPEnvelope(from: message.envelopeFrom, recipients: message.recipients, message: message.bytes))
            Issue.record("a stalled server cannot have answered")
        } catch let error as SMTPError {
            #expect(error.kind == .timeout)
            #expect(error.stage == "end of data")
            #expect(error.detail.contains("within 1 s"), "\(error)")
            #expect(error.mayHaveBeenDelivered)
        }
        await client.quit()
    }

    @Test("a web server where the mail server should be is named as such")
    func httpGreeting() async throws {
        let server = try TestMailServer(mode: "http-greeting")
        defer { server.stop() }
        let settings = SMTPSettings(
            host: "127.0.0.1", port: server.port, security: .none, timeouts: .uniform(seconds: 10))
        let outcomes = await SMTPTransport(settings: settings, attempts: 1).deliver([outgoing()])
        guard case .failed(let words) = outcomes.first else {
            Issue.record("expected a failure: \(outcomes)")
            return
        }
        #expect(words.contains("HTTP"), "\(words)")
        #expect(words.contains("smtp.port"), "\(words)")
        #expect(!words.contains("closed channel"), "\(words)")
    }

    @Test("a server that echoes the AUTH line never gets the credentials into the recorded reply")
    func authEcho() async throws {
        let server = try TestMailServer(mode: "auth-echo")
        defer { server.stop() }
        let settings = SMTPSettings(
            host: "127.0.0.1", port: server.port, security: .none, username: "alex", password: "s3cret-pass",
            timeouts: .uniform(seconds: 10))
        let outcomes = await SMTPTransport(settings: settings, attempts: 1).deliver([outgoing()])
        guard case .failed(let words) = outcomes.first else {
            Issue.record("expected a failure: \(outcomes)")
            return
        }
        let token = Data("\u{0}alex\u{0}s3cret-pass".utf8).base64EncodedString()
        #expect(words.contains("535"), "\(words)")
        #expect(!words.contains(token), "\(words)")
        #expect(!words.contains("s3cret-pass"), "\(words)")
    }

    @Test("send --due reconnects when the server closed the connection between messages: every message is sent once")
    func reconnectBetweenMessages() async throws {
        // Given a server that hangs up after each accepted message, and three messages due
        let server = try TestMailServer(mode: "close-after-first")
        defer { server.stop() }
        let store = try AppDatabase.inMemory()
        var drafts: [Draft] = []
        for index in 0..<3 { drafts.append(try storedDraft(store, email: "p\(index)@acme.com")) }
        for draft in drafts {
            _ = try store.open(
                draft, state: .scheduled, scheduledAt: Date().addingTimeInterval(-60), transport: .smtp,
                messageId: "m\(draft.id ?? 0)@example.com",
                now: Date())
        }
        let settings = SMTPSettings(
            host: "127.0.0.1", port: server.port, security: .none, timeouts: .uniform(seconds: 10))
        // When they are sent
        let results = try await courier(store, settings).sendDue { _ in outgoing() }
        // Then all three were delivered and recorded as sent, none failed
        #expect(results.map(\.0.state) == [.sent, .sent, .sent], "\(results.map(\.1))")
        #expect(server.received.count == 3)
    }
}
