import AfterwordApp
import AfterwordCore
import AfterwordStore
import AfterwordTestSupport
import Foundation
import Testing

@Suite("web mail", .serialized)
struct WebMailTests {
    @Test("Settings shows the provider's advice and its values, and keeps a password in the system keyring without ever showing it")
    func passwordInKeyring() async throws {
        let keyring = try KeyringSession()
        defer { keyring.stop() }
        let fixture = try WebFixture()
        try Config(values: ["name": "Sam Seeker", "email": "sam@example.com", "provider": "icloud", "smtp.user": "sam@icloud.com"])
            .save(to: fixture.home)
        let password = "abcd-efgh-ijkl-mnop"
        // The server's process reaches the session's keyring, as a desktop login's would.
        setenv("DBUS_SESSION_BUS_ADDRESS", keyring.address, 1)
        defer { unsetenv("DBUS_SESSION_BUS_ADDRESS") }
        try await fixture.test { web in
            let page = try await web.get("/settings")
            #expect(page.body.contains("app-specific password"), "the provider's advice is on the page")
            #expect(page.body.contains("smtp.mail.me.com, from your provider"))
            #expect(page.body.contains(#"type="password""#))
            let stored = try await web.post("/settings/password", [("password", password)])
            #expect(stored.status == .seeOther)
            let after = try await web.get("/settings", headers: [.cookie: stored.headers[.setCookie] ?? ""])
            #expect(after.body.contains("is in the system keyring"), "\(after.body)")
            #expect(!after.body.contains(password))
        }
        #expect(try keyring.lookup(["service", "afterword", "account", "sam@icloud.com"]) == password)
        let config = try fixture.workspace.loadConfig()
        #expect(config.values["smtp.passwordCommand"]?.hasPrefix("secret-tool lookup") == true)
        let files = try FileManager.default.contentsOfDirectory(at: fixture.home, includingPropertiesForKeys: nil)
        for file in files { #expect(!(String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)).contains(password)) }
    }

    @Test("without a keyring the password is refused plainly, and nothing changes")
    func noKeyring() async throws {
        let fixture = try WebFixture()
        try Config(values: ["name": "Sam Seeker", "email": "sam@example.com", "smtp.user": "sam@example.com"]).save(to: fixture.home)
        setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", 1)
        defer { unsetenv("DBUS_SESSION_BUS_ADDRESS") }
        try await fixture.test { web in
            let stored = try await web.post("/settings/password", [("password", "hunter2-secret")])
            let page = try await web.get("/settings", headers: [.cookie: stored.headers[.setCookie] ?? ""])
            #expect(page.body.contains("keyring"), "\(page.body)")
            #expect(!page.body.contains("hunter2-secret"))
        }
        #expect(try fixture.workspace.loadConfig().values["smtp.passwordCommand"] == nil)
    }

    @Test("a draft opens filled in in the user's mail program and web mail; it is recorded only when they say it went, and only once")
    func sentElsewhere() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview()
        _ = try fixture.workspace.composeDrafts(interviewId: 1)
        try await fixture.test { web in
            let page = try await web.get("/drafts/1")
            #expect(page.body.contains("href=\"mailto:dana@acme.com?subject="))
            #expect(page.body.contains("https://mail.google.com/mail/?view=cm&amp;fs=1&amp;to=dana@acme.com&amp;su=Thank%20you"))
            #expect(page.body.contains("https://outlook.office.com/mail/deeplink/compose?to=dana@acme.com"))
            #expect(try fixture.store.ledger(forDraft: 1).isEmpty, "opening a link records nothing")
            let said = try await web.post("/drafts/1/sent-elsewhere", [])
            #expect(said.status == .seeOther)
            #expect(try fixture.store.ledger(forDraft: 1).last?.state == .sent)
            let again = try await web.post("/drafts/1/sent-elsewhere", [])
            let refused = try await web.get("/drafts/1", headers: [.cookie: again.headers[.setCookie] ?? ""])
            #expect(refused.body.contains("AW-ONCE"), "\(refused.body)")
        }
        #expect(try fixture.store.ledger(forDraft: 1).count == 1)
    }

    @Test("an uncertain send is looked up in the Sent folder from its page; the finding is shown, and the user's word settles it")
    func lookInSent() async throws {
        let relay = try TestMailServer()
        defer { relay.stop() }
        let dovecot = try TestDovecot(relayPort: relay.port, sentName: "Sent Messages")
        defer { dovecot.stop() }
        let fixture = try WebFixture()
        try Config(values: [
            "name": "Sam Seeker", "email": "sam@example.com", "imap.host": "127.0.0.1", "imap.port": String(dovecot.imapPort),
            "imap.security": "none", "imap.user": dovecot.user, "smtp.passwordCommand": "echo \(dovecot.password)",
        ]).save(to: fixture.home)
        try fixture.seedInterview()
        let drafts = try fixture.workspace.composeDrafts(interviewId: 1)
        let draft = try #require(drafts.first)
        // A send interrupted after the message was handed over, which the provider filed in Sent.
        let store = try fixture.store
        let entry = try store.open(draft.draft, state: .sending, scheduledAt: nil, transport: .smtp, messageId: "a1b2@example.com", now: WebFixture.now)
        try store.close(entry.storedID, as: .uncertain, reply: "interrupted", now: WebFixture.now)
        try appendToFolder(
            dovecot, folder: "Sent Messages", message: "Message-ID: <a1b2@example.com>\r\nSubject: Thank you\r\nTo: dana@acme.com\r\n\r\nDear Dana,\r\n")
        try await fixture.test { web in
            let looked = try await web.post("/drafts/1/look-in-sent", [])
            let page = try await web.get("/drafts/1", headers: [.cookie: looked.headers[.setCookie] ?? ""])
            #expect(page.body.contains("found in Sent Messages"), "\(page.body)")
            #expect(page.body.contains("id=\"sent-lookup\""))
            #expect(try fixture.store.ledger(forDraft: 1).last?.state == .uncertain, "nothing is settled without the user")
            _ = try await web.post("/drafts/1/resolve", [("delivered", "yes")])
        }
        #expect(try fixture.store.ledger(forDraft: 1).last?.state == .sent)
    }
}
