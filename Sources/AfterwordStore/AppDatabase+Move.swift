import AfterwordCore
import Foundation
import GRDB

extension AppDatabase {
    /// Everything in the store, for `afterword export`; read in one consistent view.
    public func snapshot() throws -> StoreSnapshot {
        try writer.read { db in
            let marked = try Row.fetchAll(db, sql: "SELECT id, markedMetAt FROM interviewer WHERE markedMetAt IS NOT NULL")
            var panels: [Int64: [Int64]] = [:]
            for seat in try PanelSeat.order(Column("interviewId"), Column("position")).fetchAll(db) {
                panels[seat.interviewId, default: []].append(seat.interviewerId)
            }
            let reminders = try Row.fetchAll(db, sql: "SELECT interviewId, interviewerId, kind, deadline, givenAt FROM reminder ORDER BY givenAt")
            return StoreSnapshot(
                interviewers: try Interviewer.order(Column("id")).fetchAll(db),
                markedMet: Dictionary(marked.map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first }),
                interviews: try Interview.order(Column("id")).fetchAll(db),
                panels: panels,
                boards: try WatchedBoard.order(Column("id")).fetchAll(db),
                openings: try Opening.order(Column("id")).fetchAll(db),
                drafts: try Draft.order(Draft.Columns.id).fetchAll(db),
                ledger: try LedgerEntry.order(LedgerEntry.Columns.id).fetchAll(db),
                reminders: reminders.compactMap { row in
                    ReminderPolicy.Kind(rawValue: row[2]).map {
                        GivenReminder(
                            key: ReminderPolicy.Key(interviewId: row[0], interviewerId: row[1], kind: $0, deadline: row[3]),
                            givenAt: row[4])
                    }
                })
        }
    }

    /// Adds a snapshot (from another store) to this one in one transaction: people merged as card import
    /// merges them, and interviews, boards, openings, drafts and messages already here reused, so that
    /// importing the same file twice adds nothing the second time. A message whose person, interview and
    /// opening already have a live message here is kept out (AW-ONCE); one that was being sent arrives
    /// uncertain. With `dryRun`, everything is worked out and then rolled back.
    /// - Throws: ``StoreError``; nothing is written then.
    public func restore(_ snapshot: StoreSnapshot, dryRun: Bool = false) throws -> RestoreOutcome {
        var outcome = RestoreOutcome()
        try writer.writeWithoutTransaction { db in
            try db.inTransaction {
                outcome = try restore(db, snapshot)
                return dryRun ? .rollback : .commit
            }
        }
        return outcome
    }

    private func restore(_ db: Database, _ snapshot: StoreSnapshot) throws -> RestoreOutcome {
        var outcome = RestoreOutcome()
        var people: [Int64: Int64] = [:]
        for person in snapshot.interviewers {
            let imported = try importInterviewer(db, person, interviewId: nil)
            count(&outcome.interviewers, existing: imported.merged)
            if let ref = person.id { people[ref] = imported.interviewer.storedID }
        }
        for (ref, date) in snapshot.markedMet {
            guard let id = people[ref] else { continue }
            try db.execute(sql: "UPDATE interviewer SET markedMetAt = COALESCE(markedMetAt, ?) WHERE id = ?", arguments: [date, id])
        }
        var interviews: [Int64: Int64] = [:]
        for interview in snapshot.interviews {
            var stored: Interview
            if let found = try Interview.fetchOne(
                db, sql: "SELECT * FROM interview WHERE company = ? COLLATE NOCASE AND startsAt = ?",
                arguments: [interview.company, interview.startsAt])
            {
                stored = found
                count(&outcome.interviews, existing: true)
            } else {
                stored = interview
                stored.id = nil
                try stored.insert(db)
                count(&outcome.interviews, existing: false)
            }
            guard let ref = interview.id else { continue }
            interviews[ref] = stored.storedID
            for person in snapshot.panels[ref] ?? [] {
                if let id = people[person] { try seat(db, interviewer: id, on: stored.storedID) }
            }
        }
        var boards: [Int64: Int64] = [:]
        for board in snapshot.boards {
            var stored: WatchedBoard
            if let found = try WatchedBoard.filter(
                WatchedBoard.Columns.provider == board.provider && WatchedBoard.Columns.token.collating(.nocase) == board.token
            ).fetchOne(db) {
                stored = found
                count(&outcome.boards, existing: true)
            } else {
                stored = board
                stored.id = nil
                try stored.insert(db)
                count(&outcome.boards, existing: false)
            }
            if let ref = board.id { boards[ref] = stored.storedID }
        }
        var openings: [Int64: Int64] = [:]
        for opening in snapshot.openings {
            guard let boardId = boards[opening.boardId] else { continue }
            var stored: Opening
            if let found = try Opening.filter(Opening.Columns.boardId == boardId && Column("externalId") == opening.externalId).fetchOne(db) {
                stored = found
                count(&outcome.openings, existing: true)
            } else {
                stored = opening
                stored.id = nil
                stored.boardId = boardId
                try stored.insert(db)
                count(&outcome.openings, existing: false)
            }
            if let ref = opening.id { openings[ref] = stored.storedID }
        }
        var drafts: [Int64: Int64] = [:]
        for draft in snapshot.drafts {
            guard let interviewId = interviews[draft.interviewId], let interviewerId = people[draft.interviewerId] else { continue }
            let openingId = draft.openingId.flatMap { openings[$0] }
            var stored: Draft
            if let found = try Draft.fetchOne(
                db,
                sql: "SELECT * FROM draft WHERE interviewId = ? AND interviewerId = ? AND openingId IS ? AND body = ? AND createdAt = ?",
                arguments: [interviewId, interviewerId, openingId, draft.body, draft.createdAt])
            {
                stored = found
                count(&outcome.drafts, existing: true)
            } else {
                stored = draft
                stored.id = nil
                stored.interviewId = interviewId
                stored.interviewerId = interviewerId
                stored.openingId = openingId
                try stored.insert(db)
                count(&outcome.drafts, existing: false)
            }
            if let ref = draft.id { drafts[ref] = stored.storedID }
        }
        for message in snapshot.ledger {
            guard let draftId = drafts[message.draftId], let draft = try Draft.fetchOne(db, key: draftId) else { continue }
            var entry = message
            entry.id = nil
            entry.draftId = draftId
            entry.interviewId = draft.interviewId
            entry.interviewerId = draft.interviewerId
            entry.openingId = draft.openingId
            entry.ownerPid = nil
            entry.owner = nil
            let wasSending = entry.state == .sending
            if wasSending { entry.state = .uncertain }
            if var existing = try LedgerEntry.filter(LedgerEntry.Columns.draftId == draftId && Column("createdAt") == entry.createdAt).fetchOne(db) {
                count(&outcome.messages, existing: true)
                // The file knows how it ended (sent elsewhere after an earlier import): so does this store now.
                if Self.settles(existing.state, with: entry.state) {
                    existing.state = entry.state
                    existing.sentAt = entry.sentAt ?? existing.sentAt
                    existing.serverReply = entry.serverReply ?? existing.serverReply
                    existing.messageId = existing.messageId ?? entry.messageId
                    existing.ownerPid = nil
                    existing.owner = nil
                    existing.updatedAt = entry.updatedAt
                    try existing.update(db)
                    outcome.messagesSettled += 1
                }
                continue
            }
            if MessageState.live.contains(entry.state),
                var here = try LedgerEntry.fetchOne(
                    db,
                    sql: """
                        SELECT * FROM message WHERE interviewId = ? AND interviewerId = ? AND IFNULL(openingId, 0) = ?
                        AND state IN \(MessageState.liveSQL)
                        """,
                    arguments: [entry.interviewId, entry.interviewerId, entry.openingId ?? 0])
            {
                // One live message per person, interview and opening (AW-ONCE). The one that knows more
                // stays: a thank-you the file says was sent (or may have been) sets aside one only
                // waiting here, which would otherwise leave a second time; otherwise the file's is left out.
                guard Self.certainty(entry.state) > Self.certainty(here.state), here.state != .sending else {
                    outcome.messagesKeptOut += 1
                    continue
                }
                here.state = .failed
                here.serverReply =
                    entry.state == .sent
                    ? "not sent: this thank-you was already sent from another Afterword (imported)"
                    : "held back: another Afterword may have sent this thank-you (imported); check your Sent folder"
                here.updatedAt = entry.updatedAt
                try here.update(db)
                outcome.setAside += 1
            }
            try entry.insert(db)
            count(&outcome.messages, existing: false)
            if wasSending { outcome.madeUncertain += 1 }
            if entry.state == .scheduled { outcome.scheduled += 1 }
        }
        for reminder in snapshot.reminders {
            guard let interviewId = interviews[reminder.key.interviewId], let interviewerId = people[reminder.key.interviewerId] else { continue }
            try db.execute(
                sql: "INSERT OR IGNORE INTO reminder (interviewId, interviewerId, kind, deadline, givenAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [interviewId, interviewerId, reminder.key.kind.rawValue, reminder.key.deadline, reminder.givenAt])
        }
        return outcome
    }

    /// How much a live message's state says about whether it left: waiting, in doubt, sent.
    public static func certainty(_ state: MessageState) -> Int {
        switch state {
        case .scheduled: 1
        case .sending, .uncertain: 2
        case .sent: 3
        case .failed: 0
        }
    }

    /// Whether a message here in `state` takes the file's `incoming` state: a sent message stays sent; one
    /// still waiting or in doubt takes the outcome the other store recorded.
    public static func settles(_ state: MessageState, with incoming: MessageState) -> Bool {
        switch (state, incoming) {
        case (.scheduled, .sent), (.sending, .sent), (.uncertain, .sent), (.scheduled, .uncertain), (.uncertain, .failed): true
        default: false
        }
    }

    private func count(_ count: inout RestoreOutcome.Count, existing: Bool) {
        if existing { count.existing += 1 } else { count.added += 1 }
    }
}
