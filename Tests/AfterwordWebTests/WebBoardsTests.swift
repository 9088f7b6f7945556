import AfterwordApp
import AfterwordCore
import AfterwordStore
import AfterwordTestSupport
import Foundation
import Testing

/// The job boards watched, from the Openings page: what `afterword watch` does on the command line.
@Suite("web boards", .serialized)
struct WebBoardsTests {
    /// A fixture whose board addresses point at `server`, with an Acme interview (Dana, dana@acme.com).
    func fixture(_ server: TestBoardServer? = nil) throws -> WebFixture {
        let fixture = try WebFixture()
        var values = ["name": "Sam Seeker", "email": "sam@example.com"]
        if let server {
            for provider in ["greenhouse", "lever", "ashby"] { values["watch.\(provider)"] = server.base(provider) }
        }
        try Config(values: values).save(to: fixture.home)
        try fixture.seedInterview()
        return fixture
    }

    @Test("a board is added from its careers page or a suggestion's Add, listed with its provider, and removed; a bad address is refused with the CLI's reason")
    func addListRemove() async throws {
        let fixture = try fixture()
        try await fixture.test { web in
            // Given no board watched, the page offers the form and the guesses from Dana's e-mail domain
            let empty = try await web.get("/openings")
            #expect(empty.body.contains("No boards watched yet."))
            #expect(empty.body.contains(#"<form method="post" action="/openings/boards" class="grid"><input type="hidden" name="csrf""#))
            #expect(empty.body.contains(#"<input type="hidden" name="url" value="https://boards.greenhouse.io/acme">"#))
            #expect(empty.body.contains("Acme (acme.com), Greenhouse:"))

            // When an address that is no job board is given, the page says why, as `watch add` does
            let bad = try await web.post("/openings/boards", [("company", "Acme"), ("url", "https://acme.com/careers")])
            #expect(bad.headers[.location] == "/openings")
            let refused = try await web.get("/openings", headers: [.cookie: bad.headers[.setCookie] ?? ""])
            #expect(refused.body.contains("is not a Greenhouse, Lever, Ashby or SmartRecruiters job board"), "\(refused.body)")
            let nameless = try await web.post("/openings/boards", [("company", " "), ("url", "https://boards.greenhouse.io/acme")])
            #expect(try await web.get("/openings", headers: [.cookie: nameless.headers[.setCookie] ?? ""]).body.contains("company"))
            #expect(try fixture.workspace.watchedBoards().isEmpty)

            // When the suggestion's Add is pressed, the board is watched and listed with its provider and a Remove button
            let added = try await web.post("/openings/boards", [("company", "Acme"), ("url", "https://boards.greenhouse.io/acme")])
            let listed = try await web.get("/openings", headers: [.cookie: added.headers[.setCookie] ?? ""])
            #expect(listed.body.contains("Watching Acme on Greenhouse as #1"), "\(listed.body)")
            #expect(listed.body.contains(#"#1 <a href="https://boards.greenhouse.io/acme" rel="noopener noreferrer">Acme</a> (Greenhouse): not checked yet"#))
            #expect(listed.body.contains(#"action="/openings/boards/1/remove""#))
            #expect(listed.body.contains(#"action="/openings/boards/check""#))
            #expect(!listed.body.contains("Acme (acme.com), Greenhouse:"), "a watched company is no longer suggested")

            // A second time, the same board is refused
            let twice = try await web.post("/openings/boards", [("company", "Acme"), ("url", "https://boards.greenhouse.io/acme")])
            #expect(try await web.get("/openings", headers: [.cookie: twice.headers[.setCookie] ?? ""]).body.contains("that board is already watched (#1, Acme)"))

            // A form without the page's token does nothing
            #expect(try await web.post("/openings/boards/1/remove", [], csrf: "stale").status == .forbidden)

            // When it is removed, the page says what stopped, and the board is gone
            let removed = try await web.post("/openings/boards/1/remove", [])
            let after = try await web.get("/openings", headers: [.cookie: removed.headers[.setCookie] ?? ""])
            #expect(after.body.contains("Stopped watching #1 Acme (Greenhouse)."), "\(after.body)")
            #expect(try fixture.workspace.watchedBoards().isEmpty)
            let missing = try await web.post("/openings/boards/9/remove", [])
            #expect(try await web.get("/openings", headers: [.cookie: missing.headers[.setCookie] ?? ""]).body.contains("no board with id 9"))
        }
    }

