import Foundation
import Testing

@testable import AfterwordCore

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
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    func interview(notes: String) -> Interview {
        Interview(
            id: 1, company: "Acme Analytics", role: "Backend Engineer", startsAt: Self.now, timeZone: "America/New_York",
            format: .video, notes: notes, createdAt: Self.now)
    }

    func panel(_ size: Int, channel: Channel) -> [Interviewer] {
        (0..<size).map { index in
            Interviewer(
                id: Int64(index + 1), name: Self.names[index], title: "Engineer",
                email: channel == .email ? "person\(index)@acme.com" : nil,
                address: channel == .note ? "1 Main St\nSpringfield" : nil, createdAt: Self.now)
        }
    }

    static let notesVariants = [
        "",
        "We discussed the migration to Postgres.",
        "we talked about their on-call rotation; the new billing service; how they review design docs",
        "Dana showed me the deployment dashboard. Priya asked about my Kafka work. We covered the 2027 roadmap.",
        "The interview was great!! I'll call you. Please confirm you received my CV",
        "Join Zoom Meeting\nhttps://us02web.zoom.us/j/89012345678\n\nMeeting ID: 890 1234 5678\nPasscode: 123456",
        String(repeating: "We discussed a very long list of things including service meshes and observability and tracing, ", count: 3),
        ", ,\n- - -\n!!! ???\n•\n1. 2. 3.\n\t\n",
        "Dana\nPriya Natarajan.\nDana's\nDana:\n🎉🎉 great fun",
        "- \n* \n—Priya showed me\nPriya showed me the",
    ]

    @Test("drafts to people whose names look like words (Thanh, Hank, Will) or carry emoji and direction marks pass their own check", arguments: [Channel.email, .note])
    func wordlikeNames(channel: Channel) throws {
        let composer = Composer(templates: try Templates(), sender: Sender(name: "Alex Doe"))
        for (index, name) in Self.wordlikeNames.enumerated() {
            let person = Interviewer(
                id: Int64(index + 1), name: name, title: "Engineer", email: channel == .email ? "p\(index)@acme.com" : nil,
                address: channel == .note ? "1 Main St\nSpringfield" : nil, createdAt: Self.now)
            let draft = try composer.compose(interview(notes: "We discussed the migration to Postgres."), for: person, panel: [person], now: Self.now)
            #expect(!draft.findings.contains { $0.severity == .error }, "\(draft.draft.text)\n\(draft.findings)")
        }
    }

    @Test(
        "every composed draft passes its own check with no errors and no warnings",
        arguments: [Channel.email, .note], notesVariants)
    func composedDraftsPass(channel: Channel, notes: String) throws {
        let composer = Composer(templates: try Templates(), sender: Sender(name: "Alex Doe"))
        // One, a pair and a usual panel; a panel of ten has its own test (ComposerDetailTests.panelOfTen).
        for size in [1, 2, 5] {
            let people = panel(size, channel: channel)
            let drafts = try people.map { try composer.compose(interview(notes: notes), for: $0, panel: people, now: Self.now) }
            for draft in drafts {
                #expect(draft.draft.channel == channel)
                #expect(draft.findings.allSatisfy { $0.severity == .hint }, "\(draft.draft.text)\n\(draft.findings)")
            }
            // The panel's drafts, checked together, are distinct and never mix names.
            let documents = drafts.map {
                Document.parse($0.draft.text, path: "\($0.draft.interviewerId)", defaultChannel: channel)
                    .addressed(to: people[Int($0.draft.interviewerId) - 1].name, company: "Acme Analytics", role: "Backend Engineer")
            }
            let together = Checker().check(documents).joined()
            #expect(together.allSatisfy { $0.severity == .hint }, "\(together)")
        }
    }

    @Test("a draft names the interviewer, the role, the company and one thing from the notes")
    func draftIsPersonal() throws {
        let composer = Composer(templates: try Templates(), sender: Sender(name: "Alex Doe"))
        let people = panel(1, channel: .email)
        let draft = try composer.compose(interview(notes: "We discussed the migration to Postgres."), for: people[0], panel: people, now: Self.now).draft
        #expect(draft.subject == "Thank you — Backend Engineer interview")
        #expect(draft.body.contains("Dear Dana,"))
        #expect(draft.body.contains("Acme Analytics"))
        #expect(draft.body.contains("the migration to Postgres"))
        #expect(draft.body.hasSuffix("Alex Doe\n"))
        #expect(draft.recipient == "Dana Whitfield <person0@acme.com>")
    }

    @Test("calendar boilerplate in the notes (links, dial-ins) never becomes the specific line")
    func boilerplate() throws {
        let composer = Composer(templates: try Templates(), sender: Sender(name: "Alex Doe"))
        let people = panel(1, channel: .email)
        let notes = "Join Zoom Meeting\nhttps://us02web.zoom.us/j/89012345678\nMeeting ID: 890 1234 5678\nWe discussed the billing migration."
        let draft = try composer.compose(interview(notes: notes), for: people[0], panel: people, now: Self.now).draft
        #expect(!draft.body.contains("zoom"))
        #expect(draft.body.contains("the billing migration"))
    }

    @Test("a sentence of the notes that names another panel member stays out of this member's draft")
    func notesNamingOthers() throws {
        let composer = Composer(templates: try Templates(), sender: Sender(name: "Alex Doe"))
        let people = panel(2, channel: .email)
        let draft = try composer.compose(interview(notes: "Priya showed me the Kafka pipeline."), for: people[0], panel: people, now: Self.now)
        #expect(!draft.draft.body.contains("Priya"))
    }

    @Test("a user's template replaces the built-in one, and a broken one is a clear error")
    func userTemplates() throws {
        let templates = try Templates(overrides: ["note": "{{% CONTENT_TYPE:TEXT}}\nDear {{recipientName}},\n\nThank you for taking the time to sit down with me; I enjoyed learning about {{company}}.\n\n{{senderName}}\n"])
        let people = panel(1, channel: .note)
        let draft = try Composer(templates: templates, sender: Sender(name: "Alex Doe")).compose(interview(notes: ""), for: people[0], panel: people, now: Self.now)
        #expect(draft.draft.body.contains("sit down with me; I enjoyed learning about Acme Analytics."))
        #expect(throws: TemplateError.self) { try Templates(overrides: ["email": "{{#unclosed}}"]) }
    }
}

