import AfterwordCore
import AfterwordStore
import Foundation
import PostgresNIO

/// AW-ONCE across processes and machines: the unique index refuses a second live message, and a claim is
/// one conditional update, so that several senders on one database never send one message twice.
extension PostgresStore: Ledger {
    public func open(
        _ draft: Draft, state: MessageState, scheduledAt: Date?, transport: TransportKind, messageId: String, now: Date
    ) throws -> LedgerEntry {
        try pool.transaction { c in
            // One writer per person and interview at a time: the check and the insert are one step.
            try pool.run(c, "SELECT pg_advisory_xact_lock(\(Int32(truncatingIfNeeded: draft.interviewId)), \(Int32(truncatingIfNeeded: draft.interviewerId)))")
            if var live = try liveEntry(c, interviewId: draft.interviewId, interviewerId: draft.interviewerId, openingId: draft.openingId) {
                if live.state == .scheduled, state == .sending, live.draftId == draft.id {
                    live.state = .sending
                    live.transport = transport
                    live.ownerPid = getpid()
                    live.owner = ProcessIdentity.current
                    live.updatedAt = now
                    try pool.run(
                        c,
                        """
                        UPDATE message SET state = 'sending', transport = \(transport.rawValue), ownerPid = \(live.ownerPid),
                            owner = \(live.owner), updatedAt = \(now) WHERE id = \(live.storedID)
                        """)
                    return live
                }
                throw try refusal(c, live)
            }
            let sending = state == .sending
            let rows = try pool.rows(
                c,
                """
                INSERT INTO message (draftId, interviewId, interviewerId, channel, state, transport, messageId, scheduledAt, ownerPid, owner,
                                     createdAt, updatedAt, openingId)
                VALUES (\(draft.storedID), \(draft.interviewId), \(draft.interviewerId), \(draft.channel.rawValue), \(state.rawValue),
                        \(transport.rawValue), \(messageId), \(scheduledAt), \(sending ? getpid() : nil), \(sending ? ProcessIdentity.current : nil),
                        \(now), \(now), \(draft.openingId))
                RETURNING \(unescaped: Self.messageColumns)
                """)
            guard let row = rows.first else { throw StoreError(code: .conflict, message: "the message was not recorded") }
            return try LedgerEntry(row)
        }
    }

    public func claim(_ ids: [Int64], now: Date) throws -> [LedgerEntry] {
        guard !ids.isEmpty else { return [] }
        return try pool.withConnection { c in
            // Conditional on still being scheduled: a second sender at the same moment claims none of these.
            let claimed = try pool.rows(
                c,
                """
                UPDATE message SET state = 'sending', ownerPid = \(getpid()), owner = \(ProcessIdentity.current), updatedAt = \(now)
                WHERE id = ANY(\(ids)) AND state = 'scheduled' RETURNING \(unescaped: Self.messageColumns)
                """
            ).map(LedgerEntry.init)
            let order = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            return claimed.sorted { order[$0.storedID] ?? 0 < order[$1.storedID] ?? 0 }
        }
    }

    public func due(now: Date) throws -> [LedgerEntry] {
        try pool.withConnection { c in
            try pool.rows(
                c,
                "SELECT \(unescaped: Self.messageColumns) FROM message WHERE state = 'scheduled' AND scheduledAt <= \(now) ORDER BY scheduledAt, id"
            ).map(LedgerEntry.init)
        }
    }

    public func close(_ results: [LedgerResult], now: Date) throws {
        try pool.transaction { c in
            for result in results {
                try pool.run(
                    c,
                    """
                    UPDATE message SET state = \(result.state.rawValue), serverReply = \(result.reply), updatedAt = \(now), ownerPid = NULL,
                        owner = NULL, sentAt = CASE WHEN \(result.state == .sent) THEN \(now) ELSE sentAt END
                    WHERE id = \(result.id)
                    """)
            }
        }
    }

    public func close(_ id: Int64, as state: MessageState, reply: String?, now: Date) throws {
        try close([LedgerResult(id: id, state: state, reply: reply)], now: now)
    }

    public func resolve(draftId: Int64, delivered: Bool, now: Date) throws -> LedgerEntry {
        try sweepInterrupted(now: now)
        return try pool.transaction { c in
            guard let draft = try fetchDraft(c, draftId) else { throw StoreError.notFound("draft", draftId, remedy: .seeStatus) }
            guard
                var entry = try pool.rows(
                    c,
                    """
                    SELECT \(unescaped: Self.messageColumns) FROM message WHERE interviewId = \(draft.interviewId)
                    AND interviewerId = \(draft.interviewerId) AND openingId IS NOT DISTINCT FROM \(draft.openingId) AND state = 'uncertain'
                    """
                ).first.map(LedgerEntry.init)
            else {
                throw StoreError(
                    code: .conflict, message: "nothing is uncertain for draft #\(draftId): only a send that was interrupted can be settled")
            }
            entry.state = delivered ? .sent : .failed
            entry.serverReply = (entry.serverReply.map { $0 + "; " } ?? "")
                + (delivered ? "confirmed delivered by the user" : "confirmed not delivered by the user")
            if delivered { entry.sentAt = entry.sentAt ?? entry.updatedAt }
            entry.updatedAt = now
            try pool.run(
                c,
                """
                UPDATE message SET state = \(entry.state.rawValue), serverReply = \(entry.serverReply), sentAt = \(entry.sentAt),
                    updatedAt = \(now) WHERE id = \(entry.storedID)
                """)
            return entry
        }
    }

