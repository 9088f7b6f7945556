import AfterwordCore
import Foundation
import GRDB

extension AppDatabase {
    /// Removes an interview with its panel seats and drafts, unless a thank-you of it is in the ledger.
    ///
    /// A message that was sent, is scheduled or may have left is a record the ledger keeps (AW-ONCE
    /// depends on it), so such an interview stays; failed attempts go with it.
    /// - Throws: ``StoreError`` (`.notFound`, or `.conflict` naming what the ledger holds).
    public func removeInterview(id: Int64) throws {
        try writer.write { db in
            guard let interview = try Interview.fetchOne(db, key: id) else {
                throw StoreError.notFound("interview", id, remedy: .listInterviews)
            }
            let kept = try LedgerEntry.filter(
                LedgerEntry.Columns.interviewId == id && LedgerEntry.Columns.state != MessageState.failed.rawValue
            ).fetchAll(db)
            if let entry = kept.first {
                throw StoreError(
                    code: .conflict,
                    message:
                        "interview #\(id) (\(interview.company) — \(interview.role)) stays: \(LedgerEntry.ledgerHolds(kept.count, entry)) it is in the ledger, which keeps the record of every thank-you that left so that none is ever sent twice"
                )
            }
            try LedgerEntry.filter(LedgerEntry.Columns.interviewId == id).deleteAll(db)
            _ = try Interview.deleteOne(db, key: id)
            // People seated on no other interview go with it.
            try db.execute(
                sql:
                    "DELETE FROM interviewer WHERE markedMetAt IS NULL AND id NOT IN (SELECT interviewerId FROM panelSeat) AND id NOT IN (SELECT interviewerId FROM message)"
            )
        }
    }

    /// Removes an interviewer with their seats and drafts, unless a message to them is in the ledger.
    /// - Throws: ``StoreError`` (`.notFound`, or `.conflict` naming what the ledger holds).
    public func removeInterviewer(id: Int64) throws {
        try writer.write { db in
            guard let person = try Interviewer.fetchOne(db, key: id) else {
                throw StoreError.notFound("interviewer", id, remedy: .listInterviewers)
            }
            let kept = try LedgerEntry.filter(
                LedgerEntry.Columns.interviewerId == id && LedgerEntry.Columns.state != MessageState.failed.rawValue
            ).fetchAll(db)
            if let entry = kept.first {
                throw StoreError(
                    code: .conflict,
                    message:
                        "\(person.name) (#\(id)) stays: \(LedgerEntry.ledgerHolds(kept.count, entry)) to them is in the ledger, which keeps the record of every message that left so that none is ever sent twice"
                )
            }
            try LedgerEntry.filter(LedgerEntry.Columns.interviewerId == id).deleteAll(db)
            _ = try Interviewer.deleteOne(db, key: id)
        }
    }
}

extension LedgerEntry {
    /// How a refused removal names what the ledger keeps: "a sent thank-you (and 2 more)".
    public static func ledgerHolds(_ count: Int, _ entry: LedgerEntry) -> String {
        let what = entry.state == .sent ? "a sent thank-you" : "a \(entry.state.rawValue) thank-you"
        return count > 1 ? "\(what) (and \(count - 1) more)" : what
    }
}
