import Foundation

/// What the Today page and `afterword status` show, in the order they show it: one value both faces
/// render, so they never disagree about what is due, what is on its way and what is wrong with a draft.
public struct Dashboard: Sendable, Equatable {
    /// A thank-you still to send for an interview that is over.
    public struct Due: Sendable, Equatable {
        public var entry: StatusEntry
        /// The rules its newest draft breaks, sorted; empty when it breaks none, has no draft, or was not
        /// checked (see ``Dashboard/checking(_:)``).
        public var brokenRules: [RuleID] = []
        /// Past the 24 hours (AW-PROMPT).
        public var isOverdue: Bool { (entry.hoursLeft ?? 0) < 0 }
        /// The last attempt to send it was refused.
        public var lastAttemptFailed: Bool { entry.state == .failed }
        /// A note card printed but not yet recorded as posted.
        public var printedNotMailed: Bool { entry.channel == .note && entry.printedAt != nil && entry.state == nil }
    }

    /// A thank-you in the ledger that is not known to be delivered: scheduled, sending or in doubt.
    public struct OnItsWay: Sendable, Equatable {
        public var entry: StatusEntry
        /// What the ledger noted about it: where the Sent folder was looked in, why a send was put off.
        public var note: String?
        /// Interrupted between sending and the server's answer: it may have been delivered.
        public var isUncertain: Bool { entry.state == .uncertain }
        /// Scheduled, its time passed, and nothing has sent it.
        public let isOverdueToLeave: Bool
    }

    /// Still to send, interview over: those within the 24 hours first (the nearest deadline first), then
    /// the overdue, the most recent first (the oldest is the least likely to still be worth sending).
    public var due: [Due]
    /// Interviews not yet over: nothing is due until they end.
    public var upcoming: [StatusEntry]
    public var onItsWay: [OnItsWay]
    /// Sent, newest first.
    public var sent: [StatusEntry]
    /// Older interviewers who never got a thank-you (not listed one by one).
    public var olderUnsent: Int
    /// Recent interviews with nobody recorded on the panel yet.
    public var withoutInterviewers: [InterviewBrief]

    /// True when there is nothing at all to show.
    public var isEmpty: Bool {
        due.isEmpty && upcoming.isEmpty && onItsWay.isEmpty && sent.isEmpty && olderUnsent == 0 && withoutInterviewers.isEmpty
    }

    /// Sorts a status report for showing at `now`.
    /// - Parameter notes: the ledger's notes by draft id.
    public init(report: StatusReport, now: Date, notes: [Int64: String] = [:]) {
        upcoming = report.pending.filter { $0.isUpcoming(at: now) }
        let over = report.pending.filter { !$0.isUpcoming(at: now) }
        let inTime = over.filter { ($0.hoursLeft ?? 0) >= 0 }
        let late = over.filter { ($0.hoursLeft ?? 0) < 0 }
        due = (inTime + late.reversed()).map { Due(entry: $0) }
        onItsWay = report.inFlight.map { entry in
            OnItsWay(entry: entry, note: entry.draftId.flatMap { notes[$0] }, isOverdueToLeave: entry.isOverdueToLeave(at: now))
        }
        sent = report.sent
        olderUnsent = report.olderUnsent
        withoutInterviewers = report.withoutInterviewers
    }

    /// The drafts ``checking(_:)`` needs for the first `limit` due rows (all when nil).
    public func draftsToCheck(limit: Int? = nil) -> [Int64] {
        due.prefix(limit ?? due.count).compactMap(\.entry.draftId)
    }

    /// The dashboard with each due row's draft checked, of those in `drafts` (by id): the rules each breaks.
    public func checking(_ drafts: [Int64: Draft]) -> Dashboard {
        var checked = self
        let rows = due.indices.compactMap { index -> (Int, Document)? in
            let entry = due[index].entry
            guard let id = entry.draftId, let draft = drafts[id] else { return nil }
            let document = Document.parse(draft.text, path: "draft #\(id)", defaultChannel: draft.channel)
                .addressed(to: entry.interviewer, company: entry.company, role: entry.role)
            return (index, document)
        }
        // Each draft is judged alone (AW-DISTINCT compares a panel's drafts when one is opened).
        for (index, document) in rows {
            let findings = Checker().check([document])[0]
            checked.due[index].brokenRules = Set(findings.filter { $0.severity == .error }.map(\.rule)).sorted { $0.rawValue < $1.rawValue }
        }
        return checked
    }
}