@Suite struct ThankYouWindowTests {
    func interview(_ iso: String, zone: String) -> Interview {
        let formatter = ISO8601DateFormatter()
        return Interview(company: "Acme", role: "Engineer", startsAt: formatter.date(from: iso)!, timeZone: zone, createdAt: Date())
    }

    @Test("the deadline is 24 hours after the interview ends")
    func weekday() {
        let window = ThankYouWindow(for: interview("2026-11-25T15:00:00Z", zone: "America/New_York"))  // Wednesday 10:00
        #expect(window.deadline == ISO8601DateFormatter().date(from: "2026-11-26T16:00:00Z"))
        #expect(window.earliest == ISO8601DateFormatter().date(from: "2026-11-25T16:30:00Z"))
    }

    @Test("after a Friday interview the deadline is the same day, in the interview's time zone")
    func friday() {
        let window = ThankYouWindow(for: interview("2026-11-27T15:00:00Z", zone: "America/New_York"))  // Friday 10:00 EST
        #expect(window.deadline == ISO8601DateFormatter().date(from: "2026-11-28T05:00:00Z"))  // midnight EST
    }
}

@Suite struct ComposerDetailTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let readmeNotes = "We discussed the migration to Postgres. Priya showed me the on-call dashboard."

    func interview(notes: String, fit: String? = nil) -> Interview {
        Interview(
            id: 1, company: "Acme Analytics", role: "Backend Engineer", startsAt: Self.now, timeZone: "America/New_York",
            format: .video, notes: notes, fit: fit, createdAt: Self.now)
    }

    func person(_ id: Int64, _ name: String, honorific: String? = nil, notes: String? = nil, channel: Channel = .email) -> Interviewer {
        Interviewer(
            id: id, name: name, honorific: honorific, email: channel == .email ? "p\(id)@acme.com" : nil,
            address: channel == .note ? "1 Main St\nSpringfield" : nil, notes: notes, createdAt: Self.now)
    }

    func drafts(_ interview: Interview, _ people: [Interviewer], greeting: GreetingStyle = .formal) throws -> [ComposedDraft] {
        let composer = Composer(templates: try Templates(), sender: Sender(name: "Alex Doe"), greeting: greeting)
        return try people.map { try composer.compose(interview, for: $0, panel: people, now: Self.now) }
    }

    /// The body's sentences, for reading them one by one.
    func sentences(_ body: String) -> [String] {
        body.split(whereSeparator: { ".\n".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test("the README's notes: Priya hears about the dashboard she showed, Dana about the migration, neither about the other's")
    func ownDetailGoesToItsPerson() throws {
        let people = [person(1, "Dana Whitfield"), person(2, "Priya Natarajan")]
        let (dana, priya) = try { let d = try drafts(interview(notes: Self.readmeNotes), people); return (d[0].draft.body, d[1].draft.body) }()
        #expect(priya.lowercased().contains("the on-call dashboard you showed me"), "\(priya)")
        #expect(!priya.contains("Postgres"), "\(priya)")
        #expect(dana.lowercased().contains("the migration to postgres"), "\(dana)")
        #expect(!dana.contains("dashboard"), "\(dana)")
        #expect(!priya.contains("Priya showed"))
    }

    @Test("on a four-person panel no two drafts carry the same detail when each has one")
    func fourPersonPanel() throws {
        let notes = "We talked about the 2027 roadmap. Dana walked me through the billing architecture. Priya asked about my Kafka work. Mei's team owns the data platform."
        let people = [person(1, "Dana Whitfield"), person(2, "Priya Natarajan"), person(3, "Mei Lin"), person(4, "Rafael Souza")]
        let bodies = try drafts(interview(notes: notes), people).map(\.draft.body)
        #expect(bodies[0].lowercased().contains("the billing architecture you walked me through"), "\(bodies[0])")
        #expect(bodies[1].contains("you asked about my Kafka work"), "\(bodies[1])")
        #expect(bodies[2].lowercased().contains("your team owns the data platform"), "\(bodies[2])")
        #expect(bodies[3].lowercased().contains("the 2027 roadmap"), "\(bodies[3])")
        #expect(bodies.filter { $0.contains("roadmap") }.count == 1)
    }

    @Test("a detail two panelists shared goes to both, each told 'you and your colleague'; a verdict on the interview is no detail")
    func sharedByTwo() throws {
        let people = [person(1, "Dana Whitfield"), person(2, "Priya Natarajan")]
        let notes = "Dana and Priya walked me through the feature store. The interview was great!!"
        let bodies = try drafts(interview(notes: notes), people).map(\.draft.body)
        for body in bodies {
            #expect(body.contains("you and your colleague walked me through the feature store"), "\(body)")
            #expect(!body.contains("Dana W") && !body.contains("Priya N") && !body.contains("was great"), "\(body)")
        }
    }

    @Test("a person's detail the rules object to is passed over for their next one")
    func nextDetail() throws {
        let people = [person(1, "Dana Whitfield"), person(2, "Raj Patel")]
        let notes = "We discussed the roadmap. Raj said I should call him next week. Raj showed me the experiment tracker."
        let raj = try drafts(interview(notes: notes), people)[1]
        #expect(raj.draft.body.lowercased().contains("the experiment tracker you showed me"), "\(raj.draft.body)")
        #expect(raj.findings.allSatisfy { $0.severity == .hint })
    }

    @Test("what a note says about a person is told to them in the right tense, or left out when it is cut short", arguments: [
        ("- Priya: loves Rust", "that you love Rust"), ("Priya leads the platform team", "that you lead the platform team"),
        ("Priya asked about my Kafka work", "when you asked about my Kafka work"), ("Priya showed me the", nil),
        ("Priya: Kafka migration", "the Kafka migration"),
    ])
    func toldRight(notes: String, expected: String?) throws {
        let people = [person(1, "Dana Whitfield"), person(2, "Priya Natarajan")]
        let priya = try drafts(interview(notes: notes), people)[1].draft.body
        if let expected {
            #expect(priya.lowercased().contains(expected.lowercased()), "\(priya)")
        } else {
            #expect(!priya.contains("showed"), "\(priya)")
        }
        #expect(!priya.contains("Priya:") && !priya.contains("you:"))
    }

    @Test("a person's own notes (interviewer --notes) go to them alone")
    func personalNotes() throws {
        let people = [person(1, "Dana Whitfield", notes: "- her team's move to event sourcing"), person(2, "Priya Natarajan")]
        let bodies = try drafts(interview(notes: "We discussed the migration to Postgres."), people).map(\.draft.body)
        #expect(bodies[0].contains("event sourcing"), "\(bodies[0])")
        #expect(!bodies[1].contains("event sourcing"))
        #expect(bodies[1].lowercased().contains("the migration to postgres"), "\(bodies[1])")
    }

    @Test("notes become part of a sentence: no colon, no bullet, no capital in the middle", arguments: [
        "- churn model uses XGBoost, retrained weekly", "We also talked about the rollout to Kiruna.", "* Kafka migration",
        "We sketched the queue design on the whiteboard", "The team is moving to Kubernetes next year",
    ])
    func notesInSentences(notes: String) throws {
        let body = try drafts(interview(notes: notes), [person(1, "Dana Whitfield")])[0].draft.body
        #expect(!body.contains(":"), "\(body)")
        #expect(!body.contains("- "), "\(body)")
        #expect(!body.contains(" We "), "\(body)")
        #expect(!body.contains(" The "), "\(body)")
        let key = ["XGBoost", "Kiruna", "Kafka migration", "queue design", "Kubernetes"].first { notes.contains($0) } ?? ""
        #expect(body.contains(key), "\(body)")
    }

    @Test("the greeting: \"Dear Ms. Whitfield,\" with an honorific, else \"Dear Dana,\"; never the full name")
    func greetings() throws {
        let people = [person(1, "Dana Whitfield", honorific: "Ms."), person(2, "Priya Natarajan"), person(3, "王秀英", honorific: "Dr.")]
        let formal = try drafts(interview(notes: ""), people).map(\.draft.body)
        #expect(formal[0].hasPrefix("Dear Ms. Whitfield,\n"))
        #expect(formal[1].hasPrefix("Dear Priya,\n"))
        #expect(formal[2].hasPrefix("Dear 王秀英,\n"))
        #expect(person(4, "Whitfield, Dana").salutation(.formal) == "Dana")
        #expect(person(5, "Dana Whitfield, Jr.", honorific: "Mr.").salutation(.formal) == "Mr. Whitfield")
        #expect(person(6, "Dr. Dana Whitfield").salutation(.formal) == "Dr. Whitfield")
        let first = try drafts(interview(notes: ""), people, greeting: .firstName).map(\.draft.body)
        #expect(first[0].hasPrefix("Dear Dana,\n"))
        for draft in try drafts(interview(notes: ""), people) + drafts(interview(notes: ""), people, greeting: .firstName) {
            #expect(!draft.findings.contains { $0.rule == .names }, "\(draft.draft.body)\n\(draft.findings)")
        }
    }

    @Test("a panel of ten gets ten distinct drafts in several shapes, the company never named in two sentences in a row",
        arguments: [Channel.email, .note], ["", Self.readmeNotes])
    func panelOfTen(channel: Channel, notes: String) throws {
        let names = ComposerTests.names
        let people = names.enumerated().map { person(Int64($0 + 1), $1, channel: channel) }
        let composed = try drafts(interview(notes: notes, fit: "my five years running Kafka at scale"), people)
        #expect(Set(composed.map(\.draft.body)).count == 10)
        let documents = composed.enumerated().map { index, draft in
            Document.parse(draft.draft.text, path: "\(index)", defaultChannel: channel)
                .addressed(to: names[index], company: "Acme Analytics", role: "Backend Engineer")
        }
        let findings = Checker().check(documents).joined()
        #expect(!findings.contains { $0.rule == .distinct }, "\(findings)")
        #expect(findings.allSatisfy { $0.severity == .hint }, "\(findings)")
        #expect(Set(composed.map { $0.draft.body.split(separator: "\n\n").count }).count > 1, "every message has the same shape")
        for draft in composed {
            let lines = sentences(draft.draft.body)
            for (first, second) in zip(lines, lines.dropFirst()) {
                #expect(!(first.contains("Acme Analytics") && second.contains("Acme Analytics")), "\(draft.draft.body)")
            }
        }
    }

    @Test("the fit line links what the user brings to the conversation in one sentence")
    func fitLine() throws {
        let body = try drafts(interview(notes: "We discussed the migration to Postgres.", fit: "My five years running Kafka at scale."), [person(1, "Dana Whitfield")])[0]
        #expect(body.draft.body.contains("my five years running Kafka at scale"), "\(body.draft.body)")
        #expect(body.findings.allSatisfy { $0.severity == .hint }, "\(body.findings)")
    }
}
