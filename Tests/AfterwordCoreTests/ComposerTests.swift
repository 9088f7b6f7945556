import Foundation
import Testing

@testable import AfterwordCore

/// What the composer writes: every sentence a frame filled with a value of the shape it was written for.
@Suite struct ComposerTests {
    static let names = [
        "Dana Whitfield", "Priya Natarajan", "Zoë Ångström", "Łukasz Żółkiewski", "王秀英", "Siobhán O'Neil", "Jean-Luc Moreau",
        "Oluwaseun Adeyemi", "Rafael Souza", "Mei Lin",
    ]
    /// Names that look like ordinary words: the composer's own drafts must not trip over them.
    static let wordlikeNames = [
        "Thanh Nguyen", "Hank Thompson", "Will Carter", "Grace Best", "Mark Hope", "Guy Summers", "Dana 🌟 Whitfield",
        "\u{200F}Dana Whitfield", "Dana\u{200D}Whitfield", "דנה כהן",
    ]
    /// Wednesday 2026-11-18 09:06:40 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// Notes as people type them, each carrying the marker "zq": no word of them may reach a draft.
    static let messyNotes = """
        - Toured the lab w/ zqPriya, saw the new spectrometer
        - zqLena (CTO) pushed back on my caching answer
        - their pipeline, airflow -> dagster zqmove
        * Panel of four, very friendly zqvibe
        • comp band 120-140 zqcomp, start date Jan 6
        he explained the zqrelease checklist
        ask about visa?? zqvisa
        Join Zoom Meeting https://zoom.us/j/123 zqzoom
        """

    /// Topics of many shapes, all of which a user may confirm.
    static let topics = [
        "the move from Airflow to Dagster", "your new spectrometer", "Kubernetes", "the 2027 roadmap",
        "building the new distribution centre", "embedded systems", "pricing, packaging and billing", "my caching answer",
        "the readmission dashboard", "your team's approach to on-call", "how you review design docs", "ESG reporting",
        "the ICU's staffing model", "the São Paulo launch", "accessibility audits in the design system",
    ]

    func interview(format: InterviewFormat = .video, fit: String? = nil, notes: String = messyNotes, role: String = "Backend Engineer") -> Interview {
        Interview(
            id: 1, company: "Acme Analytics", role: role, startsAt: Self.now.addingTimeInterval(-3 * 3600),
            timeZone: "America/New_York", format: format, notes: notes, fit: fit, createdAt: Self.now)
    }

    func panel(_ size: Int, channel: Channel, topic: (Int) -> String?, honorifics: Bool = false) -> [Interviewer] {
        (0..<size).map { index in
            Interviewer(
                id: Int64(index + 1), name: Self.names[index], honorific: honorifics ? "Dr." : nil, title: "Engineer (CTO)",
                email: channel == .email ? "person\(index)@acme.com" : nil,
                address: channel == .note ? "1 Main St\nSpringfield" : nil, notes: "zqown - he said zqthing -> w/ team",
                topic: topic(index), createdAt: Self.now)
        }
    }

