import AfterwordApp
import AfterwordCore
import Foundation
import Hummingbird

/// The people you met, by company, and what was sent to each and when.
struct PeopleController: Sendable {
    let site: Site

    /// GET /people — interviewers grouped by company, with their thank-yous.
    func list(_ request: Request, context: some RequestContext) async throws -> Response {
        let store = try site.workspace.openStore()
        let zone = site.userZone
        let ledger = Self.byInterview(try store.messages())
        var byCompany: [String: [PeoplePage.Person]] = [:]
        for detail in try store.interviewers() {
            let person = detail.interviewer
            let history = detail.interviews.map { interview in
                outcome(
                    ledger[Pair(interview.id, person.id)] ?? [], zone: zone,
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

    /// GET /interviewers/:id — one person, their interviews and thank-yous, and their details to correct.
    func show(_ request: Request, context: some RequestContext) async throws -> Response {
        try showPage(request, id: try recordID(context))
    }

    /// The person's page; after a failed correction, with what was typed and each field in error marked.
    private func showPage(
        _ request: Request, id: Int64, echo: [String: String] = [:], error: String? = nil, errors: [String: String] = [:],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let store = try site.workspace.openStore()
        let zone = site.userZone
        let person = try storeCall { try store.interviewer(id: id) }
        let ledger = Self.byInterview(try store.messages(interviewerId: id))
        let history = try store.interviews(ofInterviewer: id).map { interview in
            let draft = try store.latestDraft(interviewId: interview.id ?? 0, interviewerId: id)
            return outcome(
                ledger[Pair(interview.id, id)] ?? [], zone: zone,
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

        init(_ interviewId: Int64?, _ interviewerId: Int64?) {
            self.interviewId = interviewId ?? 0
            self.interviewerId = interviewerId ?? 0
        }
    }

    static func byInterview(_ entries: [LedgerEntry]) -> [Pair: [LedgerEntry]] {
        // Thank-yous only: a later reconnect note is shown with its opening, not as the interview's thank-you.
        Dictionary(grouping: entries.filter { $0.openingId == nil }) { Pair($0.interviewId, $0.interviewerId) }
    }

    /// `row` with what became of the thank-yous to one person for one interview: the last state, and when and how one was sent.
    private func outcome(_ messages: [LedgerEntry], zone: TimeZone, of row: ThankYouHistory) -> ThankYouHistory {
        let sent = messages.last { $0.state == .sent }
        var row = row
        row.sent = sent?.sentAt.map { site.display($0, in: zone) }
        row.transport = sent.map { Self.transportName($0.transport) }
        row.state = messages.last?.state.rawValue
        return row
    }

    /// POST /interviewers/:id — saves corrected details.
    func update(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let form = try await site.form(request)
        do {
            let store = try site.workspace.openStore()
            let person = try storeCall { try store.interviewer(id: id) }
            let edited = try site.workspace.edited(person, with: InterviewController.interviewerForm(form), label: InterviewController.label)
            _ = try storeCall { try store.updateInterviewer(edited) }
            return site.done("/interviewers/\(id)", notice: "Saved.")
        } catch let error as UserError where !error.fields.isEmpty {
            return try showPage(
                request, id: id, echo: form.fieldsForEcho, error: InterviewController.summary(error), errors: error.fields,
                status: .unprocessableContent)
        } catch let error as UserError {
            return site.done("/interviewers/\(id)", problem: error.message)
        }
    }

    /// POST /interviewers/:id/remove — removes them and their drafts, unless the ledger holds a message to them.
    func remove(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        _ = try await site.form(request)
        do {
            let store = try site.workspace.openStore()
            let person = try storeCall { try store.interviewer(id: id) }
            try storeCall { try store.removeInterviewer(id: id) }
            return site.done("/people", notice: "\(person.name) removed, with their drafts.")
        } catch let error as UserError {
            return site.done("/interviewers/\(id)", problem: error.message)
        }
    }

    static func transportName(_ transport: String) -> String {
        ["post": "post", "eml": "your mail program", "mailto": "your mail program", "smtp": "e-mail", "sendmail": "e-mail"][transport] ?? transport
    }
}

/// The settings `afterword config` keeps, in a form.
struct SettingsController: Sendable {
    let site: Site

    /// GET /settings
    func show(_ request: Request, context: some RequestContext) async throws -> Response {
        try page(request, config: try site.workspace.loadConfig(), error: nil)
    }

    /// POST /settings — every field checked as `afterword config set` checks it; nothing saved unless all pass,
    /// and every field in error is marked at once.
    func update(_ request: Request, context: some RequestContext) async throws -> Response {
        let form = try await site.form(request)
        // Every field checked first, each problem marked at its field; nothing saved unless all pass.
        var echo = try site.workspace.loadConfig()
        var problems: [String: String] = [:]
        var changes: [String: String?] = [:]
        for (key, _) in Config.keys {
            guard let given = form[key] else { continue }
            let value = given.trimmingCharacters(in: .whitespacesAndNewlines)
            if value.isEmpty {
                changes[key] = .some(nil)
                echo.values[key] = nil
                continue
            }
            do {
                try Config.validate(key: key, value: value)
            } catch let error as UserError {
                problems[key] = error.message
            }
            changes[key] = value
            echo.values[key] = value
        }
        guard problems.isEmpty else {
            let summary = problems.count == 1 ? "one setting needs correcting; nothing was saved" : "\(problems.count) settings need correcting; nothing was saved"
            return try page(request, config: echo, error: summary, problems: problems, status: .unprocessableContent)
        }
        do {
            // Written under the settings lock, so that a `config set` at the same moment is not lost.
            try Config.update(in: site.workspace.home) { config in
                for (key, value) in changes { config.values[key] = value }
            }
        } catch let error as UserError {
            return try page(request, config: echo, error: error.message, status: .unprocessableContent)
        }
        return site.done("/settings", notice: "Settings saved.")
    }

    /// POST /settings/test — a message from the user to themselves, sent the way thank-yous leave.
    func testMail(_ request: Request, context: some RequestContext) async throws -> Response {
        _ = try await site.form(request)
        do {
            let outcome = try await site.workspace.sendTestMail()
            if case .accepted = outcome {
                return site.done("/settings", notice: "A test message was sent to you: \(Workspace.describe(outcome)). Look for it in your inbox.")
            }
            return site.done("/settings", problem: "the test message did not go: \(Workspace.describe(outcome)); correct the Sending settings and try again")
        } catch let error as UserError {
            return site.done("/settings", problem: error.message)
        }
    }

    private func page(
        _ request: Request, config: Config, error: String?, problems: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let help = Dictionary(Config.keys.map { ($0.key, $0.help) }, uniquingKeysWith: { first, _ in first })
        let groups = Config.groups.map { group in
            SettingsPage.Group(
                name: group.name, id: group.name.lowercased().replacingOccurrences(of: " ", with: "-"),
                fields: group.keys.map { key in
                    let value = config.values[key] ?? ""
                    return SettingsPage.Field(
                        key: key, help: help[key], value: value, default: Config.defaults[key], problem: problems[key],
                        choices: (Config.choices[key] ?? []).map { Choice($0, selected: $0 == value) },
                        hasChoices: Config.choices[key] != nil,
                        // Said once: in the help when it already names the default, else after it.
                        defaultNote: (help[key] ?? "").contains("default") ? nil : Config.defaults[key],
                        multiline: key == "address" || key == "signature")
                })
        }
        return try site.page(
            SettingsPage(file: Config.file(in: site.workspace.home).path, groups: groups), title: "Settings", tab: .settings,
            request: request, error: error, status: status)
    }
}
