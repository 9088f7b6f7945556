import AfterwordCore
import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// AW-ONCE, enforced: a thank-you is in the ledger before it leaves, and a second one is refused.
extension AppDatabase: Ledger {

    public func open(
        _ draft: Draft, state: MessageState, scheduledAt: Date?, transport: TransportKind, messageId: String, now: Date
    ) throws -> LedgerEntry {
        try writer.write { db in
            if var live = try liveEntry(db, interviewId: draft.interviewId, interviewerId: draft.interviewerId, openingId: draft.openingId) {
                if live.state == .scheduled, state == .sending, live.draftId == draft.id {
                    // The user chose to send a scheduled thank-you now: the same entry, not a second one.
                    live.state = .sending
                    live.transport = transport
                    live.ownerPid = getpid()
                    live.owner = ProcessIdentity.current
                    live.updatedAt = now
                    try live.update(db)
                    return live
                }
                throw try refusal(db, live)
            }
            var entry = LedgerEntry(
                draftId: draft.storedID, interviewId: draft.interviewId, interviewerId: draft.interviewerId,
                channel: draft.channel, state: state, transport: transport, messageId: messageId,
                scheduledAt: scheduledAt, ownerPid: state == .sending ? getpid() : nil, createdAt: now, updatedAt: now,
                openingId: draft.openingId)
            entry.owner = state == .sending ? ProcessIdentity.current : nil
            try entry.insert(db)
            return entry
        }
    }

