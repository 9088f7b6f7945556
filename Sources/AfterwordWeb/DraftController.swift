import AfterwordApp
import AfterwordCore
import AfterwordPrint
import Foundation
import Hummingbird

/// One draft: the editor with its live etiquette check, and the ways it leaves, once.
struct DraftController: Sendable {
    let site: Site

    /// GET /drafts/:id
    func show(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let draftContext = try site.workspace.draftContext(id, store: try site.workspace.openStore())
        return try page(request, draftContext, subject: draftContext.draft.subject ?? "", body: draftContext.draft.body, error: nil)
    }

    /// POST /drafts/:id — saves the edit and shows the check (the no-JavaScript path).
    func save(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let form = try await site.form(request)
        let store = try site.workspace.openStore()
        let draftContext = try site.workspace.draftContext(id, store: store)
        let edit = Edit(form, draft: draftContext.draft)
        do {
            _ = try site.workspace.saveDraftText(edit.text(for: draftContext.draft), of: draftContext, store: store)
            return site.done("/drafts/\(id)", notice: "Saved.")
        } catch let error as UserError {
            return try page(request, draftContext, subject: edit.subject, body: edit.body, error: error.message, status: .unprocessableContent)
        }
    }

    /// POST /drafts/:id/check — the findings for the text as typed, as JSON, with where to mark them.
    func check(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let form = try await site.form(request)
        let draftContext = try site.workspace.draftContext(id, store: try site.workspace.openStore())
        let edit = Edit(form, draft: draftContext.draft)
        let review = Review(edit, draftContext)
        let payload = CheckPayload(
            findings: review.findings.map { review.located($0) }, summary: review.summary)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(payload))))
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
            case .attempted(_, let outcome):
                switch outcome {
                case .accepted(let reply): return site.done(here, notice: "Sent (\(reply)). No second thank-you will go to this person for this interview.")
                case .failed(let reason): return site.done(here, problem: "not delivered: \(reason); correct it and send again")
                case .uncertain(let reason):
                    return site.done(here, problem: "the send was interrupted and may have been delivered (\(reason)); look in your Sent folder, then say below what you found")
                }
            }
        } catch let error as UserError {
            return site.done(here, problem: Self.withFindings(error))
        }
    }

    /// POST /drafts/:id/eml — the message as an .eml file for the user's own mail program (recorded as handed over).
    func eml(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        _ = try await site.form(request)
        do {
            var file: [UInt8] = []
            try site.workspace.handOff(draftId: id, transport: "eml", anyway: true) { bytes, _ in file = bytes }
            return Response(
                status: .ok,
                headers: [.contentType: "message/rfc822", .contentDisposition: "attachment; filename=\"thank-you-\(id).eml\""],
                body: .init(byteBuffer: ByteBuffer(bytes: file)))
        } catch let error as UserError {
            return site.done("/drafts/\(id)", problem: Self.withFindings(error))
        }
    }

    /// POST /drafts/:id/pdf — the note card (and envelope) as a PDF.
    func pdf(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let form = try await site.form(request)
        do {
            guard let size = NoteCard.Size(rawValue: (form["card"] ?? "a2").lowercased()) else {
                throw UserError("Card size: \"\(form["card"] ?? "")\" is not a card size; use a2, a6, a7 or half-letter")
            }
            let bytes = try site.workspace.notePDF(draftId: id, size: size, envelope: form.isOn("envelope"))
            try site.workspace.markPrinted(draftId: id)
            return Response(
                status: .ok, headers: [.contentType: "application/pdf", .contentDisposition: "attachment; filename=\"note-\(id).pdf\""],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        } catch let error as UserError {
            return site.done("/drafts/\(id)", problem: Self.withFindings(error))
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
            return site.done("/drafts/\(id)", problem: error.message)
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
            return site.done("/drafts/\(id)", problem: error.message)
        }
    }

    private func page(
        _ request: Request, _ draftContext: DraftContext, subject: String, body: String, error: String?, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let draft = draftContext.draft
        let edit = Edit(subject: subject, body: body)
        let review = Review(edit, draftContext)
        let located = review.findings.map { review.located($0) }
        let entry = try site.workspace.openStore().ledger(forDraft: draft.id ?? 0).last
        var stateNote: String?
        if let entry {
            if entry.state == .scheduled, let at = entry.scheduledAt { stateNote = "for \(site.display(at, in: draftContext.detail.interview.zone))" }
            if entry.state == .sent, let at = entry.sentAt { stateNote = site.display(at) }
            if entry.state == .failed || entry.state == .uncertain { stateNote = entry.serverReply }
        }
        let person = draftContext.person
        return try site.page(
            "draft", title: "Draft to \(person.name)", tab: nil,
            values([
                "id": draft.id, "person": person.name, "isEmail": draft.channel == .email ? true : nil,
                "channelName": draft.channel == .email ? "e-mail" : "note card",
                "recipient": draft.channel == .email ? "\(person.name) <\(person.email ?? "")>" : ([person.name] + (person.address.map { [$0.replacingOccurrences(of: "\n", with: ", ")] } ?? ["no postal address yet"])).joined(separator: ", "),
                "interviewId": draft.interviewId, "company": draftContext.detail.interview.company, "role": draftContext.detail.interview.role,
                "subject": subject, "body": body, "segments": review.segments(located),
                "findings": located.map(\.values), "subjectFindings": located.filter { $0.field == "subject" }.map(\.values),
                "summary": review.summary, "state": entry?.state.rawValue, "stateNote": stateNote,
                "uncertain": entry?.state == .uncertain ? true : nil, "settled": Self.settled(entry?.state, person: person.name), "cardSizes": NoteCard.Size.allCases.map(\.rawValue),
            ]), request: request, error: error, status: status)
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

    /// A refusal's message with the findings behind it.
    static func withFindings(_ error: UserError) -> String {
        guard !error.findings.isEmpty else { return error.message }
        return error.message + " — " + error.findings.map { "\($0.rule.rawValue): \($0.message)" }.joined(separator: "; ")
    }

    /// The subject and body as the user typed them.
    struct Edit {
        var subject: String
        var body: String

        init(subject: String, body: String) {
            self.subject = subject
            self.body = body
        }

        init(_ form: FormData, draft: Draft) {
            // One line only: a line break in a subject must never become a header of its own.
            subject = (form["subject"] ?? draft.subject ?? "").components(separatedBy: .newlines).joined(separator: " ")
            body = form["body"] == nil ? draft.body : form.text("body")
        }

        /// The text the checker reads: the draft's headers, a blank line, the body.
        func text(for draft: Draft) -> String {
            var lines = ["To: \(draft.recipient)"]
            if draft.channel == .email { lines.append("Subject: \(subject)") }
            return lines.joined(separator: "\n") + "\n\n" + body
        }

        /// The line of the checked text the body starts on.
        func bodyFirstLine(for draft: Draft) -> Int { draft.channel == .email ? 4 : 3 }
    }

    /// The checker's findings on an edit, and where each falls in the body.
    struct Review {
        let edit: Edit
        let findings: [Finding]
        let bodyFirstLine: Int
        let subjectLine: Int?
        private let lineStarts: [String.Index]

        init(_ edit: Edit, _ context: DraftContext) {
            self.edit = edit
            let draft = context.draft
            findings = Workspace.findings(
                text: edit.text(for: draft), channel: draft.channel, source: "draft #\(draft.id ?? 0)", interview: context.detail.interview,
                interviewer: context.person.name
            ).sortedByPosition()
            bodyFirstLine = edit.bodyFirstLine(for: draft)
            subjectLine = draft.channel == .email ? 2 : nil
            var starts = [edit.body.startIndex]
            var index = edit.body.startIndex
            while let newline = edit.body[index...].firstIndex(of: "\n") {
                index = edit.body.index(after: newline)
                starts.append(index)
            }
            lineStarts = starts
        }

        var summary: String {
            guard !findings.isEmpty else { return "Passes every check." }
            func count(_ severity: Severity, _ noun: String) -> String {
                let n = findings.filter { $0.severity == severity }.count
                return "\(n) \(noun)\(n == 1 ? "" : "s")"
            }
            return "\(count(.error, "error")), \(count(.warning, "warning")), \(count(.hint, "hint"))."
        }

        /// The finding with its field and, in the body, its range (UTF-16 offsets, as a textarea counts).
        func located(_ finding: Finding) -> Located {
            let row = finding.line - bodyFirstLine
            var located = Located(finding: finding, field: "body", bodyLine: row >= 0 ? row + 1 : nil, range: nil, start: nil, end: nil)
            if finding.line == subjectLine { located.field = "subject" }
            guard finding.length > 0, row >= 0, row < lineStarts.count else { return located }
            let body = edit.body
            let lineEnd = row + 1 < lineStarts.count ? body.index(before: lineStarts[row + 1]) : body.endIndex
            guard let start = body.index(lineStarts[row], offsetBy: finding.column - 1, limitedBy: lineEnd),
                let end = body.index(start, offsetBy: finding.length, limitedBy: body.endIndex)
            else { return located }
            located.range = start..<end
            located.start = body.utf16.distance(from: body.startIndex, to: start)
            located.end = body.utf16.distance(from: body.startIndex, to: end)
            return located
        }

        /// The body cut into plain and marked pieces, for the page drawn without JavaScript.
        func segments(_ located: [Located]) -> [[String: Any]] {
            let body = edit.body
            var pieces: [[String: Any]] = []
            var cursor = body.startIndex
            for item in located {
                guard let range = item.range, range.lowerBound >= cursor else { continue }
                pieces.append(["text": String(body[cursor..<range.lowerBound])])
                pieces.append([
                    "text": String(body[range]),
                    "mark": ["rule": item.finding.rule.rawValue, "severity": item.finding.severity.rawValue, "message": item.finding.message],
                ])
                cursor = range.upperBound
            }
            pieces.append(["text": String(body[cursor...]) + "\n"])
            return pieces
        }
    }

    /// A finding placed in the editor.
    struct Located: Encodable {
        var finding: Finding
        var field: String
        /// The line in the message body, counted from 1, as the user sees it.
        var bodyLine: Int?
        var range: Range<String.Index>?
        var start: Int?
        var end: Int?

        enum CodingKeys: String, CodingKey {
            case rule, severity, message, excerpt, line, column, field, start, end
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(finding.rule.rawValue, forKey: .rule)
            try container.encode(finding.severity.rawValue, forKey: .severity)
            try container.encode(finding.message, forKey: .message)
            try container.encodeIfPresent(finding.excerpt, forKey: .excerpt)
            try container.encode(finding.line, forKey: .line)
            try container.encode(finding.column, forKey: .column)
            try container.encode(field, forKey: .field)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
        }

        var values: [String: Any] {
            AfterwordWeb.values([
                "rule": finding.rule.rawValue, "severity": finding.severity.rawValue, "message": finding.message,
                "excerpt": finding.excerpt.flatMap { $0.isEmpty ? nil : $0 }, "where": bodyLine.map { "line \($0)" } ?? field,
            ])
        }
    }

    struct CheckPayload: Encodable {
        var findings: [Located]
        var summary: String
    }
}
