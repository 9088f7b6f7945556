import Foundation

/// Everything one person's store holds, as plain records: what `afterword export` writes and `afterword
/// import` reads back. Ids are the store's own on the way out; on the way in they only tie the records
/// together (a draft's `interviewId` is the id of one of ``interviews``) and the store gives new ones.
public struct StoreSnapshot: Sendable, Equatable {
    public var interviewers: [Interviewer]
    /// When each interviewer (by id) was marked as met without an interview on record.
    public var markedMet: [Int64: Date]
    public var interviews: [Interview]
    /// Each interview's panel (by id), in the order its people were added.
    public var panels: [Int64: [Int64]]
    public var boards: [WatchedBoard]
    public var openings: [Opening]
    /// Every version of every draft.
    public var drafts: [Draft]
    public var ledger: [LedgerEntry]
    /// The reminders already given, so that a move does not give them again.
    public var reminders: [GivenReminder]

    public init(
        interviewers: [Interviewer] = [], markedMet: [Int64: Date] = [:], interviews: [Interview] = [], panels: [Int64: [Int64]] = [:],
        boards: [WatchedBoard] = [], openings: [Opening] = [], drafts: [Draft] = [], ledger: [LedgerEntry] = [],
        reminders: [GivenReminder] = []
    ) {
        self.interviewers = interviewers
        self.markedMet = markedMet
        self.interviews = interviews
        self.panels = panels
        self.boards = boards
        self.openings = openings
        self.drafts = drafts
        self.ledger = ledger
        self.reminders = reminders
    }
}

/// A reminder that was given, and when.
public struct GivenReminder: Sendable, Equatable {
    public var key: ReminderPolicy.Key
    public var givenAt: Date

    public init(key: ReminderPolicy.Key, givenAt: Date) {
        self.key = key
        self.givenAt = givenAt
    }
}

/// What an import added, and what it found already there.
public struct RestoreOutcome: Sendable, Equatable, Codable {
    public struct Count: Sendable, Equatable, Codable {
        /// New records.
        public var added = 0
        /// Records the store already had (merged or reused, never duplicated).
        public var existing = 0

        public init(added: Int = 0, existing: Int = 0) {
            self.added = added
            self.existing = existing
        }
    }

    public var interviewers = Count()
    public var interviews = Count()
    public var boards = Count()
    public var openings = Count()
    public var drafts = Count()
    public var messages = Count()
    /// Messages left out because this store already has a live one for the same person, interview and
    /// opening: never two.
    public var messagesKeptOut = 0
    /// Messages here that were only waiting (or in doubt) while the file's for the same person and interview
    /// was sent (or in doubt): set aside as not sent, so that the thank-you never leaves twice.
    public var setAside = 0
    /// Messages that were being sent when the file was written, now uncertain here.
    public var madeUncertain = 0
    /// Messages already here whose outcome the file knew (sent from the other store since): updated.
    public var messagesSettled = 0
    /// Messages that will be sent from here at their time.
    public var scheduled = 0

    public init() {}
}
