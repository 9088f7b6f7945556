import Foundation
import Testing

@testable import AfterwordCore

@Suite struct ComposerTests {
    static let names = ["Dana Whitfield", "Priya Natarajan", "Zoë Ångström", "Łukasz Żółkiewski", "王秀英"]
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
        for size in 1...5 {
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
        #expect(draft.body.contains("Dear Dana Whitfield,"))
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
