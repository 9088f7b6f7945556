import AfterwordCore
import AfterwordStore
import Foundation

/// A stored draft with what the checker says about it.
public struct ReviewedDraft: Sendable {
    public var draft: Draft
    /// The interviewer's name, as the draft addresses them.
    public var interviewerName: String
    public var findings: [Finding]
    /// True when the draft was composed earlier and shown again.
    public var reused: Bool
}

/// A draft with its interview and the person it is for.
public struct DraftContext: Sendable {
    public var draft: Draft
    public var detail: InterviewDetail
    public var person: Interviewer

    /// What the draft is, in one line: "draft #1 — Dana Whitfield, Acme, Backend Engineer".
    public var summary: String {
        "draft #\(draft.storedID) — \(person.name), \(detail.interview.company), \(detail.interview.role)"
    }
}

extension Workspace {
    /// What the checker says about a draft, knowing who it is to and which company.
    /// - Parameter panel: the latest drafts to the rest of the interview's panel, with their recipients' names;
    ///   the draft is compared with them (AW-DISTINCT, and AW-NAMES for another panelist's name).
    /// - Parameter sendAt: when the e-mail leaves, when known: its day words must be true then (AW-WHEN).
    public static func findings(
        _ draft: Draft, interview: Interview, interviewer: String, panel: [(draft: Draft, name: String)] = [], sendAt: Date? = nil
    ) -> [Finding] {
        // The rest of the panel: never the same person's other versions of this draft (AW-DISTINCT).
        let others = panel.filter { $0.draft.id != draft.id && $0.draft.interviewerId != draft.interviewerId }
        var documents = ([(draft, interviewer)] + others.map { ($0.draft, $0.name) }).map { draft, name in
            Document.parse(draft.text, path: "draft #\(draft.storedID)", defaultChannel: draft.channel)
                .addressed(to: name, company: interview.company, role: interview.role)
        }
        if let sendAt, draft.channel == .email, !draft.isReconnect {
            documents[0].occasion = Occasion(interviewAt: interview.startsAt, zone: interview.zone, sendAt: max(sendAt, interview.startsAt))
        }
        return Checker().check(documents)[0]
    }

    /// When a draft shown now is taken to leave: now (the user is reading it to send it), or, in the first
    /// minutes after the interview, when it may first leave. Sent at another time, its day words follow.
    func plannedSend(_ interview: Interview) -> Date {
        max(now, ThankYouWindow(for: interview).earliest)
    }

    /// Topic suggestions from the interview's notes and invite details, for each member of its panel.
    public func topicSuggestions(_ detail: InterviewDetail) -> [Int64: [TopicSuggestion]] {
        TopicSuggester.suggestions(
            notes: detail.interview.notes, details: detail.interview.inviteDetails ?? "", company: detail.interview.company,
            role: detail.interview.role, panel: detail.interviewers)
    }

    /// The latest thank-you draft to each member of the interview's panel, with their names.
    public func panelDrafts(_ detail: InterviewDetail) throws -> [(draft: Draft, name: String)] {
        try panelDrafts(detail, store: try openStore())
    }

    func panelDrafts(_ detail: InterviewDetail, store: any RecordStore) throws -> [(draft: Draft, name: String)] {
        try storeCall {
            try detail.interviewers.compactMap { person in
                try store.latestDraft(interviewId: detail.interview.storedID, interviewerId: person.storedID).map { ($0, person.name) }
            }
        }
    }

    /// What the checker says about a draft's text as typed (headers, blank line, body).
    public static func findings(text: String, channel: Channel, source: String, interview: Interview, interviewer: String) -> [Finding] {
        findings(text: text, channel: channel, source: source, recipient: interviewer, company: interview.company, role: interview.role)
    }

    /// What the checker says about a message's text to `recipient` (their name) about an interview at `company`;
    /// what is not given is taken from the text's own header lines.
    /// - Parameter panel: other drafts of the same interview, with their recipients' names, to compare it with (AW-DISTINCT).
    /// - Parameter occasion: the interview's time and the sending time, when known (AW-WHEN).
    public static func findings(
        text: String, channel: Channel, source: String, recipient: String?, company: String?, role: String?,
        panel: [(draft: Draft, name: String)] = [], occasion: Occasion? = nil
    ) -> [Finding] {
        var document = Document.parse(text, path: source, defaultChannel: channel)
        document.occasion = occasion
        if let recipient, !recipient.isEmpty { document.recipientName = recipient }
        if let company, !company.isEmpty { document.company = company }
        if let role, !role.isEmpty { document.role = role }
        let others = panel.map { other in
            Document.parse(other.draft.text, path: "draft #\(other.draft.storedID)", defaultChannel: other.draft.channel)
                .addressed(to: other.name, company: document.company ?? "", role: document.role ?? "")
        }
        return Checker().check([document] + others)[0]
    }

