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

/// Writes one thank-you per interviewer from the templates, the interview record and each person's topic.
///
/// Every sentence is a frame written for the value that fills it: the topic the user confirmed for
/// this person (a noun phrase, ``Topic``), their fit (``Fit``), a role title that reads as one, and
/// the interview's day as seen when the letter leaves (``Occasion``). The user's free notes never
/// reach a draft; they only suggest topics (``TopicSuggester``). Without a topic the draft is short,
/// correct and general. Every member gets their own wordings and shape of message, so that a panel's
/// notes are never near-duplicates (AW-DISTINCT).
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
    ///   - sendAt: when the e-mail is expected to leave (the day words are true then); `now` when nil.
    /// - Precondition: the interview and the interviewer were saved (the draft names them by their ids).
    public func compose(
        _ interview: Interview, for interviewer: Interviewer, panel: [Interviewer], now: Date, sendAt: Date? = nil
    ) throws(TemplateError) -> ComposedDraft {
        let panel = panel.isEmpty ? [interviewer] : panel
        let position = panel.firstIndex { $0.id == interviewer.id } ?? 0
        let others = panel.filter { $0.id != interviewer.id }.map(\.name)
        let topic = interviewer.topic.flatMap { try? Topic.read($0, others: others) }
        let fit = interview.fit.flatMap { try? Fit.read($0) }
        let occasion = Occasion(interviewAt: interview.startsAt, zone: interview.zone, sendAt: max(sendAt ?? now, interview.startsAt))
        // A panel is greeted with one formality: by honorific only when every member's is known; a professional
        // title (Dr., Prof., Rev., Judge) is always used, as a letter to a doctor or a priest would.
        let everyoneFormal = panel.allSatisfy { $0.salutation(.formal) != $0.salutation(.firstName) }
        let style: GreetingStyle =
            greeting == .formal && (everyoneFormal || interviewer.hasProfessionalTitle) ? .formal : .firstName
        // What the rules object to is left out, the fit first: a plainer draft is better than a flagged one.
        var attempts: [(Topic?, Fit?)] = [(topic, fit)]
        if fit != nil { attempts.append((topic, nil)) }
        if topic != nil { attempts.append((nil, nil)) }
        for (withTopic, withFit) in attempts.dropLast() {
            let attempt = try render(
                interview, interviewer, position: position, topic: withTopic, fit: withFit, style: style, occasion: occasion, now: now)
            if !attempt.findings.contains(where: { $0.severity != .hint }) { return attempt }
        }
        let (lastTopic, lastFit) = attempts[attempts.count - 1]
        return try render(interview, interviewer, position: position, topic: lastTopic, fit: lastFit, style: style, occasion: occasion, now: now)
    }

    private func render(
        _ interview: Interview, _ interviewer: Interviewer, position: Int, topic: Topic?, fit: Fit?, style: GreetingStyle,
        occasion: Occasion, now: Date
    ) throws(TemplateError) -> ComposedDraft {
        let channel = interviewer.channel
        let title = Phrasebook.roleTitle(interview.role)
        var values = ["company": Self.companyInSentence(interview.company)]
        if let title { values["role"] = title }
        if channel == .email { values["when"] = occasion.phrase }
        values["met"] = interview.format == .phone ? "speaking with me" : "meeting with me"
        values["sitDown"] = interview.format == .onSite ? "sit down with me" : "speak with me"
        if let topic { values["topic"] = topic.text }
        if let fit { values["fit"] = fit.phrase }
        let pieces = Self.pieces(values, channel: channel, position: position)
        var context: [String: Any] = [
            "recipientName": interviewer.name,
            "salutation": interviewer.salutation(style),
            "firstName": interviewer.name.split(separator: " ").first.map(String.init) ?? interviewer.name,
            "recipientTitle": interviewer.title ?? "",
            "role": interview.role,
            "company": interview.company,
            "subject": Self.subject(title: title, company: values["company"] ?? interview.company),
            "message": pieces.message,
            "closing": Phrasebook.closing[Phrasebook.index(position, count: Phrasebook.closing.count, slot: 3)],
        ]
        for (part, text) in pieces.sentences { context[part] = text }
        if let name = sender.name, !name.isEmpty { context["senderName"] = name }
        if let signature = sender.signature, !signature.isEmpty { context["signature"] = signature }
        let rendered = try templates.render(channel, context)
        var document = Document.parse(rendered, path: "draft", defaultChannel: channel)
            .addressed(to: interviewer.name, company: interview.company, role: interview.role)
        document.body = Self.tidy(document.body)
        if channel == .email {
            if document.subject == nil { document.subject = "" }
            document.occasion = occasion
        }
        let recipient =
            channel == .email && interviewer.email != nil
            ? "\(interviewer.name) <\(interviewer.email ?? "")>" : interviewer.name
        let draft = Draft(
            interviewId: interview.storedID, interviewerId: interviewer.storedID, channel: channel, recipient: recipient,
            subject: channel == .email ? document.subject : nil, body: document.body, createdAt: now, updatedAt: now)
        return ComposedDraft(draft: draft, findings: Checker().check(document))
    }

    /// The body's sentences for the member at `position`, in the shape chosen for them: the whole
    /// message (paragraphs separated by a blank line) and each sentence by its template name
    /// (`thanks`, `specific`, `fit`, `enjoyed`, `lookForward`).
    static func pieces(_ values: [String: String], channel: Channel, position: Int) -> (message: String, sentences: [String: String]) {
        let shapes = channel == .email ? Phrasebook.emailShapes : Phrasebook.noteShapes
        let shape = shapes[Phrasebook.index(position, count: shapes.count, slot: 1)]
        var sentences: [String: String] = [:]
        var paragraphs: [String] = []
        var companyJustNamed = false
        for parts in shape {
            var paragraph: [String] = []
            for part in parts {
                let chosen: (list: [Phrasebook.Line], slot: Int, name: String)?
                switch part {
                case .thanks: chosen = (channel == .email ? Phrasebook.emailThanks : Phrasebook.noteThanks, 0, "thanks")
                case .enjoyed: chosen = (Phrasebook.enjoyed, 2, "enjoyed")
                case .lookForward: chosen = channel == .email ? (Phrasebook.lookForward, 4, "lookForward") : nil
                case .topic: chosen = values["topic"] == nil ? nil : (Phrasebook.topicLines, 5, "specific")
                case .fit: chosen = values["fit"] == nil ? nil : (Phrasebook.fitLines, 6, "fit")
                }
                guard let (list, slot, name) = chosen else { continue }
                let line = list[Phrasebook.index(position, count: list.count, slot: slot)]
                let text = Phrasebook.fill(line, companyJustNamed: companyJustNamed, values)
                companyJustNamed = text.contains(values["company"] ?? "\u{0}")
                sentences[name] = text
                paragraph.append(text)
            }
            if !paragraph.isEmpty { paragraphs.append(paragraph.joined(separator: " ")) }
        }
        return (paragraphs.joined(separator: "\n\n"), sentences)
    }

    /// A subject that says what the letter is and fits AW-SUBJECT's length: the role, else the company.
    static func subject(title: String?, company: String) -> String {
        let candidates = [title.map { "Thank you — \($0) interview" }, "Thank you — interview at \(company)"].compactMap { $0 }
        return candidates.first { $0.count <= EtiquetteLimits.subjectMaxCharacters } ?? "Thank you for the interview"
    }

    /// The company as a sentence names it: "Lincoln Middle School (Springfield Public Schools)" is
    /// "Lincoln Middle School"; brackets belong in an address, not in a sentence.
    /// An institution named by what it is takes "the": "the Social Security Administration", "the City of Eastfield".
    static func companyInSentence(_ company: String) -> String {
        var name = company
        if let open = company.firstIndex(of: "(") {
            let head = company[..<open].trimmingCharacters(in: .whitespaces)
            if head.count >= 2 { name = head }
        }
        let words = name.split(separator: " ")
        let institution =
            words.count >= 2 && words.first?.first?.isUppercase == true
            && (["University", "Department", "Office", "Bureau", "Ministry", "Institute", "Museum", "City", "County", "State", "Town", "Province", "Commonwealth"]
                .contains(words[0]) && words[1] == "of"
                || ["Administration", "Agency", "Department", "Commission", "Authority", "Bureau", "Council", "Service", "Ministry"]
                    .contains(String(words[words.count - 1])))
        return institution && words[0] != "The" ? "the " + name : name
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
}
