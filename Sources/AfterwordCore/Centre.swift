import Foundation

/// What an account of a career centre's shared instance may do.
public enum CentreRole: String, Codable, Sendable, CaseIterable {
    /// A job seeker: their own interviews, people, drafts and ledger, and no one else's.
    case seeker
    /// A career coach: reads the seekers assigned to them or to their group, reviews drafts, never writes in their name.
    case coach
    /// Manages accounts and groups; reads a seeker's data only as a coach does, audited.
    case admin
}

/// One account of a career centre.
public struct CentreAccount: Codable, Sendable, Equatable {
    public var id: Int64
    /// Lower-cased: the sign-in name.
    public var email: String
    public var name: String
    public var role: CentreRole
    /// The cohort (a programme, a class year), if any.
    public var group: String?
    /// The coach a seeker is assigned to, if any.
    public var coachId: Int64?
    public var disabledAt: Date?
    public var createdAt: Date

    public init(
        id: Int64, email: String, name: String, role: CentreRole, group: String? = nil, coachId: Int64? = nil, disabledAt: Date? = nil,
        createdAt: Date
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.group = group
        self.coachId = coachId
        self.disabledAt = disabledAt
        self.createdAt = createdAt
    }

    /// True while the account may sign in.
    public var isActive: Bool { disabledAt == nil }
}

/// Who may read whose records: least privilege, decided in one place.
public enum CentreAccess {
    /// True when `viewer` may read `seeker`'s interviews, people, drafts and ledger (a coach or an admin
    /// does so read-only, and every read is audited).
    /// - A seeker reads only their own.
    /// - A coach reads the seekers assigned to them, and those of their group.
    /// - An admin reads any seeker, as a coach would.
    public static func mayRead(_ viewer: CentreAccount, _ seeker: CentreAccount) -> Bool {
        guard viewer.isActive, seeker.role == .seeker else { return false }
        switch viewer.role {
        case .seeker: return viewer.id == seeker.id
        case .coach: return seeker.coachId == viewer.id || (viewer.group != nil && seeker.group == viewer.group)
        case .admin: return true
        }
    }

    /// The seekers among `accounts` that `viewer` may read, by name.
    public static func readable(by viewer: CentreAccount, among accounts: [CentreAccount]) -> [CentreAccount] {
        accounts.filter { mayRead(viewer, $0) }
            .sorted { ($0.group ?? "", $0.name.lowercased()) < ($1.group ?? "", $1.name.lowercased()) }
    }

    /// The least length of a password.
    public static let minimumPasswordLength = 10
    /// The greatest length of a password (bcrypt reads 72 bytes at most).
    public static let maximumPasswordBytes = 72

    /// Why `password` cannot be used, in the user's words; nil when it can.
    public static func passwordProblem(_ password: String) -> String? {
        if password.count < minimumPasswordLength { return "a password needs at least \(minimumPasswordLength) characters" }
        if password.utf8.count > maximumPasswordBytes { return "a password may have at most \(maximumPasswordBytes) bytes" }
        if password.contains(where: { $0.isNewline || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
            return "a password may not contain line breaks or control characters"
        }
        return nil
    }
}

/// Where a draft stands with the seeker's coach.
public enum ReviewState: String, Codable, Sendable {
    /// Asked for; the coach has not answered.
    case requested
    /// Sent back with a comment.
    case returned
    /// Approved as it stood then.
    case approved
}

/// A draft's review: its state, the coach's comment, and the text the coach approved.
public struct DraftReview: Codable, Sendable, Equatable {
    public var seekerId: Int64
    public var draftId: Int64
    public var state: ReviewState
    public var comment: String?
    /// The coach (or admin) who answered last.
    public var reviewerId: Int64?
    public var reviewer: String?
    public var requestedAt: Date
    public var decidedAt: Date?
    /// The recipient, subject and body as approved: a change after approval needs a new review.
    public var approvedText: String?

    public init(
        seekerId: Int64, draftId: Int64, state: ReviewState, comment: String? = nil, reviewerId: Int64? = nil, reviewer: String? = nil,
        requestedAt: Date, decidedAt: Date? = nil, approvedText: String? = nil
    ) {
        self.seekerId = seekerId
        self.draftId = draftId
        self.state = state
        self.comment = comment
        self.reviewerId = reviewerId
        self.reviewer = reviewer
        self.requestedAt = requestedAt
        self.decidedAt = decidedAt
        self.approvedText = approvedText
    }

    /// The words a review approves: who it is from, who it goes to (name and address), its subject and its body.
    /// - Parameters:
    ///   - from: the sender as the message will name them.
    ///   - address: the recipient's e-mail address, or postal address for a note card.
    public static func text(of draft: Draft, from: String, to address: String) -> String {
        // Each field with its length first: no text can move from one field to another and read the same.
        [from, address, draft.recipient, draft.subject ?? "", draft.body].map { "\($0.unicodeScalars.count):\($0)" }.joined()
    }

