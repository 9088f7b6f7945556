import AfterwordCore
import Foundation
import Testing

@testable import AfterwordStore

@Suite struct WatchStoreTests {
    let day = 86_400.0
    let start = ISO8601DateFormatter().date(from: "2026-09-01T12:00:00Z")!

    func posting(_ id: String, _ title: String) -> ListedPosting {
        ListedPosting(
            externalId: id, title: title, location: "Remote", url: "https://boards.greenhouse.io/acme/jobs/\(id)")
    }

    @Test("a board is one board whatever the case of its name: /ACME beside /acme is refused")
    func boardNameCase() throws {
        let store = try AppDatabase.inMemory()
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        _ = try store.addBoard(WatchedBoard(company: "Acme", provider: .lever, token: "acme", addedAt: start))
        #expect(throws: StoreError.self) {
            try store.addBoard(WatchedBoard(company: "Acme", provider: .lever, token: "ACME", addedAt: start))
        }
        #expect(try store.boards().count == 1)
    }

    @Test("reads are diffed by the board's posting id: new stored, missing closed and kept, a returning one reopened")
    func diff() throws {
        // Given a board read once with two postings
        let store = try AppDatabase.inMemory()
        let board = try store.addBoard(
            WatchedBoard(company: "Acme", provider: .greenhouse, token: "acme", addedAt: start))
        let id = try #require(board.id)
        let first = try store.recordBoardRead(
            boardId: id, postings: [posting("1", "Engineer"), posting("2", "Designer")], etag: "\"a\"",
            lastModified: nil, now: start)
        #expect(first.new.map(\.title) == ["Engineer", "Designer"])
        // When the designer is dropped and a renamed engineer role and a new one are listed
        let second = try store.recordBoardRead(
            boardId: id, postings: [posting("1", "Senior Engineer"), posting("3", "Analyst")], etag: "\"b\"",
            lastModified: nil,
            now: start.addingTimeInterval(day))
        // Then only the analyst is new, the designer is closed but kept, the engineer renamed
        #expect(second.closed == 1)
        #expect(second.new.map(\.title) == ["Analyst"])
        var openings = try store.openings().rows.map(\.opening)
        #expect(openings.count == 3)
        #expect(openings.first { $0.externalId == "2" }?.closedAt == start.addingTimeInterval(day))
        #expect(openings.first { $0.externalId == "1" }?.title == "Senior Engineer")
        #expect(openings.first { $0.externalId == "1" }?.firstSeen == start)
        // And a designer listed again is open again, not new
        let third = try store.recordBoardRead(
            boardId: id,
            postings: [posting("1", "Senior Engineer"), posting("2", "Designer"), posting("3", "Analyst")], etag: nil,
            lastModified: nil, now: start.addingTimeInterval(2 * day))
        #expect(third.new.isEmpty)
        openings = try store.openings().rows.map(\.opening)
        #expect(openings.allSatisfy { $0.closedAt == nil })
        #expect(try store.boards().first?.etag == nil)
    }

    @Test("a failed read records the error and the time, and changes no posting; the next good read clears the error")
    func failure() throws {
        let store = try AppDatabase.inMemory()
        let id = try #require(
            try store.addBoard(WatchedBoard(company: "Acme", provider: .lever, token: "acme", addedAt: start)).id)
        _ = try store.recordBoardRead(
            boardId: id, postings: [posting("1", "Engineer")], etag: "\"a\"", lastModified: nil, now: start)
        try store.recordBoardFailure(
            boardId: id, error: "the board answered with a web page, not JSON", now: start.addingTimeInterval(day))
        let failed = try #require(try store.boards().first)
        #expect(failed.error == "the board answered with a web page, not JSON")
        #expect(failed.checkedAt == start.addingTimeInterval(day))
        #expect(failed.etag == "\"a\"")
        #expect(try store.openings().rows.map(\.opening.closedAt) == [nil])
        _ = try store.recordBoardRead(
            boardId: id, postings: nil, etag: nil, lastModified: nil, now: start.addingTimeInterval(2 * day))
        #expect(try store.boards().first?.error == nil)
    }

    @Test("the same board cannot be watched twice")
    func twice() throws {
        let store = try AppDatabase.inMemory()
        _ = try store.addBoard(WatchedBoard(company: "Acme", provider: .ashby, token: "acme", addedAt: start))
        #expect(throws: StoreError.self) {
            try store.addBoard(WatchedBoard(company: "Acme Inc", provider: .ashby, token: "acme", addedAt: start))
        }
    }

    @Test("a board's provider is stored as its plain name, and a name this version does not know is read back as it is")
    func storedProviderName() throws {
        // Given a board, and a row written by a version that knows a provider this one does not
        let store = try AppDatabase.inMemory()
        _ = try store.addBoard(WatchedBoard(company: "Acme", provider: .greenhouse, token: "acme", addedAt: start))
        try store.writer.write { db in
            try db.execute(
                sql: "INSERT INTO board (company, provider, token, addedAt) VALUES ('Initech', 'workday', 'initech', ?)",
                arguments: [start])
        }
        // Then the column holds the name as before, and both rows are read
        let names = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT provider FROM board ORDER BY id") }
        #expect(names == ["greenhouse", "workday"])
        let boards = try store.boards()
        #expect(boards.map(\.provider.id) == ["greenhouse", "workday"])
        #expect(boards.map(\.provider.isKnown) == [true, false])
        // And a failure recorded on the unknown one keeps its name
        let unknown = try #require(boards.last?.id)
        try store.recordBoardFailure(boardId: unknown, error: "not read", now: start)
        #expect(try store.writer.read { db in try String.fetchOne(db, sql: "SELECT provider FROM board WHERE id = ?", arguments: [unknown]) } == "workday")
    }
}
