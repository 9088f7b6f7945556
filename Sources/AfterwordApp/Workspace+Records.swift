import AfterwordCore
import AfterwordStore
import Foundation

/// The use cases on interviews, interviewers and drafts as records: each validates, saves and turns
/// the store's errors into ``UserError``s, so that the command line and the web do the same thing.
extension Workspace {
    // MARK: Interviews

    /// Records a new interview from the form.
    /// - Throws: one ``UserError`` naming every field in error, or the store's refusal.
    public func recordInterview(_ form: InterviewForm, label: FieldLabel) throws -> Interview {
        let interview = try interview(from: form, label: label)
        let store = try openStore()
        return try storeCall { try store.recordInterview(interview) }
    }

    /// Corrects an interview: `form` receives the interview as stored and returns it as the user wants it
    /// (the command line keeps what was not given; the web sends every field). Its panel and drafts stay.
    public func updateInterview(id: Int64, label: FieldLabel, form: (Interview) -> InterviewForm) throws -> Interview {
        let store = try openStore()
        let existing = try storeCall { try store.interview(id: id) }.interview
        var edited = try interview(from: form(existing), id: id, createdAt: existing.createdAt, label: label)
        edited.inviteDetails = existing.inviteDetails
        return try storeCall { try store.updateInterview(edited) }
    }

    /// One interview with its panel.
    public func interview(id: Int64) throws -> InterviewDetail {
        let store = try openStore()
        return try storeCall { try store.interview(id: id) }
    }

