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
/// Each person's own detail goes to that person, told to them ("the on-call dashboard you showed
/// me"); a detail about nobody in particular goes to one panel member who has none of their own.
/// Every member gets their own wordings and shape of message, so that a panel's notes are never
/// near-duplicates (AW-DISTINCT), and a note never carries another member's name (AW-NAMES).
public struct Composer: Sendable {
    public var templates: Templates
    public var sender: Sender
    public var greeting: GreetingStyle

    public init(templates: Templates, sender: Sender, greeting: GreetingStyle = .formal) {
        self.templates = templates
        self.sender = sender
        self.greeting = greeting
    }

    /// Composes the draft for `interviewer`, who sits at `panel.firstIndex(of:)` on the interview's panel.
    /// - Parameters:
    ///   - panel: everyone who interviewed the user in this interview, in the order they were added.
    ///   - now: the time the draft is written.
    /// - Precondition: the interview and the interviewer were saved (the draft names them by their ids).
    public func compose(
        _ interview: Interview, for interviewer: Interviewer, panel: [Interviewer], now: Date
    ) throws(TemplateError) -> ComposedDraft {
        let position = panel.firstIndex { $0.id == interviewer.id } ?? 0
        let candidates =
            Self.mentions(interview.notes, panel: panel.isEmpty ? [interviewer] : panel)[interviewer.id ?? -1] ?? []
        let fit = interview.fit.flatMap(Self.fit)
        // The first of their details the rules accept, with the fit line if it passes too; when the notes
        // carry only what the rules object to, a plainer draft is better than a flagged one.
        for mention in candidates.map(Optional.some) + [nil] {
            for fitLine in fit == nil ? [nil] : [fit, nil] {
                let attempt = try render(
                    interview, interviewer, position: position, mention: mention, fit: fitLine, now: now)
                if !attempt.findings.contains(where: { $0.severity != .hint }) || (mention == nil && fitLine == nil) {
                    return attempt
                }
            }
        }
        return try render(interview, interviewer, position: position, mention: nil, fit: nil, now: now)
    }

