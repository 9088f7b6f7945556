import AfterwordCore
import Foundation
import GRDB

extension AppDatabase {
    /// The reminders given about deadlines after `since`.
    public func givenReminders(since: Date) throws -> Set<ReminderPolicy.Key> {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT interviewId, interviewerId, kind, deadline FROM reminder WHERE deadline >= ?", arguments: [since])
            return Set(
                rows.compactMap { row in
                    ReminderPolicy.Kind(rawValue: row[2]).map {
                        ReminderPolicy.Key(interviewId: row[0], interviewerId: row[1], kind: $0, deadline: row[3])
                    }
                })
        }
    }

    /// Records reminders as given before they are shown, and returns those this run recorded: another
    /// run at the same moment gets none of them, so nobody is reminded twice.
    public func claimReminders(_ keys: [ReminderPolicy.Key], now: Date) throws -> [ReminderPolicy.Key] {
        try writer.write { db in
            try keys.filter { key in
                try db.execute(
                    sql: "INSERT OR IGNORE INTO reminder (interviewId, interviewerId, kind, deadline, givenAt) VALUES (?, ?, ?, ?, ?)",
                    arguments: [key.interviewId, key.interviewerId, key.kind.rawValue, key.deadline, now])
                return db.changesCount > 0
            }
        }
    }

    /// Forgets reminders that could not be shown after all, so that the next run gives them.
    public func releaseReminders(_ keys: [ReminderPolicy.Key]) throws {
        try writer.write { db in
            for key in keys {
                try db.execute(
                    sql: "DELETE FROM reminder WHERE interviewId = ? AND interviewerId = ? AND kind = ? AND deadline = ?",
                    arguments: [key.interviewId, key.interviewerId, key.kind.rawValue, key.deadline])
            }
        }
    }
}
