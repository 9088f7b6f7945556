/// A career centre's sign-in form.
struct SignInPage: Page {
    static let template = PageTemplate.signin

    var email: String
    var layout = Layout()
}

/// A coach's cohort: a row per seeker with what needs attention, the drafts waiting for review, and the weeks' sends.
struct CohortPage: Page {
    static let template = PageTemplate.cohort

    struct Group: Sendable {
        var name: String
        var href: String
        var current: Bool
    }

    struct Row: Sendable {
        var id: Int64
        var name: String
        var email: String
        var group: String?
        var overdue: Int
        var uncertain: Int
        var awaitingReview: Int
        var newOpenings: Int
        var sent: [Int]
        var attention: Bool
    }

    struct Waiting: Sendable {
        var seekerId: Int64
        var seeker: String
        var draftId: Int64
        var requested: String
    }

    var groups: [Group]
    var hasGroups: Bool
    var weeks: [String]
    var rows: [Row]
    var totals: [Int]
    var waiting: [Waiting]
    var csvHref: String
    var layout = Layout()
}

/// One seeker's records as their coach reads them: read-only, and audited.
struct SeekerPage: Page {
    static let template = PageTemplate.seeker

    struct Meeting: Sendable {
        var company: String
        var role: String
        var when: String
        var people: String
    }

    struct Sent: Sendable {
        var draftId: Int64
        var person: String
        var company: String
        var channel: String
        var state: String
        var when: String?
    }

    struct DraftRow: Sendable {
        var seekerId: Int64
        var id: Int64
        var person: String
        var company: String
        var review: String?
    }

    var id: Int64
    var name: String
    var email: String
    var group: String?
    var interviews: [Meeting]
    var drafts: [DraftRow]
    var ledger: [Sent]
    var layout = Layout()
}

/// A draft as the coach reviews it: the text, the checker's findings, and approve or return.
struct ReviewPage: Page {
    static let template = PageTemplate.review

    var seekerId: Int64
    var seeker: String
    var draftId: Int64
    var person: String
    /// The recipient's address (e-mail, or postal for a note card) and the sender, as the message will name them.
    var address: String
    var from: String
    var company: String
    var role: String
    var channel: String
    var subject: String?
    var body: String
    var editor: Editor
    var state: String?
    var comment: String?
    var waiting: Bool
    /// The digest of what the coach is shown: an approval of a draft changed since is refused.
    var seen: String
    var layout = Layout()
}

/// An admin's list of the centre's accounts.
struct AccountsPage: Page {
    static let template = PageTemplate.accounts

    struct Row: Sendable {
        var name: String
        var email: String
        var role: String
        var group: String?
        var coach: String?
        var disabled: Bool
    }

    var rows: [Row]
    var layout = Layout()
}

/// A seeker's "Who has seen this": every coach's or admin's read of their data, and every step of their reviews.
struct SeenPage: Page {
    static let template = PageTemplate.seen

    struct Row: Sendable {
        var when: String
        var who: String
        var role: String
        var what: String
    }

    var rows: [Row]
    /// The pages of newer and older rows, if any.
    var newer: String?
    var older: String?
    var layout = Layout()
}
