import AfterwordCore
import AfterwordStore
import Foundation
import PostgresNIO

extension PostgresCentre {
    /// A cohort's numbers, read in one statement over every seeker's schema.
    /// - Parameters:
    ///   - seekers: the seekers to count (those the coach may read).
    ///   - weeks: how many weeks of sent thank-yous to count, up to the one holding `now`.
    public func cohort(_ seekers: [CentreAccount], now: Date, weeks count: Int = 8) throws -> CohortReport {
        let weeks = CohortReport.weeks(endingAt: now, count: count)
        guard !seekers.isEmpty else { return CohortReport(weeks: weeks, rows: []) }
        for seeker in seekers { _ = try seekerStore(seeker.id) }
        // $1 now, $2 two weeks back (the horizon of what is overdue), $3 a week back, $4 the first week counted.
        let blocks = seekers.map { seeker -> String in
            let s = PostgresPool.quoted(Self.schema(of: seeker.id))
            return """
                SELECT \(seeker.id)::bigint,
                  (SELECT COUNT(*) FROM \(s).panelSeat p JOIN \(s).interview i ON i.id = p.interviewId
                   WHERE i.startsAt >= $2 AND i.startsAt + make_interval(mins => i.durationMinutes) + interval '24 hours' < $1
                     AND NOT EXISTS (SELECT 1 FROM \(s).message m WHERE m.interviewId = i.id AND m.interviewerId = p.interviewerId
                                     AND m.openingId IS NULL AND m.state IN ('scheduled', 'sending', 'sent', 'uncertain'))
                     AND NOT EXISTS (SELECT 1 FROM \(s).draft d WHERE d.interviewId = i.id AND d.interviewerId = p.interviewerId
                                     AND d.printedAt IS NOT NULL)),
                  (SELECT COUNT(*) FROM \(s).message WHERE state = 'uncertain'),
                  (SELECT COUNT(*) FROM \(s).opening o JOIN \(s).board b ON b.id = o.boardId
                   WHERE o.firstSeen >= $3 AND o.closedAt IS NULL AND lower(b.company) IN
                     (SELECT lower(i.company) FROM \(s).message m JOIN \(s).interview i ON i.id = m.interviewId WHERE m.state = 'sent')),
                  (SELECT string_agg(w || '=' || n, ',') FROM
                     (SELECT to_char(date_trunc('week', sentAt AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS w, COUNT(*) AS n
                      FROM \(s).message WHERE state = 'sent' AND sentAt >= $4 GROUP BY 1) x)
                """
        }
        var binds = PostgresBindings()
        binds.append(now)
        binds.append(now.addingTimeInterval(-14 * 86_400))
        binds.append(now.addingTimeInterval(-7 * 86_400))
        binds.append(weeks.first ?? now)
        let query = PostgresQuery(unsafeSQL: blocks.joined(separator: "\nUNION ALL\n"), binds: binds)
        let waiting = Dictionary(grouping: try waitingReviews(seekers: seekers.map(\.id)), by: \.seekerId).mapValues(\.count)
        let counted = try pool.withConnection { c in
            try pool.rows(c, query).map { row in try row.decode((Int64, Int64, Int64, Int64, String?).self) }
        }
        let byId = Dictionary(counted.map { ($0.0, $0) }, uniquingKeysWith: { first, _ in first })
        let days = weeks.map(CohortReport.day)
        let rows = seekers.map { seeker -> CohortRow in
            let numbers = byId[seeker.id]
            var perWeek: [String: Int] = [:]
            for pair in (numbers?.4 ?? "").split(separator: ",") {
                let parts = pair.split(separator: "=")
                if parts.count == 2, let n = Int(parts[1]) { perWeek[String(parts[0])] = n }
            }
            return CohortRow(
                seeker: seeker, overdue: Int(numbers?.1 ?? 0), uncertain: Int(numbers?.2 ?? 0), awaitingReview: waiting[seeker.id] ?? 0,
                newOpenings: Int(numbers?.3 ?? 0), sentPerWeek: days.map { perWeek[$0] ?? 0 })
        }
        return CohortReport(weeks: weeks, rows: rows)
    }
}
