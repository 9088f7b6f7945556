import AfterwordApp
import AfterwordCore
import AfterwordWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("web security")
struct WebSecurityTests {
    @Test("whatever a user typed is shown as text, never as markup")
    func escaping() async throws {
        let fixture = try WebFixture()
        let hostile = "<script>alert(1)</script>"
        try fixture.seedInterview(
            company: "Acme \(hostile)",
            interviewers: [Interviewer(name: "Dana \"><img src=x onerror=alert(1)>", company: "Acme", email: "dana@acme.com", createdAt: WebFixture.now)])
        try await fixture.test { web in
            for path in ["/", "/interviews", "/interviews/1", "/people", "/interviewers/1"] {
                let page = try await web.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.body.contains("<script>alert"), "\(path)")
                #expect(!page.body.contains("<img src=x"), "\(path)")
            }
            #expect(try await web.get("/").body.contains("Acme &lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test("every response forbids inline script and framing")
    func headers() async throws {
        let fixture = try WebFixture()
        try await fixture.test { web in
            for path in ["/", "/static/app.js", "/no-such-page"] {
                let page = try await web.get(path)
                let policy = page.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("script-src 'self'"), "\(path)")
                #expect(!policy.contains("unsafe-inline"), "\(path)")
                #expect(policy.contains("frame-ancestors 'none'"), "\(path)")
                #expect(page.headers[.xContentTypeOptions] == "nosniff")
            }
            #expect(try await web.get("/no-such-page").status == .notFound)
            let missing = try await web.get("/drafts/999")
            #expect(missing.status == .notFound)
            #expect(missing.body.contains("no draft with id 999"))
            #expect(try await web.get("/interviews/abc").status == .notFound)
            #expect(!(try await web.get("/").body.contains("<script>")), "no inline script on any page")
        }
    }

    @Test("a state-changing request without this server's CSRF token, or from another origin, changes nothing")
    func csrf() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview()
        try await fixture.test { web in
            let forged = try await web.post("/interviews/1/compose", [], csrf: "0000")
            #expect(forged.status == .forbidden)
            let missing = try await web.send(
                "/interviews/1/compose", body: ByteBuffer(string: "interviewer=1"), headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(missing.status == .forbidden)
            let token = try await web.get("/").csrf ?? ""
            let crossSite = try await web.post("/interviews/1/compose", [], csrf: token, headers: [.origin: "https://evil.example"])
            #expect(crossSite.status == .forbidden)
            #expect(try fixture.store.latestDraft(interviewId: 1, interviewerId: 1) == nil)
        }
    }

    @Test("a 1 MB body is refused, and so is an over-long field in a small form; nothing is saved")
    func sizes() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview()
        _ = try fixture.workspace.composeDrafts(interviewId: 1)
        let before = try fixture.store.draft(id: 1).body
        try await fixture.test { web in
            let huge = String(repeating: "a", count: 1 << 20)
            let page = try await web.post("/drafts/1", [("subject", "Thank you"), ("body", huge)])
            #expect(page.status == .contentTooLarge)
            let long = String(repeating: "word ", count: 5_000)
            let field = try await web.post("/drafts/1", [("subject", "Thank you"), ("body", long)])
            #expect(field.status == .contentTooLarge)
            #expect(field.body.contains("the field body is longer than 20000 characters"))
            let card = "Dana Whitfield\nacme.com\n" + String(repeating: " ", count: 300 * 1024)
            let upload = try await web.upload("/interviews/1/cards", file: card, name: "card.txt", type: "text/plain")
            #expect(upload.status == .ok, "a 300 KB card file is within the upload limit, though over the form limit")
            #expect(try fixture.store.draft(id: 1).body == before)
        }
        try await fixture.test(options: .init(port: 7878, maxBodyBytes: 512 * 1024)) { web in
            let huge = String(repeating: "a", count: 1 << 20)
            let upload = try await web.upload("/interviews/1/cards", file: huge, name: "big.txt", type: "text/plain")
            #expect(upload.status == .contentTooLarge)
        }
    }

    @Test("CR/LF in a subject never becomes a header line")
    func subjectInjection() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview()
        _ = try fixture.workspace.composeDrafts(interviewId: 1)
        try await fixture.test { web in
            let body = try fixture.store.draft(id: 1).body
            _ = try await web.post("/drafts/1", [("subject", "Thank you\r\nBcc: victim@evil.example"), ("body", body)])
            let stored = try fixture.store.draft(id: 1)
            #expect(stored.subject == "Thank you  Bcc: victim@evil.example")
            #expect(!(stored.subject ?? "").contains("\n"))
        }
    }

    @Test("off loopback the server refuses to start without a token, and asks every request for it")
    func accessToken() async throws {
        let fixture = try WebFixture()
        #expect(throws: UserError.self) { try WebServer(workspace: fixture.workspace, options: .init(host: "0.0.0.0", port: 7878)) }
        let token = "correct-horse-battery-staple"
        try await fixture.test(options: .init(host: "0.0.0.0", port: 7878, accessToken: token)) { web in
            #expect(try await web.get("/").status == .unauthorized)
            let entry = try await web.get("/?token=\(token)")
            #expect(entry.status == .seeOther)
            let cookie = try #require(entry.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(try await web.get("/", headers: [.cookie: "aw_token=\(token)"]).status == .ok)
            #expect(try await web.get("/", headers: [.cookie: "aw_token=wrong"]).status == .unauthorized)
        }
    }
}
