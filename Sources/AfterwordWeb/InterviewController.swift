import AfterwordApp
import Foundation
import Hummingbird

/// Interviews and their panels: record, edit, import an invite, add people by hand or from a card.
struct InterviewController: Sendable {
    let site: Site

    /// How the web names a form's fields in an error.
    static let label: FieldLabel = { field in
        [
            "company": "Company", "role": "Role", "at": "When it started", "tz": "Time zone", "format": "Format",
            "duration": "Minutes", "name": "Name", "email": "E-mail", "phone": "Phone", "address": "Postal address", "title": "Title", "honorific": "Honorific", "fit": "What you bring", "topic": "Topic",
        ][field] ?? field
    }

    /// GET /interviews — every interview, and the forms to add one.
    func list(_ request: Request, context: some RequestContext) async throws -> Response {
        try listPage(request, form: [:], error: nil)
    }

    /// POST /interviews — records an interview, then shows it.
    func create(_ request: Request, context: some RequestContext) async throws -> Response {
        let form = try await site.form(request)
        do {
            let saved = try site.workspace.recordInterview(Self.interviewForm(form), label: Self.label)
            return site.done("/interviews/\(saved.storedID)", notice: "Recorded. Now add who you met.")
        } catch let error as UserError {
            return try listPage(request, form: form.fieldsForEcho, error: Self.summary(error), errors: error.fields, status: .unprocessableContent)
        }
    }

    /// POST /interviews/import — interviews from an uploaded calendar invite.
    func importInvite(_ request: Request, context: some RequestContext) async throws -> Response {
        let form = try await site.form(request)
        guard let file = form.files["file"] else { return site.done("/interviews", problem: "choose an .ics file to import") }
        let name = file.filename.isEmpty ? "invite.ics" : file.filename
        do {
            let workspace = site.workspace
            let (company, role) = (form["company"], form["role"])
            let (records, organizers) = try await site.reading(name) {
                let text = Workspace.text(of: Data(file.bytes))
                return (
                    try workspace.readInvite(text, file: name, company: company, role: role),
                    try workspace.inviteOrganizers(text, file: name)
                )
            }
            let saved = try workspace.storeInvite(records)
            guard let first = saved.first?.0 else { return site.done("/interviews", problem: "\(name): no events found") }
            let people = saved.flatMap(\.1).count
            let guessed = saved.flatMap(\.1).map(\.interviewer).filter(\.nameIsFromEmail).map(\.name)
            let check = guessed.isEmpty ? "" : " The names of \(guessed.joined(separator: ", ")) were read from e-mail addresses; correct them below as on their cards."
            // The organizer of an Outlook invite is often the hiring manager without being an attendee: offered, not added.
            let offer = organizers.isEmpty
                ? "" : " \(organizers.joined(separator: ", ")) organized the invite without attending it; add them below if they interviewed you."
            return site.done(
                "/interviews/\(first.storedID)", notice: "Imported \(Wording.count(saved.count, "interview")) with \(Wording.count(people, "interviewer")) from \(name).\(offer)\(check)")
        } catch let error as UserError {
            return site.done("/interviews", refused: error)
        }
    }

    /// GET /interviews/:id — the interview, its panel and their drafts.
    func show(_ request: Request, context: some RequestContext) async throws -> Response {
        try showPage(request, id: try recordID(context), person: [:], scanned: nil, error: nil)
    }

    /// GET /interviews/:id/reminder.ics — a calendar event for the thank-yous, with an alarm when they open
    /// and one a few hours before the deadline (what `afterword remind --ics` writes).
    func reminder(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let calendar = try site.workspace.reminderCalendar(interviewId: id) { "\($0.link.text): \($0.link.href)" }
        return Response(
            status: .ok,
            headers: [.contentType: "text/calendar; charset=utf-8", .contentDisposition: "attachment; filename=\"thank-you-\(id).ics\""],
            body: .init(byteBuffer: ByteBuffer(string: calendar)))
    }

    /// POST /interviews/:id — saves the edited interview.
    func update(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let form = try await site.form(request)
        do {
            // The form holds every field: what the page sent is the interview as the user wants it.
            _ = try site.workspace.updateInterview(id: id, label: Self.label) { _ in Self.interviewForm(form) }
            return site.done("/interviews/\(id)", notice: "Saved.")
        } catch let error as UserError where !error.fields.isEmpty {
            return try showPage(
                request, id: id, person: [:], scanned: nil, error: Self.summary(error), interview: form.fieldsForEcho, interviewErrors: error.fields,
                status: .unprocessableContent)
        } catch let error as UserError {
            return site.done("/interviews/\(id)", refused: error)
        }
    }

    /// POST /interviews/:id/interviewers — seats a new (or known, merged) interviewer on the panel.
    func addInterviewer(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let form = try await site.form(request)
        do {
            let outcome = try site.workspace.addInterviewer(Self.interviewerForm(form), toInterview: id, label: Self.label)
            let name = outcome.interviewer.name
            return site.done("/interviews/\(id)", notice: outcome.merged ? "\(name) was already known; merged and added to this panel." : "Added \(name).")
        } catch let error as UserError {
            return try showPage(
                request, id: id, person: form.fieldsForEcho, scanned: nil, error: Self.summary(error), errors: error.fields, status: .unprocessableContent)
        }
    }