    @Test("Check now reads every board against a real board server and says per board what it listed, or why it could not")
    func checkNow() async throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        let fixture = try fixture(server)
        _ = try fixture.workspace.watchBoard(company: "Acme", url: "https://boards.greenhouse.io/acme")
        _ = try fixture.workspace.watchBoard(company: "Down Co", url: "https://jobs.lever.co/down")
        try await fixture.test { web in
            let page = try await web.post("/openings/boards/check", [])
            #expect(page.status == .ok)
            #expect(page.body.contains("What the boards listed just now"))
            #expect(page.body.contains("Acme (Greenhouse): 2 listed, 2 new"), "\(page.body)")
            #expect(page.body.contains(#"Down Co (Lever): <span class="tag bad">not read</span>"#), "\(page.body)")
            // The openings read are on the page, and the list says when each board was read
            #expect(page.body.contains("Staff Software Engineer, Platform"))
            #expect(page.body.contains("(Greenhouse): checked "))
            let again = try await web.post("/openings/boards/check", [])
            #expect(again.body.contains("Acme (Greenhouse): unchanged since the last reading"), "\(again.body)")
        }
    }

    @Test("removing a board takes its openings and unsent reconnect notes; a board with a reconnect in the ledger stays")
    func removeKeepsTheLedger() async throws {
        // Given Acme's board with two openings, a reconnect note to Dana about one (written, not sent)
        let fixture = try WebOpeningsTests().seeded()
        let store = try fixture.store
        let note = try fixture.workspace.reconnect(openingId: 2, interviewerId: 1)
        #expect(note.draft.openingId == 2)

        // When the board is removed
        let removed = try fixture.workspace.unwatchBoard(id: 1)

        // Then the board, its openings and the unsent note are gone; the thank-you draft stays
        #expect(removed.company == "Acme Inc.")
        #expect(try fixture.workspace.watchedBoards().isEmpty)
        #expect(try store.openings().rows.isEmpty)
        #expect(throws: (any Error).self) { try store.draft(id: note.draft.storedID) }
        #expect(try store.draft(id: 1).openingId == nil)

        // Given the board watched again, and a reconnect that left
        let board = try store.addBoard(WatchedBoard(company: "Acme Inc.", provider: .greenhouse, token: "acme", addedAt: WebFixture.now))
        _ = try store.recordBoardRead(
            boardId: board.storedID, postings: [ListedPosting(externalId: "3", title: "Staff Engineer", location: "Remote", url: "")],
            etag: nil, lastModified: nil, now: WebFixture.now)
        let opening = try #require(try store.openings().rows.first?.opening.id)
        let sent = try fixture.workspace.reconnect(openingId: opening, interviewerId: 1).draft
        let entry = try store.open(sent, state: .sending, scheduledAt: nil, transport: .smtp, messageId: "<r@example.com>", now: WebFixture.now)
        try store.close(entry.id ?? 0, as: .sent, reply: "250 OK", now: WebFixture.now)

        // Then removing it is refused, saying why, and nothing goes
        let error = try #require(throws: UserError.self) { try fixture.workspace.unwatchBoard(id: board.storedID) }
        #expect(error.message.contains("stays: a reconnect note about its openings is in the ledger"), "\(error.message)")
        #expect(try fixture.workspace.watchedBoards().count == 1)
        #expect(try store.draft(id: sent.storedID).openingId == opening)
    }
}
