import AfterwordCore
import Foundation
import GRDB

/// Everything Afterword keeps, as the door (`Workspace`) asks for it: interviews and people, drafts, the
/// ledger (``Ledger``: one live message per person, interview and opening), reminders, watched boards and
/// their openings, and the whole store for an export. ``AppDatabase`` keeps it in SQLite; another engine
/// is one more conformance, with the same behaviour, which the store's tests hold each one to.
///
/// Each method is one transaction. Errors are ``StoreError``s the door turns into the user's words.
public protocol RecordStore: Ledger {
    /// What keeps the records and where, with the schema version: for `doctor`.
    func describe() throws -> StoreDescription
    func saveDrafts(_ drafts: [Draft]) throws -> [Draft]
    func draft(id: Int64) throws -> Draft
    func draftsAndInterviewers(draftIds: [Int64], interviewerIds: [Int64]) throws -> ([Int64: Draft], [Int64: Interviewer])
    func latestDraft(interviewId: Int64, interviewerId: Int64) throws -> Draft?
    func drafts(interviewId: Int64?) throws -> [(draft: Draft, message: LedgerEntry?)]
    func updateDraft(id: Int64, subject: String?, body: String, byHand: Bool, at now: Date) throws -> Draft
    func markPrinted(draftId: Int64, at now: Date) throws
    func messages(interviewId: Int64, interviewerId: Int64) throws -> [LedgerEntry]
    func messages(interviewerId: Int64?) throws -> [LedgerEntry]
    func importInterviewers(_ people: [Interviewer], toInterview interviewId: Int64?) throws -> [ImportOutcome]
    func importInterviews(_ interviews: [(Interview, [Interviewer])]) throws -> [(Interview, [ImportOutcome])]
    func recordInterview(_ interview: Interview) throws -> Interview
    func addInterviewer(_ interviewer: Interviewer, toInterview interviewId: Int64) throws -> Interviewer
    func updateInterviewer(_ interviewer: Interviewer) throws -> Interviewer
    func updateInterview(_ interview: Interview) throws -> Interview
    func interviews(since: Date) throws -> [Interview]
    func interviews() throws -> [InterviewDetail]
    func interview(id: Int64) throws -> InterviewDetail
    func interviewer(id: Int64) throws -> Interviewer
    func interviewers(company: String?) throws -> [InterviewerDetail]
    func interviews(ofInterviewer interviewerId: Int64) throws -> [Interview]
    func close(_ id: Int64, as state: MessageState, reply: String?, now: Date) throws
    func resolve(draftId: Int64, delivered: Bool, now: Date) throws -> LedgerEntry
    func uncertainEntries() throws -> [LedgerEntry]
    func noteSentLookup(_ id: Int64, _ text: String) throws
    func noteDeferral(_ ids: [Int64], _ text: String?) throws
    func ledgerNotes() throws -> [Int64: String]
    func sweepInterrupted(now: Date) throws
    func ledger(forDraft draftId: Int64) throws -> [LedgerEntry]
    func onceRefusal(before draft: Draft) throws -> LedgerRefusal?
    func snapshot() throws -> StoreSnapshot
    func restore(_ snapshot: StoreSnapshot, dryRun: Bool) throws -> RestoreOutcome
    func givenReminders(since: Date) throws -> Set<ReminderPolicy.Key>
    func claimReminders(_ keys: [ReminderPolicy.Key], now: Date) throws -> [ReminderPolicy.Key]
    func releaseReminders(_ keys: [ReminderPolicy.Key]) throws
    func removeInterview(id: Int64) throws
    func removeInterviewer(id: Int64) throws
    func status(now: Date, horizonDays: Int) throws -> StatusReport
    func revision() throws -> Int64
    func addBoard(_ board: WatchedBoard) throws -> WatchedBoard
    func removeBoard(id: Int64) throws -> WatchedBoard
    func boards() throws -> [WatchedBoard]
    func openPostingCounts() throws -> [Int64: Int]
    func recordBoardFailure(boardId: Int64, error: String, now: Date) throws
    func recordBoardRead(boardId: Int64, postings: [ListedPosting]?, etag: String?, lastModified: String?, now: Date) throws -> BoardChanges
    func openings(match: [String], location: [String], includeClosed: Bool, since: Date?, limit: Int?, offset: Int) throws -> (rows: [OpeningRow], total: Int)
    func opening(id: Int64) throws -> OpeningRow
    func acquaintances() throws -> [Acquaintance]
    func markMet(interviewerId: Int64, now: Date) throws
    func reconnects() throws -> [Int64: [ReconnectMark]]
    func reconnectDraft(openingId: Int64, interviewerId: Int64) throws -> Draft?
}

/// A store engine as `doctor` names it.
public struct StoreDescription: Sendable, Equatable {
    /// "SQLite 3.40.1", "PostgreSQL 15.18".
    public var engine: String
    /// The file or the address (never with a password).
    public var location: String
    /// The newest migration applied.
    public var schema: String?

    public init(engine: String, location: String, schema: String?) {
        self.engine = engine
        self.location = location
        self.schema = schema
    }
}

extension AppDatabase: RecordStore {
    public func describe() throws -> StoreDescription {
        try writer.read { db in
            let version = try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "?"
            return StoreDescription(engine: "SQLite \(version)", location: path, schema: try Self.migrator.appliedMigrations(db).last)
        }
    }
}
