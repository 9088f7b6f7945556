import AfterwordApp
import AfterwordCore
import AfterwordStore
import Foundation
import Testing

@Suite("web openings")
struct WebOpeningsTests {
    static let day: TimeInterval = 86_400

    /// An Acme interview 60 days ago: Dana thanked the same day, Raj not; Acme's board lists two openings, one new today.
    func seeded() throws -> WebFixture {
        let fixture = try WebFixture()
        let store = try fixture.store
        let then = WebFixture.now.addingTimeInterval(-60 * Self.day)
        let interview = try store.recordInterview(
            Interview(
                company: "Acme", role: "Backend Engineer", startsAt: then, timeZone: "America/New_York", createdAt: then
            ))
        _ = try store.importInterviewers(
            [
                Interviewer(name: "Dana Whitfield", company: "Acme", email: "dana@acme.com", createdAt: then),
                Interviewer(name: "Raj Patel", company: "Acme", email: "raj@acme.com", createdAt: then),
            ], toInterview: interview.id)
        let draft = try #require(try fixture.workspace.composeDrafts(interviewId: interview.id ?? 0).first?.draft)
        let thanked = then.addingTimeInterval(6 * 3600)
        let entry = try store.open(
            draft, state: .sending, scheduledAt: nil, transport: .smtp, messageId: "<t@example.com>", now: thanked)
        try store.close(entry.id ?? 0, as: .sent, reply: "250 OK", now: thanked)
        let board = try store.addBoard(
            WatchedBoard(company: "Acme Inc.", provider: .greenhouse, token: "acme", addedAt: then))
        _ = try store.recordBoardRead(
            boardId: board.id ?? 0,
            postings: [
                ListedPosting(
                    externalId: "1", title: "Product Designer", location: "New York, NY",
                    url: "https://boards.greenhouse.io/acme/jobs/1")
            ],
            etag: nil, lastModified: nil, now: then.addingTimeInterval(Self.day))
        _ = try store.recordBoardRead(
            boardId: board.id ?? 0,
            postings: [
                ListedPosting(
                    externalId: "1", title: "Product Designer", location: "New York, NY",
                    url: "https://boards.greenhouse.io/acme/jobs/1"),
                ListedPosting(
                    externalId: "2", title: "Staff Engineer", location: "Remote",
                    url: "https://boards.greenhouse.io/acme/jobs/2"),
            ], etag: nil, lastModified: nil, now: WebFixture.now.addingTimeInterval(-3600))
        return fixture
    }