    /// Every interview, newest first, with its panel; only those at `company` (case aside) when given.
    /// - Parameter containing: only interviews whose role, notes, invite details, people or topics contain it (case aside).
    public func interviews(company: String? = nil, containing text: String? = nil) throws -> [InterviewDetail] {
        let store = try openStore()
        var details = try storeCall { try store.interviews() }
        if let company = company?.trimmingCharacters(in: .whitespaces).lowercased() {
            details = details.filter { $0.interview.company.lowercased() == company }
        }
        if let text = text.flatMap(Self.blankToNil) {
            details = details.filter { detail in
                let interview = detail.interview
                let fields = [interview.company, interview.role, interview.notes, interview.inviteDetails ?? ""]
                    + detail.interviewers.flatMap { [$0.name, $0.title ?? "", $0.notes ?? "", $0.topic ?? ""] }
                return fields.contains { $0.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
            }
        }
        return details
    }

    /// Removes an interview with its drafts, unless a thank-you of it is in the ledger.
    /// - Returns: the interview as it was.
    public func removeInterview(id: Int64) throws -> Interview {
        let store = try openStore()
        let detail = try storeCall { try store.interview(id: id) }
        try storeCall { try store.removeInterview(id: id) }
        return detail.interview
    }

    // MARK: Interviewers

    /// Seats a new interviewer on an interview's panel, merged with a person already known.
    public func addInterviewer(_ form: InterviewerForm, toInterview interviewId: Int64, label: FieldLabel) throws -> ImportOutcome {
        let store = try openStore()
        let detail = try storeCall { try store.interview(id: interviewId) }
        let person = try newInterviewer(from: form, company: detail.interview.company, others: detail.interviewers.map(\.name), label: label)
        let outcomes = try storeCall { try store.importInterviewers([person], toInterview: interviewId) }
        guard let outcome = outcomes.first else { throw UserError("\(person.name) could not be added; try again") }
        return outcome
    }

    /// Corrects an interviewer: the fields the form gives change, the others stay.
    public func updateInterviewer(id: Int64, with form: InterviewerForm, label: FieldLabel) throws -> Interviewer {
        let store = try openStore()
        let current = try storeCall { try store.interviewer(id: id) }
        var others: [String] = []
        if form.topic != nil {
            for interview in try storeCall({ try store.interviews(ofInterviewer: id) }) {
                others += try storeCall { try store.interview(id: interview.storedID) }.interviewers.filter { $0.id != id }.map(\.name)
            }
        }
        let person = try edited(current, with: form, others: others, label: label)
        return try storeCall { try store.updateInterviewer(person) }
    }

    /// Removes an interviewer with their drafts, unless a message to them is in the ledger.
    /// - Returns: the person as they were.
    public func removeInterviewer(id: Int64) throws -> Interviewer {
        let store = try openStore()
        let person = try storeCall { try store.interviewer(id: id) }
        try storeCall { try store.removeInterviewer(id: id) }
        return person
    }

    /// One interviewer.
    public func interviewer(id: Int64) throws -> Interviewer {
        let store = try openStore()
        return try storeCall { try store.interviewer(id: id) }
    }

    /// Everyone met, by name, with their interviews; only those at `company` when given.
    public func interviewers(company: String? = nil) throws -> [InterviewerDetail] {
        let store = try openStore()
        return try storeCall { try store.interviewers(company: company) }
    }

    /// The interviews a person sat on, oldest first.
    public func interviews(ofInterviewer id: Int64) throws -> [Interview] {
        let store = try openStore()
        return try storeCall { try store.interviews(ofInterviewer: id) }
    }

    // MARK: Drafts and the ledger

    /// Every draft kept (of one interview when given), oldest first, with the last ledger entry of each.
    public func drafts(interviewId: Int64? = nil) throws -> [(draft: Draft, message: LedgerEntry?)] {
        let store = try openStore()
        if let interviewId { _ = try storeCall { try store.interview(id: interviewId) } }
        return try storeCall { try store.drafts(interviewId: interviewId) }
    }

    /// The newest draft to one person for one interview, if any.
    public func latestDraft(interviewId: Int64, interviewerId: Int64) throws -> Draft? {
        let store = try openStore()
        return try storeCall { try store.latestDraft(interviewId: interviewId, interviewerId: interviewerId) }
    }

    /// What the ledger holds of one draft, oldest first.
    public func ledger(forDraft draftId: Int64) throws -> [LedgerEntry] {
        let store = try openStore()
        return try storeCall { try store.ledger(forDraft: draftId) }
    }

    /// The ledger's messages (to one person when given), oldest first.
    public func messages(interviewerId: Int64? = nil) throws -> [LedgerEntry] {
        let store = try openStore()
        return try storeCall { try store.messages(interviewerId: interviewerId) }
    }

    /// The ledger's messages to one person for one interview, oldest first.
    public func messages(interviewId: Int64, interviewerId: Int64) throws -> [LedgerEntry] {
        let store = try openStore()
        return try storeCall { try store.messages(interviewId: interviewId, interviewerId: interviewerId) }
    }

    /// Scheduled messages whose time has come.
    public func dueMessages() throws -> [LedgerEntry] {
        let store = try openStore()
        return try storeCall { try store.due(now: now) }
    }

    // MARK: Status

    /// Who still needs a thank-you, what is on its way and what was sent, with interviews of the last
    /// `horizonDays` days one by one.
    public func status(horizonDays: Int = 14) throws -> StatusReport {
        let store = try openStore()
        return try storeCall { try store.status(now: now, horizonDays: horizonDays) }
    }

    /// What Today and `afterword status` show: the report sorted, with the drafts of the first
    /// `checkingAtMost` due rows (all when nil) checked for the rules they break.
    public func dashboard(horizonDays: Int = 14, checkingAtMost limit: Int? = nil) throws -> Dashboard {
        let store = try openStore()
        return try storeCall {
            let report = try store.status(now: now, horizonDays: horizonDays)
            let notes = report.inFlight.isEmpty ? [:] : try store.ledgerNotes()
            let dashboard = Dashboard(report: report, now: now, notes: notes)
            let drafts = try store.draftsAndInterviewers(draftIds: dashboard.draftsToCheck(limit: limit), interviewerIds: []).0
            return dashboard.checking(drafts)
        }
    }

    /// A number that changes whenever anything stored changes (for a page to know it is stale).
    public func revision() throws -> Int64 {
        let store = try openStore()
        return try storeCall { try store.revision() }
    }
}