    /// Why `draft` (whose words to approve are `text`) may not leave yet when the centre requires review; nil when it may.
    public static func refusal(_ review: DraftReview?, for draft: Draft, text: String) -> String? {
        guard let review else {
            return "your career centre asks that a coach approve each thank-you before it goes; ask for a review of draft \(draft.id ?? 0) first"
        }
        switch review.state {
        case .requested:
            return "draft \(draft.id ?? 0) is waiting for your coach's review; it can go once they approve it"
        case .returned:
            let said = review.comment.map { ": \"\($0)\"" } ?? ""
            return "your coach returned draft \(draft.id ?? 0)\(said); change it and ask for a review again"
        case .approved:
            guard review.approvedText == text else {
                return "draft \(draft.id ?? 0), its recipient or your name changed after your coach approved it; ask for a review again"
            }
            return nil
        }
    }
}

/// One line of the audit trail: who read or changed what of whose, and when.
public struct AuditEntry: Codable, Sendable, Equatable {
    public var at: Date
    /// Who did it: an account's name, or the operator at the command line.
    public var actor: String
    public var actorRole: String
    /// Whose data it was, if a seeker's.
    public var subjectId: Int64?
    /// What was done, in plain words ("read draft 3", "approved draft 3").
    public var what: String

    public init(at: Date, actor: String, actorRole: String, subjectId: Int64?, what: String) {
        self.at = at
        self.actor = actor
        self.actorRole = actorRole
        self.subjectId = subjectId
        self.what = what
    }
}

/// One seeker's line on a coach's cohort page.
public struct CohortRow: Codable, Sendable, Equatable {
    public var seeker: CentreAccount
    /// People not thanked although the 24 hours after their interview have passed (within two weeks).
    public var overdue: Int
    /// Sends whose outcome is not known.
    public var uncertain: Int
    /// Drafts waiting for the coach's review.
    public var awaitingReview: Int
    /// Openings first seen in the last week at companies where the seeker thanked someone.
    public var newOpenings: Int
    /// Thank-yous sent, per week (Monday, UTC) of the report's weeks.
    public var sentPerWeek: [Int]

    public init(seeker: CentreAccount, overdue: Int, uncertain: Int, awaitingReview: Int, newOpenings: Int, sentPerWeek: [Int]) {
        self.seeker = seeker
        self.overdue = overdue
        self.uncertain = uncertain
        self.awaitingReview = awaitingReview
        self.newOpenings = newOpenings
        self.sentPerWeek = sentPerWeek
    }

    /// True when the coach should look: something overdue, uncertain or waiting.
    public var needsAttention: Bool { overdue > 0 || uncertain > 0 || awaitingReview > 0 }
}

/// A cohort's numbers: a row per seeker, and the weeks the counts cover.
public struct CohortReport: Sendable, Equatable {
    /// The first day (Monday, UTC) of each week counted, oldest first.
    public var weeks: [Date]
    public var rows: [CohortRow]

    public init(weeks: [Date], rows: [CohortRow]) {
        self.weeks = weeks
        self.rows = rows
    }

    /// The Mondays (UTC) of the `count` weeks up to and including the one holding `now`, oldest first.
    public static func weeks(endingAt now: Date, count: Int) -> [Date] {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let start = calendar.dateInterval(of: .weekOfYear, for: now)?.start ?? now
        return (0..<max(count, 1)).reversed().compactMap { calendar.date(byAdding: .weekOfYear, value: -$0, to: start) }
    }

    /// The sums over every seeker: overdue, uncertain, awaiting review, new openings, then sent in each week.
    public var totals: [Int] {
        [rows.map(\.overdue), rows.map(\.uncertain), rows.map(\.awaitingReview), rows.map(\.newOpenings)].map { $0.reduce(0, +) }
            + weeks.indices.map { index in rows.reduce(0) { $0 + (index < $1.sentPerWeek.count ? $1.sentPerWeek[index] : 0) } }
    }

    /// The numbers as CSV (RFC 4180) for an office's outcome reports: a row per seeker, then a total.
    public func csv() -> String {
        let days = weeks.map { Self.day($0) }
        var lines = [
            (["seeker", "email", "group", "overdue", "uncertain", "awaiting review", "new openings"] + days.map { "sent week of \($0)" })
                .map(Self.cell).joined(separator: ",")
        ]
        for row in rows {
            let cells =
                [row.seeker.name, row.seeker.email, row.seeker.group ?? ""].map(Self.cell)
                + [row.overdue, row.uncertain, row.awaitingReview, row.newOpenings].map(String.init) + row.sentPerWeek.map(String.init)
            lines.append(cells.joined(separator: ","))
        }
        lines.append((["total", "", ""] + totals.map(String.init)).joined(separator: ","))
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `yyyy-MM-dd` in UTC.
    public static func day(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// One CSV cell: quoted when it holds a comma, a quote or a line break; a leading =, +, - or @ is
    /// prefixed with a quote mark so that a spreadsheet never runs it as a formula.
    static func cell(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
