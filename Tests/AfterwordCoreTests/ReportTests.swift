import Foundation
import Testing

@testable import AfterwordCore

/// The dashboard and the openings report, as pure values: no store, no face.
@Suite struct DashboardTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let hour: TimeInterval = 3_600

    /// A thank-you row `hoursLeft` hours from its deadline (negative: overdue).
    static func entry(
        _ name: String, hoursLeft: Double?, state: MessageState? = nil, draft: Int64? = nil, channel: Channel = .email,
        endsIn: TimeInterval = -hour, printed: Bool = false, scheduledAgo: TimeInterval? = nil
    ) -> StatusEntry {
        var entry = StatusEntry(
            interviewId: 1, company: "Acme", role: "Engineer", interviewerId: Int64(name.count), interviewer: name, channel: channel,
            draftId: draft, state: state, deadline: now.addingTimeInterval((hoursLeft ?? 0) * hour), hoursLeft: hoursLeft,
            sentAt: state == .sent ? now.addingTimeInterval(-hour) : nil,
            scheduledAt: scheduledAgo.map { now.addingTimeInterval(-$0) }, printedAt: printed ? now : nil)
        entry.endsAt = now.addingTimeInterval(endsIn)
        return entry
    }

    @Test("due rows within the 24 hours come first, nearest deadline first; then the overdue, the most recent first")
    func dueOrder() {
        let report = StatusReport(
            entries: [
                Self.entry("Old Overdue", hoursLeft: -50), Self.entry("Fresh Overdue", hoursLeft: -2),
                Self.entry("Plenty Left", hoursLeft: 20), Self.entry("Little Left", hoursLeft: 3),
                Self.entry("Not Over", hoursLeft: 30, endsIn: Self.hour),
            ], olderUnsent: 0)
        let board = Dashboard(report: report, now: Self.now)
        #expect(board.due.map(\.entry.interviewer) == ["Little Left", "Plenty Left", "Fresh Overdue", "Old Overdue"])
        #expect(board.due.map(\.isOverdue) == [false, false, true, true])
        #expect(board.upcoming.map(\.interviewer) == ["Not Over"])
    }

    @Test("a failed attempt, a printed card not yet posted, an uncertain send and a late schedule are each flagged")
    func flags() {
        let report = StatusReport(
            entries: [
                Self.entry("Failed Once", hoursLeft: 5, state: .failed, draft: 1),
                Self.entry("Card Printed", hoursLeft: 5, draft: 2, channel: .note, printed: true),
                Self.entry("In Doubt", hoursLeft: 5, state: .uncertain, draft: 3),
                Self.entry("Left Behind", hoursLeft: 5, state: .scheduled, draft: 4, scheduledAgo: Self.hour),
                Self.entry("Waiting Still", hoursLeft: 5, state: .scheduled, draft: 5, scheduledAgo: -Self.hour),
            ], olderUnsent: 2)
        let board = Dashboard(report: report, now: Self.now, notes: [3: "not found in Sent"])
        #expect(board.due.map(\.lastAttemptFailed) == [true, false])
        #expect(board.due.map(\.printedNotMailed) == [false, true])
        let onItsWay = Dictionary(uniqueKeysWithValues: board.onItsWay.map { ($0.entry.interviewer, $0) })
        #expect(onItsWay["In Doubt"]?.isUncertain == true)
        #expect(onItsWay["In Doubt"]?.note == "not found in Sent")
        #expect(onItsWay["Left Behind"]?.isOverdueToLeave == true)
        #expect(onItsWay["Waiting Still"]?.isOverdueToLeave == false)
        #expect(board.olderUnsent == 2)
    }

    @Test("a checked draft carries the rules it breaks; a good one and an unchecked one carry none")
    func brokenRules() {
        let report = StatusReport(
            entries: [
                Self.entry("Dana Reyes", hoursLeft: 5, draft: 1), Self.entry("Sam Okafor", hoursLeft: 4, draft: 2),
                Self.entry("Lee Park", hoursLeft: 3, draft: 3),
            ], olderUnsent: 0)
        let board = Dashboard(report: report, now: Self.now)
        #expect(board.draftsToCheck(limit: 2) == [3, 2])
        func draft(_ id: Int64, _ body: String) -> Draft {
            Draft(
                id: id, interviewId: 1, interviewerId: id, channel: .email, recipient: "x@acme.com", subject: "Thank you",
                body: body, createdAt: Self.now, updatedAt: Self.now)
        }
        let good = """
            Dear Ms. Reyes,

            Thank you for taking the time to meet with me today about the Engineer role. I enjoyed our conversation \
            about how your team moved billing onto event streams, and it made me more excited about the work.

            I look forward to hearing from you.

            Best regards,
            Alex Doe
            """
        let pushy = "Hey,\n\nThanks!! Can you call me tomorrow to tell me if I got it?\n\nAlex"
        let checked = board.checking([1: draft(1, good), 2: draft(2, pushy)])
        let byName = Dictionary(uniqueKeysWithValues: checked.due.map { ($0.entry.interviewer, $0.brokenRules) })
        #expect(byName["Dana Reyes"] == [])
        #expect(byName["Sam Okafor"]?.contains(.noCall) == true)
        #expect(byName["Lee Park"] == [], "draft 3 was not given, so it was not checked")
    }
}

