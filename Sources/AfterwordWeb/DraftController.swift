import AfterwordApp
import Foundation
import Hummingbird

/// One draft: the editor with its live etiquette check, and the ways it leaves, once.
struct DraftController: Sendable {
    let site: Site

    /// GET /drafts/:id
    func show(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let draftContext = try site.workspace.draftContext(id)
        return try page(request, draftContext, subject: draftContext.draft.subject ?? "", body: draftContext.draft.body, error: nil)
    }

    /// POST /drafts/:id — saves the edit and shows the check (the no-JavaScript path).
    func save(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let form = try await site.form(request)
        let draftContext = try site.workspace.draftContext(id)
        let edit = DraftEdit(form, draft: draftContext.draft)
        if let state = try site.workspace.ledger(forDraft: id).last?.state, let settled = Self.settled(state, person: draftContext.person.name) {
            return site.done("/drafts/\(id)", problem: "not saved: \(settled)")
        }
        do {
            _ = try site.workspace.saveDraftText(edit.text(to: draftContext.draft.recipient, channel: draftContext.draft.channel), of: draftContext)
            return site.done("/drafts/\(id)", notice: "Saved.")
        } catch let error as UserError {
            return try page(request, draftContext, subject: edit.subject, body: edit.body, error: error.webMessage, status: .unprocessableContent)
        }
    }

    /// POST /drafts/:id/recompose — writes the thank-you again from its person's topic; a hand-edited
    /// draft only when the user ticked that their edits may be replaced.
    func recompose(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let form = try await site.form(request)
        do {
            let fresh = try site.workspace.recompose(draftId: id, replacingEdits: form.isOn("replace"))
            return site.done("/drafts/\(fresh.draft.storedID)", notice: "Written again; the earlier version is kept in the history.")
        } catch let error as UserError {
            return site.done("/drafts/\(id)", refused: error)
        }
    }

    /// POST /drafts/:id/check — the findings for the text as typed, as JSON, with where to mark them.
    func check(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let form = try await site.form(request)
        let draftContext = try site.workspace.draftContext(id)
        let edit = DraftEdit(form, draft: draftContext.draft)
        let review = try Self.review(edit, draftContext, workspace: site.workspace)
        return try .json(review.payload)
    }

    /// POST /drafts/:id/send — now, at a time, or in the recipient's business hours; exactly once.
    func send(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let form = try await site.form(request)
        let here = "/drafts/\(id)"
        do {
            var timing = SendTiming.businessHours
            switch form["when"] ?? "business" {
            case "now": timing = .now
            case "at":
                guard let (date, _) = ISO8601.parse(form["at"] ?? "", defaultZone: site.userZone) else {
                    return site.done(here, problem: "Send at: \"\(form["at"] ?? "")\" is not a date and time; pick one")
                }
                timing = .at(date)
            default: break
            }
            switch try await site.workspace.send(draftId: id, timing: timing, anyway: form.isOn("anyway")) {
            case .scheduled(_, let at, let zone, let late):
                let lateNote = late ? " That is after the 24 hours, but the earliest civil time." : ""
                return site.done(
                    here,
                    notice:
                        "Scheduled for \(site.display(at, in: zone)).\(lateNote) It leaves then while `afterword serve` runs, or from `afterword send --due`.")
            case .attempted(_, let outcome, let copy):
                switch outcome {
                case .accepted(let reply):
                    let copyNote = copy.map { " \($0.prefix(1).uppercased() + $0.dropFirst())." } ?? ""
                    return site.done(here, notice: "Sent (\(reply)). No second thank-you will go to this person for this interview.\(copyNote)")
                case .failed(let reason): return site.done(here, problem: "not delivered: \(reason); correct it and send again")
                case .uncertain(let reason):
                    return site.done(here, problem: "the send was interrupted and may have been delivered (\(reason)); look in your Sent folder, then say below what you found")
                }
            }
        } catch let error as UserError {
            return site.done(here, refused: error, saying: Self.withFindings(error))
        }
    }

    /// POST /drafts/:id/eml — the message as an .eml file for the user's own mail program (recorded as handed over).
    func eml(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        _ = try await site.form(request)
        do {
            var file: [UInt8] = []
            try site.workspace.handOff(draftId: id, transport: .eml, anyway: true) { bytes, _ in file = bytes }
            return Response(
                status: .ok,
                headers: [.contentType: "message/rfc822", .contentDisposition: "attachment; filename=\"thank-you-\(id).eml\""],
                body: .init(byteBuffer: ByteBuffer(bytes: file)))
        } catch let error as UserError {
            return site.done("/drafts/\(id)", refused: error, saying: Self.withFindings(error))
        }
    }

