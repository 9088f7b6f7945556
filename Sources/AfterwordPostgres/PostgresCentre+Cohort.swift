import AfterwordCore
import AfterwordStore
import Foundation
import NIOConcurrencyHelpers
import PostgresNIO

/// Each seeker's cohort numbers as last counted, with the revision of their records then: counted again
/// only when they changed something, or after ``lifetime`` and a few seconds more, different for each seeker
/// (what is overdue moves with the clock; the seekers are not all counted again at the same moment).
final class CohortCounts: Sendable {
    struct Entry {
        var revision: Int64
        var countedAt: Date
        var weeksFrom: Date
        var overdue: Int
        var uncertain: Int
        var newOpenings: Int
        var sentPerWeek: [String: Int]
    }

    static let lifetime: TimeInterval = 60
    /// The most seekers kept at once.
    static let most = 100_000

    private let entries = NIOLockedValueBox<[Int64: Entry]>([:])

    func entry(_ seeker: Int64, revision: Int64, now: Date, weeksFrom: Date) -> Entry? {
        guard let entry = entries.withLockedValue({ $0[seeker] }), entry.revision == revision, entry.weeksFrom == weeksFrom,
            now.timeIntervalSince(entry.countedAt) < Self.lifetime + Double(seeker % 60), now >= entry.countedAt
        else { return nil }
        return entry
    }

    func keep(_ entry: Entry, for seeker: Int64) {
        entries.withLockedValue { entries in
            if entries.count >= Self.most { entries.removeAll() }
            entries[seeker] = entry
        }
    }
}

extension PostgresCentre {
    /// A cohort's numbers. Each seeker's are counted in their own schema by one statement, and kept until
    /// their records change or a minute passes; the revisions of all of them are read in one statement.
    /// - Parameters:
    ///   - seekers: the seekers to count (those the coach may read).
    ///   - weeks: how many weeks of sent thank-yous to count, up to the one holding `now`.
    /// - Returns: the numbers, and the reviews waiting among these seekers (oldest first).
    public func cohort(_ seekers: [CentreAccount], now: Date, weeks count: Int = 8) throws -> (CohortReport, [DraftReview]) {
        let weeks = CohortReport.weeks(endingAt: now, count: count)
        guard !seekers.isEmpty else { return (CohortReport(weeks: weeks, rows: []), []) }
        let first = weeks.first ?? now
        for seeker in seekers { _ = try seekerStore(seeker.id) }
        let revisions = try self.revisions(seekers.map(\.id))
        var counted: [Int64: CohortCounts.Entry] = [:]
        for seeker in seekers {
            let revision = revisions[seeker.id] ?? 0
            counted[seeker.id] =
                try counts.entry(seeker.id, revision: revision, now: now, weeksFrom: first)
                ?? countNumbers(seeker.id, revision: revision, now: now, weeksFrom: first)
        }
        let reviews = try waitingReviews(seekers: seekers.map(\.id))
        let waiting = Dictionary(grouping: reviews, by: \.seekerId).mapValues(\.count)
        let days = weeks.map(CohortReport.day)
        let rows = seekers.map { seeker -> CohortRow in
            let numbers = counted[seeker.id]
            return CohortRow(
                seeker: seeker, overdue: numbers?.overdue ?? 0, uncertain: numbers?.uncertain ?? 0, awaitingReview: waiting[seeker.id] ?? 0,
                newOpenings: numbers?.newOpenings ?? 0, sentPerWeek: days.map { numbers?.sentPerWeek[$0] ?? 0 })
        }
        return (CohortReport(weeks: weeks, rows: rows), reviews)
    }

    /// Each seeker's revision (their records' change counter), in one statement.
    func revisions(_ seekers: [Int64]) throws -> [Int64: Int64] {
        var found: [Int64: Int64] = [:]
        // In slices: one statement over thousands of schemas takes the planner long.
        for slice in stride(from: 0, to: seekers.count, by: 200).map({ Array(seekers[$0..<min($0 + 200, seekers.count)]) }) {
            let sql = slice.map { id in
                "SELECT \(id)::bigint, (\(PostgresStore.revisionQuery(Self.schema(of: id))))"
            }.joined(separator: " UNION ALL ")
            try pool.withConnection { c in
                for row in try pool.rows(c, PostgresQuery(unsafeSQL: sql)) {
                    let (id, revision) = try row.decode((Int64, Int64).self)
                    found[id] = revision
                }
            }
        }
        return found
    }

    /// Counts one seeker's numbers in their schema, and keeps them.
    private func countNumbers(_ seeker: Int64, revision: Int64, now: Date, weeksFrom first: Date) throws -> CohortCounts.Entry {
        let s = PostgresPool.quoted(Self.schema(of: seeker))
        // $1 now, $2 two weeks back (the horizon of what is overdue), $3 a week back, $4 the first week counted.
        let sql = """
            SELECT
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
        var binds = PostgresBindings()
        binds.append(now)
        binds.append(now.addingTimeInterval(-14 * 86_400))
        binds.append(now.addingTimeInterval(-7 * 86_400))
        binds.append(first)
        let numbers = try pool.withConnection { c in
            try pool.rows(c, PostgresQuery(unsafeSQL: sql, binds: binds)).first?.decode((Int64, Int64, Int64, String?).self)
        }
        var perWeek: [String: Int] = [:]
        for pair in (numbers?.3 ?? "").split(separator: ",") {
            let parts = pair.split(separator: "=")
            if parts.count == 2, let n = Int(parts[1]) { perWeek[String(parts[0])] = n }
        }
        let entry = CohortCounts.Entry(
            revision: revision, countedAt: now, weeksFrom: first, overdue: Int(numbers?.0 ?? 0), uncertain: Int(numbers?.1 ?? 0),
            newOpenings: Int(numbers?.2 ?? 0), sentPerWeek: perWeek)
        counts.keep(entry, for: seeker)
        return entry
    }
}
