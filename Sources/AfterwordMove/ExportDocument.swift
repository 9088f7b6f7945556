import AfterwordCore
import Foundation

/// The file `afterword export` writes and `afterword import` reads: one person's whole Afterword, as
/// documented in `docs/export-format.md` (with a JSON Schema beside it). Records refer to each other
/// by `ref`, a number unique within its list; the store gives new ids on import.
public struct ExportDocument: Codable, Sendable, Equatable {
    /// What `format` always says.
    public static let formatName = "afterword-export"
    /// The version this Afterword writes, and the newest it reads.
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    public var exportedAt: Date
    public var exportedBy: String
    /// Settings by name; never a password, a token or a command that prints one.
    public var settings: [String: String]
    public var interviewers: [Person]
    public var interviews: [Meeting]
    public var boards: [Board]
    public var openings: [Posting]
    public var drafts: [Version]
    public var ledger: [Message]
    public var reminders: [Reminder]

    public struct Person: Codable, Sendable, Equatable {
        public var ref: Int64
        public var name: String
        public var honorific, title, company, email, phone, address, notes, topic: String?
        public var markedMetAt: Date?
        public var createdAt: Date

        enum CodingKeys: String, CodingKey {
            case ref, name, honorific, title, company, email, phone, address, notes, topic, markedMetAt, createdAt
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(ref, forKey: .ref)
            try c.encode(name, forKey: .name)
            try c.encode(honorific, forKey: .honorific)
            try c.encode(title, forKey: .title)
            try c.encode(company, forKey: .company)
            try c.encode(email, forKey: .email)
            try c.encode(phone, forKey: .phone)
            try c.encode(address, forKey: .address)
            try c.encode(notes, forKey: .notes)
            try c.encode(topic, forKey: .topic)
            try c.encode(markedMetAt, forKey: .markedMetAt)
            try c.encode(createdAt, forKey: .createdAt)
        }
    }

    public struct Meeting: Codable, Sendable, Equatable {
        public var ref: Int64
        public var company: String
        public var role: String
        /// When it starts.
        public var at: Date
        public var timeZone: String
        public var durationMinutes: Int
        public var format: InterviewFormat
        public var notes: String
        public var fit: String?
        public var inviteDetails: String?
        public var createdAt: Date
        /// The `ref`s of the people on its panel, in order.
        public var panel: [Int64]

        enum CodingKeys: String, CodingKey {
            case ref, company, role, at, timeZone, durationMinutes, format, notes, fit, inviteDetails, createdAt, panel
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(ref, forKey: .ref)
            try c.encode(company, forKey: .company)
            try c.encode(role, forKey: .role)
            try c.encode(at, forKey: .at)
            try c.encode(timeZone, forKey: .timeZone)
            try c.encode(durationMinutes, forKey: .durationMinutes)
            try c.encode(format, forKey: .format)
            try c.encode(notes, forKey: .notes)
            try c.encode(fit, forKey: .fit)
            try c.encode(inviteDetails, forKey: .inviteDetails)
            try c.encode(createdAt, forKey: .createdAt)
            try c.encode(panel, forKey: .panel)
        }
    }

    public struct Board: Codable, Sendable, Equatable {
        public var ref: Int64
        public var company: String
        public var provider: String
        public var token: String
        public var addedAt: Date
        public var checkedAt: Date?
        public var error: String?