@Suite struct OpeningsReportTests {
    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_773_000_000)

    static func seat(
        _ person: Interviewer, at company: String, daysAgo: Double, now: Date, thanked: Bool = false, marked: Bool = false
    ) -> Acquaintance {
        let interview = Interview(
            id: Int64(daysAgo), company: company, role: "Engineer", startsAt: now.addingTimeInterval(-daysAgo * day), timeZone: "UTC",
            createdAt: start)
        return Acquaintance(
            interviewer: person, interview: interview, thankedAt: thanked ? interview.endsAt.addingTimeInterval(3_600) : nil,
            markedMetAt: marked ? now : nil)
    }

    static func person(_ id: Int64, _ name: String, company: String? = nil) -> Interviewer {
        Interviewer(id: id, name: name, company: company, createdAt: start)
    }

    let opening = Opening(
        id: 9, boardId: 1, externalId: "1", title: "Staff Engineer", location: "Remote", url: "", firstSeen: start, lastSeen: start)

    @Test("the people at an opening's company: those thanked first, then the most recently met; other companies left out")
    func people() {
        let now = Self.start.addingTimeInterval(200 * Self.day)
        let seats = [
            Self.seat(Self.person(1, "Ann Lee"), at: "Acme, Inc.", daysAgo: 50, now: now),
            Self.seat(Self.person(2, "Bo Chen"), at: "Acme", daysAgo: 120, now: now, thanked: true),
            Self.seat(Self.person(3, "Cy Diaz"), at: "Globex", daysAgo: 40, now: now, thanked: true),
            Self.seat(Self.person(4, "Di Ito", company: "Acme"), at: "Acme Recruiting Partners", daysAgo: 60, now: now),
        ]
        let known = Acquaintances(seats: seats, reconnects: [:])
        let people = known.people(at: opening, company: "ACME", now: now)
        #expect(people.map(\.name) == ["Bo Chen", "Ann Lee", "Di Ito"])
        #expect(people[0].reconnectRefusal == nil)
        #expect(people[1].reconnectRefusal?.contains("never received a thank-you") == true)
        #expect(known.metAnyone(at: "acme inc"))
        #expect(!known.metAnyone(at: "Initech"))
    }

    @Test("the list and the refusal read the same history: marked as met counts from the interview's end")
    func oneHistory() {
        let now = Self.start.addingTimeInterval(200 * Self.day)
        // Met 29.99 days ago (interview start), so the interview ended less than 30 days ago.
        let seat = Self.seat(Self.person(1, "Ann Lee"), at: "Acme", daysAgo: 30 - 0.01, now: now, marked: true)
        let known = Acquaintances(seats: [seat], reconnects: [:])
        let listed = known.people(at: opening, company: "Acme", now: now)[0]
        #expect(listed.markedMet)
        #expect(listed.reconnectRefusal?.contains("less than 30 days") == true)
        #expect(listed.reconnectRefusal == known.refusal(to: 1, name: "Ann Lee", about: 9, now: now))
    }

    @Test("a reconnect about the same opening is the same note; one about another opening in 90 days refuses")
    func reconnects() {
        let now = Self.start.addingTimeInterval(200 * Self.day)
        let seat = Self.seat(Self.person(1, "Ann Lee"), at: "Acme", daysAgo: 100, now: now, thanked: true)
        let sameOpening = Acquaintances(
            seats: [seat], reconnects: [1: [ReconnectMark(interviewerId: 1, openingId: 9, at: now.addingTimeInterval(-Self.day), draftId: 44)]])
        let person = sameOpening.people(at: opening, company: "Acme", now: now)[0]
        #expect(person.reconnectRefusal == nil)
        #expect(person.reconnectDraftId == 44)
        let otherOpening = Acquaintances(
            seats: [seat], reconnects: [1: [ReconnectMark(interviewerId: 1, openingId: 8, at: now.addingTimeInterval(-10 * Self.day), draftId: 40)]])
        let refused = otherOpening.people(at: opening, company: "Acme", now: now)[0]
        #expect(refused.reconnectRefusal?.contains("in the last 90 days") == true)
        #expect(refused.reconnectDraftId == nil)
    }

    @Test("the report keeps the page's openings in order, each with its people, and the total")
    func report() {
        let now = Self.start.addingTimeInterval(200 * Self.day)
        let seats = [Self.seat(Self.person(1, "Ann Lee"), at: "Acme", daysAgo: 100, now: now, thanked: true)]
        var other = opening
        other.id = 10
        let report = OpeningsReport(
            rows: [(opening, "Acme", false), (other, "Globex", false)], total: 7, acquaintances: Acquaintances(seats: seats, reconnects: [:]), now: now)
        #expect(report.openings.map(\.opening.id) == [9, 10])
        #expect(report.openings.map { $0.people.map(\.name) } == [["Ann Lee"], []])
        #expect(report.total == 7)
    }
}

