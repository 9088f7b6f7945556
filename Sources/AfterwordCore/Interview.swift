import Foundation

/// How the interview took place.
public enum InterviewFormat: String, Codable, Sendable, CaseIterable {
    case onSite = "on-site"
    case video
    case phone

    /// Parses the forms people type: "onsite", "on site", "in-person", "Zoom"…
    public init?(userInput: String) {
        let key = userInput.lowercased().filter { $0.isLetter }
        switch key {
        case "onsite", "inperson", "office", "site": self = .onSite
        case "video", "zoom", "teams", "meet", "remote", "videocall": self = .video
        case "phone", "telephone", "call", "phonescreen": self = .phone
        default: return nil
        }
    }
}

/// One interview: who, what role, when (with its time zone) and what was discussed.
public struct Interview: Codable, Sendable, Equatable {
    public var id: Int64?
    public var company: String
    public var role: String
    /// The instant the interview started.
    public var startsAt: Date
    /// The interview's time zone: an IANA name ("America/New_York") or a fixed offset ("GMT-0500").
    public var timeZone: String
    public var durationMinutes: Int
    public var format: InterviewFormat
    /// The user's own notes on what was discussed; the specifics that personalise the note.
    public var notes: String
    /// What the user brings to the role, in their words ("my five years running Kafka at scale"):
    /// the draft links it to the conversation in one sentence.
    public var fit: String?
    /// The description of the calendar invite it came from (agenda, links, dial-ins): shown and
    /// searched, read for topic suggestions, never written into a draft.
    public var inviteDetails: String?
    public var createdAt: Date

    public init(
        id: Int64? = nil, company: String, role: String, startsAt: Date, timeZone: String,
        durationMinutes: Int = 60, format: InterviewFormat = .onSite, notes: String = "", fit: String? = nil,
        inviteDetails: String? = nil, createdAt: Date
    ) {
        self.inviteDetails = inviteDetails
        self.id = id
        self.company = company
        self.role = role
        self.startsAt = startsAt
        self.timeZone = timeZone
        self.durationMinutes = durationMinutes
        self.format = format
        self.notes = notes
        self.fit = fit
        self.createdAt = createdAt
    }

    /// The instant the interview ended.
    public var endsAt: Date { startsAt.addingTimeInterval(TimeInterval(durationMinutes * 60)) }

    /// The interview's time zone as a value (UTC if the stored name is unknown).
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)! }
}

/// A person the user met: their details as on their business card.
public struct Interviewer: Codable, Sendable, Equatable {
    public var id: Int64?
    public var name: String
    /// How a formal letter addresses them ("Ms.", "Dr."), from their card or typed by the user.
    public var honorific: String?
    public var title: String?
    public var company: String?
    public var email: String?
    public var phone: String?
    /// Postal address, lines separated by newlines.
    public var address: String?
    /// The user's notes on their conversation with this person: read for topic suggestions, never pasted into a draft.
    public var notes: String?
    /// What their thank-you says the conversation was about, as the user confirmed it
    /// ("the move from Airflow to Dagster"); checked by ``Topic/read(_:others:)``.
    public var topic: String?
    public var createdAt: Date

    public init(
        id: Int64? = nil, name: String, honorific: String? = nil, title: String? = nil, company: String? = nil,
        email: String? = nil, phone: String? = nil, address: String? = nil, notes: String? = nil, topic: String? = nil,
        createdAt: Date
    ) {
        self.topic = topic
        self.id = id
        self.name = name
        self.honorific = honorific
        self.notes = notes
        self.title = title
        self.company = company
        self.email = email
        self.phone = phone
        self.address = address
        self.createdAt = createdAt
    }

    /// The channel AW-CHANNEL picks for this person.
    public var channel: Channel { Channel.choose(email: email, address: address) }

    /// True when their name is only a reading of their e-mail address ("mtran@…" → "Mtran"), as an
    /// invite without a display name gives it: a greeting needs the name as on their card.
    public var nameIsFromEmail: Bool {
        guard let local = email?.split(separator: "@").first else { return false }
        let guessed = local.split(whereSeparator: { ".-_+".contains($0) }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
        return guessed == name
    }
}

/// An interview with the people on its panel, in the order they were seated.
public struct InterviewDetail: Codable, Sendable, Equatable {
    public var interview: Interview
    public var interviewers: [Interviewer]

    public init(interview: Interview, interviewers: [Interviewer]) {
        self.interview = interview
        self.interviewers = interviewers
    }
}

/// An interviewer with the interviews they sat on.
public struct InterviewerDetail: Codable, Sendable, Equatable {
    public var interviewer: Interviewer
    public var interviews: [Interview]

    public init(interviewer: Interviewer, interviews: [Interview]) {
        self.interviewer = interviewer
        self.interviews = interviews
    }
}

/// What happened to one person added or imported.
public struct ImportOutcome: Sendable, Equatable {
    public var interviewer: Interviewer
    /// True when the person was already known (same e-mail, or same name and company) and was merged.
    public var merged: Bool

    public init(interviewer: Interviewer, merged: Bool) {
        self.interviewer = interviewer
        self.merged = merged
    }
}
