import AfterwordApp
import AfterwordStore
import Foundation
import HTTPTypes
import Testing

/// A refusal on the web says why in plain words and offers what to do as a link to where it is done;
/// the same refusal on the command line names a command (SettingsCLITests).
@Suite("web: remedies as links", .serialized)
struct WebRemedyTests {
    @Test("sending before the sender's address is set links to that setting, and nothing is sent")
    func missingSenderLinksToSettings() async throws {
        let fixture = try WebFixture()
        try Config(values: ["name": "Sam Seeker", "smtp.host": "127.0.0.1", "smtp.port": "9", "smtp.security": "none"]).save(to: fixture.home)
        try fixture.seedInterview()
        _ = try fixture.workspace.composeDrafts(interviewId: 1)
        try await fixture.test { web in
            let sent = try await web.post("/drafts/1/send", [("when", "now")])
            let page = try await web.get("/drafts/1", headers: [.cookie: sent.headers[.setCookie] ?? ""])
            #expect(
                page.body.contains(
                    #"<strong>Not done:</strong> your e-mail address is not set — <a href="/settings#k-email">set email in Settings</a>"#),
                "\(page.body)")
            #expect(!page.body.contains("afterword config"))
            #expect(try fixture.store.ledger(forDraft: 1).isEmpty)
            // The link leads to the field itself.
            #expect(try await web.get("/settings").body.contains(#"id="k-email""#))
        }
    }

    @Test("composing for an empty panel links to the interview, where people are added")
    func emptyPanelLinksToInterview() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview(interviewers: [])
        try await fixture.test { web in
            let composed = try await web.post("/interviews/1/compose", [])
            let page = try await web.get("/interviews/1", headers: [.cookie: composed.headers[.setCookie] ?? ""])
            #expect(
                page.body.contains(
                    #"interview #1 has no interviewers yet — <a href="/interviews/1">open the interview to see its panel</a>"#),
                "\(page.body)")
        }
    }

    @Test("sending with no way to send e-mail set up links to the provider setting, and names no command-line flag")
    func noTransportLinksToProvider() async throws {
        let fixture = try WebFixture()
        try Config(values: ["name": "Sam Seeker", "email": "sam@example.com"]).save(to: fixture.home)
        try fixture.seedInterview()
        _ = try fixture.workspace.composeDrafts(interviewId: 1)
        try await fixture.test { web in
            let sent = try await web.post("/drafts/1/send", [("when", "now")])
            let page = try await web.get("/drafts/1", headers: [.cookie: sent.headers[.setCookie] ?? ""])
            #expect(
                page.body.contains(#"no way to send e-mail is configured — <a href="/settings#k-provider">choose your mail provider or server in Settings</a>"#),
                "\(page.body)")
            #expect(!page.body.contains("--eml") && !page.body.contains("--mailto"))
            #expect(try fixture.store.ledger(forDraft: 1).isEmpty)
            #expect(try await web.get("/settings").body.contains(#"id="k-provider""#))
        }
    }
}
