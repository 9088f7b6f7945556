import AfterwordCore
import Foundation
import GRDB

extension AppDatabase {
    /// The dashboard at `now`: interviews of the last `horizonDays` one by one, older unsent ones counted.
    public func status(now: Date, horizonDays: Int = 14) throws -> StatusReport {
        let since = now.addingTimeInterval(-Double(horizonDays) * 86_400)
        try sweepInterrupted(now: now)
        return try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT i.id, i.company, i.role, i.startsAt, i.timeZone, i.durationMinutes,
                           r.id AS interviewerId, r.name, r.email, r.address,
                           COALESCE(CASE WHEN m.state != 'failed' THEN m.draftId END, d.id) AS draftId, d.printedAt,
                           m.state, m.sentAt, m.scheduledAt
                    FROM interview i
                    JOIN panelSeat p ON p.interviewId = i.id
                    JOIN interviewer r ON r.id = p.interviewerId
                    LEFT JOIN draft d ON d.id = (SELECT MAX(d2.id) FROM draft d2
                                                 WHERE d2.interviewId = i.id AND d2.interviewerId = r.id
                                                 AND d2.openingId IS NULL)
                    LEFT JOIN message m ON m.id = (SELECT MAX(m2.id) FROM message m2
                                                   WHERE m2.interviewId = i.id AND m2.interviewerId = r.id
                                                   AND m2.openingId IS NULL)
                    WHERE i.startsAt >= ?
                    ORDER BY i.startsAt, p.position
                    """, arguments: [since])
            var zones: [String: TimeZone] = [:]
            let entries = rows.map { row -> StatusEntry in
                // Columns by position, in the order of the SELECT above (the dashboard reads thousands).
                let interviewId: Int64 = row[0]
                let company: String = row[1]
                let role: String = row[2]
                let interview = Interview(
                    id: interviewId, company: company, role: role, startsAt: row[3], timeZone: row[4],
                    durationMinutes: row[5], createdAt: now)
                let zone = zones[interview.timeZone] ?? interview.zone
                zones[interview.timeZone] = zone
                let window = ThankYouWindow(for: interview, in: zone)
                let state = (row[12] as String?).flatMap(MessageState.init(rawValue:))
                var entry = StatusEntry(
                    interviewId: interviewId, company: company, role: role, interviewerId: row[6], interviewer: row[7],
                    channel: Channel.choose(email: row[8], address: row[9]), draftId: row[10], state: state,
                    deadline: window.deadline, hoursLeft: state == .sent ? nil : window.hoursLeft(at: now),
                    sentAt: row[13], scheduledAt: row[14], printedAt: row[11])
                entry.endsAt = interview.endsAt
                entry.timeZone = interview.timeZone
                return entry
            }
            // Older seats minus older seats thanked (the ledger holds at most one sent entry per seat).
            let olderSeats =
                try Int.fetchOne(
                    db,
                    sql: "SELECT COUNT(*) FROM panelSeat p JOIN interview i ON i.id = p.interviewId WHERE i.startsAt < ?",
                    arguments: [since]) ?? 0
            let olderSent =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM message m JOIN interview i ON i.id = m.interviewId
                        WHERE m.state = 'sent' AND m.openingId IS NULL AND i.startsAt < ?
                        """, arguments: [since]) ?? 0
            let olderUnsent = max(0, olderSeats - olderSent)
            let empty = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, company, role, startsAt FROM interview i WHERE i.startsAt >= ?
                    AND NOT EXISTS (SELECT 1 FROM panelSeat p WHERE p.interviewId = i.id) ORDER BY startsAt
                    """, arguments: [since]
            ).map { InterviewBrief(id: $0["id"], company: $0["company"], role: $0["role"], startsAt: $0["startsAt"]) }
            return StatusReport(entries: entries, olderUnsent: olderUnsent, withoutInterviewers: empty)
        }
    }

    /// A number that changes whenever anything in the store changes, from this process or another.
    public func revision() throws -> Int64 {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT value FROM revision WHERE id = 1") ?? 0 }
    }
}