    public func claim(_ ids: [Int64], now: Date) throws -> [LedgerEntry] {
        try writer.write { db in
            var claimed: [LedgerEntry] = []
            // Conditional on still being scheduled: a second `send --due` running at once claims none of these.
            for chunk in ids.chunks(of: 500) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                claimed += try LedgerEntry.fetchAll(
                    db,
                    sql: "UPDATE message SET state = 'sending', ownerPid = ?, owner = ?, updatedAt = ? WHERE id IN (\(marks)) AND state = 'scheduled' RETURNING *",
                    arguments: StatementArguments([getpid(), ProcessIdentity.current, now] as [any DatabaseValueConvertible])
                        + StatementArguments(chunk))
            }
            let order = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            return claimed.sorted { order[$0.storedID] ?? 0 < order[$1.storedID] ?? 0 }
        }
    }

    public func due(now: Date) throws -> [LedgerEntry] {
        try writer.read { db in
            try LedgerEntry.filter(LedgerEntry.Columns.state == MessageState.scheduled.rawValue && LedgerEntry.Columns.scheduledAt <= now)
                .order(LedgerEntry.Columns.scheduledAt, LedgerEntry.Columns.id).fetchAll(db)
        }
    }

    public func close(_ results: [LedgerResult], now: Date) throws {
        try writer.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE message SET state = ?, serverReply = ?, updatedAt = ?, ownerPid = NULL, owner = NULL,
                        sentAt = CASE WHEN ? THEN ? ELSE sentAt END
                    WHERE id = ?
                    """)
            for result in results {
                try statement.execute(arguments: [result.state.rawValue, result.reply, now, result.state == .sent, now, result.id])
            }
        }
    }

    /// Closes one entry.
    public func close(_ id: Int64, as state: MessageState, reply: String?, now: Date) throws {
        try close([LedgerResult(id: id, state: state, reply: reply)], now: now)
    }

    /// Settles an uncertain thank-you after the user looked in their Sent folder.
    /// - Parameter delivered: true marks it sent; false marks it failed, so that it may be sent again.
    /// - Throws: ``StoreError`` when nothing about this draft is uncertain.
    public func resolve(draftId: Int64, delivered: Bool, now: Date) throws -> LedgerEntry {
        try sweepInterrupted(now: now)
        return try writer.write { db in
            guard let draft = try Draft.fetchOne(db, key: draftId) else {
                throw StoreError.notFound("draft", draftId, remedy: .seeStatus)
            }
            guard var entry = try LedgerEntry.filter(
                LedgerEntry.Columns.interviewId == draft.interviewId && LedgerEntry.Columns.interviewerId == draft.interviewerId
                    && LedgerEntry.Columns.openingId == draft.openingId && LedgerEntry.Columns.state == MessageState.uncertain.rawValue
            ).fetchOne(db) else {
                throw StoreError(
                    code: .conflict,
                    message: "nothing is uncertain for draft #\(draftId): only a send that was interrupted can be settled")
            }
            entry.state = delivered ? .sent : .failed
            entry.serverReply = (entry.serverReply.map { $0 + "; " } ?? "")
                + (delivered ? "confirmed delivered by the user" : "confirmed not delivered by the user")
            if delivered { entry.sentAt = entry.sentAt ?? entry.updatedAt }
            entry.updatedAt = now
            try entry.update(db)
            return entry
        }
    }

    /// Every uncertain entry, oldest first: the messages that may have been delivered.
    public func uncertainEntries() throws -> [LedgerEntry] {
        try writer.read { db in
            try LedgerEntry.filter(LedgerEntry.Columns.state == MessageState.uncertain.rawValue).order(LedgerEntry.Columns.id).fetchAll(db)
        }
    }

    /// Records what a look in the Sent folder found for an uncertain entry.
    public func noteSentLookup(_ id: Int64, _ text: String) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE message SET sentLookup = ? WHERE id = ? AND state = 'uncertain'", arguments: [text, id])
        }
    }

    /// Records why scheduled entries have not left (nil clears it).
    public func noteDeferral(_ ids: [Int64], _ text: String?) throws {
        guard !ids.isEmpty else { return }
        try writer.write { db in
            for chunk in ids.chunks(of: 500) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                try db.execute(
                    sql: "UPDATE message SET deferral = ? WHERE id IN (\(marks)) AND state = 'scheduled'",
                    arguments: StatementArguments([text]) + StatementArguments(chunk))
            }
        }
    }

    /// The notes kept for live entries, by draft: what the Sent folder showed, why a message waits.
    public func ledgerNotes() throws -> [Int64: String] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT draftId, sentLookup, deferral, state FROM message WHERE (state = 'uncertain' AND sentLookup IS NOT NULL) OR (state = 'scheduled' AND deferral IS NOT NULL)")
            var notes: [Int64: String] = [:]
            for row in rows {
                let state: String = row["state"]
                notes[row["draftId"]] = state == "uncertain" ? row["sentLookup"] : row["deferral"]
            }
            return notes
        }
    }

    /// Marks every `sending` entry whose process is gone as `uncertain`: a crash or a kill between
    /// the first byte and the server's answer must never lead to a second send without the user's say.
    public func sweepInterrupted(now: Date) throws {
        // Most of the time nothing is being sent: look before taking the write lock.
        let sending = try writer.read { db in
            try LedgerEntry.filter(LedgerEntry.Columns.state == MessageState.sending.rawValue).fetchCount(db)
        }
        guard sending > 0 else { return }
        try writer.write { db in
            let sending = try LedgerEntry.filter(LedgerEntry.Columns.state == MessageState.sending.rawValue).fetchAll(db)
            for var entry in sending where !ProcessIdentity.isAlive(owner: entry.owner, pid: entry.ownerPid) {
                entry.state = .uncertain
                entry.serverReply = "interrupted before the server's answer (the sending process stopped)"
                entry.updatedAt = now
                entry.ownerPid = nil
                entry.owner = nil
                try entry.update(db)
            }
        }
    }

    /// Every ledger entry of a draft's interviewer for its interview, newest first.
    public func ledger(forDraft draftId: Int64) throws -> [LedgerEntry] {
        try writer.read { db in
            guard let draft = try Draft.fetchOne(db, key: draftId) else { return [] }
            return try LedgerEntry.filter(
                LedgerEntry.Columns.interviewId == draft.interviewId && LedgerEntry.Columns.interviewerId == draft.interviewerId
                    && LedgerEntry.Columns.openingId == draft.openingId
            ).order(LedgerEntry.Columns.id.desc).fetchAll(db)
        }
    }

    /// The refusal ``open(_:state:scheduledAt:transport:messageId:now:)`` would give `draft` because a
    /// message to the same person for the same interview (or opening) is already live: read before
    /// anything else about the draft is judged, so that "already sent" is said first (AW-ONCE). Nil when
    /// none is live, or when the live one is this very draft, scheduled (to be sent now) or in doubt
    /// (handed over again): those cases are the caller's to decide.
    public func onceRefusal(before draft: Draft) throws -> LedgerRefusal? {
        try writer.write { db in
            guard let live = try liveEntry(db, interviewId: draft.interviewId, interviewerId: draft.interviewerId, openingId: draft.openingId),
                !(live.draftId == draft.id && [.scheduled, .uncertain].contains(live.state))
            else { return nil }
            return try refusal(db, live)
        }
    }

    private func liveEntry(_ db: Database, interviewId: Int64, interviewerId: Int64, openingId: Int64?) throws -> LedgerEntry? {
        guard var live = try LedgerEntry.filter(
            LedgerEntry.Columns.interviewId == interviewId && LedgerEntry.Columns.interviewerId == interviewerId && LedgerEntry.Columns.openingId == openingId
                && MessageState.live.map(\.rawValue).contains(LedgerEntry.Columns.state)
        ).fetchOne(db) else { return nil }
        if live.state == .sending, !ProcessIdentity.isAlive(owner: live.owner, pid: live.ownerPid) {
            live.state = .uncertain
            live.serverReply = "interrupted before the server's answer (the sending process stopped)"
            live.ownerPid = nil
            live.owner = nil
            try live.update(db)
        }
        return live
    }

    private func refusal(_ db: Database, _ live: LedgerEntry) throws -> LedgerRefusal {
        let name = try String.fetchOne(db, sql: "SELECT name FROM interviewer WHERE id = ?", arguments: [live.interviewerId]) ?? "this interviewer"
        return LedgerRefusal.refusing(because: live, to: name)
    }

}

extension Array {
    /// The array cut into pieces of at most `size` elements.
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension LedgerRefusal {
    /// Why `live`, a message already live for the same person, interview and opening, stops another one,
    /// in the words every store engine gives.
    public static func refusing(because live: LedgerEntry, to name: String) -> LedgerRefusal {
        let formatter = ISO8601DateFormatter()
        switch live.state {
        case .sent where live.openingId != nil:
            let when = live.sentAt.map { " on \(formatter.string(from: $0))" } ?? ""
            return LedgerRefusal(message: "a reconnect note to \(name) about this opening was already sent\(when); one note is enough", existing: live)
        case .sent:
            let when = live.sentAt.map { " on \(formatter.string(from: $0))" } ?? ""
            return LedgerRefusal(message: "a thank-you to \(name) for this interview was already sent\(when); \(LedgerRefusal.onceReason)", existing: live)
        case .sending:
            return LedgerRefusal(message: "a thank-you to \(name) is being sent right now by another afterword; wait for it", existing: live)
        case .uncertain:
            return LedgerRefusal(
                message: "the thank-you to \(name) may already have been delivered (its send was interrupted); look in your Sent folder, then say whether it arrived",
                existing: live, remedy: .resolveUncertain(draft: live.draftId))
        case .scheduled:
            let when = live.scheduledAt.map { formatter.string(from: $0) } ?? "later"
            return LedgerRefusal(
                message: "a thank-you to \(name) is already scheduled for \(when) (draft #\(live.draftId))",
                existing: live, remedy: .sendNow(draft: live.draftId))
        case .failed:
            return LedgerRefusal(message: "unexpected state", existing: live)
        }
    }
}