        enum CodingKeys: String, CodingKey { case ref, company, provider, token, addedAt, checkedAt, error }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(ref, forKey: .ref)
            try c.encode(company, forKey: .company)
            try c.encode(provider, forKey: .provider)
            try c.encode(token, forKey: .token)
            try c.encode(addedAt, forKey: .addedAt)
            try c.encode(checkedAt, forKey: .checkedAt)
            try c.encode(error, forKey: .error)
        }
    }

    public struct Posting: Codable, Sendable, Equatable {
        public var ref: Int64
        public var board: Int64
        public var externalId: String
        public var title: String
        public var location: String
        public var url: String
        public var firstSeen: Date
        public var lastSeen: Date
        public var closedAt: Date?

        enum CodingKeys: String, CodingKey { case ref, board, externalId, title, location, url, firstSeen, lastSeen, closedAt }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(ref, forKey: .ref)
            try c.encode(board, forKey: .board)
            try c.encode(externalId, forKey: .externalId)
            try c.encode(title, forKey: .title)
            try c.encode(location, forKey: .location)
            try c.encode(url, forKey: .url)
            try c.encode(firstSeen, forKey: .firstSeen)
            try c.encode(lastSeen, forKey: .lastSeen)
            try c.encode(closedAt, forKey: .closedAt)
        }
    }

    /// One version of a draft.
    public struct Version: Codable, Sendable, Equatable {
        public var ref: Int64
        public var interview: Int64
        public var interviewer: Int64
        public var opening: Int64?
        public var channel: Channel
        public var recipient: String
        public var subject: String?
        public var body: String
        /// The body as Afterword composed it, to tell a hand edit from its own words.
        public var composedBody: String?
        public var createdAt: Date
        public var updatedAt: Date
        public var printedAt: Date?

        enum CodingKeys: String, CodingKey {
            case ref, interview, interviewer, opening, channel, recipient, subject, body, composedBody, createdAt, updatedAt, printedAt
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(ref, forKey: .ref)
            try c.encode(interview, forKey: .interview)
            try c.encode(interviewer, forKey: .interviewer)
            try c.encode(opening, forKey: .opening)
            try c.encode(channel, forKey: .channel)
            try c.encode(recipient, forKey: .recipient)
            try c.encode(subject, forKey: .subject)
            try c.encode(body, forKey: .body)
            try c.encode(composedBody, forKey: .composedBody)
            try c.encode(createdAt, forKey: .createdAt)
            try c.encode(updatedAt, forKey: .updatedAt)
            try c.encode(printedAt, forKey: .printedAt)
        }
    }

    /// One message in the ledger: the draft version it sent, and what became of it.
    public struct Message: Codable, Sendable, Equatable {
        public var draft: Int64
        public var channel: Channel
        public var transport: TransportKind
        public var state: MessageState
        public var messageId: String?
        public var scheduledAt: Date?
        public var sentAt: Date?
        public var serverReply: String?
        public var sentLookup: String?
        public var deferral: String?
        public var createdAt: Date
        public var updatedAt: Date

        enum CodingKeys: String, CodingKey {
            case draft, channel, transport, state, messageId, scheduledAt, sentAt, serverReply, sentLookup, deferral, createdAt, updatedAt
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(draft, forKey: .draft)
            try c.encode(channel, forKey: .channel)
            try c.encode(transport, forKey: .transport)
            try c.encode(state, forKey: .state)
            try c.encode(messageId, forKey: .messageId)
            try c.encode(scheduledAt, forKey: .scheduledAt)
            try c.encode(sentAt, forKey: .sentAt)
            try c.encode(serverReply, forKey: .serverReply)
            try c.encode(sentLookup, forKey: .sentLookup)
            try c.encode(deferral, forKey: .deferral)
            try c.encode(createdAt, forKey: .createdAt)
            try c.encode(updatedAt, forKey: .updatedAt)
        }
    }

    public struct Reminder: Codable, Sendable, Equatable {
        public var interview: Int64
        public var interviewer: Int64
        public var kind: ReminderPolicy.Kind
        public var deadline: Date
        public var givenAt: Date
    }
}

