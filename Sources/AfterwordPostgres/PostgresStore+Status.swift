import AfterwordCore
import AfterwordStore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func status(now: Date, horizonDays: Int) throws -> StatusReport {
        let since = now.addingTimeInterval(-Double(horizonDays) * 86_400)
        try sweepInterrupted(now: now)
        return try pool.withConnection { c in
            let rows = try pool.rows(
                c,
                """
                SELECT i.id, i.company, i.role, i.startsAt, i.timeZone, i.durationMinutes,
                       r.id, r.name, r.email, r.address,
                       COALESCE(CASE WHEN m.state != 'failed' THEN m.draftId END, d.id), d.printedAt,
                       m.state, m.sentAt, m.scheduledAt
                FROM interview i
                JOIN panelSeat p ON p.interviewId = i.id
                JOIN interviewer r ON r.id = p.interviewerId
                LEFT JOIN draft d ON d.id = (SELECT MAX(d2.id) FROM draft d2
                                             WHERE d2.interviewId = i.id AND d2.interviewerId = r.id AND d2.openingId IS NULL)
                LEFT JOIN message m ON m.id = (SELECT MAX(m2.id) FROM message m2
                                               WHERE m2.interviewId = i.id AND m2.interviewerId = r.id AND m2.openingId IS NULL)
                WHERE i.startsAt >= \(since)
                ORDER BY i.startsAt, p.position
                """)
            var zones: [String: TimeZone] = [:]
            let entries = try rows.map { row -> StatusEntry in
                var cells = Cells(row)
                let interviewId: Int64 = try cells.next()
                let company: String = try cells.next()
                let role: String = try cells.next()
                let interview = Interview(
                    id: interviewId, company: company, role: role, startsAt: try cells.next(), timeZone: try cells.next(),
                    durationMinutes: try cells.next(), createdAt: now)
                let zone = zones[interview.timeZone] ?? interview.zone
                zones[interview.timeZone] = zone
                let window = ThankYouWindow(for: interview, in: zone)
                let interviewerId: Int64 = try cells.next()
                let name: String = try cells.next()
                let email: String? = try cells.next()
                let address: String? = try cells.next()
                let draftId: Int64? = try cells.next()
                let printedAt: Date? = try cells.next()
                let state = (try cells.next(String?.self)).flatMap(MessageState.init(rawValue:))
                var entry = StatusEntry(
                    interviewId: interviewId, company: company, role: role, interviewerId: interviewerId, interviewer: name,
                    channel: Channel.choose(email: email, address: address), draftId: draftId, state: state, deadline: window.deadline,
                    hoursLeft: state == .sent ? nil : window.hoursLeft(at: now), sentAt: try cells.next(), scheduledAt: try cells.next(),
                    printedAt: printedAt)
                entry.endsAt = interview.endsAt
                entry.timeZone = interview.timeZone
                return entry
            }
            let olderSeats =
                try pool.rows(c, "SELECT COUNT(*) FROM panelSeat p JOIN interview i ON i.id = p.interviewId WHERE i.startsAt < \(since)")
                .first?.decode(Int64.self) ?? 0
            let olderSent =
                try pool.rows(
                    c,
                    """
                    SELECT COUNT(*) FROM message m JOIN interview i ON i.id = m.interviewId
                    WHERE m.state = 'sent' AND m.openingId IS NULL AND i.startsAt < \(since)
                    """
                ).first?.decode(Int64.self) ?? 0
            let empty = try pool.rows(
                c,
                """
                SELECT id, company, role, startsAt FROM interview i WHERE i.startsAt >= \(since)
                AND NOT EXISTS (SELECT 1 FROM panelSeat p WHERE p.interviewId = i.id) ORDER BY startsAt
                """
            ).map { row in
                let (id, company, role, startsAt) = try row.decode((Int64, String, String, Date).self)
                return InterviewBrief(id: id, company: company, role: role, startsAt: startsAt)
            }
            return StatusReport(entries: entries, olderUnsent: Int(max(0, olderSeats - olderSent)), withoutInterviewers: empty)
        }
    }

    public func revision() throws -> Int64 {
        // Named with its schema, on whichever connection is free: a server asks this on every page.
        try engine.pool.withConnection { c in
            try engine.pool.rows(c, PostgresQuery(unsafeSQL: Self.revisionQuery(schema))).first?.decode(Int64.self) ?? 0
        }
    }

    /// The sequence's last value, whichever session moved it, read without taking a number.
    static func revisionQuery(_ schema: String) -> String {
        "SELECT last_value + CASE WHEN is_called THEN 0 ELSE -1 END FROM \(PostgresPool.quoted(schema)).revision"
    }

    public func givenReminders(since: Date) throws -> Set<ReminderPolicy.Key> {
        try pool.withConnection { c in
            Set(
                try pool.rows(c, "SELECT interviewId, interviewerId, kind, deadline FROM reminder WHERE deadline >= \(since)").compactMap { row in
                    let (interviewId, interviewerId, kind, deadline) = try row.decode((Int64, Int64, String, Date).self)
                    return ReminderPolicy.Kind(rawValue: kind).map {
                        ReminderPolicy.Key(interviewId: interviewId, interviewerId: interviewerId, kind: $0, deadline: deadline)
                    }
                })
        }
    }

    public func claimReminders(_ keys: [ReminderPolicy.Key], now: Date) throws -> [ReminderPolicy.Key] {
        try pool.transaction { c in
            try keys.filter { key in
                try !pool.rows(
                    c,
                    """
                    INSERT INTO reminder (interviewId, interviewerId, kind, deadline, givenAt)
                    VALUES (\(key.interviewId), \(key.interviewerId), \(key.kind.rawValue), \(key.deadline), \(now))
                    ON CONFLICT DO NOTHING RETURNING 1
                    """
                ).isEmpty
            }
        }
    }

    public func releaseReminders(_ keys: [ReminderPolicy.Key]) throws {
        try pool.transaction { c in
            for key in keys {
                try pool.run(
                    c,
                    """
                    DELETE FROM reminder WHERE interviewId = \(key.interviewId) AND interviewerId = \(key.interviewerId)
                    AND kind = \(key.kind.rawValue) AND deadline = \(key.deadline)
                    """)
            }
        }
    }
}
