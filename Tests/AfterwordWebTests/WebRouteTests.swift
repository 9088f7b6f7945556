import AfterwordApp
import AfterwordCore
import AfterwordWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("web pages")
struct WebPageTests {
    @Test("an interview's page offers its thank-you reminder as a calendar file with two alarms")
    func calendarReminder() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview()
        try await fixture.test { web in
            #expect(try await web.get("/interviews/1").body.contains("/interviews/1/reminder.ics"))
            let file = try await web.get("/interviews/1/reminder.ics")
            #expect(file.status == .ok)
            #expect(file.headers[.contentType]?.hasPrefix("text/calendar") == true)
            #expect(file.body.hasPrefix("BEGIN:VCALENDAR\r\n"))
            #expect(file.body.components(separatedBy: "BEGIN:VALARM").count == 3)
            #expect(file.body.contains("Dana Whitfield"))
            #expect(file.body.contains("/interviews/1"))
        }
    }

    @Test("People offers everyone as contacts: a vCard 4.0 download with each person met")
    func contacts() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview()
        try await fixture.test { web in
            #expect(try await web.get("/people").body.contains("/people/contacts.vcf"))
            let cards = try await web.get("/people/contacts.vcf")
            #expect(cards.status == .ok)
            #expect(cards.headers[.contentType]?.hasPrefix("text/vcard") == true)
            #expect(cards.body.hasPrefix("BEGIN:VCARD\r\nVERSION:4.0\r\n"))
            #expect(cards.body.contains("FN:Dana Whitfield\r\n"))
            #expect(cards.body.contains("EMAIL;TYPE=work:dana@acme.com"))
        }
    }

    @Test("Today lists who still needs a thank-you, on which channel, with the hours left")
    func today() async throws {
        // Given an interview seven hours ago with Dana (e-mail) and Raj (no address: a note)
        let fixture = try WebFixture()
        try fixture.seedInterview(interviewers: [
            Interviewer(name: "Dana Whitfield", company: "Acme", email: "dana@acme.com", createdAt: WebFixture.now),
            Interviewer(name: "Raj Patel", company: "Acme", createdAt: WebFixture.now),
        ])
        try await fixture.test { web in
            // When the dashboard is opened
            let page = try await web.get("/")
            // Then both are pending, with their channels and when each is due (18 of the 24 hours left)
            #expect(page.status == .ok)
            #expect(page.body.contains("Needs a thank-you (2)"))
            #expect(page.body.contains("Dana Whitfield"))
            #expect(page.body.contains("note card"))
            #expect(page.body.contains("(18h left)"))
        }
    }

    @Test("Today shows a change made elsewhere (the CLI, another connection) within a quarter second, one made here at once")
    func todayFollowsTheStore() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview()
        try await fixture.test { web in
            #expect(try await web.get("/").body.contains("Needs a thank-you (1)"))
            // Another connection to the same file, as `afterword interviewer add` would be.
            _ = try fixture.store.importInterviewers([Interviewer(name: "Raj Patel", company: "Acme", createdAt: WebFixture.now)], toInterview: 1)
            // The server looks at the store's revision at most every quarter second.
            try await Task.sleep(for: .milliseconds(300))
            let page = try await web.get("/")
            #expect(page.body.contains("Needs a thank-you (2)"))
            #expect(page.body.contains("Raj Patel"))
            _ = try await web.post("/interviews/1/interviewers", [("name", "Mei Chen")])
            #expect(try await web.get("/").body.contains("Needs a thank-you (3)"))
        }
    }

    @Test("with hundreds pending, Today shows the most pressing hundred first and links to the rest")
    func todayFirstRows() async throws {
        let fixture = try WebFixture()
        let people = (1...120).map { Interviewer(name: "Person \($0)", company: "Acme", email: "p\($0)@acme.com", createdAt: WebFixture.now) }
        try fixture.seedInterview(interviewers: people)
        try await fixture.test { web in
            let page = try await web.get("/")
            #expect(page.body.contains("Needs a thank-you (120)"))
            #expect(page.body.contains("20 more below these"))
            #expect(page.body.components(separatedBy: "<tr class=").count - 1 == 100)
            let all = try await web.get("/?all=1")
            #expect(all.body.components(separatedBy: "<tr class=").count - 1 == 120)
        }
    }

    @Test("an interview added in the form is stored and shown; a bad date names the field and stores nothing")
    func addInterview() async throws {
        let fixture = try WebFixture()
        try await fixture.test { web in
            let bad = try await web.post("/interviews", [("company", "Acme"), ("role", "SRE"), ("at", "next tuesday"), ("format", "video")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("When it started: &quot;next tuesday&quot; is not a date and time"))
            #expect(bad.body.contains(#"value="SRE""#), "what the user typed is kept")
            #expect(try fixture.store.interviews().isEmpty)

            let good = try await web.post(
                "/interviews",
                [("company", "Acme"), ("role", "SRE"), ("at", "2026-11-26T10:00"), ("tz", "Europe/Berlin"), ("format", "video"), ("duration", "45")])
            #expect(good.status == .seeOther)
            #expect(good.headers[.location] == "/interviews/1")
            let stored = try fixture.store.interview(id: 1).interview
            #expect(stored.timeZone == "Europe/Berlin")
            #expect(stored.format == .video)
            #expect(ISO8601.utc(stored.startsAt) == "2026-11-26T09:00:00Z")
        }
    }

    @Test("interviewers are added to the panel, a bad e-mail is refused by name, and composing opens the draft")
    func panelAndCompose() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview(interviewers: [])
        try await fixture.test { web in
            let refused = try await web.post("/interviews/1/interviewers", [("name", "Dana Whitfield"), ("email", "dana-at-acme")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("E-mail: &quot;dana-at-acme&quot; is not an e-mail address"))
            _ = try await web.post("/interviews/1/interviewers", [("name", "Dana Whitfield"), ("email", "Dana@ACME.com")])
            _ = try await web.post("/interviews/1/interviewers", [("name", "Raj Patel"), ("address", "1 Main St\r\nSpringfield, IL 62701")])
            let people = try fixture.store.interview(id: 1).interviewers
            #expect(people.map(\.name) == ["Dana Whitfield", "Raj Patel"])
            let panel = try await web.get("/interviews/1")
            #expect(panel.body.contains(#"<a href="/interviewers/2">Raj Patel</a> → note by post"#), "no title shown for a person without one")
            #expect(people[0].email == "Dana@acme.com")
            #expect(people[1].address == "1 Main St\nSpringfield, IL 62701")

            let topic = try await web.post("/interviews/1/topics", [("interviewer", "1"), ("topic", "the billing migration")])
            #expect(topic.headers[.location] == "/interviews/1#topics")
            let composed = try await web.post("/interviews/1/compose", [])
            #expect(composed.status == .seeOther)
            #expect(composed.headers[.location] == "/drafts/1")
            let draft = try await web.get("/drafts/1")
            #expect(draft.body.contains("Dear Dana,"))
            #expect(draft.body.contains("the billing migration"))
            #expect(draft.body.contains("Passes every check."), "\(draft.body)")
            #expect(draft.body.contains("Export .eml"))
            let note = try await web.get("/drafts/2")
            #expect(note.body.contains("Print the note (PDF)"))
        }
    }

    @Test("the live check marks the offending words with their rule, in the body's own offsets")
    func liveCheck() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview()
        _ = try fixture.workspace.composeDrafts(interviewId: 1)
        try await fixture.test { web in
            let body = "Dear Dana Whitfield,\n\nThank you for your time — Thx for the café talk. It was great!!\n\nBest regards,\nSam Seeker"
            let page = try await web.post("/drafts/1/check", [("subject", "Thank you — Backend Engineer interview"), ("body", body)])
            #expect(page.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
            let findings = try #require(json["findings"] as? [[String: Any]])
            let marked = findings.compactMap { finding -> String? in
                guard let start = finding["start"] as? Int, let end = finding["end"] as? Int, finding["rule"] as? String == "AW-PROPER" else { return nil }
                let utf16 = Array(body.utf16)
                return String(decoding: utf16[start..<end], as: UTF16.self)
            }
            #expect(marked.contains("Thx"), "marked: \(marked)")
            #expect(marked.contains { $0.contains("!!") }, "marked: \(marked)")
            // The page drawn without JavaScript marks the same words after a save.
            _ = try await web.post("/drafts/1", [("subject", "Thank you — Backend Engineer interview"), ("body", body)])
            let drawn = try await web.get("/drafts/1")
            #expect(drawn.body.contains(#"data-rule="AW-PROPER""#))
            #expect(drawn.body.contains(">Thx</mark>"))
        }
    }

    @Test("Check takes any pasted draft, marks what breaks a rule, and stores nothing")
    func checkAnyDraft() async throws {
        let fixture = try WebFixture()
        try await fixture.test { web in
            let form = try await web.get("/check")
            #expect(form.status == .ok)
            #expect(form.body.contains("Paste or write a draft above."))
            let body = "Dear Dana,\n\nThank you for the interview. Please confirm you received this.\n\nBest regards,\nSam"
            for to in ["", "Dana Whitfield"] {
                let page = try await web.post(
                    "/check", [("to", to), ("company", "Acme"), ("channel", "email"), ("subject", "Thank you — SRE interview"), ("body", body)])
                #expect(page.status == .ok)
                #expect(page.body.contains(#"data-rule="AW-NOREPLY""#), "to: \(to)")
                #expect(page.body.contains(">confirm you received</mark>"), "to: \(to)")
                let live = try await web.post("/check/live", [("to", to), ("company", "Acme"), ("channel", "email"), ("subject", "Thanks!!"), ("body", body)])
                let json = try #require(try JSONSerialization.jsonObject(with: Data(live.body.utf8)) as? [String: Any])
                let findings = try #require(json["findings"] as? [[String: Any]])
                #expect(findings.contains { $0["rule"] as? String == "AW-PROPER" && $0["field"] as? String == "subject" }, "to: \(to)")
                let noReply = try #require(findings.first { $0["rule"] as? String == "AW-NOREPLY" })
                let start = try #require(noReply["start"] as? Int)
                let end = try #require(noReply["end"] as? Int)
                #expect(String(decoding: Array(body.utf16)[start..<end], as: UTF16.self) == "confirm you received", "to: \(to)")
            }
            #expect(try fixture.store.interviews().isEmpty)
        }
    }

    @Test("the People page lists interviewers by company with what was sent to each")
    func people() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview()
        try fixture.seedInterview(company: "Globex", interviewers: [Interviewer(name: "Hank Scorpio", company: "Globex", createdAt: WebFixture.now)])
        let drafts = try fixture.workspace.composeDrafts(interviewId: 2)
        try fixture.workspace.noteMailed(draftId: drafts[0].draft.id ?? 0)
        try await fixture.test { web in
            let page = try await web.get("/people")
            #expect(page.body.contains("<h2>Acme</h2>"))
            #expect(page.body.contains("<h2>Globex</h2>"))
            #expect(page.body.contains("Hank Scorpio"))
            #expect(page.body.contains("thank-you sent"))
            #expect(page.body.contains("no thank-you yet"))
        }
    }

    @Test("settings are checked like `config set`, and a password is never stored")
    func settings() async throws {
        let fixture = try WebFixture()
        try await fixture.test { web in
            let bad = try await web.post("/settings", [("name", "Sam Seeker"), ("email", "sam@example.com"), ("timezone", "Mars/Olympus")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("timezone: &quot;Mars/Olympus&quot; is not a time zone"))
            #expect(try fixture.workspace.loadConfig().values["timezone"] == nil)
            let good = try await web.post("/settings", [("name", "Sam Seeker"), ("email", "sam@example.com"), ("timezone", "Europe/Berlin")])
            #expect(good.status == .seeOther)
            #expect(try fixture.workspace.loadConfig().values["timezone"] == "Europe/Berlin")
            let page = try await web.get("/settings")
            #expect(!page.body.contains("smtp.password\""), "there is no field for a password itself")
        }
    }
}

