import AfterwordApp
import AfterwordCore
import AfterwordWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("web: drafts and their guardrails")
struct WebDraftsTests {
    static let panel = [
        Interviewer(
            name: "Dana Whitfield", honorific: "Ms.", company: "Acme", email: "dana@acme.com", createdAt: WebFixture.now
        ),
        Interviewer(
            name: "Priya Natarajan", company: "Acme", email: "priya@acme.com",
            notes: "Priya showed me the on-call dashboard",
            createdAt: WebFixture.now),
    ]

    @Test("composing while the user's name is not set warns, and is not shown as a success")
    func unsignedWarning() async throws {
        // Given a user who has not set their name
        let fixture = try WebFixture()
        try fixture.seedInterview(interviewers: Self.panel)
        try Config(values: ["email": "sam@example.com"]).save(to: fixture.home)
        try await fixture.test { web in
            // When they compose the drafts
            let composed = try await web.post("/interviews/1/compose", [])
            let page = try await web.get(
                composed.headers[.location] ?? "/", headers: [.cookie: composed.headers[.setCookie] ?? ""])
            // Then the page warns that the drafts are unsigned, and the draft says it breaks a rule
            #expect(page.body.contains(#"<p class="caution" role="alert">"#), "\(page.body)")
            #expect(page.body.contains("your name is not set"))
            #expect(!page.body.contains(#"<p class="flash""#))
            #expect(page.body.contains("unsigned"))
        }
    }

