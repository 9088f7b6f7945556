import Foundation
import Testing

@testable import AfterwordIntake

/// The text of a fixture beside these tests.
func fixture(_ name: String) throws -> (text: String, path: String) {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
    return (TextEncoding.text(of: try Data(contentsOf: url)), url.path)
}

@Suite struct VCardReaderTests {
    @Test("a phone's vCard 2.1: quoted-printable UTF-8, soft line breaks, bare types, an embedded photo")
    func phone21() throws {
        let (text, path) = try fixture("phone-2.1.vcf")
        let contacts = try VCardReader.contacts(in: text, file: path)
        #expect(contacts.count == 1)
        let zoe = contacts[0]
        #expect(zoe.name == "Zoë Ångström")
        #expect(zoe.company == "Acme Analytics")
        #expect(zoe.title == "Staff Engineer")
        #expect(zoe.emails == ["zoe@Acme.COM"])
        #expect(zoe.phones.first == "(415) 555-0100")  // work before home
        #expect(zoe.addresses.first == "1 Market St\nSuite 300\nSan Francisco, CA 94105\nUSA")
    }

    @Test("Google's vCard 3.0: several cards, grouped properties, escapes, N without FN, work and pref first")
    func google30() throws {
        let (text, path) = try fixture("google-3.0.vcf")
        let contacts = try VCardReader.contacts(in: text, file: path)
        #expect(contacts.map(\.name) == ["Dana Whitfield", "Priya Natarajan"])
        #expect(contacts[0].title == "Engineering Manager, Payments")
        #expect(contacts[0].emails.first == "dana@acme.com")  // the labelled work address before the home one
        #expect(contacts[0].addresses.first == "200 Park Ave, Floor 12\nNew York, NY 10166\nUnited States")
        #expect(contacts[1].emails.first == "priya@acme.com")
        #expect(contacts[1].company == "Acme")
    }

    @Test("vCard 4.0: PREF=1, tel: URIs, quoted TYPE lists, a German address")
    func outlook40() throws {
        let (text, path) = try fixture("outlook-4.0.vcf")
        let card = try #require(try VCardReader.contacts(in: text, file: path).first)
        #expect(card.name == "Łukasz Żółkiewski")
        #expect(card.emails.first == "l.zolkiewski@nordwind.de")
        #expect(card.phones.first == "+49-30-1234567")
        #expect(card.addresses.first == "Unter den Linden 5\n10117 Berlin\nGermany")
    }

    @Test(
        "a broken card is an error naming the file, the line and the field",
        arguments: [
            ("truncated.vcf", 1, "END:VCARD"), ("bad-qp.vcf", 3, "FN"), ("bad-charset.vcf", 3, "FN"),
        ])
    func broken(name: String, line: Int, field: String) throws {
        let (text, path) = try fixture(name)
        #expect {
            try VCardReader.contacts(in: text, file: path)
        } throws: { error in
            guard let error = error as? IntakeError else { return false }
            return error.file == path && error.line == line && error.field == field && !error.message.isEmpty
        }
    }

    @Test("LF or CRLF, a BOM and tab folding read the same")
    func lineEndings() throws {
        let card = "\u{FEFF}BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\n\tLovelace\r\nEMAIL:ada@example.com\r\nEND:VCARD\r\n"
        let crlf = try VCardReader.contacts(in: card, file: "a.vcf")
        let lf = try VCardReader.contacts(in: card.replacingOccurrences(of: "\r\n", with: "\n"), file: "a.vcf")
        #expect(crlf == lf)
        #expect(crlf.first?.name == "AdaLovelace")
    }
}

@Suite struct InviteReaderTests {
    let newYork = TimeZone(identifier: "America/New_York")!

    @Test("Google: TZID with VTIMEZONE, folded CN, rooms left out, the user left out, Meet means video")
    func google() throws {
        let (text, path) = try fixture("google.ics")
        let event = try #require(try InviteReader.events(in: text, file: path, floatingZone: newYork).first)
        #expect(event.start == ISO8601DateFormatter().date(from: "2026-11-26T19:00:00Z"))
        #expect(event.durationMinutes == 60)
        let meaning = InviteInterpretation(event, ownEmails: ["alex.doe@gmail.com"])
        #expect(meaning.company == "Acme")
        #expect(meaning.role == "Backend Engineer")
        #expect(meaning.format == .video)
        #expect(meaning.interviewers.map(\.name) == ["Dana Whitfield", "Priya Natarajan"])
    }

