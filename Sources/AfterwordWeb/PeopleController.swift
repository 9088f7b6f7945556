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
        row.transport = sent.map { Self.transportName($0.transport) }
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
        // Only what the user changed on the page is saved: a form opened before `afterword config set` ran
        // elsewhere does not undo it. Every field checked first; nothing saved unless all pass.
        let changes = Config.settings.compactMap { setting -> (name: String, value: String?)? in
            guard let value = form[setting.name] else { return nil }
            if let shown = form["was-\(setting.name)"], Self.same(shown, value) { return nil }
            return (name: setting.name, value: Optional(value))
        }
        do {
            try site.workspace.updateSettings(changes)
        } catch let error as UserError {
            var echo = try site.workspace.loadConfig()
            for (name, value) in changes { echo.values[name] = value }
            let count = error.fields.count
            let summary =
                count > 1 ? "\(count) settings need correcting; nothing was saved"
                : count == 1 ? "one setting needs correcting; nothing was saved" : error.message
            return try page(request, config: echo, shown: try site.workspace.loadConfig(), error: summary, problems: error.fields, status: .unprocessableContent)
        }
        return site.done("/settings", notice: changes.isEmpty ? "Nothing was changed." : "Settings saved.")
    }

    /// True when two values of a field are the same, line ends and edge spaces aside.
    static func same(_ a: String, _ b: String) -> Bool {
        func plain(_ text: String) -> String {
            text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return plain(a) == plain(b)
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
            return site.done("/settings", refused: error)
        }
    }

    /// POST /settings/password — the mail password kept in the system keyring, never in a file; the page
    /// never shows it back.
    func password(_ request: Request, context: some RequestContext) async throws -> Response {
        let form = try await site.form(request)
        do {
            let said = try site.workspace.storePassword(form["password"] ?? "")
            return site.done("/settings", notice: said)
        } catch let error as UserError {
            return site.done("/settings", refused: error)
        }
    }

    /// - Parameter shown: the stored settings the form starts from (each field remembers its value, so that
    ///   only what the user changes is saved); `config` when nil.
    private func page(
        _ request: Request, config: Config, shown: Config? = nil, error: String?, problems: [String: String] = [:],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let groups = Config.Group.allCases.map { group in
            SettingsPage.Group(
                name: group.rawValue, id: group.rawValue.lowercased().replacingOccurrences(of: " ", with: "-"),
                fields: Config.settings.filter { $0.group == group }.map { setting in
                    let key = setting.name
                    let value = config.values[key] ?? ""
                    // A value the provider's preset gives stands where the default would.
                    let fallback = config.presetValue(of: key).map { "\($0), from your provider" } ?? setting.defaultText
                    return SettingsPage.Field(
                        key: key, help: setting.help, value: value, was: (shown ?? config).values[key] ?? "", default: fallback,
                        problem: problems[key],
                        choices: (setting.choices ?? []).map { Choice($0, selected: $0 == value) },
                        hasChoices: setting.choices != nil, defaultNote: fallback,
                        multiline: key == "address" || key == "signature")
                })
        }
        return try site.page(
            SettingsPage(
                file: Config.file(in: site.workspace.home).path, groups: groups, providerAdvice: try site.workspace.providerAdvice(),
                login: config.text(of: "smtp.user")),
            title: "Settings", tab: .settings,
            request: request, error: error, status: status)
    }
}
