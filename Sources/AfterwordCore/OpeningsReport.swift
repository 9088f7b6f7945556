import Foundation

/// One seat of a person on an interview's panel, with what was sent to them for it.
public struct Acquaintance: Sendable, Equatable {
    public var interviewer: Interviewer
    public var interview: Interview
    /// When the thank-you for this interview was sent; nil if it was not (yet).
    public var thankedAt: Date?
    /// When the user marked this person as met.
    public var markedMetAt: Date?

    public init(interviewer: Interviewer, interview: Interview, thankedAt: Date?, markedMetAt: Date?) {
        self.interviewer = interviewer
        self.interview = interview
        self.thankedAt = thankedAt
        self.markedMetAt = markedMetAt
    }

    /// True when the interview, or the interviewer's own company, is `company` (as openings are matched).
    public func isAt(_ company: String) -> Bool {
        CompanyName.same(interview.company, company) || CompanyName.same(interviewer.company ?? "", company)
    }
}

/// A reconnect note written or sent to someone, about an opening.
public struct ReconnectMark: Sendable, Equatable {
    public var interviewerId: Int64
    public var openingId: Int64
    /// When it was written (a draft) or sent, scheduled or handed over (a message).
    public var at: Date
    /// The reconnect draft.
    public var draftId: Int64

    public init(interviewerId: Int64, openingId: Int64, at: Date, draftId: Int64) {
        self.interviewerId = interviewerId
        self.openingId = openingId
        self.at = at
        self.draftId = draftId
    }
}

/// Someone you met at a company, as an opening there shows them.
public struct RememberedPerson: Sendable, Equatable {
    public var interviewerId: Int64
    public var name: String
    /// When you last met them at this company (the interview's start).
    public var met: Date
    /// The role you interviewed for then.
    public var role: String
    /// When your thank-you to them was sent; nil if it was not.
    public var thanked: Date?
    /// True when you marked them as met (a thank-you sent another way).
    public var markedMet: Bool
    /// The reconnect draft about this opening, if one was written.
    public var reconnectDraftId: Int64?
    /// Why a reconnect is not possible now; nil when it is.
    public var reconnectRefusal: String?
}

/// An opening and the people who may remember you there.
public struct RememberedOpening: Sendable, Equatable {
    public var opening: Opening
    public var company: String
    public var people: [RememberedPerson]
    /// Listed on the board's first read: there before the board was watched, so never "new".
    public var seenOnFirstRead: Bool

    public init(opening: Opening, company: String, people: [RememberedPerson], seenOnFirstRead: Bool = false) {
        self.opening = opening
        self.company = company
        self.people = people
        self.seenOnFirstRead = seenOnFirstRead
    }
}

/// Everyone you met, by company, with the reconnects written to them: the one place that says who may
/// remember you at an opening and whether a reconnect to them is allowed (``ReconnectPolicy``).
public struct Acquaintances: Sendable {
    private let byCompany: [String: [Acquaintance]]
    private let byPerson: [Int64: [Acquaintance]]
    private let reconnects: [Int64: [ReconnectMark]]

    /// - Parameters:
    ///   - seats: every seat on every panel.
    ///   - reconnects: every reconnect, by interviewer.
    public init(seats: [Acquaintance], reconnects: [Int64: [ReconnectMark]]) {
        var byCompany: [String: [Acquaintance]] = [:]
        for seat in seats {
            let keys = Set([CompanyName.key(seat.interview.company), CompanyName.key(seat.interviewer.company ?? "")])
            for key in keys where !key.isEmpty { byCompany[key, default: []].append(seat) }
        }
        self.byCompany = byCompany
        byPerson = Dictionary(grouping: seats, by: \.interviewer.storedID)
        self.reconnects = reconnects
    }

    /// True when anyone on record was met at `company`.
    public func metAnyone(at company: String) -> Bool {
        byCompany[CompanyName.key(company)].map { !$0.isEmpty } ?? false
    }

    /// Every seat of one person.
    public func seats(of interviewerId: Int64) -> [Acquaintance] { byPerson[interviewerId] ?? [] }

    /// The people at an opening's company who may remember you: those you thanked first, then the most
    /// recently met; each with the reconnect drafted about it and why a reconnect is not allowed at `now`.
    public func people(at opening: Opening, company: String, now: Date) -> [RememberedPerson] {
        var found: [Int64: RememberedPerson] = [:]
        for seat in byCompany[CompanyName.key(company)] ?? [] {
            let id = seat.interviewer.storedID
            var person =
                found[id]
                ?? RememberedPerson(
                    interviewerId: id, name: seat.interviewer.name, met: seat.interview.startsAt, role: seat.interview.role,
                    thanked: nil, markedMet: seat.markedMetAt != nil)
            if seat.interview.startsAt >= person.met {
                person.met = seat.interview.startsAt
                person.role = seat.interview.role
            }
            if let thanked = seat.thankedAt, thanked > (person.thanked ?? .distantPast) { person.thanked = thanked }
            found[id] = person
        }
        var people = found.values.sorted { left, right in
            if (left.thanked != nil) != (right.thanked != nil) { return left.thanked != nil }
            if left.met != right.met { return left.met > right.met }
            return left.name < right.name
        }
        for index in people.indices {
            let id = people[index].interviewerId
            people[index].reconnectRefusal = refusal(to: id, name: people[index].name, about: opening.id, now: now)
            people[index].reconnectDraftId = (reconnects[id] ?? []).filter { $0.openingId == opening.id }.map(\.draftId).max()
        }
        return people
    }