@Suite("web uploads")
struct WebUploadTests {
    @Test("an uploaded invite becomes an interview with its attendees; a broken one names file and line")
    func invite() async throws {
        let fixture = try WebFixture()
        let invite = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            BEGIN:VEVENT\r
            UID:abc-1@example.com\r
            DTSTART:20261126T150000Z\r
            DTEND:20261126T160000Z\r
            SUMMARY:Interview: Backend Engineer at Initech\r
            ORGANIZER;CN=Bill Lumbergh:mailto:bill@initech.com\r
            ATTENDEE;CN=Peter Gibbons:mailto:peter@initech.com\r
            ATTENDEE;CN=Sam Seeker:mailto:sam@example.com\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        try await fixture.test { web in
            let done = try await web.upload("/interviews/import", file: invite, name: "initech.ics", type: "text/calendar")
            #expect(done.status == .seeOther)
            let detail = try fixture.store.interview(id: 1)
            #expect(detail.interview.company == "Initech")
            #expect(detail.interviewers.map(\.name) == ["Peter Gibbons"], "the organizer and the user themselves are not interviewers")
            let page = try await web.get(done.headers[.location] ?? "/", headers: [.cookie: done.headers[.setCookie] ?? ""])
            #expect(page.body.contains("Bill Lumbergh &lt;bill@initech.com&gt; organized the invite without attending it"), "the organizer is offered")

            let broken = invite.replacingOccurrences(of: "DTSTART:20261126T150000Z", with: "DTSTART:2026-11-26 at three")
            let refused = try await web.upload("/interviews/import", file: broken, name: "broken.ics", type: "text/calendar")
            #expect(refused.status == .seeOther)
            let shown = try await web.get(refused.headers[.location] ?? "/", headers: [.cookie: refused.headers[.setCookie] ?? ""])
            #expect(shown.body.contains("broken.ics:5"), "\(shown.body)")
            #expect(try fixture.store.interviews().count == 1, "nothing of the broken file is stored")
        }
    }

    @Test("a vCard upload seats its person on the panel; a card's text is offered for checking first")
    func cards() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview(interviewers: [])
        try await fixture.test { web in
            let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Whitfield\r\nORG:Acme\r\nEMAIL;TYPE=work:dana@acme.com\r\nEND:VCARD\r\n"
            _ = try await web.upload("/interviews/1/cards", file: card, name: "dana.vcf", type: "text/vcard")
            #expect(try fixture.store.interview(id: 1).interviewers.map(\.name) == ["Dana Whitfield"])

            let text = "Raj Patel\nSenior Engineer\nAcme Corp\nraj.patel@acme.com\n+1 (312) 555-0142\n"
            let offered = try await web.upload("/interviews/1/cards", file: text, name: "raj.txt", type: "text/plain")
            #expect(offered.status == .ok)
            #expect(offered.body.contains(#"value="Raj Patel""#))
            #expect(offered.body.contains(#"value="raj.patel@acme.com""#))
            #expect(offered.body.contains("Confidence:"))
            #expect(try fixture.store.interview(id: 1).interviewers.count == 1, "nothing saved before the user confirms")
        }
    }
}