    /// One draft per interviewer of an interview, composed afresh or (unless `recompose`) the latest one again.
    /// - Parameters:
    ///   - onlyInterviewer: compose for this panel member alone.
    /// - Returns: the drafts, stored, each with its findings.
    public func composeDrafts(interviewId: Int64, onlyInterviewer: Int64? = nil, recompose: Bool = false) throws -> [ReviewedDraft] {
        let templates = try loadTemplates()
        let config = try loadConfig()
        let store = try openStore()
        let detail = try storeCall { try store.interview(id: interviewId) }
        guard !detail.interviewers.isEmpty else {
            throw UserError("interview #\(interviewId) has no interviewers yet", remedy: .addInterviewer(interview: interviewId))
        }
        var targets = detail.interviewers
        if let onlyInterviewer {
            targets = targets.filter { $0.id == onlyInterviewer }
            guard !targets.isEmpty else {
                throw UserError(
                    "interviewer #\(onlyInterviewer) is not on the panel of interview #\(interviewId)", remedy: .showInterview(interviewId))
            }
        }
        let composer = Composer(templates: templates, sender: config.sender, greeting: config[.greeting])
        let sendAt = plannedSend(detail.interview)
        var results: [ReviewedDraft] = []
        var fresh: [Draft] = []
        for person in targets {
            if !recompose, let existing = try store.latestDraft(interviewId: interviewId, interviewerId: person.storedID) {
                let signed = try signIfUnsigned(existing, sender: config.sender, store: store)
                let draft = try retimed(signed, interview: detail.interview, store: store)
                results.append(ReviewedDraft(draft: draft, interviewerName: person.name, findings: [], reused: true))
                continue
            }
            let composed: ComposedDraft
            do {
                composed = try composer.compose(detail.interview, for: person, panel: detail.interviewers, now: now, sendAt: sendAt)
            } catch {
                throw UserError("template \(home.appendingPathComponent("templates/\(error.name).mustache").path): \(error.reason); fix it or remove it")
            }
            fresh.append(composed.draft)
            results.append(ReviewedDraft(draft: composed.draft, interviewerName: person.name, findings: [], reused: false))
        }
        var saved = try store.saveDrafts(fresh)[...]
        for index in results.indices where results[index].draft.id == nil { results[index].draft = saved.removeFirst() }
        // The panel's notes are read side by side: interviewers compare them.
        let panel = try panelDrafts(detail, store: store)
        for index in results.indices {
            results[index].findings = Self.findings(
                results[index].draft, interview: detail.interview, interviewer: results[index].interviewerName, panel: panel,
                sendAt: try scheduledOrPlannedSend(results[index].draft, interview: detail.interview, store: store))
        }
        return results
    }

    /// The draft signed with the user's name when it was composed unsigned (before the name was set)
    /// and has not left; stored so that what is shown is what is sent.
    func signIfUnsigned(_ draft: Draft, sender: Sender, store: any RecordStore) throws -> Draft {
        guard let name = sender.name, let body = Greeting.signed(draft.body, name: name, signature: draft.channel == .email ? sender.signature : nil),
            try storeCall({ try store.ledger(forDraft: draft.storedID).isEmpty })
        else { return draft }
        return try storeCall { try store.updateDraft(id: draft.storedID, subject: draft.subject, body: body, byHand: false, at: now) }
    }

    /// The draft with Afterword's own day words made true for when it leaves ("today" becomes "on Friday" in a
    /// thank-you leaving on Monday), stored; a draft edited by hand is left as the user wrote it (AW-WHEN checks it).
    /// - Parameter sendAt: when it leaves; nil for its scheduled time, else the next good moment.
    func retimed(_ draft: Draft, interview: Interview, sendAt: Date? = nil, store: any RecordStore) throws -> Draft {
        guard draft.channel == .email, !draft.isReconnect, !draft.isEditedByHand else { return draft }
        let ledger = try storeCall { try store.ledger(forDraft: draft.storedID) }
        guard ledger.allSatisfy({ [.scheduled, .sending, .failed].contains($0.state) }) else { return draft }
        let leaves = sendAt ?? Self.scheduled(ledger) ?? plannedSend(interview)
        let body = Occasion(interviewAt: interview.startsAt, zone: interview.zone, sendAt: max(leaves, interview.startsAt)).retimed(draft.body)
        guard body != draft.body else { return draft }
        return try storeCall { try store.updateDraft(id: draft.storedID, subject: draft.subject, body: body, byHand: false, at: now) }
    }

    /// When a draft is to leave: its scheduled time when it is scheduled, else the next good moment.
    func scheduledOrPlannedSend(_ draft: Draft, interview: Interview, store: any RecordStore) throws -> Date {
        try Self.scheduled(try storeCall { try store.ledger(forDraft: draft.storedID) }) ?? plannedSend(interview)
    }

    /// The time a ledger's scheduled entry leaves, if one is scheduled.
    static func scheduled(_ ledger: [LedgerEntry]) -> Date? {
        ledger.first { $0.state == .scheduled }?.scheduledAt
    }

    /// A stored draft with its interview and the person it is for (signed, if the user's name was set after it was composed).
    public func draftContext(_ id: Int64) throws -> DraftContext {
        try draftContext(id, store: try openStore())
    }

