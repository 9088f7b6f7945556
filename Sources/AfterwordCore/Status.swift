import Foundation

/// Where one thank-you stands in the ledger.
public enum MessageState: String, Codable, Sendable, CaseIterable {
    /// Recorded, waiting for its scheduled time.
    case scheduled
    /// Recorded before the first byte went out; not yet accepted.
    case sending
    /// Accepted by the server (or posted, for a note).
    case sent
    /// Interrupted between sending and the server's answer: check the Sent folder before anything else.
    case uncertain
    /// Refused for good; may be corrected and sent.
    case failed
}

extension MessageState {
    /// The states of the one live message per interviewer, interview and opening (AW-ONCE): no second
    /// message may be recorded beside one of these. The store's unique indexes hold the same list
    /// (a test compares them).
    public static let live: [MessageState] = [.scheduled, .sending, .sent, .uncertain]
    /// A message still on its way: scheduled, being sent, or in doubt.
    public static let inFlight: [MessageState] = [.scheduled, .sending, .uncertain]
    /// ``live`` as an SQL list, `('scheduled', 'sending', 'sent', 'uncertain')`, for a query's `IN`.
    public static var liveSQL: String { "(" + live.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")" }
}

/// One interviewer of one interview, as the dashboard sees them.
public struct StatusEntry: Codable, Sendable, Equatable {
    public var interviewId: Int64
    public var company: String
    public var role: String
    public var interviewerId: Int64
    public var interviewer: String
    public var channel: Channel
    /// The newest draft, if one was composed.
    public var draftId: Int64?
    /// The newest ledger state, if the thank-you reached the ledger.
    public var state: MessageState?
    public var deadline: Date
    /// Hours left of the 24 (negative when overdue); nil once sent.
    public var hoursLeft: Double?
    public var sentAt: Date?
    /// When a scheduled thank-you will leave.
    public var scheduledAt: Date?
    /// When the note card was printed (a printed note not yet in the ledger is waiting to be posted).
    public var printedAt: Date?
    /// When the interview ends (a thank-you leaves after it).
    public var endsAt: Date?
    /// The interview's time zone, in which its deadline is shown.
    public var timeZone: String?

    public init(
        interviewId: Int64, company: String, role: String, interviewerId: Int64, interviewer: String,
        channel: Channel, draftId: Int64?, state: MessageState?, deadline: Date, hoursLeft: Double?, sentAt: Date?,
        scheduledAt: Date? = nil, printedAt: Date? = nil
    ) {
        self.scheduledAt = scheduledAt
        self.printedAt = printedAt
        self.interviewId = interviewId
        self.company = company
        self.role = role
        self.interviewerId = interviewerId
        self.interviewer = interviewer
        self.channel = channel
        self.draftId = draftId
        self.state = state
        self.deadline = deadline
        self.hoursLeft = hoursLeft
        self.sentAt = sentAt
    }

    /// The interview's time zone, in which its times are shown (the recipient's local time); the system's
    /// when it is not known.
    public var zone: TimeZone { timeZone.flatMap(TimeZone.init(identifier:)) ?? .current }

    /// True while the interview has not ended: nothing is due yet.
    public func isUpcoming(at now: Date) -> Bool { endsAt.map { $0 > now } ?? false }

    /// True when a scheduled thank-you's time has passed and it has not left (nothing is sending it).
    public func isOverdueToLeave(at now: Date) -> Bool {
        state == .scheduled && (scheduledAt.map { $0.addingTimeInterval(120) < now } ?? false)
    }

    /// True when nothing has gone out yet and nothing is on its way.
    public var needsThankYou: Bool { state == nil || state == .failed }
}

/// The dashboard: who still needs a thank-you, what is in flight, what was sent.
public struct StatusReport: Codable, Sendable, Equatable {
    /// Still to send, most urgent first.
    public var pending: [StatusEntry]
    /// Scheduled, sending or uncertain: in the ledger but not known to be delivered.
    public var inFlight: [StatusEntry]
    /// Sent, newest first.
    public var sent: [StatusEntry]
    /// Older interviews whose thank-you never went out (not listed one by one).
    public var olderUnsent: Int
    /// Recent interviews with nobody recorded on the panel yet.
    public var withoutInterviewers: [InterviewBrief]

    public init(entries: [StatusEntry], olderUnsent: Int, withoutInterviewers: [InterviewBrief] = []) {
        self.withoutInterviewers = withoutInterviewers
        pending = entries.filter(\.needsThankYou).sorted { $0.deadline < $1.deadline }
        inFlight = entries.filter { $0.state.map(MessageState.inFlight.contains) ?? false }.sorted { $0.deadline < $1.deadline }
        sent = entries.filter { $0.state == .sent }.sorted { ($0.sentAt ?? .distantPast) > ($1.sentAt ?? .distantPast) }
        self.olderUnsent = olderUnsent
    }
}

/// An interview named in one line.
public struct InterviewBrief: Codable, Sendable, Equatable {
    public var id: Int64
    public var company: String
    public var role: String
    public var startsAt: Date

    public init(id: Int64, company: String, role: String, startsAt: Date) {
        self.id = id
        self.company = company
        self.role = role
        self.startsAt = startsAt
    }
}