    /// POST /interviews/:id/cards — a vCard is imported; a card photo or its text is read and offered for checking.
    func readCard(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let form = try await site.form(request)
        guard let file = form.files["file"], !file.bytes.isEmpty else {
            return site.done("/interviews/\(id)", problem: "choose a card file (.vcf, .png, .jpg or .txt)")
        }
        let name = file.filename.isEmpty ? "card" : file.filename
        let lower = name.lowercased()
        do {
            if lower.hasSuffix(".vcf") || lower.hasSuffix(".vcard") || file.contentType.contains("vcard") {
                let workspace = site.workspace
                let people = try await site.reading(name) { try workspace.readCards(Workspace.text(of: Data(file.bytes)), file: name) }
                let outcomes = try workspace.storeCards(people, interviewId: id)
                let names = outcomes.map { $0.interviewer.name + ($0.merged ? " (already known, merged)" : "") }
                return site.done("/interviews/\(id)", notice: "Added \(names.joined(separator: ", ")).")
            }
            let text: String
            if file.contentType.hasPrefix("image/") || [".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".bmp"].contains(where: lower.hasSuffix) {
                // Off the server's threads: other requests are answered while tesseract reads the photo.
                text = try await site.reading(name, budget: Double(OCR.secondsLimit) + 5) { try Self.ocr(file, name: name) }
            } else {
                text = Workspace.text(of: Data(file.bytes))
            }
            let card = try await site.reading(name) { Workspace.readCard(text) }
            guard card.contact != nil else {
                return site.done("/interviews/\(id)", problem: "\(name): no name found on the card; type the person in by hand")
            }
            let read: [(String, ScannedField?)] = [
                ("name", card.name), ("title", card.title), ("company", card.company), ("email", card.email), ("phone", card.phone),
                ("address", card.address),
            ]
            var person: [String: String] = [:]
            var confidence: [String] = []
            for (key, field) in read {
                guard let field else { continue }
                person[key] = field.value
                confidence.append("\(Self.label(key)) \(Int((field.confidence * 100).rounded()))%")
            }
            return try showPage(request, id: id, person: person, scanned: "Confidence: " + confidence.joined(separator: ", ") + ".", error: nil)
        } catch let error as UserError {
            return site.done("/interviews/\(id)", refused: error)
        }
    }

    /// POST /interviews/:id/compose — one draft per interviewer (or for one), then opens the first.
    func compose(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let form = try await site.form(request)
        do {
            let only = form["interviewer"].flatMap { Int64($0) }
            let drafts = try site.workspace.composeDrafts(interviewId: id, onlyInterviewer: only)
            guard let first = drafts.first?.draft.id else { return site.done("/interviews/\(id)") }
            guard (try? site.workspace.loadConfig().sender.name) != nil else {
                return site.done(
                    "/drafts/\(first)",
                    warning: "\(Wording.count(drafts.count, "draft")) composed, but unsigned: your name is not set. Set it in Settings and the drafts are signed with it.")
            }
            return site.done("/drafts/\(first)", notice: "\(Wording.count(drafts.count, "draft")) ready.")
        } catch let error as UserError {
            return site.done("/interviews/\(id)", refused: error)
        }
    }

    /// POST /interviews/:id/topics — sets one panel member's topic (typed, or a suggestion clicked) and
    /// writes their draft again when Afterword wrote it and it has not left.
    func topic(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let form = try await site.form(request)
        guard let person = form["interviewer"].flatMap({ Int64($0) }) else {
            return site.done("/interviews/\(id)", problem: "choose whose topic to set")
        }
        do {
            let (saved, draft) = try site.workspace.setTopic(form["topic"] ?? "", interviewerId: person, interviewId: id, label: Self.label)
            let said = saved.topic.map { "\(saved.name)'s topic: “\($0)”." } ?? "\(saved.name) has no topic now."
            if let draft { return site.done("/drafts/\(draft.draft.storedID)", notice: "\(said) Their draft was written again with it.") }
            return site.done("/interviews/\(id)#topics", notice: said)
        } catch let error as UserError {
            return site.done("/interviews/\(id)#topics", refused: error)
        }
    }

    /// POST /interviews/:id/remove — removes the interview and its drafts, unless the ledger holds a thank-you of it.
    func remove(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        _ = try await site.form(request)
        do {
            let removed = try site.workspace.removeInterview(id: id)
            return site.done("/interviews", notice: "Interview \(removed.company) — \(removed.role) removed, with its drafts.")
        } catch let error as UserError {
            return site.done("/interviews/\(id)", refused: error)
        }
    }

    /// The line above a form: the error itself, or, when several fields are marked, how many.
    static func summary(_ error: UserError) -> String {
        error.fields.count > 1 ? "\(error.fields.count) fields need correcting; each is marked below" : error.message
    }

