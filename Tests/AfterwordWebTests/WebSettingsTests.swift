import AfterwordApp
import AfterwordCore
import AfterwordTestSupport
import AfterwordWeb
import Foundation
import HTTPTypes
import Testing

@Suite("web: settings", .serialized)
struct WebSettingsTests {
    @Test("Settings come in groups, with selects for the few-valued ones and the defaults shown")
    func grouped() async throws {
        let fixture = try WebFixture()
        try await fixture.test { web in
            let page = try await web.get("/settings")
            for group in ["You", "Sending", "Note cards", "Advanced"] {
                #expect(page.body.contains("<legend>\(group)</legend>"))
            }
            #expect(page.body.contains(#"<select id="k-greeting" name="greeting""#))
            #expect(page.body.contains(#"<option value="first-name">first-name</option>"#))
            #expect(page.body.contains(#"<select id="k-smtp.security""#) && page.body.contains("default: starttls"))
            #expect(page.body.contains(#"<textarea id="k-address" name="address""#))
            #expect(page.body.contains(#"placeholder="/usr/sbin/sendmail""#))
        }
    }

    @Test("every setting in error is marked at its field at once, and nothing is saved")
    func errorsAtTheirFields() async throws {
        let fixture = try WebFixture()
        try await fixture.test { web in
            let page = try await web.post(
                "/settings", [("email", "not-an-address"), ("timezone", "Mars/Olympus"), ("name", "Sam Seeker")])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("2 settings need correcting"))
            #expect(
                page.body.contains(#"id="k-email" name="email" value="not-an-address""#)
                    && page.body.contains(#"id="e-email""#))
            #expect(page.body.contains(#"id="e-timezone""#) && page.body.contains("is not a time zone"))
            #expect(page.body.components(separatedBy: #"aria-invalid="true""#).count == 3)
            #expect(try fixture.workspace.loadConfig().values["email"] == "sam@example.com")
        }
    }

    @Test("saving a Settings page opened before `config set` ran elsewhere changes only the fields changed on the page")
    func staleForm() async throws {
        let fixture = try WebFixture()
        try await fixture.test { web in
            // The page is opened: every field remembers what it showed
            let page = try await web.get("/settings")
            let fields = try #require(page.body.matches(of: #/<input type="hidden" name="was-([a-zA-Z.]+)" value="([^"]*)">/#).map {
                (String($0.1), String($0.2))
            } as [(String, String)]?)
            #expect(fields.contains { $0.0 == "email" && $0.1 == "sam@example.com" }, "\(fields)")
            // Meanwhile the command line sets the name
            try fixture.workspace.updateSettings([(name: "name", value: "Samantha Seeker")])
            // The stale page is saved with only the region changed
            var posted: [(String, String)] = []
            for (key, shown) in fields {
                posted.append(("was-\(key)", shown))
                posted.append((key, key == "region" ? "GB" : shown))
            }
            let saved = try await web.post("/settings", posted, csrf: page.csrf)
            #expect(saved.status == .seeOther)
            let config = try fixture.workspace.loadConfig()
            #expect(config.values["name"] == "Samantha Seeker", "the stale form undid a setting made elsewhere")
            #expect(config.values["region"] == "GB")
        }
    }

    @Test("Send a test e-mail to myself goes through the configured server, and says so")
    func testMail() async throws {
        let mail = try TestMailServer()
        defer { mail.stop() }
        let fixture = try WebFixture()
        try Config(values: [
            "name": "Sam Seeker", "email": "sam@example.com", "smtp.host": "127.0.0.1", "smtp.port": String(mail.port),
            "smtp.security": "none",
        ]).save(to: fixture.home)
        try await fixture.test { web in
            let sent = try await web.post("/settings/test", [])
            let page = try await web.get("/settings", headers: [.cookie: sent.headers[.setCookie] ?? ""])
            #expect(page.body.contains("A test message was sent to you"), "\(page.body)")
            #expect(mail.received.count == 1)
        }
    }

    @Test("a form with several mistakes marks each field with its own message, all at once")
    func interviewFormErrors() async throws {
        let fixture = try WebFixture()
        try await fixture.test { web in
            let page = try await web.post(
                "/interviews",
                [
                    ("company", " "), ("role", "SRE"), ("at", "tomorrow-ish"), ("tz", "Mars/Olympus"),
                    ("format", "video"), ("duration", "60"),
                ])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("3 fields need correcting"), "\(page.body)")
            for field in ["company", "at", "tz"] {
                #expect(page.body.contains(#"aria-errormessage="\#(field)-error""#), "\(field) not marked")
                #expect(page.body.contains(#"<small class="field-error" id="\#(field)-error">"#))
            }
            #expect(!page.body.contains(#"aria-errormessage="role-error""#))
            #expect(page.body.contains("is not a time zone") && page.body.contains("is not a date and time"))
        }
    }

    @Test("correcting a person with two mistakes marks both fields and keeps what was typed")
    func interviewerEditErrors() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview()
        try await fixture.test { web in
            let page = try await web.post("/interviewers/1", [("name", "Dana Whitfield"), ("email", "dana at acme"), ("honorific", "Her Excellency")])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("2 fields need correcting"), "\(page.body)")
            #expect(page.body.contains(#"aria-errormessage="p-email-error""#) && page.body.contains(#"aria-errormessage="p-honorific-error""#))
            #expect(page.body.contains(#"value="dana at acme""#))
            #expect(try fixture.store.interviewer(id: 1).email == "dana@acme.com")
        }
    }

    @Test("editing an interview with two mistakes marks both fields on its page and saves nothing")
    func interviewEditErrors() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview()
        try await fixture.test { web in
            let page = try await web.post(
                "/interviews/1", [("company", ""), ("role", "Backend Engineer"), ("at", "2026-11-26T09:00"), ("tz", "Nowhere/Else"), ("duration", "60")])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains(#"aria-errormessage="company-error""#) && page.body.contains(#"aria-errormessage="tz-error""#))
            #expect(page.body.contains(#"value="Nowhere/Else""#))
            #expect(try fixture.store.interview(id: 1).interview.company == "Acme")
        }
    }
}