    @Test("Outlook: Windows time-zone names, quoted CN with a comma, the company from the organizer's domain")
    func outlook() throws {
        let (text, path) = try fixture("outlook.ics")
        let event = try #require(try InviteReader.events(in: text, file: path, floatingZone: TimeZone(identifier: "UTC")!).first)
        #expect(event.start == ISO8601DateFormatter().date(from: "2026-07-14T14:00:00Z"))  // EDT in July
        let meaning = InviteInterpretation(event, ownEmails: ["alex.doe@gmail.com"])
        #expect(meaning.company == "Globex Corp")
        #expect(meaning.role == "Data Analyst")
        #expect(meaning.interviewers.map(\.name) == ["Chidi Okafor"])
        #expect(meaning.format == .video)
        #expect(event.description?.contains("Data Analyst role") == true)
    }

    @Test("a shared mailbox (a recruiting team, careers@, no-reply@) is never an interviewer, nor offered as the organizer")
    func roleMailboxes() throws {
        let ics = """
            BEGIN:VCALENDAR\r
            BEGIN:VEVENT\r
            UID:m1\r
            DTSTART:20261124T190000Z\r
            SUMMARY:Interview: GIS Analyst\r
            ORGANIZER;CN=Northfield County HR Recruiting:mailto:hrrecruiting@northfield.org\r
            ATTENDEE;CN=Northfield County HR Recruiting:mailto:hrrecruiting@northfield.org\r
            ATTENDEE;CN=Careers:mailto:careers@northfield.org\r
            ATTENDEE:mailto:no-reply@scheduler.example.com\r
            ATTENDEE;CN=Monique Tran:mailto:mtran@northfield.org\r
            ATTENDEE;CN=Hiring Team:mailto:team-gis@northfield.org\r
            ATTENDEE;CN=Alex Doe:mailto:alex.doe@gmail.com\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        let event = try #require(try InviteReader.events(in: ics, file: "m.ics", floatingZone: newYork).first)
        let meaning = InviteInterpretation(event, ownEmails: ["alex.doe@gmail.com"])
        #expect(meaning.interviewers.map(\.name) == ["Monique Tran"])
        #expect(meaning.organizer == nil)
        #expect(!InviteInterpretation.isRoleAccount(name: "Terry Hall", email: "thall@northfield.org"))
    }

    @Test("Zoom: UTC times and DURATION")
    func zoom() throws {
        let (text, path) = try fixture("zoom-utc.ics")
        let event = try #require(try InviteReader.events(in: text, file: path, floatingZone: newYork).first)
        #expect(event.start == ISO8601DateFormatter().date(from: "2026-12-03T16:00:00Z"))
        #expect(event.durationMinutes == 45)
        let meaning = InviteInterpretation(event, ownEmails: ["alex.doe@gmail.com"])
        #expect(meaning.company == "Initech")
        #expect(meaning.role == "Product Designer")
    }

    @Test("a VTIMEZONE alone converts a custom TZID, in winter and in summer")
    func customZone() throws {
        let ics = """
            BEGIN:VCALENDAR
            BEGIN:VTIMEZONE
            TZID:Custom Berlin
            BEGIN:STANDARD
            DTSTART:19701025T030000
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
            END:STANDARD
            BEGIN:DAYLIGHT
            DTSTART:19700329T020000
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0200
            RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
            END:DAYLIGHT
            END:VTIMEZONE
            BEGIN:VEVENT
            UID:a
            SUMMARY:Interview at Nordwind
            DTSTART;TZID=Custom Berlin:20261126T100000
            END:VEVENT
            BEGIN:VEVENT
            UID:b
            SUMMARY:Interview at Nordwind
            DTSTART;TZID="Custom Berlin":20260715T100000
            END:VEVENT
            END:VCALENDAR
            """
        let events = try InviteReader.events(in: ics, file: "x.ics", floatingZone: newYork)
        #expect(events.map(\.start) == ["2026-11-26T09:00:00Z", "2026-07-15T08:00:00Z"].map { ISO8601DateFormatter().date(from: $0) })
    }

    /// An Outlook-style invite: the organizer (the hiring manager) is not among the attendees.
    func outlookInvite(summary: String, organizer: String = "dana.whitfield@acmecorp.com") throws -> InviteInterpretation {
        let ics = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:x
            SUMMARY:\(summary)
            DTSTART:20261126T150000Z
            DTEND:20261126T160000Z
            ORGANIZER;CN="Whitfield, Dana":mailto:\(organizer)
            ATTENDEE;CN=Priya Natarajan:mailto:priya@acmecorp.com
            ATTENDEE;CN=Alex Doe:mailto:alex.doe@gmail.com
            END:VEVENT
            END:VCALENDAR
            """
        let event = try #require(try InviteReader.events(in: ics, file: "x.ics", floatingZone: newYork).first)
        return InviteInterpretation(event, ownEmails: ["alex.doe@gmail.com"])
    }

