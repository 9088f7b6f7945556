import AfterwordApp
import Foundation

/// The stable JSON shapes of `--json` output, documented in the README.
enum JSONShape {
    struct Created: Encodable {
        var id: Int64
    }

    /// `draft N --suggest --json`: each interviewer's topic and what the notes suggest.
    struct Suggestions: Encodable {
        var interviewer: Int64
        var name: String
        var topic: String?
        var suggestions: [String]
        /// The suggestions your notes attribute to this person (a note naming them).
        var attributed: [Attributed]

        struct Attributed: Encodable {
            var topic: String
        }
    }

    struct InterviewerShape: Encodable {
        var id: Int64
        var name: String
        var title: String?
        var company: String?
        var email: String?
        var phone: String?
        var address: String?
        var honorific: String?
        /// What the user talked about with this person alone.
        var notes: String?
        /// What their thank-you says the conversation was about.
        var topic: String?
        var channel: Channel

        init(_ interviewer: Interviewer) {
            id = interviewer.storedID
            topic = interviewer.topic
            name = interviewer.name
            honorific = interviewer.honorific
            notes = interviewer.notes
            title = interviewer.title
            company = interviewer.company
            email = interviewer.email
            phone = interviewer.phone
            address = interviewer.address
            channel = interviewer.channel
        }
    }

    struct InterviewShape: Encodable {
        var id: Int64
        var company: String
        var role: String
        /// Start, in the interview's own offset.
        var at: String
        var timeZone: String
        var durationMinutes: Int
        var format: InterviewFormat
        var notes: String
        /// What the user brings to the role, for the draft's fit line.
        var fit: String?
        /// The description of the invite it was imported from.
        var inviteDetails: String?
        var interviewers: [InterviewerShape]?

        init(_ interview: Interview, interviewers: [Interviewer]?) {
            id = interview.storedID
            inviteDetails = interview.inviteDetails
            company = interview.company
            role = interview.role
            at = ISO8601.local(interview.startsAt, in: interview.zone)
            timeZone = interview.timeZone
            durationMinutes = interview.durationMinutes
            format = interview.format
            notes = interview.notes
            fit = interview.fit
            self.interviewers = interviewers.map { $0.map(InterviewerShape.init) }
        }
    }

    struct InterviewerWithInterviews: Encodable {
        var id: Int64
        var name: String
        var title: String?
        var company: String?
        var email: String?
        var phone: String?
        var address: String?
        var channel: Channel
        var interviews: [InterviewShape]

        init(_ detail: InterviewerDetail) {
            let base = InterviewerShape(detail.interviewer)
            id = base.id
            name = base.name
            title = base.title
            company = base.company
            email = base.email
            phone = base.phone
            address = base.address
            channel = base.channel
            interviews = detail.interviews.map { InterviewShape($0, interviewers: nil) }
        }
    }

    struct DraftShape: Encodable {
        var id: Int64
        var interview: Int64
        var interviewer: Int64
        var interviewerName: String
        var channel: Channel
        var to: String
        var subject: String?
        var body: String
        var findings: [Finding]

        init(_ draft: Draft, interviewerName: String, findings: [Finding]) {
            id = draft.storedID
            interview = draft.interviewId
            interviewer = draft.interviewerId
            self.interviewerName = interviewerName
            channel = draft.channel
            to = draft.recipient
            subject = draft.subject
            body = draft.body
            self.findings = findings
        }
    }

    struct CheckReport: Encodable {
        struct File: Encodable {
            var path: String
            var findings: [Finding]
        }
        var files: [File]
    }
}