    @Test("the interview page offers each person's topics from the notes; one click sets it; Recompose asks before replacing a hand edit")
    func topicsAndRecompose() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview(interviewers: Self.panel)
        try await fixture.test { web in
            // The notes suggest Priya's own detail, attributed to her, and the shared one to everyone
            let page = try await web.get("/interviews/1")
            #expect(page.body.contains(#"value="the on-call dashboard" class="chip""#), "\(page.body)")
            #expect(page.body.contains(#"value="the billing migration to event sourcing" class="chip""#))
            // A topic pasted from the notes is refused with how to write it, and nothing is kept
            let pasted = try await web.post("/interviews/1/topics", [("interviewer", "2"), ("topic", "Priya showed me the on-call dashboard.")])
            let back = (pasted.headers[.location] ?? "/").split(separator: "#").first.map(String.init) ?? "/"
            let refused = try await web.get(back, headers: [.cookie: pasted.headers[.setCookie] ?? ""])
            #expect(refused.body.contains("our conversation about"), "\(refused.body)")
            #expect(try fixture.store.interviewer(id: 2).topic == nil)
            // One click on a suggestion sets it
            _ = try await web.post("/interviews/1/topics", [("interviewer", "2"), ("topic", "the on-call dashboard")])
            _ = try await web.post("/interviews/1/topics", [("interviewer", "1"), ("topic", "the billing migration")])
            _ = try await web.post("/interviews/1/compose", [])
            let dana = try await web.get("/drafts/1")
            #expect(dana.body.contains("Dear Dana,"), "a panel is greeted with one formality")
            #expect(dana.body.contains("the billing migration") && !dana.body.contains("dashboard"))
            let priya = try await web.get("/drafts/2")
            #expect(priya.body.contains("Dear Priya,"))
            #expect(priya.body.contains("the on-call dashboard") && !priya.body.contains("billing"))
            // Changing the topic of a draft Afterword wrote writes it again at once
            let changed = try await web.post("/interviews/1/topics", [("interviewer", "2"), ("topic", "your incident reviews")])
            #expect(changed.headers[.location] == "/drafts/3")
            #expect(try await web.get("/drafts/3").body.contains("your incident reviews"))
            // A hand edit is replaced only when the user says so
            _ = try await web.post("/drafts/3", [("subject", "Thank you"), ("body", "Dear Priya,\n\nThank you for your time. I enjoyed our talk about incident reviews.\n\nBest regards,\nSam\n")])
            let asked = try await web.post("/drafts/3/recompose", [])
            #expect(asked.headers[.location] == "/drafts/3")
            #expect(try fixture.store.latestDraft(interviewId: 1, interviewerId: 2)?.id == 3)
            let again = try await web.get("/drafts/3")
            #expect(again.body.contains(#"name="replace" required"#), "\(again.body)")
            let replaced = try await web.post("/drafts/3/recompose", [("replace", "on")])
            #expect(replaced.headers[.location] == "/drafts/4")
        }
    }

    @Test("an interviewer and an interview are removed from their pages; once a thank-you is in the ledger they stay")
    func remove() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview(interviewers: Self.panel)
        try await fixture.test { web in
            _ = try await web.post("/interviews/1/compose", [])
            // Priya is removed with her draft
            let removed = try await web.post("/interviewers/2/remove", [])
            #expect(removed.headers[.location] == "/people")
            #expect(!(try await web.get("/interviews/1")).body.contains("Priya Natarajan"))
            // Dana's thank-you is handed to the user's mail program: the ledger holds it
            try fixture.workspace.handOff(draftId: 1, transport: .eml, anyway: true) { _, _ in }
            let kept = try await web.post("/interviewers/1/remove", [])
            #expect(kept.headers[.location] == "/interviewers/1")
            #expect((try await web.get("/interviewers/1")).status == .ok)
            let interview = try await web.post("/interviews/1/remove", [])
            #expect(interview.headers[.location] == "/interviews/1")
            #expect((try await web.get("/interviews/1")).body.contains("Dana Whitfield"))
        }
    }

    @Test("the interviewer form keeps a person's own notes and honorific; the interview form keeps the fit line")
    func forms() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview()
        try await fixture.test { web in
            let added = try await web.post(
                "/interviews/1/interviewers",
                [
                    ("name", "Priya Natarajan"), ("email", "priya@acme.com"), ("honorific", "Dr."),
                    ("notes", "- her team's move to Kafka"),
                ])
            #expect(added.status == .seeOther)
            let saved = try await web.post(
                "/interviews/1",
                [
                    ("company", "Acme"), ("role", "Backend Engineer"), ("at", "2026-11-26T09:00"),
                    ("tz", "America/New_York"),
                    ("format", "video"), ("duration", "60"), ("notes", "We discussed the billing migration"),
                    ("fit", "my five years running Kafka at scale"),
                ])
            #expect(saved.status == .seeOther)
            let detail = try fixture.store.interview(id: 1)
            #expect(detail.interview.fit == "my five years running Kafka at scale")
            let priya = try #require(detail.interviewers.first { $0.name == "Priya Natarajan" })
            #expect(priya.honorific == "Dr." && priya.notes == "- her team's move to Kafka")
            let page = try await web.get("/interviewers/\(priya.id ?? 0)")
            #expect(
                page.body.contains("- her team&#39;s move to Kafka")
                    || page.body.contains("- her team&#x27;s move to Kafka"), "\(page.body)")
        }
    }

    @Test(
        "a first visit invites the user to set their name and record an interview; an interview not yet over is upcoming"
    )
    func todayFirstRunAndUpcoming() async throws {
        let fixture = try WebFixture()
        try await fixture.test { web in
            let first = try await web.get("/")
            #expect(
                first.body.contains("Welcome") && first.body.contains(#"href="/settings">Set your name and e-mail"#))
        }
        // An interview tomorrow is listed as upcoming, not as due
        _ = try fixture.store.recordInterview(
            Interview(
                company: "Initech", role: "SRE", startsAt: WebFixture.now.addingTimeInterval(20 * 3600),
                timeZone: "America/New_York",
                createdAt: WebFixture.now))
        _ = try fixture.store.importInterviewers(
            [Interviewer(name: "Mei Lin", company: "Initech", email: "mei@initech.com", createdAt: WebFixture.now)],
            toInterview: 1)
        try await fixture.test { web in
            let page = try await web.get("/")
            #expect(!page.body.contains("Welcome"))
            #expect(page.body.contains("Upcoming") && page.body.contains("Needs a thank-you (0)"), "\(page.body)")
            #expect(!page.body.contains("left of 24"))
        }
    }

    @Test("the Check page shows no findings before anything is typed")
    func checkStartsEmpty() async throws {
        let fixture = try WebFixture()
        try await fixture.test { web in
            let page = try await web.get("/check")
            #expect(page.body.contains("Paste or write a draft above."))
            #expect(!page.body.contains("AW-THANKS"))
            let live = try await web.post("/check/live", [("body", "  ")])
            #expect(!live.body.contains("AW-"), "\(live.body)")
        }
    }

    @Test("Today marks a draft that breaks a rule, and a schedule nothing sent as overdue to leave")
    func todayGuardrails() async throws {
        // Given Dana's draft with a misspelt greeting, and Priya's thank-you scheduled for a minute from now
        let fixture = try WebFixture()
        try fixture.seedInterview(interviewers: Self.panel)
        try Config(values: [
            "name": "Sam Seeker", "email": "sam@example.com", "smtp.host": "127.0.0.1", "smtp.port": "9",
            "smtp.security": "none",
        ])
        .save(to: fixture.home)
        let drafts = try fixture.workspace.composeDrafts(interviewId: 1)
        let dana = try #require(drafts.first?.draft)
        _ = try fixture.store.updateDraft(
            id: dana.id ?? 0, subject: dana.subject,
            body: dana.body.replacingOccurrences(of: "Dear Dana,", with: "Dear Dnaa,"), at: WebFixture.now)
        _ = try await fixture.workspace.send(
            draftId: drafts[1].draft.id ?? 0, timing: .at(WebFixture.now.addingTimeInterval(60)), anyway: true)
        // When Today is opened an hour later, with nothing having sent it
        let later = Workspace(home: fixture.home, clock: { WebFixture.now.addingTimeInterval(3600) })
        let app = Application(
            router: try WebServer(workspace: later, options: .init(port: 7878, accessToken: WebFixture.accessToken, sendsDue: false)).router())
        try await app.test(.router) { client in
            let page = try await WebClient(client: client).get("/")
            // Then both are pointed out
            #expect(page.body.contains("breaks AW-NAMES"), "\(page.body)")
            #expect(page.body.contains("overdue to leave — run `afterword send --due` or start `afterword serve`"))
        }
    }

    @Test("a draft's page compares it with the panel's other drafts: a near-copy is AW-DISTINCT")
    func distinctOnThePage() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview(interviewers: Self.panel)
        let drafts = try fixture.workspace.composeDrafts(interviewId: 1)
        let dana = drafts[0].draft
        let copy = dana.body.replacingOccurrences(of: "Dear Ms. Whitfield,", with: "Dear Priya,")
        _ = try fixture.store.updateDraft(id: drafts[1].draft.id ?? 0, subject: dana.subject, body: copy, at: WebFixture.now)
        try await fixture.test { web in
            let page = try await web.get("/drafts/2")
            #expect(page.body.contains("AW-DISTINCT"), "\(page.body)")
        }
    }
}