    @Test(
        "the company is read from how people write summaries, not guessed from the domain",
        arguments: [
            "Acme Corp – Backend Engineer panel", "Acme Corp — Backend Engineer panel", "Acme Corp: Backend Engineer panel",
            "Backend Engineer panel at Acme Corp", "Interview with Acme Corp - Backend Engineer", "Acme Corp - Backend Engineer",
        ])
    func companyFromSummary(summary: String) throws {
        let meaning = try outlookInvite(summary: summary)
        #expect(meaning.company == "Acme Corp")
        #expect(meaning.role == "Backend Engineer")
    }

    @Test("an organizer who is not an attendee is offered, not added; the user as organizer is neither")
    func organizer() throws {
        let meaning = try outlookInvite(summary: "Acme Corp – Backend Engineer panel")
        #expect(meaning.interviewers.map(\.name) == ["Priya Natarajan"])
        #expect(meaning.organizer?.name == "Dana Whitfield")
        #expect(meaning.organizer?.emails == ["dana.whitfield@acmecorp.com"])
        #expect(try outlookInvite(summary: "Acme Corp – Backend Engineer", organizer: "alex.doe@gmail.com").organizer == nil)
    }

    @Test("no event, or a start that does not parse, is an error naming the file and line")
    func broken() throws {
        let (noEvent, noEventPath) = try fixture("no-event.ics")
        #expect(throws: IntakeError.self) { try InviteReader.events(in: noEvent, file: noEventPath, floatingZone: newYork) }
        let (bad, badPath) = try fixture("bad-dtstart.ics")
        #expect {
            try InviteReader.events(in: bad, file: badPath, floatingZone: newYork)
        } throws: { error in
            (error as? IntakeError)?.line == 6 && (error as? IntakeError)?.field == "DTSTART"
        }
    }
}

@Suite struct CardTextReaderTests {
    @Test("a pasted card: fields found by pattern and layout, not by position")
    func pasted() {
        let card = CardTextReader.read(
            """
            ACME ROBOTICS
            Jordan Lee
            Senior Recruiter, Talent Acquisition
            M: +44 20 7946 0958
            jordan.lee@AcmeRobotics.co.uk
            10 Downing Street
            London SW1A 2AA
            """)
        #expect(card.name?.value == "Jordan Lee")
        #expect(card.title?.value == "Senior Recruiter, Talent Acquisition")
        #expect(card.company?.value == "ACME ROBOTICS")
        #expect(card.email?.value == "jordan.lee@acmerobotics.co.uk")
        #expect(card.phone?.value == "+44 20 7946 0958")
        #expect(card.address?.value == "10 Downing Street\nLondon SW1A 2AA")
    }

    @Test(
        "a name written out as a card's parts: family name with its particles, given names, suffix",
        arguments: [
            ("Dr. Anne-Marie van der Berg Jr.", "van der Berg", "Dr. Anne-Marie", "Jr."), ("Cher", "", "Cher", ""),
            ("Juan de la Cruz", "de la Cruz", "Juan", ""), ("Martin Luther King III", "King", "Martin Luther", "III"),
            ("Zoë Ångström-Lindqvist", "Ångström-Lindqvist", "Zoë", ""),
        ])
    func structuredNames(name: String, family: String, given: String, suffix: String) {
        let parts = VCardWriter.structured(name)
        #expect(parts.family == family && parts.given == given && parts.suffix == suffix, "\(parts)")
    }
}
