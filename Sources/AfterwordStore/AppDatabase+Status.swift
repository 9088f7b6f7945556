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
                           (SELECT d.id FROM draft d WHERE d.interviewId = i.id AND d.interviewerId = r.id
                            ORDER BY d.id DESC LIMIT 1) AS draftId,
                           (SELECT d.printedAt FROM draft d WHERE d.interviewId = i.id AND d.interviewerId = r.id
                            ORDER BY d.id DESC LIMIT 1) AS printedAt,
                           m.state, m.sentAt, m.scheduledAt
                    FROM interview i
                    JOIN panelSeat p ON p.interviewId = i.id
                    JOIN interviewer r ON r.id = p.interviewerId
                    LEFT JOIN message m ON m.id = (SELECT MAX(m2.id) FROM message m2
                                                   WHERE m2.interviewId = i.id AND m2.interviewerId = r.id)
                    WHERE i.startsAt >= ?
                    ORDER BY i.startsAt, p.position
                    """, arguments: [since])
            let entries = rows.map { row -> StatusEntry in
                let interview = Interview(
                    id: row["id"], company: row["company"], role: row["role"], startsAt: row["startsAt"],
                    timeZone: row["timeZone"], durationMinutes: row["durationMinutes"], createdAt: now)
                let state = (row["state"] as String?).flatMap(MessageState.init(rawValue:))
                let window = ThankYouWindow(for: interview)
                return StatusEntry(
                    interviewId: row["id"], company: row["company"], role: row["role"],
                    interviewerId: row["interviewerId"], interviewer: row["name"],
                    channel: Channel.choose(email: row["email"], address: row["address"]), draftId: row["draftId"],
                    state: state, deadline: window.deadline,
                    hoursLeft: state == .sent ? nil : window.hoursLeft(at: now), sentAt: row["sentAt"],
                    scheduledAt: row["scheduledAt"], printedAt: row["printedAt"])
            }
            let olderUnsent =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM panelSeat p JOIN interview i ON i.id = p.interviewId
                        WHERE i.startsAt < ? AND NOT EXISTS (SELECT 1 FROM message m WHERE m.interviewId = p.interviewId
                            AND m.interviewerId = p.interviewerId AND m.state = 'sent')
                        """, arguments: [since]) ?? 0
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
}
