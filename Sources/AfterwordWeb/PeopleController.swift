import AfterwordApp
import Foundation
import Hummingbird

/// The people you met, by company, and what was sent to each and when.
struct PeopleController: Sendable {
    let site: Site

    /// GET /people — interviewers grouped by company, with their thank-yous.
    func list(_ request: Request, context: some RequestContext) async throws -> Response {
        let workspace = site.workspace
        let zone = site.userZone
        let ledger = Self.byInterview(try workspace.messages())
        var byCompany: [String: [PeoplePage.Person]] = [:]
        for detail in try workspace.interviewers() {
            let person = detail.interviewer
            let history = detail.interviews.map { interview in
                outcome(
                    ledger[Pair(interviewId: interview.storedID, interviewerId: person.storedID)] ?? [], zone: zone,
                    of: ThankYouHistory(role: interview.role, when: site.display(interview.startsAt, in: interview.zone)))
            }
            let company = person.company ?? detail.interviews.first?.company ?? "Other"
            byCompany[company, default: []].append(
                PeoplePage.Person(id: person.id, name: person.name, title: person.title, history: history))
        }
        let companies = byCompany.keys.sorted { $0.localizedCaseInsensitiveCompare($1) == .orderedAscending }.map {
            PeoplePage.Company(name: $0, people: byCompany[$0] ?? [])
        }
        return try site.page(PeoplePage(companies: companies), title: "People", tab: .people, request: request)
    }

    /// GET /people/contacts.vcf — everyone met (or those at `?company=`) as vCard 4.0, for an address book.
    func contacts(_ request: Request, context: some RequestContext) async throws -> Response {
        let company = request.uri.queryParameters["company"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        do {
            let (cards, _) = try site.workspace.interviewerCards(company: company)
            return Response(
                status: .ok,
                headers: [.contentType: "text/vcard; charset=utf-8", .contentDisposition: "attachment; filename=\"afterword-contacts.vcf\""],
                body: .init(byteBuffer: ByteBuffer(string: cards)))
        } catch let error as UserError {
            return site.done("/people", refused: error)
        }
    }

    /// GET /interviewers/:id — one person, their interviews and thank-yous, and their details to correct.
    func show(_ request: Request, context: some RequestContext) async throws -> Response {
        try showPage(request, id: try recordID(context))
    }

    /// The person's page; after a failed correction, with what was typed and each field in error marked.
    private func showPage(
        _ request: Request, id: Int64, echo: [String: String] = [:], error: String? = nil, errors: [String: String] = [:],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let workspace = site.workspace
        let zone = site.userZone
        let person = try workspace.interviewer(id: id)
        let ledger = Self.byInterview(try workspace.messages(interviewerId: id))
        let history = try workspace.interviews(ofInterviewer: id).map { interview in
            let draft = try workspace.latestDraft(interviewId: interview.storedID, interviewerId: id)
            return outcome(
                ledger[Pair(interviewId: interview.storedID, interviewerId: id)] ?? [], zone: zone,
                of: ThankYouHistory(
                    interviewId: interview.id, company: interview.company, role: interview.role,
                    when: site.display(interview.startsAt, in: interview.zone), draftId: draft?.id))
        }
        return try site.page(
            InterviewerPage(
                person: InterviewerFields(person, typed: echo), personName: person.name, channel: Wording.channel(of: person),
                history: history, personErrors: InterviewerFields.Errors(errors)),
            title: person.name, tab: .people, request: request, error: error, status: status)
    }

    /// One interviewer on one interview's panel.
    struct Pair: Hashable {
        var interviewId: Int64
        var interviewerId: Int64
    }

    static func byInterview(_ entries: [LedgerEntry]) -> [Pair: [LedgerEntry]] {
        // Thank-yous only: a later reconnect note is shown with its opening, not as the interview's thank-you.
        Dictionary(grouping: entries.filter { $0.openingId == nil }) { Pair(interviewId: $0.interviewId, interviewerId: $0.interviewerId) }
    }

    /// `row` with what became of the thank-yous to one person for one interview: the last state, and when and how one was sent.
    private func outcome(_ messages: [LedgerEntry], zone: TimeZone, of row: ThankYouHistory) -> ThankYouHistory {
        let sent = messages.last { $0.state == .sent }
        var row = row
        row.sent = sent?.sentAt.map { site.display($0, in: zone) }
        row.transport = sent.map(\.transport.label)
        row.state = messages.last?.state.rawValue
        return row
    }

    /// POST /interviewers/:id — saves corrected details.
    func update(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let form = try await site.form(request)
        do {
            _ = try site.workspace.updateInterviewer(id: id, with: InterviewController.interviewerForm(form), label: InterviewController.label)
            return site.done("/interviewers/\(id)", notice: "Saved.")
        } catch let error as UserError where !error.fields.isEmpty {
            return try showPage(
                request, id: id, echo: form.fieldsForEcho, error: InterviewController.summary(error), errors: error.fields,
                status: .unprocessableContent)
        } catch let error as UserError {
            return site.done("/interviewers/\(id)", refused: error)
        }
    }

    /// POST /interviewers/:id/remove — removes them and their drafts, unless the ledger holds a message to them.
    func remove(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        _ = try await site.form(request)
        do {
            let person = try site.workspace.removeInterviewer(id: id)
            return site.done("/people", notice: "\(person.name) removed, with their drafts.")
        } catch let error as UserError {
            return site.done("/interviewers/\(id)", refused: error)
        }
    }
}
