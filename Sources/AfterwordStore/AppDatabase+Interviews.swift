import AfterwordCore
import Foundation
import GRDB

extension AppDatabase {
    /// Records a new interview.
    public func recordInterview(_ interview: Interview) throws -> Interview {
        try writer.write { db in
            var interview = interview
            try interview.insert(db)
            return interview
        }
    }

    /// Records a new interviewer and seats them on the interview's panel, in one transaction.
    /// - Throws: ``StoreError`` when the interview does not exist (nothing is written).
    public func addInterviewer(_ interviewer: Interviewer, toInterview interviewId: Int64) throws -> Interviewer {
        try writer.write { db in
            guard try Interview.exists(db, key: interviewId) else {
                throw StoreError.notFound("interview", interviewId, remedy: .listInterviews)
            }
            var interviewer = interviewer
            try interviewer.insert(db)
            try seat(db, interviewer: interviewer.storedID, on: interviewId)
            return interviewer
        }
    }

    func seat(_ db: Database, interviewer: Int64, on interviewId: Int64) throws {
        let position = try Int.fetchOne(
            db, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM panelSeat WHERE interviewId = ?", arguments: [interviewId]) ?? 0
        try PanelSeat(interviewId: interviewId, interviewerId: interviewer, position: position).insert(db, onConflict: .ignore)
    }

    /// Replaces an interviewer's details.
    /// - Throws: ``StoreError`` when there is no such interviewer.
    public func updateInterviewer(_ interviewer: Interviewer) throws -> Interviewer {
        try writer.write { db in
            guard let id = interviewer.id, try Interviewer.exists(db, key: id) else {
                throw StoreError.notFound("interviewer", interviewer.storedID, remedy: .listInterviewers)
            }
            try interviewer.update(db)
            return interviewer
        }
    }

    /// Replaces an interview's details (its panel and drafts stay). A thank-you scheduled to leave before
    /// the thank-yous may leave now (the interview moved later) waits until then, in the same transaction.
    /// - Throws: ``StoreError`` when there is no such interview, or when a thank-you for it was already
    ///   sent before its new time.
    public func updateInterview(_ interview: Interview) throws -> Interview {
        try writer.write { db in
            guard let id = interview.id, try Interview.exists(db, key: id) else {
                throw StoreError.notFound("interview", interview.storedID, remedy: .listInterviews)
            }
            let window = ThankYouWindow(for: interview)
            if let sent = try Date.fetchOne(
                db, sql: "SELECT MIN(sentAt) FROM message WHERE interviewId = ? AND state = 'sent' AND openingId IS NULL", arguments: [id]),
                sent < interview.startsAt
            {
                throw StoreError(
                    code: .conflict,
                    message:
                        "a thank-you for this interview was already sent on \(ISO8601DateFormatter().string(from: sent)), before the new time; an interview cannot move after its thank-you (record the new one as another interview)")
            }
            try interview.update(db)
            try db.execute(
                sql: """
                    UPDATE message SET scheduledAt = ?, deferral = 'the interview moved; it leaves once the interview is over'
                    WHERE interviewId = ? AND state = 'scheduled' AND openingId IS NULL AND scheduledAt < ?
                    """, arguments: [window.earliest, id, window.earliest])
            return interview
        }
    }

    /// The interviews that started at or after `since`, without their panels.
    public func interviews(since: Date) throws -> [Interview] {
        try writer.read { db in try Interview.filter(Interview.Columns.startsAt >= since).fetchAll(db) }
    }

    /// Every interview, newest first, with its panel.
    public func interviews() throws -> [InterviewDetail] {
        try writer.read { db in
            let interviews = try Interview.order(Interview.Columns.startsAt.desc).fetchAll(db)
            let panels = try panelsByInterview(db)
            return interviews.map { InterviewDetail(interview: $0, interviewers: panels[$0.storedID] ?? []) }
        }
    }

    /// One interview with its panel.
    /// - Throws: ``StoreError`` when there is no such interview.
    public func interview(id: Int64) throws -> InterviewDetail {
        try writer.read { db in
            guard let interview = try Interview.fetchOne(db, key: id) else {
                throw StoreError.notFound("interview", id, remedy: .listInterviews)
            }
            return InterviewDetail(interview: interview, interviewers: try panel(db, interviewId: id))
        }
    }

    /// One interviewer.
    public func interviewer(id: Int64) throws -> Interviewer {
        try writer.read { db in
            guard let interviewer = try Interviewer.fetchOne(db, key: id) else {
                throw StoreError.notFound("interviewer", id, remedy: .listInterviewers)
            }
            return interviewer
        }
    }

    /// Everyone the user has met, by name, with their interviews; only those at `company` when given (case-blind).
    public func interviewers(company: String? = nil) throws -> [InterviewerDetail] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT interviewer.*, panelSeat.interviewId AS seatInterviewId
                    FROM interviewer LEFT JOIN panelSeat ON panelSeat.interviewerId = interviewer.id
                    ORDER BY interviewer.name COLLATE NOCASE, interviewer.id
                    """)
            let interviews = Dictionary(
                uniqueKeysWithValues: try Interview.fetchAll(db).map { ($0.storedID, $0) })
            var order: [Int64] = []
            var details: [Int64: InterviewerDetail] = [:]
            for row in rows {
                let interviewer = try Interviewer(row: row)
                let id = interviewer.storedID
                if details[id] == nil {
                    order.append(id)
                    details[id] = InterviewerDetail(interviewer: interviewer, interviews: [])
                }
                if let interviewId: Int64 = row["seatInterviewId"], let interview = interviews[interviewId] {
                    details[id]?.interviews.append(interview)
                }
            }
            let wanted = company.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            return order.compactMap { details[$0] }.filter { detail in
                guard let wanted else { return true }
                let companies = [detail.interviewer.company].compactMap { $0 } + detail.interviews.map(\.company)
                return companies.contains { $0.lowercased() == wanted }
            }
        }
    }

    /// The interviews an interviewer sat on, oldest first.
    public func interviews(ofInterviewer interviewerId: Int64) throws -> [Interview] {
        try writer.read { db in
            try Interview.fetchAll(
                db,
                sql: """
                    SELECT interview.* FROM interview JOIN panelSeat ON panelSeat.interviewId = interview.id
                    WHERE panelSeat.interviewerId = ? ORDER BY interview.startsAt
                    """, arguments: [interviewerId])
        }
    }

    func panel(_ db: Database, interviewId: Int64) throws -> [Interviewer] {
        try Interviewer.fetchAll(
            db,
            sql: """
                SELECT interviewer.* FROM interviewer JOIN panelSeat ON panelSeat.interviewerId = interviewer.id
                WHERE panelSeat.interviewId = ? ORDER BY panelSeat.position
                """, arguments: [interviewId])
    }

    private func panelsByInterview(_ db: Database) throws -> [Int64: [Interviewer]] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT interviewer.*, panelSeat.interviewId AS seatInterviewId FROM interviewer
                JOIN panelSeat ON panelSeat.interviewerId = interviewer.id ORDER BY panelSeat.position
                """)
        var panels: [Int64: [Interviewer]] = [:]
        for row in rows {
            let interviewId: Int64 = row["seatInterviewId"]
            panels[interviewId, default: []].append(try Interviewer(row: row))
        }
        return panels
    }
}