    private func render(
        _ interview: Interview, _ interviewer: Interviewer, position: Int, mention: Mention?, fit: Mention?, now: Date
    ) throws(TemplateError) -> ComposedDraft {
        let channel = interviewer.channel
        let pieces = Self.pieces(interview, channel: channel, position: position, mention: mention, fit: fit)
        var context: [String: Any] = [
            "recipientName": interviewer.name,
            "salutation": interviewer.salutation(greeting),
            "firstName": interviewer.name.split(separator: " ").first.map(String.init) ?? interviewer.name,
            "recipientTitle": interviewer.title ?? "",
            "role": interview.role,
            "company": interview.company,
            "message": pieces.message,
            "closing": Phrasebook.closing[Phrasebook.index(position, count: Phrasebook.closing.count, slot: 3)],
            "notes": interview.notes,
        ]
        for (part, text) in pieces.sentences { context[part] = text }
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
            interviewId: interview.storedID, interviewerId: interviewer.storedID, channel: channel, recipient: recipient,
            subject: channel == .email ? document.subject : nil, body: document.body, createdAt: now, updatedAt: now)
        return ComposedDraft(draft: draft, findings: Checker().check(document))
    }

    /// The body's sentences for the member at `position`, in the shape chosen for them: the whole
    /// message (paragraphs separated by a blank line) and each sentence by its template name.
    static func pieces(_ interview: Interview, channel: Channel, position: Int, mention: Mention?, fit: Mention?)
        -> (message: String, sentences: [String: String])
    {
        let values = ["role": interview.role, "company": interview.company]
        let shapes = channel == .email ? Phrasebook.emailShapes : Phrasebook.noteShapes
        let shape = shapes[Phrasebook.index(position, count: shapes.count, slot: 1)]
        var sentences: [String: String] = [:]
        var paragraphs: [String] = []
        var companyJustNamed = false
        for parts in shape {
            var paragraph: [String] = []
            for part in parts {
                let chosen: (Phrasebook.Line, [String: String], String)?
                switch part {
                case .thanks:
                    let list = channel == .email ? Phrasebook.emailThanks : Phrasebook.noteThanks
                    chosen = (list[Phrasebook.index(position, count: list.count, slot: 0)], values, "thanks")
                case .enjoyed:
                    chosen = (
                        Phrasebook.enjoyed[Phrasebook.index(position, count: Phrasebook.enjoyed.count, slot: 2)],
                        values, "enjoyed"
                    )
                case .lookForward:
                    chosen =
                        channel == .email
                        ? (
                            Phrasebook.lookForward[
                                Phrasebook.index(position, count: Phrasebook.lookForward.count, slot: 4)], values,
                            "lookForward"
                        )
                        : nil
                case .specific:
                    chosen = mention.map { mention in
                        let list: [Phrasebook.Line] =
                            switch mention.form {
                            case .phrase: Phrasebook.phraseLines
                            case .clause: Phrasebook.clauseLines
                            case .statement: Phrasebook.statementLines
                            }
                        return (
                            list[Phrasebook.index(position, count: list.count, slot: 5)], ["topic": mention.text],
                            "specific"
                        )
                    }
                case .fit:
                    chosen = fit.map { fit in
                        let list =
                            fit.form == .clause
                            ? Phrasebook.fitClause : (mention == nil ? Phrasebook.fitAlone : Phrasebook.fitAfterTopic)
                        return (list[Phrasebook.index(position, count: list.count, slot: 6)], ["fit": fit.text], "fit")
                    }
                }
                guard let (line, lineValues, name) = chosen else { continue }
                let text = Phrasebook.fill(line, companyJustNamed: companyJustNamed, lineValues)
                companyJustNamed = text.contains(interview.company)
                sentences[name] = text
                paragraph.append(text)
            }
            if !paragraph.isEmpty { paragraphs.append(paragraph.joined(separator: " ")) }
        }
        return (paragraphs.joined(separator: "\n\n"), sentences)
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

    /// What each member's draft may mention from the notes, best first, by interviewer id.
    ///
    /// A note sentence naming a member, and the member's own notes, go to that member, told to them.
    /// The rest are shared: each goes to one member who has nothing of their own; when nobody has
    /// anything of their own, the shared ones are dealt round the panel.
    static func mentions(_ notes: String, panel: [Interviewer]) -> [Int64: [Mention]] {
        let items = Mention.items(of: notes)
        var own: [Int64: [Mention]] = [:]
        var shared: [Mention] = []
        for item in items {
            let named = panel.filter { Mention.names($0, in: item) }
            if named.isEmpty {
                if let mention = Mention.reading(item) { shared.append(mention) }
                continue
            }
            for person in named {
                if let mention = Mention.told(item, to: person, panel: panel) {
                    own[person.id ?? -1, default: []].append(mention)
                }
            }
        }
        for person in panel {
            // Their own notes come first: the user wrote them for this person.
            let personal = Mention.items(of: person.notes ?? "").compactMap { item in
                Mention.names(person, in: item) ? Mention.told(item, to: person, panel: panel) : Mention.reading(item)
            }.filter { mention in !panel.contains { $0.id != person.id && Mention.names($0, in: mention.text) } }
            own[person.id ?? -1] = personal + (own[person.id ?? -1] ?? [])
        }
        let anyoneHasOwn = panel.contains { !(own[$0.id ?? -1] ?? []).isEmpty }
        var result: [Int64: [Mention]] = [:]
        var next = 0
        for person in panel {
            let id = person.id ?? -1
            if let mine = own[id], !mine.isEmpty {
                result[id] = mine
            } else if next < shared.count {
                result[id] = [shared[next]]
                next += 1
            } else if !anyoneHasOwn, !shared.isEmpty {
                result[id] = [shared[next % shared.count]]
                next += 1
            }
        }
        return result
    }

    /// The user's fit as a phrase ("my five years running Kafka at scale") or their own sentence.
    static func fit(_ text: String) -> Mention? {
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        while let last = words.last, let character = last.last, ".,;:!".contains(character) {
            words[words.count - 1].removeLast()
            if words[words.count - 1].isEmpty { words.removeLast() }
        }
        guard !words.isEmpty, words.count <= Mention.maxWords else { return nil }
        if words[0] == "I" { return Mention(text: words.joined(separator: " "), form: .clause) }
        if ["My", "The", "A", "An", "Our", "Having", "Over", "Nearly", "Almost", "Years", "Experience", "Several"]
            .contains(words[0])
        {
            words[0] = words[0].lowercased()
        }
        return Mention(text: words.joined(separator: " "), form: .phrase)
    }
}