    /// The body's sentences between the greeting and the sign-off.
    static func letterSentences(_ body: String) -> [String] {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let closing = lines.lastIndex(where: { $0.hasSuffix(",") && !$0.hasPrefix("Dear ") }) else { return [] }
        let text = lines[1..<closing].filter { !$0.isEmpty }.joined(separator: " ")
        var sentences: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if ".!?".contains(character) {
                sentences.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { sentences.append(current) }
        return sentences
    }

    /// What no composed letter may contain, whatever filled its slots.
    static func embarrassments(_ body: String, others: [String], format: InterviewFormat) -> [String] {
        var found: [String] = []
        if body.lowercased().contains("zq") { found.append("a word of the notes") }
        for marker in ["(", ")", "->", "w/", "{", "}", "  ", " ,", " ."] where body.contains(marker) { found.append("\"\(marker)\"") }
        for name in others {
            for part in name.split(separator: " ") where part.count > 2 && body.split(whereSeparator: { !$0.isLetter && $0 != "'" }).contains(part) {
                found.append("another panelist's name \(part)")
            }
        }
        for sentence in body.split(whereSeparator: { ".!?\n".contains($0) }) {
            let words = sentence.lowercased().split(whereSeparator: { !$0.isLetter })
            for (first, second) in zip(words, words.dropFirst()) where first == second { found.append("doubled \"\(first)\"") }
        }
        if format != .onSite, body.contains("sit down") { found.append("\"sit down\" after a \(format.rawValue) interview") }
        for sentence in letterSentences(body) {
            if let first = sentence.first, !first.isUppercase { found.append("a sentence opening in lower case: \(sentence)") }
            if let last = sentence.last, !".!?".contains(last) { found.append("a sentence without its full stop: \(sentence)") }
        }
        return found
    }

    @Test(
        "every frame × topic shape × greeting × channel × format × panel size up to 10: no error, no note word, no other name, every sentence whole",
        arguments: [Channel.email, .note], [InterviewFormat.onSite, .video, .phone])
    func grid(channel: Channel, format: InterviewFormat) throws {
        let composer = Composer(templates: try Templates(), sender: Sender(name: "Alex Doe"))
        for greeting in GreetingStyle.allCases {
            for size in [1, 3, 10] {
                for (offset, (fit, role)) in [
                    (nil, "Backend Engineer"), ("running Kafka at scale", "Director of Development"),
                    ("my five years in hospital data", "Customer Support Lead, Nights"), (nil, "RN"),
                ].enumerated() {
                    // Each member a different topic shape; every shape reaches every position across offsets.
                    let people = panel(size, channel: channel, topic: { index in
                        (index + offset) % 8 == 7 ? nil : Self.topics[(index * 3 + offset * 5) % Self.topics.count]
                    }, honorifics: offset == 1)
                    let composer = Composer(templates: composer.templates, sender: composer.sender, greeting: greeting)
                    let drafts = try people.map {
                        try composer.compose(interview(format: format, fit: fit, role: role), for: $0, panel: people, now: Self.now)
                    }
                    for (person, draft) in zip(people, drafts) {
                        let body = draft.draft.body
                        #expect(draft.findings.allSatisfy { $0.severity == .hint }, "\(body)\n\(draft.findings)")
                        let others = people.filter { $0.id != person.id }.map(\.name)
                        #expect(Self.embarrassments(body, others: others, format: format).isEmpty, "\(body)\n\(Self.embarrassments(body, others: others, format: format))")
                        if let topic = person.topic { #expect(body.contains(topic), "\(body)") }
                    }
                    let documents = zip(people, drafts).map { person, draft in
                        Document.parse(draft.draft.text, path: person.name, defaultChannel: channel)
                            .addressed(to: person.name, company: "Acme Analytics", role: role)
                    }
                    let together = Checker().check(documents).joined()
                    #expect(together.allSatisfy { $0.severity == .hint }, "\(together)")
                }
            }
        }
    }

    @Test("with a topic the draft says it; without one it is short, general and says nothing from the notes")
    func topicOrNothing() throws {
        let composer = Composer(templates: try Templates(), sender: Sender(name: "Alex Doe"))
        let people = panel(2, channel: .email, topic: { $0 == 0 ? "the move from Airflow to Dagster" : nil })
        let drafts = try people.map { try composer.compose(interview(), for: $0, panel: people, now: Self.now) }
        #expect(drafts[0].draft.body.contains("the move from Airflow to Dagster"))
        #expect(!drafts[0].findings.contains { $0.rule == .specific })
        #expect(drafts[1].findings.contains { $0.rule == .specific && $0.severity == .hint })
        #expect(drafts[1].draft.body.split(whereSeparator: \.isWhitespace).count < 90)
        #expect(drafts[0].draft.subject == "Thank you — Backend Engineer interview")
    }

    @Test("a topic that names another panelist, or that no longer passes the shape check, is left out rather than written")
    func unsafeStoredTopic() throws {
        let composer = Composer(templates: try Templates(), sender: Sender(name: "Alex Doe"))
        var people = panel(2, channel: .email, topic: { _ in nil })
        people[0].topic = "Priya's caching question"
        people[1].topic = "Toured the lab, saw the spectrometer"
        for person in people {
            let body = try composer.compose(interview(), for: person, panel: people, now: Self.now).draft.body
            #expect(!body.contains("caching") && !body.contains("Toured"), "\(body)")
        }
    }

    @Test("drafts to people whose names look like words (Thanh, Hank, Will) or carry emoji and direction marks pass their own check", arguments: [Channel.email, .note])
    func wordlikeNames(channel: Channel) throws {
        let composer = Composer(templates: try Templates(), sender: Sender(name: "Alex Doe"))
        for (index, name) in Self.wordlikeNames.enumerated() {
            let person = Interviewer(
                id: Int64(index + 1), name: name, title: "Engineer", email: channel == .email ? "p\(index)@acme.com" : nil,
                address: channel == .note ? "1 Main St\nSpringfield" : nil, topic: "the migration to Postgres", createdAt: Self.now)
            let draft = try composer.compose(interview(), for: person, panel: [person], now: Self.now)
            #expect(!draft.findings.contains { $0.severity == .error }, "\(draft.draft.text)\n\(draft.findings)")
        }
    }

    @Test("a panel is greeted with one formality: courtesy titles only when every member's is known, a doctor always as Dr.; never the full name")
    func panelGreetings() throws {
        let composer = Composer(templates: try Templates(), sender: Sender(name: "Alex Doe"))
        var people = panel(3, channel: .email, topic: { _ in nil })
        people[0].honorific = "Ms."
        let mixed = try people.map { try composer.compose(interview(), for: $0, panel: people, now: Self.now).draft.body }
        #expect(mixed.map { String($0.prefix { $0 != "\n" }) } == ["Dear Dana,", "Dear Priya,", "Dear Zoë,"])
        people[2].honorific = "Dr."
        let doctor = try people.map { try composer.compose(interview(), for: $0, panel: people, now: Self.now).draft.body }
        #expect(doctor.map { String($0.prefix { $0 != "\n" }) } == ["Dear Dana,", "Dear Priya,", "Dear Dr. Ångström,"])
        for index in people.indices { people[index].honorific = index == 2 ? "Dr." : "Ms." }
        let formal = try people.map { try composer.compose(interview(), for: $0, panel: people, now: Self.now).draft.body }
        #expect(formal.map { String($0.prefix { $0 != "\n" }) } == ["Dear Ms. Whitfield,", "Dear Ms. Natarajan,", "Dear Dr. Ångström,"])
    }

    @Test("a role is named by its title (what comes before a comma, a bracket or a dash); one that reads as none is \"the position\"")
    func awkwardRole() throws {
        var interview = interview()
        interview.role = "Senior Engineer, Payments (Remote) - Final round"
        let people = panel(1, channel: .email, topic: { _ in "the ledger service" })
        let composer = Composer(templates: try Templates(), sender: Sender(name: "Alex Doe"))
        let draft = try composer.compose(interview, for: people[0], panel: people, now: Self.now)
        #expect(draft.draft.body.contains("the Senior Engineer role") && !draft.draft.body.contains("Payments"), "\(draft.draft.body)")
        #expect(draft.draft.subject == "Thank you — Senior Engineer interview")
        interview.role = "Technical Deep Dive"
        interview.company = "Hartwell Electric Co."
        let none = try composer.compose(interview, for: people[0], panel: people, now: Self.now)
        #expect(!none.draft.body.contains("Deep Dive") && !none.draft.body.contains(".."), "\(none.draft.body)")
        #expect(none.draft.subject == "Thank you — interview at Hartwell Electric Co.")
        #expect(none.findings.allSatisfy { $0.severity == .hint }, "\(none.findings)")
    }

    @Test("the day words are true when the letter leaves: today, yesterday, on Friday, a date; a card names no day")
    func dayWords() throws {
        let composer = Composer(templates: try Templates(), sender: Sender(name: "Alex Doe"))
        let friday = ISO8601DateFormatter().date(from: "2026-12-04T19:00:00Z")!  // Friday 14:00 in New York
        let interview = Interview(
            id: 1, company: "Acme", role: "Analyst", startsAt: friday, timeZone: "America/New_York", format: .video, createdAt: friday)
        let person = Interviewer(id: 1, name: "Dana Whitfield", email: "d@acme.com", createdAt: friday)
        let cases: [(String, String)] = [
            ("2026-12-04T22:00:00Z", "today"), ("2026-12-05T15:00:00Z", "yesterday"), ("2026-12-07T14:00:00Z", "on Friday"),
            ("2026-12-15T14:00:00Z", "on 4 December"),
        ]
        for (leaves, words) in cases {
            let sendAt = ISO8601DateFormatter().date(from: leaves)!
            let draft = try composer.compose(interview, for: person, panel: [person], now: friday, sendAt: sendAt)
            #expect(draft.draft.body.contains("for meeting with me \(words) about"), "\(draft.draft.body)")
            #expect(!draft.findings.contains { $0.rule == .when })
        }
        let card = Interviewer(id: 2, name: "Ray Hughes", address: "1 Main St\nSpringfield", createdAt: friday)
        let note = try composer.compose(interview, for: card, panel: [card], now: friday).draft.body
        #expect(!note.contains("today") && !note.contains("Friday"), "\(note)")
    }

    @Test("a user's template replaces the built-in one, and a broken one is a clear error")
    func userTemplates() throws {
        let templates = try Templates(overrides: ["note": "{{% CONTENT_TYPE:TEXT}}\nDear {{recipientName}},\n\nThank you for taking the time to sit down with me; I enjoyed learning about {{company}}.\n\n{{senderName}}\n"])
        let people = panel(1, channel: .note, topic: { _ in nil })
        let draft = try Composer(templates: templates, sender: Sender(name: "Alex Doe")).compose(interview(), for: people[0], panel: people, now: Self.now)
        #expect(draft.draft.body.contains("sit down with me; I enjoyed learning about Acme Analytics."))
        #expect(throws: TemplateError.self) { try Templates(overrides: ["email": "{{#unclosed}}"]) }
    }
}

@Suite struct TopicTests {
    @Test(
        "a phrase that finishes \"our conversation about …\" is a topic, the leading article lower-cased",
        arguments: [
            ("The move from Airflow to Dagster", "the move from Airflow to Dagster"), ("your new spectrometer", "your new spectrometer"),
            ("embedded systems", "embedded systems"), ("distributed tracing", "distributed tracing"), ("Advanced analytics", "Advanced analytics"),
            ("building the new warehouse", "building the new warehouse"), ("pricing, packaging and billing", "pricing, packaging and billing"),
            ("the ICU's staffing model", "the ICU's staffing model"), ("R&D tax credits", "R&D tax credits"), ("Kubernetes", "Kubernetes"),
            ("how you review design docs", "how you review design docs"), ("my caching answer", "my caching answer"),
        ])
    func accepted(typed: String, text: String) throws {
        #expect(try Topic.read(typed)?.text == text)
    }

    @Test(
        "what a sentence frame cannot carry is refused with a reason and how to write it",
        arguments: [
            ("Toured the lab with you, saw the new spectrometer", "begins with what happened"),
            ("you (CTO) pushed back on my caching answer", "brackets"), ("he explained the release checklist", "sentence"),
            ("you are the hiring manager", "sentence"), ("airflow -> dagster move", "arrows"), ("Panel of four, very friendly", "comma"),
            ("the readmission dashboard.", "ends with"), ("sync w/ data team", "short form"), ("comp band 120-140", "pay"),
            ("start date in January", "start date"), ("today's architecture review", "says when"), ("her team's roadmap", "\"her\""),
            ("the team is moving to Kubernetes", "sentence"), ("Discussed their roadmap", "begins with what happened"),
            (String(repeating: "word ", count: 13), "words long"), ("what's next?", "sentence"),
        ])
    func refused(typed: String, reason: String) {
        do {
            _ = try Topic.read(typed)
            Issue.record("\(typed) was accepted")
        } catch {
            #expect(error.message.contains(reason), "\(error.message)")
            #expect(error.message.contains("our conversation about"), "\(error.message)")
        }
    }

    @Test("a topic naming another panelist is refused; blank is no topic")
    func othersAndBlank() throws {
        #expect(throws: TopicProblem.self) { try Topic.read("Priya's caching question", others: ["Priya Natarajan"]) }
        #expect(try Topic.read("the Lena migration", others: ["Priya Natarajan"]) != nil)
        #expect(try Topic.read("   ") == nil)
    }

    @Test("a fit finishes \"my experience with …\", or is the user's own phrase with \"my\"")
    func fit() throws {
        #expect(try Fit.read("running Kafka at scale")?.phrase == "my experience with running Kafka at scale")
        #expect(try Fit.read("My five years in hospital data")?.phrase == "my five years in hospital data")
        #expect(throws: TopicProblem.self) { try Fit.read("I ran Kafka for five years.") }
    }

    @Test("a name as typed or carried by a card: the honorific and degrees come out, generational suffixes stay")
    func names() {
        #expect(PersonName.split("Dr. Priya Raman").honorific == "Dr.")
        #expect(PersonName.split("Dr. Priya Raman").name == "Priya Raman")
        #expect(PersonName.split("Priya Raman, PhD").name == "Priya Raman")
        #expect(PersonName.split("Prof Ana Lima MD").honorific == "Prof.")
        #expect(PersonName.split("Prof Ana Lima MD").name == "Ana Lima")
        #expect(PersonName.split("James O'Neill Jr.").name == "James O'Neill Jr.")
        #expect(PersonName.split("Dr").name == "Dr")
    }
}

@Suite struct TopicSuggesterTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    let panel = [
        Interviewer(id: 1, name: "Samir Haddad", createdAt: now), Interviewer(id: 2, name: "Lena Park", createdAt: now),
    ]

    @Test("a noun phrase is lifted whole and attributed only to the person the note names")
    func attributed() {
        let notes = "- Samir showed me the readmission dashboard\n- we discussed the migration to Postgres\n- Lena (CTO) pushed back on my caching answer"
        let suggestions = TopicSuggester.suggestions(notes: notes, panel: panel)
        #expect(suggestions[1]?.first == TopicSuggestion(topic: Topic(text: "the readmission dashboard"), interviewerId: 1))
        #expect(suggestions[1]?.contains { $0.topic.text == "the migration to Postgres" && $0.interviewerId == nil } == true)
        #expect(suggestions[2]?.contains { $0.topic.text.contains("readmission") } == false)
        #expect(suggestions[2]?.contains { $0.topic.text.contains("caching") } == false)
    }

    @Test("notes typed fast: a lower-case name opening a line, a label and a list, a verb before the thing")
    func fastNotes() {
        let panel = [
            Interviewer(id: 1, name: "Devon Marsh", createdAt: Self.now), Interviewer(id: 2, name: "Tom Hadley", createdAt: Self.now),
            Interviewer(id: 3, name: "Shay Monroe", createdAt: Self.now),
        ]
        let notes = "- devon: sys design, design the rate limiter for their public api. kinda fumbled the consistency part\n- tom owns the dagster migration\n• shay asked about volunteer retention, i talked about the shift leader program\nlong day but felt good"
        let suggestions = TopicSuggester.suggestions(notes: notes, panel: panel)
        #expect(suggestions[1]?.map(\.topic.text) == ["the rate limiter for their public api"])
        #expect(suggestions[2]?.map(\.topic.text) == ["the dagster migration"])
        #expect(suggestions[3]?.map(\.topic.text) == ["volunteer retention"])
    }

    @Test("a person's own notes say who they are: only what they say was talked about becomes a topic; a plural needs no article")
    func ownNotesDescribeThePerson() {
        var people = panel
        people[0].notes = "ret. superior court judge\nold school\nparent rep\nasked about my writing sample"
        people[1].notes = "- restorative practices rollout went well"
        let suggestions = TopicSuggester.suggestions(notes: "- restorative practices", panel: people)
        #expect(suggestions[1]?.filter { $0.interviewerId == 1 }.map(\.topic.text) == ["my writing sample"], "\(suggestions)")
        #expect(suggestions[2]?.contains { $0.topic.text == "restorative practices" } == true, "\(suggestions)")
    }

    @Test("pay, verdicts, questions to oneself, logistics and invite boilerplate are never suggested")
    func neverSuggested() {
        let notes = "comp band 120-140\nstart date Jan 6\nwent well i think\nPanel of four, very friendly\nask about visa?\nparking in lot B"
        let details = "Microsoft Teams meeting\nJoin on your computer, mobile app or room device\nClick here to join the meeting\nMeeting ID: 245 123 456 789\nPasscode: aB3dE4\nDial in by phone +1 929-555-0101"
        let suggestions = TopicSuggester.suggestions(notes: notes, details: details, panel: panel)
        #expect(suggestions.values.allSatisfy { $0.isEmpty }, "\(suggestions)")
    }
}

@Suite struct DayWordTests {
    let friday = ISO8601DateFormatter().date(from: "2026-12-04T15:00:00Z")!  // 10:00 in New York
    let zone = TimeZone(identifier: "America/New_York")!

