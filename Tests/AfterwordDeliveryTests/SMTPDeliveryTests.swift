import AfterwordCore
import AfterwordStore
import AfterwordTestSupport
import Foundation
import SMTP
import Testing

@testable import AfterwordDelivery

/// A stored draft, ready for the ledger.
func storedDraft(_ store: AppDatabase, email: String = "dana@acme.com") throws -> Draft {
    let now = Date()
    let interview = try store.recordInterview(
        Interview(company: "Acme", role: "Engineer", startsAt: now.addingTimeInterval(-7200), timeZone: "UTC", createdAt: now))
    let person = try store.addInterviewer(Interviewer(name: "Dana Whitfield", email: email, createdAt: now), toInterview: interview.id!)
    return try store.saveDrafts([
        Draft(
            interviewId: interview.id!, interviewerId: person.id!, channel: .email, recipient: "Dana Whitfield <\(email)>",
            subject: "Thank you — Engineer interview", body: "Dear Dana Whitfield,\n\nThank you.\n", createdAt: now, updatedAt: now)
    ])[0]
}

func outgoing(_ body: String = "Dear Dana Whitfield,\n\nThank you.\n.hidden dot line\n", to: String = "dana@acme.com") -> OutgoingMessage {
    let message = MailMessage(
        from: Mailbox(name: "Alex Doe", address: "alex@example.com"), to: [Mailbox(name: "Dana Whitfield", address: to)],
        subject: "Thank you — Engineer interview", date: Date(), zone: TimeZone(identifier: "UTC")!,
        messageId: MailMessage.makeMessageId(from: "alex@example.com"), body: body)
    return OutgoingMessage(envelopeFrom: "alex@example.com", recipients: [to], bytes: message.rendered())
}

@Suite(.serialized) struct SMTPClientTests {
    @Test("several messages on one connection reach aiosmtpd intact, dot-stuffed lines and all")
    func plainLoopback() async throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let transport = SMTPTransport(settings: SMTPSettings(host: "127.0.0.1", port: server.port, security: .none))
        let outcomes = await transport.deliver([outgoing(), outgoing(), outgoing()])
        #expect(outcomes.allSatisfy { if case .accepted = $0 { true } else { false } }, "\(outcomes)")
        #expect(server.received.count == 3)
        let parsed = try parseWithPython(try #require(server.received.first))
        #expect((parsed["defects"] as? [String])?.isEmpty == true)
        let body = (parsed["body"] as? String)?.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(body?.contains("\n.hidden dot line\n") == true, "\(body ?? "")")
    }

    @Test("STARTTLS with a certificate made for this test, then AUTH PLAIN")
    func startTLSAndAuth() async throws {
        let (cert, key) = try makeTestCertificate()
        let server = try TestMailServer(extra: ["--cert", cert, "--key", key, "--user", "alex", "--password", "s3cret"])
        defer { server.stop() }
        let settings = SMTPSettings(
            host: "localhost", port: server.port, security: .startTLS, username: "alex", password: "s3cret",
            trustedCertificates: cert)
        let outcomes = await SMTPTransport(settings: settings).deliver([outgoing()])
        #expect(outcomes == [.accepted("250 2.0.0 Ok: queued")], "\(outcomes)")
        #expect(server.received.count == 1)

        // A wrong password is a permanent failure with the server's words, and nothing is delivered.
        var wrong = settings
        wrong.password = "nope"
        let refused = await SMTPTransport(settings: wrong, attempts: 1).deliver([outgoing()])
        guard case .failed(let reason) = refused.first else { Issue.record("expected a failure: \(refused)"); return }
        #expect(reason.contains("535"))
        #expect(!reason.contains("nope"))
        #expect(server.received.count == 1)
    }

    @Test("an untrusted certificate is refused")
    func untrusted() async throws {
        let (cert, key) = try makeTestCertificate()
        let server = try TestMailServer(extra: ["--cert", cert, "--key", key])
        defer { server.stop() }
        let outcomes = await SMTPTransport(settings: SMTPSettings(host: "localhost", port: server.port, security: .startTLS), attempts: 1)
            .deliver([outgoing()])
        guard case .failed(let words) = outcomes.first else { Issue.record("expected a TLS failure: \(outcomes)"); return }
        // Said in the user's terms, never the TLS library's error codes.
        #expect(words.contains("certificate is not trusted") && !words.contains("NIOSSL") && !words.contains("error:"), "\(words)")
        #expect(server.received.isEmpty)
    }