    public func uncertainEntries() throws -> [LedgerEntry] {
        try pool.withConnection { c in
            try pool.rows(c, "SELECT \(unescaped: Self.messageColumns) FROM message WHERE state = 'uncertain' ORDER BY id").map(LedgerEntry.init)
        }
    }

    public func noteSentLookup(_ id: Int64, _ text: String) throws {
        try pool.withConnection { c in try pool.run(c, "UPDATE message SET sentLookup = \(text) WHERE id = \(id) AND state = 'uncertain'") }
    }

    public func noteDeferral(_ ids: [Int64], _ text: String?) throws {
        guard !ids.isEmpty else { return }
        try pool.withConnection { c in
            try pool.run(c, "UPDATE message SET deferral = \(text) WHERE id = ANY(\(ids)) AND state = 'scheduled'")
        }
    }

    public func ledgerNotes() throws -> [Int64: String] {
        try pool.withConnection { c in
            var notes: [Int64: String] = [:]
            for row in try pool.rows(
                c,
                "SELECT draftId, sentLookup, deferral, state FROM message WHERE (state = 'uncertain' AND sentLookup IS NOT NULL) OR (state = 'scheduled' AND deferral IS NOT NULL)"
            ) {
                let (draftId, lookup, deferral, state) = try row.decode((Int64, String?, String?, String).self)
                notes[draftId] = state == "uncertain" ? lookup : deferral
            }
            return notes
        }
    }

    public func sweepInterrupted(now: Date) throws {
        try pool.withConnection { c in
            let sending = try pool.rows(c, "SELECT \(unescaped: Self.messageColumns) FROM message WHERE state = 'sending'").map(LedgerEntry.init)
            // A process of this machine is judged by its life; another machine's by how long it has been silent.
            for entry in sending where !ProcessIdentity.mayStillSend(owner: entry.owner, pid: entry.ownerPid, updatedAt: entry.updatedAt, now: now) {
                try pool.run(
                    c,
                    """
                    UPDATE message SET state = 'uncertain', serverReply = 'interrupted before the server''s answer (the sending process stopped)',
                        updatedAt = \(now), ownerPid = NULL, owner = NULL WHERE id = \(entry.storedID) AND state = 'sending'
                    """)
            }
        }
    }

    public func ledger(forDraft draftId: Int64) throws -> [LedgerEntry] {
        try pool.withConnection { c in
            guard let draft = try fetchDraft(c, draftId) else { return [] }
            return try pool.rows(
                c,
                """
                SELECT \(unescaped: Self.messageColumns) FROM message WHERE interviewId = \(draft.interviewId)
                AND interviewerId = \(draft.interviewerId) AND openingId IS NOT DISTINCT FROM \(draft.openingId) ORDER BY id DESC
                """
            ).map(LedgerEntry.init)
        }
    }

    public func onceRefusal(before draft: Draft) throws -> LedgerRefusal? {
        try pool.transaction { c in
            guard let live = try liveEntry(c, interviewId: draft.interviewId, interviewerId: draft.interviewerId, openingId: draft.openingId),
                !(live.draftId == draft.id && [.scheduled, .uncertain].contains(live.state))
            else { return nil }
            return try refusal(c, live)
        }
    }

    private func liveEntry(_ c: PostgresConnection, interviewId: Int64, interviewerId: Int64, openingId: Int64?) throws -> LedgerEntry? {
        guard
            var live = try pool.rows(
                c,
                """
                SELECT \(unescaped: Self.messageColumns) FROM message WHERE interviewId = \(interviewId) AND interviewerId = \(interviewerId)
                AND openingId IS NOT DISTINCT FROM \(openingId) AND state IN ('scheduled', 'sending', 'sent', 'uncertain')
                """
            ).first.map(LedgerEntry.init)
        else { return nil }
        if live.state == .sending, !ProcessIdentity.mayStillSend(owner: live.owner, pid: live.ownerPid, updatedAt: live.updatedAt, now: Date()) {
            live.state = .uncertain
            live.serverReply = "interrupted before the server's answer (the sending process stopped)"
            live.ownerPid = nil
            live.owner = nil
            try pool.run(
                c,
                "UPDATE message SET state = 'uncertain', serverReply = \(live.serverReply), ownerPid = NULL, owner = NULL WHERE id = \(live.storedID)")
        }
        return live
    }

    private func refusal(_ c: PostgresConnection, _ live: LedgerEntry) throws -> LedgerRefusal {
        let name = try pool.rows(c, "SELECT name FROM interviewer WHERE id = \(live.interviewerId)").first?.decode(String.self) ?? "this interviewer"
        return LedgerRefusal.refusing(because: live, to: name)
    }
}