    func occasion(_ leaves: String) -> Occasion {
        Occasion(interviewAt: friday, zone: zone, sendAt: ISO8601DateFormatter().date(from: leaves)!)
    }

    func whenFindings(_ body: String, _ leaves: String) -> [Finding] {
        var document = Document.parse("Subject: Thank you\n\n" + body, path: "draft")
        document.occasion = occasion(leaves)
        return Checker().check(document).filter { $0.rule == .when }
    }

    @Test("\"today\" in a letter that leaves on Monday is an AW-WHEN error pointing at the word; on Friday it is fine")
    func today() {
        let body = "Dear Dana,\n\nThank you for your time today.\n\nBest regards,\nAlex\n"
        let monday = whenFindings(body, "2026-12-07T14:00:00Z")
        #expect(monday.count == 1)
        #expect(monday.first?.severity == .error)
        #expect(monday.first?.excerpt == "today")
        #expect(monday.first?.line == 5)
        #expect(monday.first?.message.contains("on Friday") == true)
        #expect(whenFindings(body, "2026-12-04T20:00:00Z").isEmpty)
    }

    @Test(
        "each day word is judged against the interview's day in its time zone",
        arguments: [
            ("this morning", "2026-12-04T20:00:00Z", true), ("this afternoon", "2026-12-04T20:00:00Z", false),
            ("yesterday", "2026-12-05T14:00:00Z", true), ("yesterday", "2026-12-07T14:00:00Z", false),
            ("on Friday", "2026-12-07T14:00:00Z", true), ("on Thursday", "2026-12-07T14:00:00Z", false),
            ("last Friday", "2026-12-09T14:00:00Z", true), ("on Friday", "2026-12-21T14:00:00Z", false),
            ("every Friday", "2026-12-21T14:00:00Z", true), ("Friday's conversation", "2026-12-07T14:00:00Z", true),
        ])
    func words(words: String, leaves: String, fine: Bool) {
        let findings = whenFindings("Dear Dana,\n\nI enjoyed our talk \(words).\n\nBest,\nAlex\n", leaves)
        #expect(findings.isEmpty == fine, "\(findings)")
    }

