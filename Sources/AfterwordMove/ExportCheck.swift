import AfterwordCore
import AfterwordIntake
import Foundation

/// The checks a decoded export must pass before anything of it is imported: sizes and ranges, and refs
/// that are unique and point at records of the file.
struct ExportCheck {
    let document: ExportDocument
    let file: String

    private static let shortText = 1_000
    private static let longText = 100_000

    func run() throws(IntakeError) {
        let d = document
        try count(d.interviewers.count, "interviewers")
        try count(d.interviews.count, "interviews")
        try count(d.boards.count, "boards")
        try count(d.openings.count, "openings")
        try count(d.drafts.count, "drafts")
        try count(d.ledger.count, "ledger")
        try count(d.reminders.count, "reminders")
        guard d.settings.count <= 500 else { throw error("settings", "too many settings to be Afterword's") }
        for (name, value) in d.settings {
            try text(name, "settings", max: 200)
            try text(value, "settings.\(name)", max: Self.longText)
        }
        let people = try refs(d.interviewers.map(\.ref), "interviewers")
        for (i, p) in d.interviewers.enumerated() {
            let at = "interviewers[\(i)]"
            try text(p.name, "\(at).name", max: Self.shortText, required: true)
            try line(p.name, "\(at).name")
            for (field, value) in [
                ("honorific", p.honorific), ("title", p.title), ("company", p.company), ("email", p.email), ("phone", p.phone),
                ("topic", p.topic),
            ] {
                try text(value, "\(at).\(field)", max: Self.shortText)
                try line(value, "\(at).\(field)")
            }
            if let email = p.email, !EmailAddress.isPlausible(email) {
                throw error("\(at).email", "\"\(email.prefix(80))\" is not an e-mail address")
            }
            try text(p.address, "\(at).address", max: Self.longText)
            try text(p.notes, "\(at).notes", max: Self.longText)
        }
        let interviews = try refs(d.interviews.map(\.ref), "interviews")
        for (i, m) in d.interviews.enumerated() {
            let at = "interviews[\(i)]"
            try text(m.company, "\(at).company", max: Self.shortText, required: true)
            try text(m.role, "\(at).role", max: Self.shortText)
            try line(m.company, "\(at).company")
            try line(m.role, "\(at).role")
            guard TimeZone(identifier: m.timeZone) != nil else {
                throw error("\(at).timeZone", "\"\(m.timeZone)\" is not a time zone; write one like Europe/Berlin or America/New_York")
            }
            guard (1...1440).contains(m.durationMinutes) else {
                throw error("\(at).durationMinutes", "\(m.durationMinutes) is not a length from 1 to 1440 minutes")
            }
            for (field, value) in [("notes", m.notes), ("fit", m.fit), ("inviteDetails", m.inviteDetails)] {
                try text(value, "\(at).\(field)", max: Self.longText)
            }
            guard m.panel.count <= 1_000 else { throw error("\(at).panel", "too many people on one panel") }
            for (j, person) in m.panel.enumerated() { try point(person, into: people, "\(at).panel[\(j)]", "interviewers") }
        }
        let boards = try refs(d.boards.map(\.ref), "boards")
        for (i, b) in d.boards.enumerated() {
            let at = "boards[\(i)]"
            try text(b.company, "\(at).company", max: Self.shortText, required: true)
            try text(b.provider, "\(at).provider", max: 100, required: true)
            try text(b.token, "\(at).token", max: Self.shortText, required: true)
            try text(b.error, "\(at).error", max: Self.longText)
        }
        let openings = try refs(d.openings.map(\.ref), "openings")
        for (i, o) in d.openings.enumerated() {
            let at = "openings[\(i)]"
            try point(o.board, into: boards, "\(at).board", "boards")
            try text(o.externalId, "\(at).externalId", max: Self.shortText, required: true)
            try text(o.title, "\(at).title", max: Self.shortText)
            try text(o.location, "\(at).location", max: Self.shortText)
            try text(o.url, "\(at).url", max: 4_000)
        }
        let drafts = try refs(d.drafts.map(\.ref), "drafts")
        for (i, v) in d.drafts.enumerated() {
            let at = "drafts[\(i)]"
            try point(v.interview, into: interviews, "\(at).interview", "interviews")
            try point(v.interviewer, into: people, "\(at).interviewer", "interviewers")
            if let opening = v.opening { try point(opening, into: openings, "\(at).opening", "openings") }
            try text(v.recipient, "\(at).recipient", max: Self.longText)
            try text(v.subject, "\(at).subject", max: Self.shortText)
            try line(v.subject, "\(at).subject")
            if v.channel == .email { try line(v.recipient, "\(at).recipient") }
            try text(v.body, "\(at).body", max: Self.longText)
            try text(v.composedBody, "\(at).composedBody", max: Self.longText)
        }
        let channels = Dictionary(d.drafts.map { ($0.ref, $0.channel) }, uniquingKeysWith: { first, _ in first })
        for (i, m) in d.ledger.enumerated() {
            let at = "ledger[\(i)]"
            try point(m.draft, into: drafts, "\(at).draft", "drafts")
            guard channels[m.draft] == m.channel else {
                throw error("\(at).channel", "\(m.channel.rawValue), but its draft is \(channels[m.draft]?.rawValue ?? "another")")
            }
            if m.state == .scheduled, m.scheduledAt == nil { throw error("\(at).scheduledAt", "a scheduled message needs the time it is due") }
            try line(m.messageId, "\(at).messageId")
            if let id = m.messageId, id.hasPrefix("<") || id.hasSuffix(">") || !id.contains("@") {
                throw error("\(at).messageId", "\"\(id.prefix(80))\" is not a Message-ID as Afterword keeps it (like 1a2b@example.com, without < >)")
            }
            for (field, value) in [
                ("messageId", m.messageId), ("serverReply", m.serverReply), ("sentLookup", m.sentLookup), ("deferral", m.deferral),
            ] {
                try text(value, "\(at).\(field)", max: Self.longText)
            }
        }
        for (i, r) in d.reminders.enumerated() {
            try point(r.interview, into: interviews, "reminders[\(i)].interview", "interviews")
            try point(r.interviewer, into: people, "reminders[\(i)].interviewer", "interviewers")
        }
    }

