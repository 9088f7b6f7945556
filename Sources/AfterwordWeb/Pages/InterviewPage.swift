/// One interview, its panel with their drafts, and the forms to add people and edit it.
struct InterviewPage: Page {
    static let template = PageTemplate.interview

    /// The interview as its heading shows it.
    struct Summary: Sendable {
        var id: Int64
        var company: String
        var role: String
        var when: String
        var format: String
        var duration: Int
    }

    /// One interviewer on the panel, and where their thank-you stands.
    struct Member: Sendable {
        var id: Int64?
        var name: String
        var title: String?
        var channel: String
        var draftId: Int64?
        var state: String?
        /// What their thank-you says the conversation was about.
        var topic: String?
        /// Topics the notes suggest for them, one click each.
        var suggestions: [String]
        var hasSuggestions: Bool
    }

    var interview: Summary
    /// The invite's description, shown apart from the notes (never written into a draft).
    var inviteDetails: String?
    var panel: [Member]
    /// The edit form: the interview, or what was typed when it could not be saved.
    var form: InterviewFields
    var formats: [Choice]
    var errors: InterviewFields.Errors
    /// The add-an-interviewer form: empty, read from a card, or as typed when it could not be saved.
    var person: InterviewerFields
    /// How sure the card reading was of each field.
    var scanned: String?
    var personErrors: InterviewerFields.Errors
    var layout = Layout()
}
