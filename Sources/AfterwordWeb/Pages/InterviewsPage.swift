/// Every interview, and the forms to record one or import an invite.
struct InterviewsPage: Page {
    static let template = PageTemplate.interviews

    /// One interview in the list.
    struct Row: Sendable {
        var id: Int64?
        var company: String
        var role: String
        var when: String
        var format: String
        /// Who was on the panel; nil when nobody is recorded yet.
        var names: String?
    }

    var interviews: [Row]
    /// The form to record an interview, as typed when it could not be saved.
    var form: InterviewFields
    var formats: [Choice]
    var errors: InterviewFields.Errors
    var layout = Layout()
}
