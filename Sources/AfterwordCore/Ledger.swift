import Foundation

/// One thank-you in the ledger: recorded before it leaves, closed after the server answers.
public struct LedgerEntry: Codable, Sendable, Equatable {
    public var id: Int64?
    public var draftId: Int64
    public var interviewId: Int64
    public var interviewerId: Int64
    public var channel: Channel
    public var state: MessageState
    /// How it travels.
    public var transport: TransportKind
    /// The Message-ID header the message carries (for finding it in a Sent folder).
    public var messageId: String?
    public var scheduledAt: Date?
    public var sentAt: Date?
    /// What the server answered, or why it failed (never a password, never the body).
    public var serverReply: String?
    /// The process that is sending it, to tell a live send from one interrupted by a crash.
    public var ownerPid: Int32?
    /// The same process named beyond its pid, which the system reuses (in a container every process is 1):
    /// "boot id:pid:start time". Nil for entries written before it was recorded.
    public var owner: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// The opening of a reconnect note; nil for a thank-you (AW-ONCE counts them apart).
    public var openingId: Int64?
    /// What the last look for it in the Sent folder found, for an uncertain message ("found …", "not found …").
    public var sentLookup: String?
    /// Why a scheduled message has not left yet, when a run that should have sent it could not.
    public var deferral: String?

    public init(
        id: Int64? = nil, draftId: Int64, interviewId: Int64, interviewerId: Int64, channel: Channel,
        state: MessageState, transport: TransportKind, messageId: String? = nil, scheduledAt: Date? = nil,
        sentAt: Date? = nil, serverReply: String? = nil, ownerPid: Int32? = nil, createdAt: Date, updatedAt: Date,
        openingId: Int64? = nil
    ) {
        self.id = id
        self.draftId = draftId
        self.interviewId = interviewId
        self.interviewerId = interviewerId
        self.channel = channel
        self.state = state
        self.transport = transport
        self.messageId = messageId
        self.scheduledAt = scheduledAt
        self.sentAt = sentAt
        self.serverReply = serverReply
        self.ownerPid = ownerPid
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.openingId = openingId
    }
}

/// How a message travels, as the ledger records it.
public enum TransportKind: String, Codable, Sendable, CaseIterable {
    /// Through the mail server of `smtp.host`.
    case smtp
    /// Through the local sendmail program.
    case sendmail
    /// Written as an .eml file for the user's own mail program.
    case eml
    /// Opened as a mailto: link in the user's own mail program.
    case mailto
    /// A note card, posted by the user.
    case post

    /// True when the user's own mail program sends it: Afterword only hands it over, and it stays in doubt
    /// until the user says it went (and it is never in the user's Sent folder under Afterword's Message-ID).
    public var isHandOff: Bool { self == .eml || self == .mailto }

    /// How it went, as the user would say it: "e-mail", "your mail program", "post".
    public var label: String {
        switch self {
        case .smtp, .sendmail: "e-mail"
        case .eml, .mailto: "your mail program"
        case .post: "post"
        }
    }
}

/// Why the ledger will not let a thank-you go (AW-ONCE).
public struct LedgerRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var rule: RuleID
    public var message: String
    public var existing: LedgerEntry?
    /// What the user can do about it, when there is something.
    public var remedy: Remedy?

    public init(rule: RuleID = .once, message: String, existing: LedgerEntry? = nil, remedy: Remedy? = nil) {
        self.rule = rule
        self.message = message
        self.existing = existing
        self.remedy = remedy
    }

    public var description: String { "\(rule.rawValue): \(message)" }

    /// Why one thank-you is enough, in one line.
    public static let onceReason =
        "one thank-you per interviewer per interview: do not follow up to make sure they received it, you will become an annoyance"
}

/// The store of thank-yous on their way, where AW-ONCE is enforced.
public protocol Ledger: Sendable {
    /// Records `draft` as `sending` (or `scheduled` at `scheduledAt`) before anything leaves.
    /// - Throws: ``LedgerRefusal`` when a thank-you for the same interviewer and interview was sent,
    ///   is on its way, or may have been delivered.
    func open(
        _ draft: Draft, state: MessageState, scheduledAt: Date?, transport: TransportKind, messageId: String, now: Date
    ) throws -> LedgerEntry
    /// Moves scheduled entries to `sending` in one transaction, each with a conditional update;
    /// returns those this run got (another run may have taken some).
    func claim(_ ids: [Int64], now: Date) throws -> [LedgerEntry]
    /// Scheduled entries whose time has come, oldest first.
    func due(now: Date) throws -> [LedgerEntry]
    /// Closes entries in one transaction: `sent`, `failed` or `uncertain`, with the server's words.
    func close(_ results: [LedgerResult], now: Date) throws
}

/// What became of one ledger entry.
public struct LedgerResult: Sendable, Equatable {
    public var id: Int64
    public var state: MessageState
    public var reply: String?

    public init(id: Int64, state: MessageState, reply: String?) {
        self.id = id
        self.state = state
        self.reply = reply
    }
}
