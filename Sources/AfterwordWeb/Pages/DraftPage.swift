/// One draft: the editor with its check, where it stands in the ledger, and the ways it leaves.
struct DraftPage: Page {
    static let template = PageTemplate.draft

    var id: Int64?
    /// The recipient's name.
    var person: String
    var channelName: String
    /// Their address: e-mail, or postal for a note.
    var recipient: String
    var interviewId: Int64
    var company: String
    var role: String
    var editor: Editor
    /// The ledger's last state for the draft, and a word on it (when, or the server's reply).
    var state: String?
    var stateNote: String?
    var uncertain: Bool
    /// Said instead of the send buttons once the thank-you has left or is on its way.
    var settled: String?
    /// The note card's sizes, each with its dimensions ("A6 — 105 × 148 mm").
    var cardSizes: [Choice]
    /// Printed on its own, or on a sheet of paper with cut marks.
    var sheets: [Choice]
    var reconnect: Bool
    /// True when the user changed Afterword's wording: writing it again asks first.
    var editedByHand: Bool
    /// The topic the draft was written from, when the person has one.
    var topic: String?
    /// The draft, filled in, in the user's mail program and web mail.
    var links: [Link]
    /// What the last look in the Sent folder found, for an uncertain send.
    var sentLookup: String?
    /// On a career centre's server: where the draft stands with the seeker's coach.
    var coachReview: CoachReview?
    var layout = Layout()

    struct CoachReview: Sendable {
        var said: String
        var comment: String?
        var mayAsk: Bool
    }

    struct Link: Sendable {
        var label: String
        var url: String
    }
}