    func draftContext(_ id: Int64, store: any RecordStore) throws -> DraftContext {
        let signed = try signIfUnsigned(try storeCall { try store.draft(id: id) }, sender: try loadConfig().sender, store: store)
        let detail = try storeCall { try store.interview(id: signed.interviewId) }
        let draft = try retimed(signed, interview: detail.interview, store: store)
        guard let person = detail.interviewers.first(where: { $0.id == draft.interviewerId }) else {
            throw UserError("draft #\(id) is for someone no longer on the interview's panel; compose it again")
        }
        return DraftContext(draft: draft, detail: detail, person: person)
    }

    /// When the interview was and when this thank-you e-mail is to leave (its scheduled time, else now), for
    /// checking its day words (AW-WHEN); nil for a note card or a reconnect note.
    public func occasion(for context: DraftContext) throws -> Occasion? {
        guard context.draft.channel == .email, !context.draft.isReconnect else { return nil }
        let interview = context.detail.interview
        let sendAt = try scheduledOrPlannedSend(context.draft, interview: interview, store: try openStore())
        return Occasion(interviewAt: interview.startsAt, zone: interview.zone, sendAt: max(sendAt, interview.startsAt))
    }

    /// Stores the user's edit of a draft (headers, blank line, body) and checks it again.
    public func saveDraftText(_ text: String, of context: DraftContext) throws -> ReviewedDraft {
        let store = try openStore()
        let draft = context.draft
        // What is checked is what is stored and sent: SQLite would cut the text at a NUL.
        if let (scalar, line) = ControlCharacters.first(in: text) {
            throw UserError(
                "the edited draft has a control character (\(ControlCharacters.name(scalar))) on line \(line); remove it and save again (the draft was left unchanged)")
        }
        let document = Document.parse(text, path: "draft #\(draft.storedID)", defaultChannel: draft.channel)
        guard !document.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw UserError("the edited draft has no body; it was left unchanged")
        }
        if let subject = document.subject, subject.count > Self.lineLimit {
            throw UserError("the subject is \(subject.count) characters long; at most \(Self.lineLimit) fit (a good one is under 78); the draft was left unchanged")
        }
        let updated = try storeCall {
            try store.updateDraft(id: draft.storedID, subject: draft.channel == .email ? (document.subject ?? draft.subject) : nil, body: document.body, byHand: true, at: now)
        }
        let findings = Self.findings(
            updated, interview: context.detail.interview, interviewer: context.person.name, panel: try panelDrafts(context.detail, store: store),
            sendAt: try scheduledOrPlannedSend(updated, interview: context.detail.interview, store: store))
        return ReviewedDraft(draft: updated, interviewerName: context.person.name, findings: findings, reused: false)
    }
}

extension Workspace {
    /// Sets what one panel member's thank-you says the conversation was about, checked as a topic is;
    /// their draft, when Afterword wrote it and it has not left, is written again with it.
    /// - Returns: the person, and their draft written again (nil when there was none to rewrite).
    public func setTopic(_ topic: String, interviewerId: Int64, interviewId: Int64, label: FieldLabel) throws -> (Interviewer, ReviewedDraft?) {
        let store = try openStore()
        let detail = try storeCall { try store.interview(id: interviewId) }
        guard detail.interviewers.contains(where: { $0.id == interviewerId }) else {
            throw UserError("interviewer #\(interviewerId) is not on the panel of interview #\(interviewId)", remedy: .showInterview(interviewId))
        }
        let person = try updateInterviewer(id: interviewerId, with: InterviewerForm(topic: topic), label: label)
        guard let draft = try storeCall({ try store.latestDraft(interviewId: interviewId, interviewerId: interviewerId) }), !draft.isEditedByHand,
            try store.ledger(forDraft: draft.storedID).isEmpty
        else { return (person, nil) }
        return (person, try composeDrafts(interviewId: interviewId, onlyInterviewer: interviewerId, recompose: true).first)
    }

    /// Writes a thank-you draft afresh from its person's topic and the interview (the old version stays in the history).
    /// - Parameter replacingEdits: the user agreed that a draft they edited by hand is replaced.
    public func recompose(draftId: Int64, replacingEdits: Bool) throws -> ReviewedDraft {
        let store = try openStore()
        let context = try draftContext(draftId, store: store)
        let draft = context.draft
        guard !draft.isReconnect else {
            throw UserError("draft #\(draftId) is a reconnect note; write it again from the opening", remedy: .listOpenings)
        }
        if let live = try storeCall({ try store.messages(interviewId: draft.interviewId, interviewerId: draft.interviewerId) })
            .first(where: { [.sent, .sending, .scheduled, .uncertain].contains($0.state) })
        {
            throw UserError(
                "the thank-you to \(context.person.name) is already \(live.state.rawValue); one thank-you per interviewer, so it is not written again",
                remedy: .showInterview(draft.interviewId))
        }
        if draft.isEditedByHand, !replacingEdits {
            throw UserError(
                "draft #\(draftId) was edited by hand; composing it again replaces your edits (they stay in the draft history); confirm that you want that")
        }
        guard let fresh = try composeDrafts(interviewId: draft.interviewId, onlyInterviewer: draft.interviewerId, recompose: true).first else {
            throw UserError("draft #\(draftId) could not be written again; try again")
        }
        return fresh
    }
}