    /// What the policy knows of one person, for a reconnect about `openingId`: a note about the same
    /// opening is the same reconnect (written again, or on its way), and AW-ONCE keeps it to one.
    public func history(of interviewerId: Int64, about openingId: Int64?) -> ReconnectPolicy.History {
        let seats = seats(of: interviewerId)
        return ReconnectPolicy.History(
            thankedAt: seats.compactMap(\.thankedAt).max(),
            markedMetAt: seats.contains { $0.markedMetAt != nil } ? seats.map(\.interview.endsAt).max() : nil,
            lastReconnectAt: (reconnects[interviewerId] ?? []).filter { $0.openingId != openingId }.map(\.at).max())
    }

    /// Why a reconnect to `name` about `openingId` is not allowed at `now`; nil when it is.
    public func refusal(to interviewerId: Int64, name: String, about openingId: Int64?, now: Date) -> String? {
        ReconnectPolicy.refusal(to: name, history: history(of: interviewerId, about: openingId), now: now)
    }
}

/// A page of openings with the people who may remember you at each: what the Openings page, the Today
/// page and `afterword openings` show.
public struct OpeningsReport: Sendable, Equatable {
    public var openings: [RememberedOpening]
    /// How many openings match in all (the page may show fewer).
    public var total: Int

    /// - Parameter rows: the openings to show, each with its board's company and whether the board's first
    ///   read listed it.
    public init(rows: [(opening: Opening, company: String, onFirstRead: Bool)], total: Int, acquaintances: Acquaintances, now: Date) {
        openings = rows.map { row in
            RememberedOpening(
                opening: row.opening, company: row.company, people: acquaintances.people(at: row.opening, company: row.company, now: now),
                seenOnFirstRead: row.onFirstRead)
        }
        self.total = total
    }
}

/// The job titles the user cares about, from the `openings.roles` setting: phrases separated by commas
/// ("engineer, platform"). A title is admitted when it holds one of the phrases, each word the start of
/// a word of the title ("engineer" admits "Engineering Manager", not "Account Executive"). No phrase
/// admits every title.
public struct RoleFilter: Sendable, Equatable {
    /// Each phrase's words, lower-cased.
    public let phrases: [[String]]

    public init(_ text: String) {
        phrases = text.split(separator: ",").prefix(50).map(Self.words).filter { !$0.isEmpty }
    }

    public var admitsEverything: Bool { phrases.isEmpty }

    /// True when `title` holds one of the phrases.
    public func admits(_ title: String) -> Bool {
        guard !phrases.isEmpty else { return true }
        let words = Self.words(title)
        return phrases.contains { phrase in
            words.indices.contains { start in
                start + phrase.count <= words.count && zip(phrase, words[start...]).allSatisfy { $1.hasPrefix($0) }
            }
        }
    }

    /// Lower-cased, accents aside ("Ingénieur" is "ingenieur"), cut at anything but letters and digits.
    private static func words<S: StringProtocol>(_ text: S) -> [String] {
        String(text.prefix(2_000)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
            .split { !$0.isLetter && !$0.isNumber }.prefix(40).map(String.init)
    }
}

/// The openings worth a line on Today: new since someone there was thanked, in the roles the user cares
/// about, and not at a company whose application is still open.
public struct NewOpenings: Sendable, Equatable {
    /// An interview this recent means the application is still open: openings there wait.
    public static let openApplicationDays = 30

    /// A company whose openings wait, and why.
    public struct HeldBack: Sendable, Equatable {
        public var company: String
        /// The interview there, in the last ``NewOpenings/openApplicationDays`` days.
        public var interviewedAt: Date
        /// How many openings there wait.
        public var openings: Int
    }

    /// Each with only the people whose thank-you left before it was first seen.
    public var openings: [RememberedOpening]
    public var heldBack: [HeldBack]

    /// Sorts `candidates` (openings still listed, newest first): an opening is new only when a board read
    /// after the first listed it, after the thank-you to someone there left.
    /// - Parameter interviews: the interviews of the last ``openApplicationDays`` days (with a panel or not).
    public init(_ candidates: [RememberedOpening], roles: RoleFilter, interviews: [Interview], now: Date) {
        var shown: [RememberedOpening] = []
        var held: [String: HeldBack] = [:]
        var order: [String] = []
        let open = TimeInterval(Self.openApplicationDays) * 86_400
        for candidate in candidates where !candidate.seenOnFirstRead && roles.admits(candidate.opening.title) {
            let firstSeen = candidate.opening.firstSeen
            let people = candidate.people.filter { person in person.thanked.map { $0 < firstSeen } ?? person.markedMet }
            guard !people.isEmpty else { continue }
            let recent = interviews.filter { CompanyName.same($0.company, candidate.company) && now.timeIntervalSince($0.startsAt) < open }
            if let interview = recent.max(by: { $0.startsAt < $1.startsAt }) {
                let key = CompanyName.key(candidate.company)
                if held[key] == nil { order.append(key) }
                held[key, default: HeldBack(company: candidate.company, interviewedAt: interview.startsAt, openings: 0)].openings += 1
                continue
            }
            var kept = candidate
            kept.people = people
            shown.append(kept)
        }
        openings = shown
        heldBack = order.compactMap { held[$0] }
    }
}