    /// A one-line field: no line break or other control character (a header could be forged with one).
    private func line(_ value: String?, _ path: String) throws(IntakeError) {
        guard let value, value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return }
        throw error(path, "holds a line break or control character; it should be one line of text")
    }

    private func error(_ path: String, _ message: String) -> IntakeError {
        IntakeError(file: file, line: 0, field: path, message: message)
    }

    private func count(_ count: Int, _ list: String) throws(IntakeError) {
        guard count <= ExportFile.maximumRecords else {
            throw error(list, "\(count) records is more than one person's Afterword holds (at most \(ExportFile.maximumRecords))")
        }
    }

    private func text(_ value: String?, _ path: String, max: Int, required: Bool = false) throws(IntakeError) {
        guard let value else { return }
        if required, value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw error(path, "empty; it needs a value") }
        guard value.utf8.count <= max else { throw error(path, "longer than \(max) characters") }
    }

    /// The refs of one list, each positive and used once.
    private func refs(_ refs: [Int64], _ list: String) throws(IntakeError) -> Set<Int64> {
        var seen = Set<Int64>()
        for (i, ref) in refs.enumerated() {
            guard ref > 0 else { throw error("\(list)[\(i)].ref", "\(ref) is not a positive whole number") }
            guard seen.insert(ref).inserted else { throw error("\(list)[\(i)].ref", "\(ref) is used by another record of \(list)") }
        }
        return seen
    }

    private func point(_ ref: Int64, into refs: Set<Int64>, _ path: String, _ list: String) throws(IntakeError) {
        guard refs.contains(ref) else { throw error(path, "no record of \(list) has ref \(ref)") }
    }
}