extension ExportDocument {
    /// The document of a store's snapshot, with its settings.
    public init(_ snapshot: StoreSnapshot, settings: [String: String], exportedAt: Date, exportedBy: String) {
        format = Self.formatName
        version = Self.currentVersion
        self.exportedAt = exportedAt
        self.exportedBy = exportedBy
        self.settings = settings
        interviewers = snapshot.interviewers.map { p in
            Person(
                ref: p.storedID, name: p.name, honorific: p.honorific, title: p.title, company: p.company, email: p.email,
                phone: p.phone, address: p.address, notes: p.notes, topic: p.topic, markedMetAt: snapshot.markedMet[p.storedID],
                createdAt: p.createdAt)
        }
        interviews = snapshot.interviews.map { i in
            Meeting(
                ref: i.storedID, company: i.company, role: i.role, at: i.startsAt, timeZone: i.timeZone,
                durationMinutes: i.durationMinutes, format: i.format, notes: i.notes, fit: i.fit, inviteDetails: i.inviteDetails,
                createdAt: i.createdAt, panel: snapshot.panels[i.storedID] ?? [])
        }
        boards = snapshot.boards.map { b in
            Board(ref: b.storedID, company: b.company, provider: b.provider.id, token: b.token, addedAt: b.addedAt, checkedAt: b.checkedAt, error: b.error)
        }
        openings = snapshot.openings.map { o in
            Posting(
                ref: o.storedID, board: o.boardId, externalId: o.externalId, title: o.title, location: o.location, url: o.url,
                firstSeen: o.firstSeen, lastSeen: o.lastSeen, closedAt: o.closedAt)
        }
        drafts = snapshot.drafts.map { d in
            Version(
                ref: d.storedID, interview: d.interviewId, interviewer: d.interviewerId, opening: d.openingId, channel: d.channel,
                recipient: d.recipient, subject: d.subject, body: d.body, composedBody: d.composedBody, createdAt: d.createdAt,
                updatedAt: d.updatedAt, printedAt: d.printedAt)
        }
        ledger = snapshot.ledger.map { m in
            Message(
                draft: m.draftId, channel: m.channel, transport: m.transport, state: m.state, messageId: m.messageId,
                scheduledAt: m.scheduledAt, sentAt: m.sentAt, serverReply: m.serverReply, sentLookup: m.sentLookup,
                deferral: m.deferral, createdAt: m.createdAt, updatedAt: m.updatedAt)
        }
        reminders = snapshot.reminders.map { r in
            Reminder(
                interview: r.key.interviewId, interviewer: r.key.interviewerId, kind: r.key.kind, deadline: r.key.deadline,
                givenAt: r.givenAt)
        }
    }

    /// The records to import, tied together by their refs (checked by ``ExportReader``).
    public var snapshot: StoreSnapshot {
        let draftsByRef = Dictionary(drafts.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
        return StoreSnapshot(
            interviewers: interviewers.map { p in
                Interviewer(
                    id: p.ref, name: p.name, honorific: p.honorific, title: p.title, company: p.company, email: p.email,
                    phone: p.phone, address: p.address, notes: p.notes, topic: p.topic, createdAt: p.createdAt)
            },
            markedMet: Dictionary(
                interviewers.compactMap { p in p.markedMetAt.map { (p.ref, $0) } }, uniquingKeysWith: { first, _ in first }),
            interviews: interviews.map { i in
                Interview(
                    id: i.ref, company: i.company, role: i.role, startsAt: i.at, timeZone: i.timeZone,
                    durationMinutes: i.durationMinutes, format: i.format, notes: i.notes, fit: i.fit, inviteDetails: i.inviteDetails,
                    createdAt: i.createdAt)
            },
            panels: Dictionary(interviews.map { ($0.ref, $0.panel) }, uniquingKeysWith: { first, _ in first }),
            boards: boards.map { b in
                WatchedBoard(
                    id: b.ref, company: b.company, provider: BoardProvider(storedName: b.provider), token: b.token, addedAt: b.addedAt,
                    checkedAt: b.checkedAt, error: b.error)
            },
            openings: openings.map { o in
                Opening(
                    id: o.ref, boardId: o.board, externalId: o.externalId, title: o.title, location: o.location, url: o.url,
                    firstSeen: o.firstSeen, lastSeen: o.lastSeen, closedAt: o.closedAt)
            },
            drafts: drafts.map { d in
                var draft = Draft(
                    id: d.ref, interviewId: d.interview, interviewerId: d.interviewer, channel: d.channel, recipient: d.recipient,
                    subject: d.subject, body: d.body, createdAt: d.createdAt, updatedAt: d.updatedAt, openingId: d.opening)
                draft.composedBody = d.composedBody
                draft.printedAt = d.printedAt
                return draft
            },
            ledger: ledger.compactMap { m in
                guard let draft = draftsByRef[m.draft] else { return nil }
                var entry = LedgerEntry(
                    draftId: m.draft, interviewId: draft.interview, interviewerId: draft.interviewer, channel: m.channel, state: m.state,
                    transport: m.transport, messageId: m.messageId, scheduledAt: m.scheduledAt, sentAt: m.sentAt,
                    serverReply: m.serverReply, createdAt: m.createdAt, updatedAt: m.updatedAt, openingId: draft.opening)
                entry.sentLookup = m.sentLookup
                entry.deferral = m.deferral
                return entry
            },
            reminders: reminders.map { r in
                GivenReminder(
                    key: ReminderPolicy.Key(interviewId: r.interview, interviewerId: r.interviewer, kind: r.kind, deadline: r.deadline),
                    givenAt: r.givenAt)
            })
    }
}
