import AfterwordCore
import AfterwordPostgres
import AfterwordTestSupport
import Foundation
import Testing

@testable import AfterwordStore

/// A store engine the contract is held to, and how a test gets a fresh, empty store of it.
enum StoreEngine: String, CaseIterable, CustomStringConvertible {
    case sqlite
    /// A real PostgreSQL server: a throwaway cluster, a new database per test.
    case postgres

    var description: String { rawValue }

    /// A fresh store, and a way to open a second handle on the same data (another process's view).
    func fresh() throws -> (store: any RecordStore, another: () throws -> any RecordStore) {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-contract-\(UUID().uuidString)/a.sqlite").path
            return (try AppDatabase.open(path: path), { try AppDatabase.open(path: path) })
        case .postgres:
            let url = try TestPostgres.shared().database()
            return (PostgresStore(engine: try PostgresEngine.open(url)), { PostgresStore(engine: try PostgresEngine.open(url)) })
        }
    }
}

/// What every store engine must do, as the door relies on it: the same answers, the same refusals,
/// send-once across handles. Each test runs once per engine.
@Suite struct RecordStoreContractTests {
    let now = Date(timeIntervalSince1970: 1_795_726_800)

    private func interviewWithPanel(_ store: any RecordStore, people: [String] = ["Dana Whitfield"]) throws -> (Interview, [Interviewer]) {
        let interview = try store.recordInterview(
            Interview(company: "Acme", role: "Backend Engineer", startsAt: now.addingTimeInterval(-7_200), timeZone: "America/New_York", createdAt: now))
        let panel = try people.map { name in
            try store.addInterviewer(
                Interviewer(name: name, email: "\(name.split(separator: " ")[0].lowercased())@acme.example", createdAt: now),
                toInterview: interview.storedID)
        }
        return (interview, panel)
    }

    private func draft(_ store: any RecordStore, _ interview: Interview, _ person: Interviewer, body: String = "Dear Dana,") throws -> Draft {
        try store.saveDrafts([
            Draft(
                interviewId: interview.storedID, interviewerId: person.storedID, channel: .email, recipient: person.email ?? "",
                subject: "Thank you", body: body, createdAt: now, updatedAt: now)
        ])[0]
    }

