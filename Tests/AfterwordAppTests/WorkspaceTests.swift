import AfterwordStore
import Foundation
import Synchronization
import Testing

@testable import AfterwordApp

/// The door on an in-memory store: each call loads, asks the pure core, and maps errors, as a face sees it.
@Suite struct WorkspaceTests {
    /// A clock a test moves forward.
    final class Clock: Sendable {
        private let time: Mutex<Date>
        init(_ start: Date) { time = Mutex(start) }
        var now: Date { time.withLock { $0 } }
        func advance(days: Double) { time.withLock { $0 = $0.addingTimeInterval(days * 86_400) } }
    }

    /// The interview: Tuesday 10 March 2026, 14:00 in New York, an hour long.
    static let interviewAt = "2026-03-10T14:00-04:00"
    static let afterInterview = Date(timeIntervalSince1970: 1_773_169_200 + 2 * 3_600)

    let home: URL
    let clock: Clock
    let workspace: Workspace

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-app-\(UUID().uuidString)")
        try Config.update(in: home) { config in
            config.values["name"] = "Alex Doe"
            config.values["email"] = "alex@example.com"
        }
        clock = Clock(Self.afterInterview)
        let clock = clock
        workspace = Workspace(home: home, clock: { clock.now }, store: try AppDatabase.inMemory())
    }

    static let label: FieldLabel = { $0 }

    /// One interview at Acme with Dana Reyes on the panel.
    func recordInterview() throws -> (interview: Int64, dana: Int64) {
        let interview = try workspace.recordInterview(
            InterviewForm(
                company: "Acme Analytics", role: "Backend Engineer", at: Self.interviewAt, timeZone: "America/New_York", format: "video",
                durationMinutes: 60, notes: "Dana walked me through moving billing onto event streams"),
            label: Self.label)
        let outcome = try workspace.addInterviewer(
            InterviewerForm(name: "Dana Reyes", email: "dana@acme.example", company: "Acme Analytics", topic: "the move of billing onto event streams"),
            toInterview: interview.storedID, label: Self.label)
        return (interview.storedID, try #require(outcome.interviewer.id))
    }

    @Test("the dashboard lists the thank-you due, then the draft it has, and flags a draft that breaks a rule")
    func dashboard() throws {
        let (interviewId, danaId) = try recordInterview()
        var board = try workspace.dashboard()
        #expect(board.due.map(\.entry.interviewer) == ["Dana Reyes"])
        #expect(board.due[0].entry.draftId == nil)
        #expect(!board.due[0].isOverdue)

        let drafts = try workspace.composeDrafts(interviewId: interviewId)
        #expect(drafts.count == 1)
        board = try workspace.dashboard()
        #expect(board.due[0].entry.draftId == drafts[0].draft.id)
        #expect(board.due[0].brokenRules == [], "\(drafts[0].findings.map(\.message))")

        let context = try workspace.draftContext(try #require(drafts[0].draft.id))
        let pushy = "Subject: Thanks\n\nHi Dana,\n\nThanks for today. Can you call me tomorrow and tell me if I got it?\n\nAlex Doe\n"
        _ = try workspace.saveDraftText(pushy, of: context)
        board = try workspace.dashboard()
        #expect(board.due[0].brokenRules.contains(.noCall))
        #expect(board.due[0].entry.interviewerId == danaId)

        clock.advance(days: 3)
        #expect(try workspace.dashboard().due[0].isOverdue)
    }

    @Test("a hand-off to the user's mail program is recorded as such and waits on its way until they say it went")
    func handOff() throws {
        let (interviewId, _) = try recordInterview()
        let draft = try #require(try workspace.composeDrafts(interviewId: interviewId)[0].draft.id)
        var handed: [UInt8] = []
        try workspace.handOff(draftId: draft, transport: .eml, anyway: false) { bytes, _ in handed = bytes }
        #expect(String(decoding: handed, as: UTF8.self).contains("Dana"))
        let entry = try #require(try workspace.ledger(forDraft: draft).first)
        #expect(entry.transport == .eml)
        #expect(entry.state == .uncertain)
        let board = try workspace.dashboard()
        #expect(board.due.isEmpty)
        #expect(board.onItsWay.map(\.isUncertain) == [true])
        // Handed over again (the file was lost): the same entry, never a second one.
        try workspace.handOff(draftId: draft, transport: .mailto, anyway: false) { _, _ in }
        #expect(try workspace.ledger(forDraft: draft).count == 1)
    }

    @Test("an opening lists the person met there; marked as met, a reconnect waits 30 days from the interview, then is written")
    func openings() throws {
        let (_, danaId) = try recordInterview()
        let board = try workspace.watchBoard(company: "Acme Analytics", url: "https://boards.greenhouse.io/acmeanalytics")
        _ = try workspace.openStore().recordBoardRead(
            boardId: board.storedID,
            postings: [ListedPosting(externalId: "1", title: "Staff Engineer", location: "Remote", url: "https://example.com/1")],
            etag: nil, lastModified: nil, now: clock.now)
        let opening = try #require(try workspace.rememberedOpenings().first)
        #expect(opening.people.map(\.name) == ["Dana Reyes"])
        #expect(opening.people[0].reconnectRefusal?.contains("never received a thank-you") == true)
        let openingId = try #require(opening.opening.id)

        let refused = #expect(throws: UserError.self) {
            try workspace.reconnect(openingId: openingId, interviewerId: danaId, markMet: true)
        }
        #expect(refused?.message.contains("less than 30 days") == true)
        #expect(try workspace.rememberedOpenings()[0].people[0].markedMet)

        clock.advance(days: 31)
        let note = try workspace.reconnect(openingId: openingId, interviewerId: danaId)
        #expect(note.draft.openingId == openingId)
        #expect(note.draft.body.contains("Staff Engineer"))
        #expect(try workspace.rememberedOpenings()[0].people[0].reconnectDraftId == note.draft.id)
    }

    @Test("a store error inside the door reaches the face as a user error that names what is missing")
    func missing() throws {
        let error = #expect(throws: UserError.self) { try workspace.interview(id: 42) }
        #expect(error?.message.contains("42") == true)
    }
}
