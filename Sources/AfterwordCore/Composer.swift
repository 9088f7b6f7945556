import Foundation

/// Who the thank-you is from, as configured by the user.
public struct Sender: Sendable, Equatable {
    public var name: String?
    public var email: String?
    /// Lines under the name (a phone number is fine here; it is not an invitation to call).
    public var signature: String?

    public init(name: String? = nil, email: String? = nil, signature: String? = nil) {
        self.name = name
        self.email = email
        self.signature = signature
    }
}

/// A draft fresh from the composer, with what the checker says about it.
public struct ComposedDraft: Sendable {
    public var draft: Draft
    public var findings: [Finding]
}

/// Writes one thank-you per interviewer from the templates, the interview record and the user's notes.
///
/// Each panel member gets different wording and, where the notes allow, a different specific line,
/// so that a panel's notes are never near-duplicates (AW-DISTINCT); a notes sentence naming another
/// panel member never goes into someone else's note (AW-NAMES).
public struct Composer: Sendable {
    public var templates: Templates
    public var sender: Sender

    public init(templates: Templates, sender: Sender) {
        self.templates = templates
        self.sender = sender
    }

    /// Composes the draft for `interviewer`, who sits at `panel.firstIndex(of:)` on the interview's panel.
    /// - Parameters:
    ///   - panel: everyone who interviewed the user in this interview, in the order they were added.
    ///   - now: the time the draft is written.
    public func compose(
        _ interview: Interview, for interviewer: Interviewer, panel: [Interviewer], now: Date
    ) throws(TemplateError) -> ComposedDraft {
        let position = panel.firstIndex { $0.id == interviewer.id } ?? 0
        let channel = interviewer.channel
        let topic = Self.topic(from: interview.notes, for: interviewer, panel: panel, position: position)
        var attempt = try render(interview, interviewer, channel: channel, position: position, topic: topic, now: now)
        if topic != nil, attempt.findings.contains(where: { $0.severity != .hint }) {
            // The notes carried something the rules object to; a plain draft is better than a flagged one.
            attempt = try render(interview, interviewer, channel: channel, position: position, topic: nil, now: now)
        }
        return attempt
    }

    private func render(
        _ interview: Interview, _ interviewer: Interviewer, channel: Channel, position: Int, topic: Topic?, now: Date
    ) throws(TemplateError) -> ComposedDraft {
        let values = ["role": interview.role, "company": interview.company]
        var context: [String: Any] = [
            "recipientName": interviewer.name,
            "firstName": interviewer.name.split(separator: " ").first.map(String.init) ?? interviewer.name,
            "recipientTitle": interviewer.title ?? "",
            "role": interview.role,
            "company": interview.company,
            "thanks": Phrasebook.pick(channel == .email ? Phrasebook.emailThanks : Phrasebook.noteThanks, position, values),
            "enjoyed": Phrasebook.pick(Phrasebook.enjoyed, position, values),
            "lookForward": Phrasebook.pick(Phrasebook.lookForward, position, values),
            "closing": Phrasebook.pick(Phrasebook.closing, position, values),
            "notes": interview.notes,
        ]
        if let topic {
            let lines = topic.isPhrase ? Phrasebook.topicLines : Phrasebook.noteLines
            context["specific"] = Phrasebook.pick(lines, position, ["topic": topic.text])
        }
        if let name = sender.name, !name.isEmpty { context["senderName"] = name }
        if let signature = sender.signature, !signature.isEmpty { context["signature"] = signature }
        let rendered = try templates.render(channel, context)
        var document = Document.parse(rendered, path: "draft", defaultChannel: channel)
            .addressed(to: interviewer.name, company: interview.company, role: interview.role)
        document.body = Self.tidy(document.body)
        if channel == .email, document.subject == nil { document.subject = "" }
        let recipient =
            channel == .email && interviewer.email != nil
            ? "\(interviewer.name) <\(interviewer.email ?? "")>" : interviewer.name
        let draft = Draft(
            interviewId: interview.id ?? 0, interviewerId: interviewer.id ?? 0, channel: channel, recipient: recipient,
            subject: channel == .email ? document.subject : nil, body: document.body, createdAt: now, updatedAt: now)
        return ComposedDraft(draft: draft, findings: Checker().check(document))
    }