    @Test("one live thank-you per person and interview: a second is refused; after a failure one may go", arguments: StoreEngine.allCases)
    func once(engine: StoreEngine) throws {
        let (store, _) = try engine.fresh()
        let (interview, panel) = try interviewWithPanel(store, people: ["Dana Whitfield", "Priya Natarajan"])
        let first = try draft(store, interview, panel[0])
        let entry = try store.open(first, state: .sending, scheduledAt: nil, transport: .smtp, messageId: "<1@a>", now: now)
        try store.close([LedgerResult(id: entry.storedID, state: .sent, reply: "250 OK")], now: now)
        let second = try draft(store, interview, panel[0], body: "Dear Dana, again")
        #expect(throws: LedgerRefusal.self) {
            try store.open(second, state: .sending, scheduledAt: nil, transport: .smtp, messageId: "<2@a>", now: now)
        }
        #expect(try store.onceRefusal(before: second)?.rule == .once)
        // Another person of the same panel is thanked apart.
        let other = try store.open(try draft(store, interview, panel[1]), state: .sending, scheduledAt: nil, transport: .smtp, messageId: "<3@a>", now: now)
        try store.close(other.storedID, as: .failed, reply: "550 no such user", now: now)
        let retry = try store.open(try draft(store, interview, panel[1], body: "Dear Priya,"), state: .sending, scheduledAt: nil, transport: .smtp, messageId: "<4@a>", now: now)
        #expect(retry.state == .sending)
        #expect(try store.messages(interviewId: interview.storedID, interviewerId: panel[0].storedID).map(\.state) == [.sent])
    }

    @Test("a scheduled thank-you is claimed by one sender only, whichever handle asks first", arguments: StoreEngine.allCases)
    func claimOnce(engine: StoreEngine) throws {
        let (store, another) = try engine.fresh()
        let (interview, panel) = try interviewWithPanel(store, people: ["Dana Whitfield", "Priya Natarajan"])
        let ids = try panel.map { person in
            try store.open(
                try draft(store, interview, person), state: .scheduled, scheduledAt: now.addingTimeInterval(-60), transport: .smtp,
                messageId: "<\(person.storedID)@a>", now: now
            ).storedID
        }
        #expect(try store.due(now: now).map(\.storedID) == ids)
        #expect(try store.due(now: now.addingTimeInterval(-3_600)).isEmpty)
        let second = try another()
        let claimed = try store.claim(ids, now: now)
        #expect(claimed.map(\.storedID) == ids)
        #expect(claimed.allSatisfy { $0.state == .sending })
        #expect(try second.claim(ids, now: now).isEmpty)
        #expect(try second.due(now: now).isEmpty)
    }

    @Test("an uncertain thank-you is settled by what the Sent folder showed, and only then", arguments: StoreEngine.allCases)
    func resolve(engine: StoreEngine) throws {
        let (store, _) = try engine.fresh()
        let (interview, panel) = try interviewWithPanel(store)
        let version = try draft(store, interview, panel[0])
        #expect(throws: StoreError.self) { try store.resolve(draftId: version.storedID, delivered: true, now: now) }
        let entry = try store.open(version, state: .sending, scheduledAt: nil, transport: .eml, messageId: "<1@a>", now: now)
        try store.close(entry.storedID, as: .uncertain, reply: "handed over", now: now)
        #expect(try store.uncertainEntries().map(\.storedID) == [entry.storedID])
        try store.noteSentLookup(entry.storedID, "not in Sent yet")
        #expect(try store.ledgerNotes()[version.storedID] == "not in Sent yet")
        let settled = try store.resolve(draftId: version.storedID, delivered: true, now: now)
        #expect(settled.state == .sent)
        #expect(try store.uncertainEntries().isEmpty)
    }

    @Test("a reminder is given once, whichever handle gives it; released, it may be given again", arguments: StoreEngine.allCases)
    func remindersOnce(engine: StoreEngine) throws {
        let (store, another) = try engine.fresh()
        let (interview, panel) = try interviewWithPanel(store)
        let key = ReminderPolicy.Key(interviewId: interview.storedID, interviewerId: panel[0].storedID, kind: .due, deadline: now)
        #expect(try store.claimReminders([key], now: now) == [key])
        #expect(try another().claimReminders([key], now: now).isEmpty)
        #expect(try store.givenReminders(since: now.addingTimeInterval(-1)) == [key])
        try store.releaseReminders([key])
        #expect(try store.claimReminders([key], now: now) == [key])
    }

    @Test("people merge by e-mail (case aside) or by name and company; removing an interview takes its drafts", arguments: StoreEngine.allCases)
    func peopleAndRemoval(engine: StoreEngine) throws {
        let (store, _) = try engine.fresh()
        let (interview, panel) = try interviewWithPanel(store)
        let merged = try store.importInterviewers(
            [
                Interviewer(name: "D. Whitfield", title: "Engineering Manager", email: "DANA@acme.example", createdAt: now),
                Interviewer(name: "Tom Becker", company: "Acme", createdAt: now),
                Interviewer(name: "tom becker", company: "acme", phone: "+15555550100", createdAt: now),
            ], toInterview: interview.storedID)
        #expect(merged.map(\.merged) == [true, false, true])
        #expect(merged[0].interviewer.storedID == panel[0].storedID)
        #expect(try store.interviewer(id: panel[0].storedID).title == "Engineering Manager")
        #expect(try store.interview(id: interview.storedID).interviewers.map(\.name) == ["Dana Whitfield", "Tom Becker"])
        _ = try draft(store, interview, panel[0])
        try store.removeInterview(id: interview.storedID)
        #expect(try store.interviews().isEmpty)
        #expect(try store.drafts(interviewId: nil).isEmpty)
        #expect(throws: StoreError.self) { try store.interview(id: interview.storedID) }
    }

    @Test("a board is one board whatever the case of its name; a read says what is new and what closed", arguments: StoreEngine.allCases)
    func boards(engine: StoreEngine) throws {
        let (store, _) = try engine.fresh()
        let board = try store.addBoard(WatchedBoard(company: "Acme", provider: .greenhouse, token: "acme", addedAt: now))
        #expect(throws: StoreError.self) { try store.addBoard(WatchedBoard(company: "Acme", provider: .greenhouse, token: "ACME", addedAt: now)) }
        let first = try store.recordBoardRead(
            boardId: board.storedID,
            postings: [
                ListedPosting(externalId: "1", title: "Backend Engineer", location: "Remote", url: "https://example.com/1"),
                ListedPosting(externalId: "2", title: "SRE", location: "Berlin", url: "https://example.com/2"),
            ], etag: "\"a\"", lastModified: nil, now: now)
        #expect(first.new.count == 2)
        let second = try store.recordBoardRead(
            boardId: board.storedID,
            postings: [ListedPosting(externalId: "2", title: "SRE", location: "Berlin", url: "https://example.com/2")], etag: "\"b\"",
            lastModified: nil, now: now.addingTimeInterval(3_600))
        #expect(second.new.isEmpty)
        #expect(second.closed == 1)
        #expect(try store.openPostingCounts()[board.storedID] == 1)
        let (rows, total) = try store.openings(match: [], location: [], includeClosed: false, since: nil, limit: nil, offset: 0)
        #expect(total == 1)
        #expect(rows.map(\.opening.title) == ["SRE"])
    }

    @Test("a snapshot restored into an empty store reads back the same; restored twice, nothing doubles", arguments: StoreEngine.allCases)
    func snapshotRestore(engine: StoreEngine) throws {
        let (store, _) = try engine.fresh()
        let (interview, panel) = try interviewWithPanel(store, people: ["Dana Whitfield", "Priya Natarajan"])
        let entry = try store.open(try draft(store, interview, panel[0]), state: .sending, scheduledAt: nil, transport: .smtp, messageId: "<1@a>", now: now)
        try store.close(entry.storedID, as: .sent, reply: "250 OK", now: now)
        let original = try store.snapshot()
        let (copy, _) = try engine.fresh()
        let outcome = try copy.restore(original, dryRun: false)
        #expect(outcome.interviews.added == 1 && outcome.interviewers.added == 2 && outcome.messages.added == 1)
        #expect(try copy.snapshot() == original)
        let again = try copy.restore(original, dryRun: false)
        #expect(again.interviews.added == 0 && again.interviewers.added == 0 && again.drafts.added == 0 && again.messages.added == 0)
        #expect(try copy.snapshot() == original)
        // A dry run changes nothing.
        let (empty, _) = try engine.fresh()
        #expect(try empty.restore(original, dryRun: true).interviews.added == 1)
        #expect(try empty.snapshot() == StoreSnapshot())
    }

    @Test("every write moves the revision, so a long-running reader sees any process's change", arguments: StoreEngine.allCases)
    func revision(engine: StoreEngine) throws {
        let (store, another) = try engine.fresh()
        let before = try store.revision()
        _ = try interviewWithPanel(try another())
        #expect(try store.revision() > before)
    }
}
