import AfterwordCore
import Foundation
import GRDB

extension AppDatabase {
    /// Stores freshly composed drafts, all or none.
    public func saveDrafts(_ drafts: [Draft]) throws -> [Draft] {
        try writer.write { db in
            try drafts.map { draft in
                var draft = draft
                try draft.insert(db)
                return draft
            }
        }
    }

    /// One draft.
    /// - Throws: ``StoreError`` when there is no such draft.
    public func draft(id: Int64) throws -> Draft {
        try writer.read { db in
            guard let draft = try Draft.fetchOne(db, key: id) else {
                throw StoreError.notFound("draft", id, remedy: .listDrafts)
            }
            return draft
        }
    }

    /// Drafts and their interviewers by id, in two queries (for sending many at once).
    public func draftsAndInterviewers(draftIds: [Int64], interviewerIds: [Int64]) throws -> ([Int64: Draft], [Int64: Interviewer]) {
        try writer.read { db in
            let drafts = try Draft.fetchAll(db, keys: draftIds)
            let people = try Interviewer.fetchAll(db, keys: interviewerIds)
            return (
                Dictionary(drafts.map { ($0.storedID, $0) }, uniquingKeysWith: { first, _ in first }),
                Dictionary(people.map { ($0.storedID, $0) }, uniquingKeysWith: { first, _ in first })
            )
        }
    }

    /// The newest thank-you draft (not a reconnect) for one interviewer of one interview, if any.
    public func latestDraft(interviewId: Int64, interviewerId: Int64) throws -> Draft? {
        try writer.read { db in
            try Draft.filter(Draft.Columns.interviewId == interviewId && Draft.Columns.interviewerId == interviewerId && Draft.Columns.openingId == nil)
                .order(Draft.Columns.id.desc).fetchOne(db)
        }
    }

    /// Every draft, or those of one interview, oldest first, each with the ledger entry that sent it (if one did).
    public func drafts(interviewId: Int64? = nil) throws -> [(draft: Draft, message: LedgerEntry?)] {
        try writer.read { db in
            var request = Draft.order(Draft.Columns.id)
            if let interviewId { request = request.filter(Draft.Columns.interviewId == interviewId) }
            let drafts = try request.fetchAll(db)
            let messages = try LedgerEntry.filter(drafts.map { $0.storedID }.contains(LedgerEntry.Columns.draftId)).order(LedgerEntry.Columns.id).fetchAll(db)
            let byDraft = Dictionary(messages.map { ($0.draftId, $0) }, uniquingKeysWith: { _, newer in newer })
            return drafts.map { ($0, byDraft[$0.storedID]) }
        }
    }

    /// Replaces a draft's subject and body after the user edited it.
    /// - Parameter byHand: false when Afterword itself changes its own words (signing, the day's
    ///   wording): a draft not edited by hand stays so.
    public func updateDraft(id: Int64, subject: String?, body: String, byHand: Bool = true, at now: Date) throws -> Draft {
        try writer.write { db in
            guard var draft = try Draft.fetchOne(db, key: id) else {
                throw StoreError.notFound("draft", id, remedy: .listDrafts)
            }
            if !byHand, !draft.isEditedByHand { draft.composedBody = body }
            draft.subject = subject
            draft.body = body
            draft.updatedAt = now
            try draft.update(db)
            return draft
        }
    }

    /// Notes that a note card of the draft was printed.
    public func markPrinted(draftId: Int64, at now: Date) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE draft SET printedAt = ? WHERE id = ?", arguments: [now, draftId])
        }
    }

    /// The thank-you ledger entries (not reconnects) of one interviewer for one interview, oldest first.
    public func messages(interviewId: Int64, interviewerId: Int64) throws -> [LedgerEntry] {
        try writer.read { db in
            try LedgerEntry.filter(LedgerEntry.Columns.interviewId == interviewId && LedgerEntry.Columns.interviewerId == interviewerId && LedgerEntry.Columns.openingId == nil)
                .order(LedgerEntry.Columns.id).fetchAll(db)
        }
    }

    /// Every ledger entry, or those of one interviewer, oldest first (one query for a page of people).
    public func messages(interviewerId: Int64? = nil) throws -> [LedgerEntry] {
        try writer.read { db in
            var request = LedgerEntry.order(LedgerEntry.Columns.id)
            if let interviewerId { request = request.filter(LedgerEntry.Columns.interviewerId == interviewerId) }
            return try request.fetchAll(db)
        }
    }
}
