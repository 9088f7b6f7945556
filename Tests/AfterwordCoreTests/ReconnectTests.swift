import Foundation
import Testing

@testable import AfterwordCore

@Suite struct ReconnectTests {
    static let day: TimeInterval = 86_400
    static let interviewDay = Date(timeIntervalSince1970: 1_773_000_000)  // March 2026

    let interview = Interview(
        id: 1, company: "Acme Analytics", role: "Backend Engineer", startsAt: ReconnectTests.interviewDay,
        timeZone: "America/New_York",
        createdAt: ReconnectTests.interviewDay)
    let dana = Interviewer(
        id: 7, name: "Dana Reyes", company: "Acme Analytics", email: "dana@acme.com",
        createdAt: ReconnectTests.interviewDay)
    let opening = Opening(
        id: 3, boardId: 1, externalId: "4012001", title: "Staff Software Engineer", location: "Remote - US",
        url: "https://boards.greenhouse.io/acme/jobs/4012001", firstSeen: ReconnectTests.interviewDay,
        lastSeen: ReconnectTests.interviewDay)

    @Test("the reconnect note mentions the earlier conversation and the new role, and passes every check")
    func notePasses() {
        let now = Self.interviewDay.addingTimeInterval(120 * Self.day)
        let draft = ReconnectNote(sender: Sender(name: "Alex Doe")).compose(
            opening: opening, company: "Acme Analytics", to: dana, remembering: interview, now: now)
        #expect(draft.openingId == 3)
        #expect(draft.body.contains("when we spoke in March"))
        #expect(draft.body.contains("Staff Software Engineer position (Remote - US)"))
        var document = Document.parse(draft.text, path: "draft", defaultChannel: .email)
        document = document.addressed(to: "Dana Reyes", company: "Acme Analytics", role: "Backend Engineer")
        let findings = Checker().check(document).filter { $0.severity != .hint }
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test(
        "by post or with a long title, the note still passes every check",
        arguments: [
            ("Dana Reyes", nil as String?, "Staff Software Engineer"),
            (
                "Dana Reyes", "dana@acme.com",
                "Senior Staff Software Engineer, Distributed Systems and Storage Infrastructure (Remote, Americas)"
            ),
        ])
    func notePassesOnEveryChannel(name: String, email: String?, title: String) {
        let person = Interviewer(
            id: 7, name: name, email: email, address: email == nil ? "1 Main St\nSpringfield" : nil,
            createdAt: Self.interviewDay)
        var long = opening
        long.title = title
        let draft = ReconnectNote(sender: Sender(name: "Alex Doe")).compose(
            opening: long, company: "Acme Analytics", to: person, remembering: interview,
            now: Self.interviewDay.addingTimeInterval(90 * Self.day))
        let document = Document.parse(draft.text, path: "draft", defaultChannel: draft.channel)
            .addressed(to: name, company: "Acme Analytics", role: "Backend Engineer")
        let findings = Checker().check(document).filter { $0.severity != .hint }
        #expect(findings.isEmpty, "\(findings.map { "\($0.rule.rawValue): \($0.message)" })")
    }

    @Test("a reconnect phrased as a follow-up on the old application is still flagged by AW-ONCE")
    func followUpFlagged() {
        let text = """
            Subject: Thank you again, and the Staff Software Engineer opening

            Dear Dana Reyes,

            I am just following up on my application from March. Thank you for your time.

            Best regards,
            Alex Doe
            """
        let document = Document.parse(text, path: "draft", defaultChannel: .email)
            .addressed(to: "Dana Reyes", company: "Acme Analytics", role: "Backend Engineer")
        #expect(Checker().check(document).contains { $0.rule == .once && $0.severity == .error })
    }

    @Test("nobody is written to who never received a thank-you, unless marked as met")
    func onlyToSomeoneThanked() {
        let now = Self.interviewDay.addingTimeInterval(100 * Self.day)
        #expect(
            ReconnectPolicy.refusal(to: "Dana", history: .init(), now: now)?.contains("never received a thank-you")
                == true)
        #expect(ReconnectPolicy.refusal(to: "Dana", history: .init(markedMetAt: Self.interviewDay), now: now) == nil)
    }

    @Test("never within 30 days of the thank-you; from day 30 it is allowed")
    func quietAfterThankYou() {
        let thanked = Self.interviewDay.addingTimeInterval(Self.day / 2)
        let history = ReconnectPolicy.History(thankedAt: thanked)
        let day29 = thanked.addingTimeInterval(29 * Self.day)
        #expect(ReconnectPolicy.refusal(to: "Dana", history: history, now: day29)?.contains("wait 1 more day") == true)
        #expect(
            ReconnectPolicy.refusal(to: "Dana", history: history, now: thanked.addingTimeInterval(30 * Self.day)) == nil
        )
    }

    @Test("someone thanked another way (marked as met) waits the same 30 days from then")
    func quietAfterThankedAnotherWay() {
        let history = ReconnectPolicy.History(markedMetAt: Self.interviewDay)
        let week = Self.interviewDay.addingTimeInterval(7 * Self.day)
        #expect(ReconnectPolicy.refusal(to: "Dana", history: history, now: week)?.contains("wait 23 more days") == true)
        #expect(ReconnectPolicy.refusal(to: "Dana", history: history, now: Self.interviewDay.addingTimeInterval(30 * Self.day)) == nil)
    }

    @Test("at most one reconnect per person per 90 days")
    func spaced() {
        let thanked = Self.interviewDay
        let last = thanked.addingTimeInterval(40 * Self.day)
        let history = ReconnectPolicy.History(thankedAt: thanked, lastReconnectAt: last)
        #expect(
            ReconnectPolicy.refusal(to: "Dana", history: history, now: last.addingTimeInterval(89 * Self.day))?
                .contains("90 days") == true)
        #expect(
            ReconnectPolicy.refusal(to: "Dana", history: history, now: last.addingTimeInterval(90 * Self.day)) == nil)
    }

    @Test("company names match across legal suffixes and punctuation")
    func companyNames() {
        #expect(CompanyName.same("Acme, Inc.", "acme"))
        #expect(CompanyName.same("Globex GmbH", "GLOBEX"))
        #expect(CompanyName.same("The Initech Company", "Initech"))
        #expect(CompanyName.same("AcmeAnalytics", "Acme Analytics"))
        #expect(!CompanyName.same("Acme Analytics", "Acme"))
        #expect(!CompanyName.same("", ""))
    }
}