    @Test("implicit TLS (port 465 style)")
    func implicitTLS() async throws {
        let (cert, key) = try makeTestCertificate()
        let server = try TestMailServer(extra: ["--cert", cert, "--key", key, "--implicit-tls"])
        defer { server.stop() }
        let settings = SMTPSettings(host: "localhost", port: server.port, security: .tls, trustedCertificates: cert)
        let outcomes = await SMTPTransport(settings: settings).deliver([outgoing()])
        #expect(outcomes.count == 1 && server.received.count == 1, "\(outcomes)")
    }
}

@Suite(.serialized) struct SendOnceTests {
    func courier(_ store: AppDatabase, port: Int, timeout: Int64 = 5) -> Courier {
        let settings = SMTPSettings(host: "127.0.0.1", port: port, security: .none, timeouts: .uniform(seconds: timeout))
        return Courier(ledger: store, transport: SMTPTransport(settings: settings, attempts: 2, backoff: .milliseconds(20)), clock: { Date() })
    }

    func state(_ store: AppDatabase, _ draft: Draft) throws -> MessageState? {
        try store.messages(interviewId: draft.interviewId, interviewerId: draft.interviewerId).last?.state
    }

    @Test(
        "each fault ends in the right ledger state, and no case delivers twice",
        arguments: [
            ("transient-then-ok", MessageState.sent, 1), ("greeting-421", .failed, 0), ("rcpt-550", .failed, 0),
            ("drop-after-data", .uncertain, 1), ("slow-greeting", .failed, 0),
        ])
    func faults(mode: String, expected: MessageState, delivered: Int) async throws {
        let server = try TestMailServer(mode: mode)
        defer { server.stop() }
        let store = try AppDatabase.inMemory()
        let draft = try storedDraft(store)
        // A short timeout only where the server is meant to be too slow; others get room for a loaded machine.
        let timeout: Int64 = mode == "slow-greeting" ? 1 : 10
        let (_, outcome) = try await courier(store, port: server.port, timeout: timeout).send(draft, message: outgoing(), messageId: "x@example.com")
        #expect(try state(store, draft) == expected, "\(outcome)")
        #expect(server.received.count == delivered)
        if mode == "rcpt-550", case .failed(let words) = outcome { #expect(words.contains("User unknown")) }
    }

    @Test("a refused connection is a failure that may be retried")
    func refused() async throws {
        let store = try AppDatabase.inMemory()
        let draft = try storedDraft(store)
        let (_, outcome) = try await courier(store, port: 1).send(draft, message: outgoing(), messageId: "x@example.com")
        guard case .failed = outcome else { Issue.record("\(outcome)"); return }
        #expect(try state(store, draft) == .failed)
    }

    @Test("a second thank-you to the same interviewer for the same interview is refused with AW-ONCE")
    func once() async throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let store = try AppDatabase.inMemory()
        let draft = try storedDraft(store)
        _ = try await courier(store, port: server.port).send(draft, message: outgoing(), messageId: "a@example.com")
        await #expect(throws: LedgerRefusal.self) {
            try await courier(store, port: server.port).send(draft, message: outgoing(), messageId: "b@example.com")
        }
        #expect(server.received.count == 1)
    }

    @Test("two --due runs at once never send one scheduled message twice")
    func concurrentDue() async throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-\(UUID().uuidString)/a.sqlite").path
        let store = try AppDatabase.open(path: path)
        var drafts: [Draft] = []
        for index in 0..<6 { drafts.append(try storedDraft(store, email: "p\(index)@acme.com")) }
        for draft in drafts {
            _ = try store.open(draft, state: .scheduled, scheduledAt: Date().addingTimeInterval(-60), transport: .smtp, messageId: "m\(draft.id!)@example.com", now: Date())
        }
        let other = try AppDatabase.open(path: path)
        async let first = courier(store, port: server.port).sendDue { _ in outgoing() }
        async let second = courier(other, port: server.port).sendDue { _ in outgoing() }
        let results = try await first + second
        #expect(results.count == 6)
        #expect(server.received.count == 6)
        #expect(try store.due(now: Date()).isEmpty)
    }
}
