/// One person, their interviews and thank-yous, and their details to correct.
struct InterviewerPage: Page {
    static let template = PageTemplate.interviewer

    var person: InterviewerFields
    var personName: String
    var channel: String
    var history: [ThankYouHistory]
    var personErrors: InterviewerFields.Errors
    var layout = Layout()
}