    /// POST /drafts/:id/pdf — the note card (and envelope) as a PDF.
    func pdf(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let form = try await site.form(request)
        do {
            guard let size = NoteCardSize(rawValue: (form["card"] ?? "a2").lowercased()) else {
                throw UserError("Card size: \"\(form["card"] ?? "")\" is not a card size; use a2, a6, a7 or half-letter")
            }
            // "card" (or none): the card on its own page, as `note pdf` prints it without --sheet.
            let paperName = (form["sheet"] ?? "").lowercased()
            let sheet: NoteCardSheet?
            if paperName.isEmpty || paperName == Self.cardAlone {
                sheet = nil
            } else if let paper = NoteCardSheet(rawValue: paperName) {
                sheet = paper
            } else {
                throw UserError("Paper: \"\(form["sheet"] ?? "")\" is not a paper size; use letter or a4")
            }
            let bytes = try site.workspace.notePDF(
                draftId: id, size: size, envelope: form.isOn("envelope"), sheet: sheet, signByHand: form.isOn("sign"),
                dated: form.isOn("date"))
            try site.workspace.markPrinted(draftId: id)
            return Response(
                status: .ok, headers: [.contentType: "application/pdf", .contentDisposition: "attachment; filename=\"note-\(id).pdf\""],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        } catch let error as UserError {
            return site.done("/drafts/\(id)", refused: error, saying: Self.withFindings(error))
        }
    }

    /// The paper choice that prints the card on a page of its own size, without cut marks.
    static let cardAlone = "card"

    /// A card size as the form offers it, with its dimensions.
    static func label(_ size: NoteCardSize) -> String {
        switch size {
        case .a2: "A2 — 4¼ × 5½ in"
        case .a6: "A6 — 105 × 148 mm"
        case .a7: "A7 — 74 × 105 mm"
        case .halfLetter: "Half letter — 5½ × 8½ in"
        }
    }

    /// A sheet of paper as the form offers it.
    static func label(_ sheet: NoteCardSheet) -> String {
        switch sheet {
        case .letter: "On letter paper (8½ × 11 in), with cut marks"
        case .a4: "On A4 paper (210 × 297 mm), with cut marks"
        }
    }

    /// POST /drafts/:id/mailed — the note is in the post.
    func mailed(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        _ = try await site.form(request)
        do {
            try site.workspace.noteMailed(draftId: id)
            return site.done("/drafts/\(id)", notice: "Recorded: the note is in the post. No second note will go to this person for this interview.")
        } catch let error as UserError {
            return site.done("/drafts/\(id)", refused: error)
        }
    }

    /// POST /drafts/:id/resolve — what the user found in their Sent folder.
    func resolve(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let form = try await site.form(request)
        do {
            let entry = try site.workspace.resolve(draftId: id, delivered: form["delivered"] == "yes")
            return site.done(
                "/drafts/\(id)",
                notice: entry.state == .sent ? "Recorded as delivered." : "Recorded as not delivered; you may send it again.")
        } catch let error as UserError {
            return site.done("/drafts/\(id)", refused: error)
        }
    }

    /// POST /drafts/:id/look-in-sent — looks for every uncertain send in the Sent folder and says what it
    /// found for this one; the user then says whether it went.
    func lookInSent(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        _ = try await site.form(request)
        do {
            let lookups = try await site.workspace.lookInSent()
            guard let lookup = lookups.first(where: { $0.draftId == id }) else {
                return site.done("/drafts/\(id)", notice: "Nothing about this thank-you is uncertain any more.")
            }
            return site.done("/drafts/\(id)", notice: "Your Sent folder: \(lookup.note). Say below whether it went.")
        } catch let error as UserError {
            return site.done("/drafts/\(id)", refused: error)
        }
    }

    /// POST /drafts/:id/sent-elsewhere — the user sent it from their own mail program or web mail.
    func sentElsewhere(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        _ = try await site.form(request)
        do {
            _ = try site.workspace.recordSentElsewhere(draftId: id)
            return site.done("/drafts/\(id)", notice: "Recorded as sent. No second thank-you will go to this person for this interview.")
        } catch let error as UserError {
            return site.done("/drafts/\(id)", refused: error)
        }
    }

    private func page(
        _ request: Request, _ draftContext: DraftContext, subject: String, body: String, error: String?, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let draft = draftContext.draft
        let review = try Self.review(DraftEdit(subject: subject, body: body), draftContext, workspace: site.workspace)
        let entry = try site.workspace.ledger(forDraft: draft.storedID).last
        var stateNote: String?
        if let entry {
            if entry.state == .scheduled, let at = entry.scheduledAt { stateNote = "for \(site.display(at, in: draftContext.detail.interview.zone))" }
            if entry.state == .sent, let at = entry.sentAt { stateNote = site.display(at) }
            if entry.state == .failed || entry.state == .uncertain { stateNote = entry.serverReply }
        }
        let person = draftContext.person
        let settled = Self.settled(entry?.state, person: person.name)
        var editor = review.editor
        editor.readOnly = settled != nil
        let links = settled == nil ? try site.workspace.composeLinks(draftId: draft.storedID).map { DraftPage.Link(label: $0.label, url: $0.url) } : []
        let page = DraftPage(
            id: draft.id, person: person.name, channelName: draft.channel.label, recipient: Self.recipient(person, draft.channel),
            interviewId: draft.interviewId, company: draftContext.detail.interview.company, role: draftContext.detail.interview.role,
            editor: editor, state: entry?.state.rawValue, stateNote: stateNote, uncertain: entry?.state == .uncertain,
            settled: settled, cardSizes: NoteCardSize.allCases.map { Choice($0.rawValue, label: Self.label($0), selected: $0 == .a2) },
            sheets: [Choice(Self.cardAlone, label: "The card alone, its own size", selected: true)]
                + NoteCardSheet.allCases.map { Choice($0.rawValue, label: Self.label($0), selected: false) },
            reconnect: draft.isReconnect, editedByHand: draft.isEditedByHand, topic: person.topic, links: links,
            sentLookup: entry?.state == .uncertain ? entry?.sentLookup : nil, coachReview: try coachReview(draftContext, settled: settled != nil))
        return try site.page(page, title: "Draft to \(person.name)", tab: nil, request: request, error: error, status: status)
    }

    /// "Dana Whitfield <dana@acme.com>", or the name and postal address for a note.
    static func recipient(_ person: Interviewer, _ channel: Channel) -> String {
        if channel == .email { return "\(person.name) <\(person.email ?? "")>" }
        return ([person.name] + [person.address?.replacingOccurrences(of: "\n", with: ", ") ?? "no postal address yet"]).joined(separator: ", ")
    }

    /// What to say instead of the send buttons once the thank-you has left or is on its way (AW-ONCE).
    static func settled(_ state: MessageState?, person: String) -> String? {
        switch state {
        case .sent: "This thank-you has gone to \(person); there is nothing more to send (AW-ONCE)."
        case .scheduled: "This thank-you is scheduled; it leaves at the time above."
        case .sending: "This thank-you is on its way."
        default: nil
        }
    }

    /// The check of an edit to this draft, addressed as the draft is, beside the panel's other drafts (AW-DISTINCT).
    /// Where the draft stands with the coach, on a centre's server, for a seeker.
    private func coachReview(_ context: DraftContext, settled: Bool) throws -> DraftPage.CoachReview? {
        guard let centre = site.centre, let seat = site.workspace.seat else { return nil }
        let draft = context.draft
        let review = try centre.review(seeker: seat.account.id, draft: draft.storedID)
        let required = seat.reviewRequired ? " Your centre asks for an approval before a thank-you goes." : ""
        let said: String
        switch review?.state {
        case nil: said = "Not asked for yet." + required
        case .requested?: said = "Waiting for your coach (asked \(site.display(review?.requestedAt ?? Date())))."
        case .returned?: said = "Returned by \(review?.reviewer ?? "your coach"): change it and ask again."
        case .approved?:
            let text = try site.workspace.reviewText(context)
            said = review.flatMap { DraftReview.refusal($0, for: draft, text: text) } == nil
                ? "Approved by \(review?.reviewer ?? "your coach")." : "Approved, but changed since: ask for a review again." + required
        }
        return DraftPage.CoachReview(said: said, comment: review?.comment, mayAsk: !settled && review?.state != .requested)
    }

    static func review(_ edit: DraftEdit, _ context: DraftContext, workspace: Workspace) throws -> EditReview {
        let panel = context.draft.isReconnect ? [] : try workspace.panelDrafts(context.detail)
        return EditReview(
            edit, channel: context.draft.channel, recipient: context.draft.recipient, name: context.person.name,
            company: context.detail.interview.company, role: context.detail.interview.role,
            panel: panel.filter { $0.draft.interviewerId != context.draft.interviewerId }, occasion: try workspace.occasion(for: context))
    }

    /// A refusal's message with the findings behind it.
    static func withFindings(_ error: UserError) -> String {
        guard !error.findings.isEmpty else { return error.message }
        return error.message + " — " + error.findings.map { "\($0.rule.rawValue): \($0.message)" }.joined(separator: "; ")
    }
}
