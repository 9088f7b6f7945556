/// The editor of the draft and check pages: the subject (for an e-mail), the body with its marks, and the findings.
struct Editor: Sendable {
    /// A piece of the body: plain, or marked with the finding it breaks.
    struct Segment: Sendable {
        var text: String
        var mark: Mark?
    }

    /// What a marked piece breaks.
    struct Mark: Sendable {
        var rule: String
        var severity: String
        var message: String
    }

    /// A finding as the list under the editor shows it.
    struct Finding: Sendable {
        var rule: String
        var severity: String
        var message: String
        var excerpt: String?
        /// "line 3", or the field ("subject").
        var `where`: String
    }

    var isEmail: Bool
    var subject: String
    var body: String
    /// The body cut at the findings, for the page drawn without JavaScript.
    var segments: [Segment]
    var findings: [Finding]
    var subjectFindings: [Finding]
    var summary: String
    /// The draft has left (or is settled): shown, not edited.
    var readOnly = false
}
