/// The dashboard: who still needs a thank-you, what is upcoming, on its way and sent.
struct TodayPage: Page {
    static let template = PageTemplate.today

    /// One interviewer who still needs a thank-you, the nearest deadline first.
    struct Pending: Sendable {
        var interviewId: Int64
        var interviewerId: Int64
        var interviewer: String
        var company: String
        var role: String
        var channel: String
        var draftId: Int64?
        /// The time left of the 24 hours, or how long overdue.
        var urgency: String
        /// The rules the draft breaks, when it breaks any.
        var errors: String?
        var overdue: Bool
        var failed: Bool
        var printedNotMailed: Bool
    }

    /// An interview not yet over, and when its thank-you becomes due.
    struct Upcoming: Sendable {
        var interviewId: Int64
        var interviewer: String
        var company: String
        var role: String
        var ends: String?
    }

    /// A message scheduled, sending, or in doubt.
    struct InFlight: Sendable {
        var state: String?
        var when: String?
        var draftId: Int64?
        var interviewer: String
        var company: String
        var channel: String
        var uncertain: Bool
        var overdueToLeave: String?
        /// What the Sent folder showed for an uncertain send, or why a scheduled one has not left.
        var note: String?
    }

    /// A thank-you that left.
    struct Sent: Sendable {
        var when: String?
        var draftId: Int64?
        var interviewer: String
        var company: String
        var role: String
        var channel: String
    }

    /// An interview with nobody on its panel yet.
    struct Unstaffed: Sendable {
        var id: Int64
        var company: String
        var role: String
    }

    var firstRun: Bool
    var pending: [Pending]
    /// Everyone due, shown or not.
    var pendingCount: Int
    /// How many are left out of `pending` until "show all".
    var hiddenCount: Int?
    var upcoming: [Upcoming]
    /// New openings where someone may remember you (AW-REMEMBER).
    var openings: [OpeningRow]
    /// Companies whose openings wait while the application there is open, each said in a line.
    var heldBack: [String]
    var withoutInterviewers: [Unstaffed]
    var inFlight: [InFlight]
    var inFlightCount: Int
    var sent: [Sent]
    var sentCount: Int
    /// Interviewers past the horizon who never got a thank-you.
    var olderUnsent: Int?
    var layout = Layout()
}