    @Test("Afterword's own wording is made true for the day it leaves; the rest of the letter is untouched")
    func retimed() {
        let body = "Thank you for meeting with me today about the role.\nToday was a pleasure."
        #expect(occasion("2026-12-07T14:00:00Z").retimed(body) == "Thank you for meeting with me on Friday about the role.\nOn Friday was a pleasure.")
        #expect(occasion("2026-12-04T20:00:00Z").retimed(body) == body)
    }

    @Test("the proposed send time is never after the due time: a Friday evening interview's thank-you leaves on Friday")
    func fridayEvening() {
        let start = ISO8601DateFormatter().date(from: "2026-12-04T21:30:00Z")!  // Friday 16:30 in New York
        let interview = Interview(company: "Acme", role: "Analyst", startsAt: start, timeZone: "America/New_York", createdAt: start)
        let plan = SendPlan(for: interview, now: start.addingTimeInterval(3600))
        #expect(plan.at <= ThankYouWindow(for: interview).deadline)
        #expect(!plan.isLate)
        let tuesday = Interview(company: "Acme", role: "Analyst", startsAt: friday.addingTimeInterval(4 * 86_400), timeZone: "America/New_York", createdAt: start)
        let business = SendPlan(for: tuesday, now: tuesday.startsAt.addingTimeInterval(3 * 3600))
        #expect(BusinessHours().contains(business.at, in: zone))
    }
}
