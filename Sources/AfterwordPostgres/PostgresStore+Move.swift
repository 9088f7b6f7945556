import AfterwordCore
import AfterwordStore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func snapshot() throws -> StoreSnapshot {
        try pool.transaction { c in
            try pool.run(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            var panels: [Int64: [Int64]] = [:]
            for row in try pool.rows(c, "SELECT interviewId, interviewerId FROM panelSeat ORDER BY interviewId, position") {
                let (interview, person) = try row.decode((Int64, Int64).self)
                panels[interview, default: []].append(person)
            }
            return StoreSnapshot(
                interviewers: try pool.rows(c, "SELECT \(unescaped: Self.interviewerColumns) FROM interviewer ORDER BY id").map(Interviewer.init),
                markedMet: Dictionary(
                    try pool.rows(c, "SELECT id, markedMetAt FROM interviewer WHERE markedMetAt IS NOT NULL").map { try $0.decode((Int64, Date).self) },
                    uniquingKeysWith: { first, _ in first }),
                interviews: try pool.rows(c, "SELECT \(unescaped: Self.interviewColumns) FROM interview ORDER BY id").map(Interview.init),
                panels: panels,
                boards: try pool.rows(c, "SELECT \(unescaped: Self.boardColumns) FROM board ORDER BY id").map(WatchedBoard.init),
                openings: try pool.rows(c, "SELECT \(unescaped: Self.openingColumns) FROM opening ORDER BY id").map(Opening.init),
                drafts: try pool.rows(c, "SELECT \(unescaped: Self.draftColumns) FROM draft ORDER BY id").map(Draft.init),
                ledger: try pool.rows(c, "SELECT \(unescaped: Self.messageColumns) FROM message ORDER BY id").map(LedgerEntry.init),
                reminders: try pool.rows(c, "SELECT interviewId, interviewerId, kind, deadline, givenAt FROM reminder ORDER BY givenAt").compactMap { row in
                    let (interview, person, kind, deadline, givenAt) = try row.decode((Int64, Int64, String, Date, Date).self)
                    return ReminderPolicy.Kind(rawValue: kind).map {
                        GivenReminder(key: ReminderPolicy.Key(interviewId: interview, interviewerId: person, kind: $0, deadline: deadline), givenAt: givenAt)
                    }
                })
        }
    }

    public func restore(_ snapshot: StoreSnapshot, dryRun: Bool) throws -> RestoreOutcome {
        try pool.withConnection { c in
            try pool.run(c, "BEGIN")
            do {
                let outcome = try restore(c, snapshot)
                try pool.run(c, dryRun ? "ROLLBACK" : "COMMIT")
                return outcome
            } catch {
                _ = try? pool.run(c, "ROLLBACK")
                throw error
            }
        }
    }

    private func restore(_ c: PostgresConnection, _ snapshot: StoreSnapshot) throws -> RestoreOutcome {
        var outcome = RestoreOutcome()
        func count(_ tally: inout RestoreOutcome.Count, existing: Bool) {
            if existing { tally.existing += 1 } else { tally.added += 1 }
        }
        var people: [Int64: Int64] = [:]
        for person in snapshot.interviewers {
            let imported = try importInterviewer(c, person, interviewId: nil)
            count(&outcome.interviewers, existing: imported.merged)
            if let ref = person.id { people[ref] = imported.interviewer.storedID }
        }
        for (ref, date) in snapshot.markedMet {
            guard let id = people[ref] else { continue }
            try pool.run(c, "UPDATE interviewer SET markedMetAt = COALESCE(markedMetAt, \(date)) WHERE id = \(id)")
        }
        var interviews: [Int64: Int64] = [:]
        for interview in snapshot.interviews {
            let storedID: Int64
            if let found = try pool.rows(
                c, "SELECT id FROM interview WHERE lower(company) = lower(\(interview.company)) AND startsAt = \(interview.startsAt) LIMIT 1"
            ).first?.decode(Int64.self) {
                storedID = found
                count(&outcome.interviews, existing: true)
            } else {
                var fresh = interview
                fresh.id = nil
                storedID = try insert(c, fresh).storedID
                count(&outcome.interviews, existing: false)
            }
            guard let ref = interview.id else { continue }
            interviews[ref] = storedID
            for person in snapshot.panels[ref] ?? [] {
                if let id = people[person] { try seat(c, interviewer: id, on: storedID) }
            }
        }
        var boards: [Int64: Int64] = [:]
        for board in snapshot.boards {
            let storedID: Int64
            if let found = try pool.rows(
                c, "SELECT id FROM board WHERE provider = \(board.provider.id) AND lower(token) = lower(\(board.token)) LIMIT 1"
            ).first?.decode(Int64.self) {
                storedID = found
                count(&outcome.boards, existing: true)
            } else {
                var fresh = board
                fresh.id = nil
                storedID = try insert(c, fresh).storedID
                count(&outcome.boards, existing: false)
            }
            if let ref = board.id { boards[ref] = storedID }
        }
        var openings: [Int64: Int64] = [:]
        for opening in snapshot.openings {
            guard let boardId = boards[opening.boardId] else { continue }
            let o = opening
            let storedID: Int64
            if let found = try pool.rows(c, "SELECT id FROM opening WHERE boardId = \(boardId) AND externalId = \(o.externalId)").first?
                .decode(Int64.self)
            {
                storedID = found
                count(&outcome.openings, existing: true)
            } else {
                storedID =
                    try pool.rows(
                        c,
                        """
                        INSERT INTO opening (boardId, externalId, title, location, url, firstSeen, lastSeen, closedAt)
                        VALUES (\(boardId), \(o.externalId), \(o.title), \(o.location), \(o.url), \(o.firstSeen), \(o.lastSeen), \(o.closedAt))
                        RETURNING id
                        """
                    ).first?.decode(Int64.self) ?? 0
                count(&outcome.openings, existing: false)
            }
            if let ref = opening.id { openings[ref] = storedID }
        }
        var drafts: [Int64: Draft] = [:]
        for draft in snapshot.drafts {
            guard let interviewId = interviews[draft.interviewId], let interviewerId = people[draft.interviewerId] else { continue }
            let openingId = draft.openingId.flatMap { openings[$0] }
            var stored: Draft
            if let found = try pool.rows(
                c,
                """
                SELECT \(unescaped: Self.draftColumns) FROM draft WHERE interviewId = \(interviewId) AND interviewerId = \(interviewerId)
                AND openingId IS NOT DISTINCT FROM \(openingId) AND body = \(draft.body) AND createdAt = \(draft.createdAt) LIMIT 1
                """
            ).first.map(Draft.init) {
                stored = found
                count(&outcome.drafts, existing: true)
            } else {
                stored = draft
                stored.id = nil
                stored.interviewId = interviewId
                stored.interviewerId = interviewerId
                stored.openingId = openingId
                stored = try insert(c, stored)
                count(&outcome.drafts, existing: false)
            }
            if let ref = draft.id { drafts[ref] = stored }
        }
        for message in snapshot.ledger {
            guard let draft = drafts[message.draftId] else { continue }
            var entry = message
            entry.draftId = draft.storedID
            entry.interviewId = draft.interviewId
            entry.interviewerId = draft.interviewerId
            entry.openingId = draft.openingId
            let wasSending = entry.state == .sending
            if wasSending { entry.state = .uncertain }
            if let existing = try pool.rows(
                c, "SELECT \(unescaped: Self.messageColumns) FROM message WHERE draftId = \(draft.storedID) AND createdAt = \(entry.createdAt) LIMIT 1"
            ).first.map(LedgerEntry.init) {
                count(&outcome.messages, existing: true)
                if AppDatabase.settles(existing.state, with: entry.state) {
                    try pool.run(
                        c,
                        """
                        UPDATE message SET state = \(entry.state.rawValue), sentAt = COALESCE(\(entry.sentAt), sentAt),
                            serverReply = COALESCE(\(entry.serverReply), serverReply), messageId = COALESCE(messageId, \(entry.messageId)),
                            ownerPid = NULL, owner = NULL, updatedAt = \(entry.updatedAt) WHERE id = \(existing.storedID)
                        """)
                    outcome.messagesSettled += 1
                }
                continue
            }
            if MessageState.live.contains(entry.state),
                let here = try pool.rows(
                    c,
                    """
                    SELECT \(unescaped: Self.messageColumns) FROM message WHERE interviewId = \(entry.interviewId)
                    AND interviewerId = \(entry.interviewerId) AND openingId IS NOT DISTINCT FROM \(entry.openingId)
                    AND state IN ('scheduled', 'sending', 'sent', 'uncertain') FOR UPDATE
                    """
                ).first.map(LedgerEntry.init)
            {
                guard AppDatabase.certainty(entry.state) > AppDatabase.certainty(here.state), here.state != .sending else {
                    outcome.messagesKeptOut += 1
                    continue
                }
                let reply =
                    entry.state == .sent
                    ? "not sent: this thank-you was already sent from another Afterword (imported)"
                    : "held back: another Afterword may have sent this thank-you (imported); check your Sent folder"
                try pool.run(
                    c, "UPDATE message SET state = 'failed', serverReply = \(reply), updatedAt = \(entry.updatedAt) WHERE id = \(here.storedID)")
                outcome.setAside += 1
            }
            try pool.run(
                c,
                """
                INSERT INTO message (draftId, interviewId, interviewerId, channel, state, transport, messageId, scheduledAt, sentAt, serverReply,
                                     createdAt, updatedAt, openingId, sentLookup, deferral)
                VALUES (\(entry.draftId), \(entry.interviewId), \(entry.interviewerId), \(entry.channel.rawValue), \(entry.state.rawValue),
                        \(entry.transport.rawValue), \(entry.messageId), \(entry.scheduledAt), \(entry.sentAt), \(entry.serverReply),
                        \(entry.createdAt), \(entry.updatedAt), \(entry.openingId), \(entry.sentLookup), \(entry.deferral))
                """)
            count(&outcome.messages, existing: false)
            if wasSending { outcome.madeUncertain += 1 }
            if entry.state == .scheduled { outcome.scheduled += 1 }
        }
        for reminder in snapshot.reminders {
            guard let interviewId = interviews[reminder.key.interviewId], let interviewerId = people[reminder.key.interviewerId] else { continue }
            try pool.run(
                c,
                """
                INSERT INTO reminder (interviewId, interviewerId, kind, deadline, givenAt)
                VALUES (\(interviewId), \(interviewerId), \(reminder.key.kind.rawValue), \(reminder.key.deadline), \(reminder.givenAt))
                ON CONFLICT DO NOTHING
                """)
        }
        return outcome
    }
}

extension PostgresStore: RecordStore {}
