import Foundation

/// AW-REMEMBER — one short, well-spaced reconnect note when a company you interviewed with opens a role.
///
/// Seed: "If there are openings in the company at a later time, the interviewer may remember you and
/// think of you before others." A reconnect is a new note about a new role, never a follow-up on the old
/// thank-you (AW-ONCE still flags "just following up").
public enum ReconnectPolicy {
    /// At most one reconnect per person in this many days: a note now and then is remembered; a stream of them is an annoyance.
    public static let daysBetweenReconnects = 90
    /// No reconnect within this many days of the thank-you: so soon, it reads as a follow-up on the old application.
    public static let quietDaysAfterThankYou = 30

    /// What the policy knows about one person.
    public struct History: Sendable, Equatable {
        /// When the thank-you to them was sent (the latest, if several interviews).
        public var thankedAt: Date?
        /// When they were thanked another way, for someone the user marked as met (thanked outside
        /// Afterword, or in person): the end of the latest interview with them, the day such thanks are given.
        public var markedMetAt: Date?
        /// When the latest reconnect to them (about another opening) was written, sent, scheduled or handed over.
        public var lastReconnectAt: Date?

        public init(thankedAt: Date? = nil, markedMetAt: Date? = nil, lastReconnectAt: Date? = nil) {
            self.thankedAt = thankedAt
            self.markedMetAt = markedMetAt
            self.lastReconnectAt = lastReconnectAt
        }
    }

    /// Why a reconnect to `name` may not be written or sent at `now`; nil when it may.
    public static func refusal(to name: String, history: History, now: Date) -> String? {
        let day: TimeInterval = 86_400
        guard history.thankedAt != nil || history.markedMetAt != nil else {
            return
                "\(name) never received a thank-you from you, so a reconnect would be a cold note; send the thank-you first, or mark them as met if you thanked them another way"
        }
        // Thanking them another way (marked as met) is a thank-you too: the quiet days count from the later of the two.
        if let thanked = [history.thankedAt, history.markedMetAt].compactMap({ $0 }).max(),
            now < thanked.addingTimeInterval(Double(quietDaysAfterThankYou) * day)
        {
            let left = Int(
                (thanked.addingTimeInterval(Double(quietDaysAfterThankYou) * day).timeIntervalSince(now) / day).rounded(
                    .up))
            return
                "your thank-you to \(name) was less than \(quietDaysAfterThankYou) days ago; a note now reads as a follow-up on the old application; wait \(left) more day\(left == 1 ? "" : "s")"
        }
        if let last = history.lastReconnectAt, now < last.addingTimeInterval(Double(daysBetweenReconnects) * day) {
            let left = Int(
                (last.addingTimeInterval(Double(daysBetweenReconnects) * day).timeIntervalSince(now) / day).rounded(.up)
            )
            return
                "you already wrote a reconnect note to \(name) in the last \(daysBetweenReconnects) days (at most one reconnect per person per \(daysBetweenReconnects) days); wait \(left) more day\(left == 1 ? "" : "s"), or send the note you wrote"
        }
        return nil
    }
}

/// Writes the reconnect note: the earlier conversation, the new role, and nothing that reads as a follow-up.
public struct ReconnectNote: Sendable {
    public var sender: Sender
    /// The greeting's formality, as the thank-you had it.
    public var greeting: GreetingStyle

    public init(sender: Sender, greeting: GreetingStyle = .formal) {
        self.sender = sender
        self.greeting = greeting
    }

    /// The note to `person` about `opening` at `company`, remembering `interview`.
    /// - Precondition: the interview and the person were saved (the note names them by their ids).
    /// - Parameter greeting: the thank-you's greeting line ("Dear Ray,"), to greet them the same way; when nil,
    ///   they are greeted by ``greeting``'s style.
    public func compose(
        opening: Opening, company: String, to person: Interviewer, remembering interview: Interview, greetingLine: String? = nil,
        now: Date
    ) -> Draft {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = interview.zone
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = interview.zone
        formatter.dateFormat =
            calendar.component(.year, from: interview.startsAt) == calendar.component(.year, from: now)
            ? "MMMM" : "MMMM yyyy"
        let when = formatter.string(from: interview.startsAt)
        let place = opening.location.isEmpty ? "" : " (\(opening.location))"
        var lines = [
            greetingLine ?? "Dear \(person.salutation(greeting)),",
            "",
            "Thank you again for your time when we spoke in \(when) about \(Phrasebook.roleTitle(interview.role).map { "the \($0) role" } ?? "the position"). I enjoyed speaking with you and learning more about \(company).",
            "",
            "I noticed that \(company) has opened a \(opening.title) position\(place), and our conversation came to mind. I would be glad to be considered for it, and I plan to apply.",
            "",
            "I look forward to hearing from you.",
            "",
            "Best regards,",
        ]
        if let name = sender.name, !name.isEmpty { lines.append(name) }
        if let signature = sender.signature, !signature.isEmpty { lines.append(signature) }
        let channel = person.channel
        let recipient = channel == .email ? "\(person.name) <\(person.email ?? "")>" : person.name
        return Draft(
            interviewId: interview.storedID, interviewerId: person.storedID, channel: channel, recipient: recipient,
            subject: channel == .email ? Self.subject(title: opening.title, company: company) : nil,
            body: lines.joined(separator: "\n"),
            createdAt: now, updatedAt: now, openingId: opening.id)
    }

    /// A subject that says what the note is and fits AW-SUBJECT's length: the role's title when it fits.
    static func subject(title: String, company: String) -> String {
        let candidates = [
            "Thank you again, and the \(title) opening", "Thank you again, and a new opening at \(company)",
            "Thank you again, and a new opening",
        ]
        return candidates.first { $0.count <= EtiquetteLimits.subjectMaxCharacters } ?? candidates[candidates.count - 1]
    }
}
