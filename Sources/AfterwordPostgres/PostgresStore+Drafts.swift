import AfterwordCore
import AfterwordStore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func saveDrafts(_ drafts: [Draft]) throws -> [Draft] {
        try pool.transaction { c in try drafts.map { try insert(c, $0) } }
    }

    func insert(_ c: PostgresConnection, _ draft: Draft) throws -> Draft {
        let d = draft
        let rows = try pool.rows(
            c,
            """
            INSERT INTO draft (interviewId, interviewerId, channel, recipient, subject, body, createdAt, updatedAt, printedAt, openingId,
                               composedBody)
            VALUES (\(d.interviewId), \(d.interviewerId), \(d.channel.rawValue), \(d.recipient), \(d.subject), \(d.body), \(d.createdAt),
                    \(d.updatedAt), \(d.printedAt), \(d.openingId), \(d.composedBody))
            RETURNING id
            """)
        var stored = draft
        stored.id = try rows.first?.decode(Int64.self)
        return stored
    }

    func fetchDraft(_ c: PostgresConnection, _ id: Int64) throws -> Draft? {
        try pool.rows(c, "SELECT \(unescaped: Self.draftColumns) FROM draft WHERE id = \(id)").first.map(Draft.init)
    }

    public func draft(id: Int64) throws -> Draft {
        try pool.withConnection { c in
            guard let draft = try fetchDraft(c, id) else { throw StoreError.notFound("draft", id, remedy: .listDrafts) }
            return draft
        }
    }

    public func draftsAndInterviewers(draftIds: [Int64], interviewerIds: [Int64]) throws -> ([Int64: Draft], [Int64: Interviewer]) {
        try pool.withConnection { c in
            let drafts = try pool.rows(c, "SELECT \(unescaped: Self.draftColumns) FROM draft WHERE id = ANY(\(draftIds))").map(Draft.init)
            let people = try pool.rows(c, "SELECT \(unescaped: Self.interviewerColumns) FROM interviewer WHERE id = ANY(\(interviewerIds))")
                .map(Interviewer.init)
            return (
                Dictionary(drafts.map { ($0.storedID, $0) }, uniquingKeysWith: { first, _ in first }),
                Dictionary(people.map { ($0.storedID, $0) }, uniquingKeysWith: { first, _ in first })
            )
        }
    }

    public func latestDraft(interviewId: Int64, interviewerId: Int64) throws -> Draft? {
        try pool.withConnection { c in
            try pool.rows(
                c,
                """
                SELECT \(unescaped: Self.draftColumns) FROM draft
                WHERE interviewId = \(interviewId) AND interviewerId = \(interviewerId) AND openingId IS NULL ORDER BY id DESC LIMIT 1
                """
            ).first.map(Draft.init)
        }
    }

    public func drafts(interviewId: Int64?) throws -> [(draft: Draft, message: LedgerEntry?)] {
        try pool.withConnection { c in
            let drafts = try pool.rows(
                c, "SELECT \(unescaped: Self.draftColumns) FROM draft WHERE \(interviewId)::bigint IS NULL OR interviewId = \(interviewId) ORDER BY id"
            ).map(Draft.init)
            let messages = try pool.rows(
                c, "SELECT \(unescaped: Self.messageColumns) FROM message WHERE draftId = ANY(\(drafts.map(\.storedID))) ORDER BY id"
            ).map(LedgerEntry.init)
            let byDraft = Dictionary(messages.map { ($0.draftId, $0) }, uniquingKeysWith: { _, newer in newer })
            return drafts.map { ($0, byDraft[$0.storedID]) }
        }
    }

    public func updateDraft(id: Int64, subject: String?, body: String, byHand: Bool, at now: Date) throws -> Draft {
        try pool.transaction { c in
            guard var draft = try fetchDraft(c, id) else { throw StoreError.notFound("draft", id, remedy: .listDrafts) }
            if !byHand, !draft.isEditedByHand { draft.composedBody = body }
            draft.subject = subject
            draft.body = body
            draft.updatedAt = now
            try pool.run(
                c,
                """
                UPDATE draft SET subject = \(draft.subject), body = \(draft.body), updatedAt = \(now), composedBody = \(draft.composedBody)
                WHERE id = \(id)
                """)
            return draft
        }
    }

    public func markPrinted(draftId: Int64, at now: Date) throws {
        try pool.withConnection { c in try pool.run(c, "UPDATE draft SET printedAt = \(now) WHERE id = \(draftId)") }
    }

    public func messages(interviewId: Int64, interviewerId: Int64) throws -> [LedgerEntry] {
        try pool.withConnection { c in
            try pool.rows(
                c,
                """
                SELECT \(unescaped: Self.messageColumns) FROM message
                WHERE interviewId = \(interviewId) AND interviewerId = \(interviewerId) AND openingId IS NULL ORDER BY id
                """
            ).map(LedgerEntry.init)
        }
    }

    public func messages(interviewerId: Int64?) throws -> [LedgerEntry] {
        try pool.withConnection { c in
            try pool.rows(
                c,
                "SELECT \(unescaped: Self.messageColumns) FROM message WHERE \(interviewerId)::bigint IS NULL OR interviewerId = \(interviewerId) ORDER BY id"
            ).map(LedgerEntry.init)
        }
    }

    public func removeInterview(id: Int64) throws {
        try pool.transaction { c in
            guard let row = try pool.rows(c, "SELECT \(unescaped: Self.interviewColumns) FROM interview WHERE id = \(id)").first else {
                throw StoreError.notFound("interview", id, remedy: .listInterviews)
            }
            let interview = try Interview(row)
            let kept = try pool.rows(c, "SELECT \(unescaped: Self.messageColumns) FROM message WHERE interviewId = \(id) AND state != 'failed'")
                .map(LedgerEntry.init)
            if let entry = kept.first {
                throw StoreError(
                    code: .conflict,
                    message:
                        "interview #\(id) (\(interview.company) — \(interview.role)) stays: \(LedgerEntry.ledgerHolds(kept.count, entry)) it is in the ledger, which keeps the record of every thank-you that left so that none is ever sent twice"
                )
            }
            try pool.run(c, "DELETE FROM message WHERE interviewId = \(id)")
            try pool.run(c, "DELETE FROM interview WHERE id = \(id)")
            try pool.run(
                c,
                "DELETE FROM interviewer WHERE markedMetAt IS NULL AND id NOT IN (SELECT interviewerId FROM panelSeat) AND id NOT IN (SELECT interviewerId FROM message)"
            )
        }
    }

    public func removeInterviewer(id: Int64) throws {
        try pool.transaction { c in
            guard let row = try pool.rows(c, "SELECT \(unescaped: Self.interviewerColumns) FROM interviewer WHERE id = \(id)").first else {
                throw StoreError.notFound("interviewer", id, remedy: .listInterviewers)
            }
            let person = try Interviewer(row)
            let kept = try pool.rows(c, "SELECT \(unescaped: Self.messageColumns) FROM message WHERE interviewerId = \(id) AND state != 'failed'")
                .map(LedgerEntry.init)
            if let entry = kept.first {
                throw StoreError(
                    code: .conflict,
                    message:
                        "\(person.name) (#\(id)) stays: \(LedgerEntry.ledgerHolds(kept.count, entry)) to them is in the ledger, which keeps the record of every message that left so that none is ever sent twice"
                )
            }
            try pool.run(c, "DELETE FROM message WHERE interviewerId = \(id)")
            try pool.run(c, "DELETE FROM interviewer WHERE id = \(id)")
        }
    }
}