@Suite struct ReminderPolicyTests {
    @Test("a due row is reminded once, then again within the last hours; upcoming, overdue and given ones are not")
    func once() {
        let now = DashboardTests.now
        let report = StatusReport(
            entries: [
                DashboardTests.entry("Early Days", hoursLeft: 20), DashboardTests.entry("Near End", hoursLeft: 3),
                DashboardTests.entry("Too Late", hoursLeft: -1), DashboardTests.entry("Not Over", hoursLeft: 30, endsIn: 3_600),
            ], olderUnsent: 0)
        let board = Dashboard(report: report, now: now)
        let first = ReminderPolicy.reminders(board, now: now, given: [])
        #expect(first.map(\.entry.interviewer) == ["Near End", "Early Days"])
        #expect(first.map(\.kind) == [.deadline, .due])
        let given = Set(first.map(\.key))
        #expect(ReminderPolicy.reminders(board, now: now, given: given).isEmpty)
        // Later, the early one's deadline is near: its second reminder, once.
        let later = now.addingTimeInterval(17 * 3_600)
        var moved = report
        moved.pending = moved.pending.map { entry in
            var entry = entry
            entry.hoursLeft = entry.hoursLeft.map { $0 - 17 }
            return entry
        }
        let second = ReminderPolicy.reminders(Dashboard(report: moved, now: later), now: later, given: given)
        // (the interview that was not over then is over now: due, and reminded of for the first time)
        #expect(second.map(\.entry.interviewer) == ["Early Days", "Not Over"])
        #expect(second.map(\.kind) == [.deadline, .due])
    }
}

@Suite struct NewOpeningsTests {
    static let day: TimeInterval = 86_400
    static let now = OpeningsReportTests.start.addingTimeInterval(200 * day)

    static func opening(_ id: Int64, _ title: String, seenDaysAgo: Double) -> Opening {
        let seen = now.addingTimeInterval(-seenDaysAgo * day)
        return Opening(id: id, boardId: 1, externalId: "\(id)", title: title, location: "", url: "", firstSeen: seen, lastSeen: now)
    }

    @Test("role phrases admit titles word by word, by the start of each word; none admits everything")
    func roles() {
        let roles = RoleFilter("engineer, platform, data science")
        #expect(roles.admits("Senior Software Engineer"))
        #expect(roles.admits("Engineering Manager, Payments"))
        #expect(roles.admits("Platform Reliability Lead"))
        #expect(roles.admits("Head of Data Science"))
        #expect(!roles.admits("Account Executive, Mid-Market"))
        #expect(!roles.admits("Data Analyst"), "both words of a phrase are needed")
        #expect(!roles.admits("Reengineering Consultant"), "a word's start, not its middle")
        #expect(RoleFilter("").admits("Account Executive"))
        #expect(RoleFilter("ingenieur").admits("Ingénieur logiciel"), "accents aside")
        #expect(RoleFilter(" , ").admitsEverything)
    }

    @Test("new only after the thank-you left and never from the board's first read; an open application holds its company back")
    func newOnly() {
        let ann = OpeningsReportTests.person(1, "Ann Lee")
        let bo = OpeningsReportTests.person(2, "Bo Chen")
        // Ann met at Acme 60 days ago and thanked; Bo met at Globex 10 days ago and thanked.
        let seats = [
            OpeningsReportTests.seat(ann, at: "Acme", daysAgo: 60, now: Self.now, thanked: true),
            OpeningsReportTests.seat(bo, at: "Globex", daysAgo: 10, now: Self.now, thanked: true),
        ]
        let known = Acquaintances(seats: seats, reconnects: [:])
        let report = OpeningsReport(
            rows: [
                (Self.opening(1, "Staff Engineer", seenDaysAgo: 2), "Acme", false),
                (Self.opening(2, "Platform Engineer", seenDaysAgo: 3), "Acme", true),  // the board's first read
                (Self.opening(3, "Account Executive", seenDaysAgo: 2), "Acme", false),  // not a role of the user's
                (Self.opening(4, "Backend Engineer", seenDaysAgo: 70), "Acme", false),  // seen before Ann was thanked
                (Self.opening(5, "SRE Engineer", seenDaysAgo: 1), "Globex", false),  // application at Globex still open
                (Self.opening(6, "QA Engineer", seenDaysAgo: 1), "Initech", false),  // nobody met there
            ], total: 6, acquaintances: known, now: Self.now)
        let fresh = NewOpenings(report.openings, roles: RoleFilter("engineer"), interviews: seats.map(\.interview), now: Self.now)
        #expect(fresh.openings.map(\.opening.id) == [1])
        #expect(fresh.openings[0].people.map(\.name) == ["Ann Lee"])
        #expect(fresh.heldBack.map(\.company) == ["Globex"])
        #expect(fresh.heldBack.first?.openings == 1)
        let everyRole = NewOpenings(report.openings, roles: RoleFilter(""), interviews: seats.map(\.interview), now: Self.now)
        #expect(everyRole.openings.map(\.opening.id) == [1, 3])
    }
}