    private func listPage(
        _ request: Request, form: [String: String], error: String?, errors: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let details = try site.workspace.interviews()
        let rows = details.map { detail in
            InterviewsPage.Row(
                id: detail.interview.id, company: detail.interview.company, role: detail.interview.role,
                when: site.display(detail.interview.startsAt, in: detail.interview.zone), format: detail.interview.format.rawValue,
                names: detail.interviewers.isEmpty ? nil : detail.interviewers.map(\.name).joined(separator: ", "))
        }
        var echo = form
        if echo["duration"] == nil { echo["duration"] = "60" }
        return try site.page(
            InterviewsPage(
                interviews: rows, form: InterviewFields(echo), formats: Self.formats(selected: echo["format"] ?? InterviewFormat.onSite.rawValue),
                errors: InterviewFields.Errors(errors)),
            title: "Interviews", tab: .interviews, request: request, error: error, status: status)
    }

    private func showPage(
        _ request: Request, id: Int64, person: [String: String], scanned: String?, error: String?, errors: [String: String] = [:],
        interview edited: [String: String] = [:], interviewErrors: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let workspace = site.workspace
        let detail = try workspace.interview(id: id)
        let interview = detail.interview
        let suggestions = workspace.topicSuggestions(detail)
        let panel = try detail.interviewers.map { person in
            // The draft that left (or is on its way) is the one to show, even when a newer one was composed since.
            let message = try workspace.messages(interviewId: id, interviewerId: person.storedID).last
            let latest = try workspace.latestDraft(interviewId: id, interviewerId: person.storedID)
            let draftId = message.flatMap { $0.state == .failed ? nil : $0.draftId } ?? latest?.id
            let state = message?.state.rawValue
            return InterviewPage.Member(
                id: person.id, name: person.name, title: person.title, channel: Wording.channel(of: person),
                draftId: draftId, state: state, topic: person.topic,
                suggestions: (suggestions[person.storedID] ?? []).map(\.topic.text).filter { $0 != person.topic },
                hasSuggestions: (suggestions[person.storedID] ?? []).contains { $0.topic.text != person.topic })
        }
        let form: [String: String] = [
            "company": interview.company, "role": interview.role, "at": Self.localInput(interview.startsAt, interview.zone),
            "tz": interview.timeZone, "duration": String(interview.durationMinutes), "notes": interview.notes, "fit": interview.fit ?? "",
        ]
        return try site.page(
            InterviewPage(
                interview: InterviewPage.Summary(
                    id: id, company: interview.company, role: interview.role, when: site.display(interview.startsAt, in: interview.zone),
                    format: interview.format.rawValue, duration: interview.durationMinutes),
                inviteDetails: interview.inviteDetails, panel: panel, form: InterviewFields(form.merging(edited) { $1 }),
                formats: Self.formats(selected: edited["format"] ?? interview.format.rawValue), errors: InterviewFields.Errors(interviewErrors),
                person: InterviewerFields(person), scanned: scanned, personErrors: InterviewerFields.Errors(errors)),
            title: "\(interview.company) — \(interview.role)", tab: .interviews, request: request, error: error, status: status)
    }

    static func interviewForm(_ form: FormData) -> InterviewForm {
        InterviewForm(
            company: form["company"] ?? "", role: form["role"] ?? "", at: form["at"] ?? "", timeZone: form["tz"],
            format: form["format"] ?? InterviewFormat.onSite.rawValue, durationMinutes: Int(form["duration"] ?? "") ?? 60, notes: form.text("notes"),
            fit: form["fit"] ?? "")
    }

    static func interviewerForm(_ form: FormData) -> InterviewerForm {
        InterviewerForm(
            name: form["name"] ?? "", title: form["title"], email: form["email"], phone: form["phone"], address: form.text("address"),
            company: form["company"], honorific: form["honorific"], notes: form["notes"] == nil ? nil : form.text("notes"), topic: form["topic"])
    }

    static func formats(selected: String) -> [Choice] {
        InterviewFormat.allCases.map { Choice($0.rawValue, selected: $0.rawValue == selected) }
    }

    /// `2026-11-26T14:00` in `zone`, as a datetime-local input shows it.
    static func localInput(_ date: Date, _ zone: TimeZone) -> String {
        String(ISO8601.local(date, in: zone).prefix(16))
    }

    private static func ocr(_ file: FormData.File, name: String) throws -> String {
        let suffix = (name as NSString).pathExtension.isEmpty ? "png" : (name as NSString).pathExtension
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-card-\(UUID().uuidString).\(suffix)")
        try Data(file.bytes).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        do {
            return try OCR.text(ofImage: path.path)
        } catch let error as UserError {
            throw UserError(error.message.replacingOccurrences(of: path.path, with: name))
        }
    }
}

extension FormData {
    /// The fields to show again in a form that could not be saved (never the CSRF token).
    var fieldsForEcho: [String: String] {
        var fields = fields
        fields["csrf"] = nil
        return fields
    }
}