    /// Trims trailing spaces on every line and collapses runs of blank lines.
    static func tidy(_ body: String) -> String {
        var lines: [String] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            var text = String(line)
            while text.last == " " || text.last == "\t" { text.removeLast() }
            if text.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(text)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What to mention from the notes: a noun phrase ("the migration to Postgres") or a sentence.
    struct Topic: Equatable {
        var text: String
        var isPhrase: Bool
    }

    static let phrasePrefixes = [
        "we discussed", "we talked about", "we talked through", "we covered", "we spoke about", "we went over",
        "we chatted about", "we looked at", "discussed", "talked about", "talked through", "covered", "spoke about",
        "went over", "chatted about", "about", "topic:", "topics:", "re:", "discussion of", "discussion about",
    ]
    static let maxTopicWords = 22

    /// Picks the sentence of `notes` for the `position`-th panel member, avoiding other members' names.
    static func topic(from notes: String, for interviewer: Interviewer, panel: [Interviewer], position: Int) -> Topic? {
        let others = Set(
            panel.filter { $0.id != interviewer.id }.flatMap { NameWords.words(of: $0.name) }.filter { $0.count >= 2 })
        let own = Set(NameWords.words(of: interviewer.name))
        let sentences = notes.split(whereSeparator: { ".!?;\n".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { $0.split(separator: " ").count >= 2 }
        func names(_ sentence: String, _ set: Set<String>) -> Bool {
            NameWords.words(of: sentence).contains { set.contains($0) }
        }
        let usable = sentences.filter { !names($0, others) && !isBoilerplate($0) }
        let preferred = usable.filter { !names($0, own) }
        let pool = preferred.isEmpty ? usable : preferred
        guard !pool.isEmpty else { return nil }
        var text = pool[position % pool.count].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var isPhrase = false
        for prefix in phrasePrefixes where text.lowercased().hasPrefix(prefix + " ") {
            text = String(text.dropFirst(prefix.count + 1))
            isPhrase = true
            break
        }
        text = shorten(text)
        while let last = text.last, ",:-—".contains(last) { text.removeLast() }
        guard !text.isEmpty else { return nil }
        if isPhrase, let first = text.first, first.isUppercase, text.split(separator: " ").first.map({ $0.dropFirst().allSatisfy(\.isLowercase) }) == true,
            ["The", "A", "An", "Our", "Your", "How", "What", "Why", "Their", "Its", "My"].contains(String(text.split(separator: " ")[0]))
        {
            text = first.lowercased() + text.dropFirst()
        }
        return Topic(text: text, isPhrase: isPhrase)
    }

    /// Invite boilerplate that lands in notes from a calendar description: links, dial-ins, passcodes.
    static func isBoilerplate(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        let markers = [
            "://", "www.", "@", "meeting id", "passcode", "password", "dial", "join ", "one tap", "zoom", "teams",
            "google meet", "conference", "invitation", "calendar", "___", "---", "tel:",
        ]
        if markers.contains(where: lower.contains) { return true }
        var run = 0
        for character in sentence {
            run = character.isNumber ? run + 1 : (character == " " || character == "-" ? run : 0)
            if run >= 6 { return true }
        }
        return false
    }

    /// Cuts a long note at a clause boundary so that the draft stays brief (AW-BRIEF).
    static func shorten(_ text: String) -> String {
        let words = text.split(separator: " ")
        guard words.count > maxTopicWords else { return text }
        let head = words.prefix(maxTopicWords)
        if let comma = head.lastIndex(where: { $0.hasSuffix(",") }), comma >= 5 {
            return head[...comma].joined(separator: " ")
        }
        return head.joined(separator: " ")
    }
}