    @Test(
        "the Openings page lists each opening with who may remember you, filters by title and place, and offers a reconnect"
    )
    func openingsPage() async throws {
        let fixture = try seeded()
        try await fixture.test { web in
            let page = try await web.get("/openings")
            #expect(page.status == .ok)
            #expect(
                page.body.contains(
                    "Acme Inc.: <a href=\"https://boards.greenhouse.io/acme/jobs/2\" rel=\"noopener noreferrer\">Staff Engineer</a>"
                ))
            #expect(page.body.contains("Dana Whitfield</a>, met"))
            #expect(page.body.contains("thank-you sent"))
            #expect(page.body.contains(#"action="/openings/2/reconnect""#))
            // Raj was never thanked: no plain reconnect, the reason, and the way to say they met
            #expect(page.body.contains("Raj Patel never received a thank-you from you"))
            #expect(page.body.contains("I met them and thanked them another way"))
            let filtered = try await web.get("/openings?match=engineer&location=remote")
            #expect(filtered.body.contains("Staff Engineer"))
            #expect(!filtered.body.contains("Product Designer"))
        }
    }

    @Test("the Openings page shows 50 at a time, newest first, with links to the others; a filter keeps to its matches")
    func pages() async throws {
        let fixture = try seeded()
        let store = try fixture.store
        let board = try store.addBoard(WatchedBoard(company: "Globex", provider: .lever, token: "globex", addedAt: WebFixture.now))
        _ = try store.recordBoardRead(
            boardId: board.id ?? 0,
            postings: (1...120).map { ListedPosting(externalId: "g\($0)", title: "Analyst \($0)", location: "Remote", url: "https://jobs.lever.co/globex/\($0)") },
            etag: nil, lastModified: nil, now: WebFixture.now.addingTimeInterval(-60))
        try await fixture.test { web in
            let first = try await web.get("/openings")
            #expect(first.body.components(separatedBy: #"<li class="opening""#).count - 1 == 50)
            #expect(first.body.contains("Page 1 of 3 (122 openings)"), "\(first.body)")
            #expect(first.body.contains(#"href="/openings?page=2" rel="next""#))
            let last = try await web.get("/openings?page=3")
            #expect(last.body.components(separatedBy: #"<li class="opening""#).count - 1 == 22)
            #expect(last.body.contains("Staff Engineer") && last.body.contains(#"rel="prev""#))
            let filtered = try await web.get("/openings?match=analyst&page=2")
            #expect(filtered.body.contains("Page 2 of 3 (120 openings)"), "\(filtered.body)")
            #expect(filtered.body.contains(#"href="/openings?page=3&amp;match=analyst""#))
            #expect(try await web.get("/openings?page=999999999").status == .ok)
        }
    }

    @Test("Reconnect composes the note and opens it as a draft; Today shows the new opening")
    func reconnect() async throws {
        let fixture = try seeded()
        try await fixture.test { web in
            let today = try await web.get("/")
            #expect(today.body.contains("New openings where someone may remember you"))
            #expect(today.body.contains("Acme Inc.: Staff Engineer"))
            // The older opening (first seen 59 days ago) is not news
            #expect(!today.body.contains("Acme Inc.: Product Designer"))
            let done = try await web.post("/openings/2/reconnect", [("interviewer", "1")])
            #expect(done.status == .seeOther || done.status == .found)
            let location = try #require(done.headers[.location])
            #expect(location.hasPrefix("/drafts/"))
            let draft = try await web.get(location)
            #expect(draft.body.contains("<h1>Reconnect note to Dana Whitfield</h1>"))
            #expect(draft.body.contains("Thank you again for your time when we spoke in"))
            #expect(draft.body.contains("Staff Engineer position (Remote)"))
            // A second reconnect to Dana is offered as the draft already written
            let again = try await web.get("/openings")
            #expect(again.body.contains("Open reconnect note #\(location.dropFirst("/drafts/".count))"))
        }
    }

    @Test("Today names each person once with the day they were thanked, keeps to the user's roles, and holds back a company whose application is open")
    func todayMakesSense() async throws {
        let fixture = try seeded()
        try await fixture.test { web in
            let today = try await web.get("/")
            #expect(today.body.contains("Acme Inc.: Staff Engineer"))
            #expect(today.body.components(separatedBy: "Dana Whitfield, thanked on").count == 2, "\(today.body)")
            #expect(!today.body.contains("Raj Patel"), "never thanked, so not someone who may remember")
        }
        try Config(values: ["openings.roles": "designer, product"]).save(to: fixture.home)
        try await fixture.test { web in
            let filtered = try await web.get("/")
            #expect(!filtered.body.contains("Acme Inc.: Staff Engineer"), "not one of the user's roles")
        }
        try Config(values: [:]).save(to: fixture.home)
        _ = try fixture.store.recordInterview(
            Interview(
                company: "ACME", role: "Staff Engineer", startsAt: WebFixture.now.addingTimeInterval(-5 * Self.day), timeZone: "America/New_York",
                createdAt: WebFixture.now))
        try await fixture.test { web in
            let held = try await web.get("/")
            #expect(!held.body.contains("Acme Inc.: Staff Engineer"))
            #expect(held.body.contains("1 opening at Acme Inc. waits: you interviewed there on"), "\(held.body)")
        }
    }

    @Test("a refused reconnect is said once, above the page, not again beside each board")
    func refusalOnce() async throws {
        // Given Raj, never thanked, and a board read without trouble
        let fixture = try seeded()
        try await fixture.test { web in
            // When a reconnect to Raj is asked for without saying they met
            let refused = try await web.post("/openings/2/reconnect", [("interviewer", "2")])
            let page = try await web.get(refused.headers[.location] ?? "/", headers: [.cookie: refused.headers[.setCookie] ?? ""])
            // Then the refusal is the page's problem, and the board carries no error tag
            #expect(page.body.contains(#"<div class="problem" role="alert"><strong>Not done:</strong> no reconnect: Raj Patel never received"#), "\(page.body)")
            #expect(!page.body.contains(#"<span class="tag bad">"#), "\(page.body)")
        }
    }

    @Test("a board stored with a provider this version does not know is listed, and its check says why without reading it")
    func unknownProvider() async throws {
        let fixture = try WebFixture()
        let store = try fixture.store
        // Given a board a newer version added, of a provider this one does not read
        _ = try store.addBoard(
            WatchedBoard(company: "Initech", provider: BoardProvider(storedName: "workday"), token: "initech", addedAt: WebFixture.now))
        // When the boards are checked
        let checks = try await fixture.workspace.checkBoards()
        // Then it fails in one line that names what is read, and it stays listed under its name
        guard case .failed(let message) = checks.first?.outcome else {
            Issue.record("the unknown board was not refused: \(checks)")
            return
        }
        #expect(message.contains("does not read \"workday\" job boards") && !message.contains("\n"))
        let listed = try fixture.workspace.watchedBoards()
        #expect(listed.map(\.board.provider.id) == ["workday"])
        #expect(listed.first?.board.error == message)
    }
}
