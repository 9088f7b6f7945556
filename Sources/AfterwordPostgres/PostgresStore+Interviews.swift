import AfterwordCore
import AfterwordStore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func recordInterview(_ interview: Interview) throws -> Interview {
        try pool.withConnection { c in try insert(c, interview) }
    }

    func insert(_ c: PostgresConnection, _ interview: Interview) throws -> Interview {
        let i = interview
        let rows = try pool.rows(
            c,
            """
            INSERT INTO interview (company, role, startsAt, timeZone, durationMinutes, format, notes, fit, inviteDetails, createdAt)
            VALUES (\(i.company), \(i.role), \(i.startsAt), \(i.timeZone), \(i.durationMinutes), \(i.format.rawValue), \(i.notes), \(i.fit),
                    \(i.inviteDetails), \(i.createdAt))
            RETURNING id
            """)
        var stored = interview
        stored.id = try rows.first?.decode(Int64.self)
        return stored
    }

    func insert(_ c: PostgresConnection, _ person: Interviewer) throws -> Interviewer {
        let p = person
        let rows = try pool.rows(
            c,
            """
            INSERT INTO interviewer (name, honorific, title, company, email, phone, address, notes, topic, createdAt)
            VALUES (\(p.name), \(p.honorific), \(p.title), \(p.company), \(p.email), \(p.phone), \(p.address), \(p.notes), \(p.topic),
                    \(p.createdAt))
            RETURNING id
            """)
        var stored = person
        stored.id = try rows.first?.decode(Int64.self)
        return stored
    }

    func exists(_ c: PostgresConnection, _ table: String, _ id: Int64) throws -> Bool {
        try !pool.rows(c, "SELECT 1 FROM \(unescaped: table) WHERE id = \(id)").isEmpty
    }

    public func addInterviewer(_ interviewer: Interviewer, toInterview interviewId: Int64) throws -> Interviewer {
        try pool.transaction { c in
            guard try exists(c, "interview", interviewId) else { throw StoreError.notFound("interview", interviewId, remedy: .listInterviews) }
            let person = try insert(c, interviewer)
            try seat(c, interviewer: person.storedID, on: interviewId)
            return person
        }
    }

    func seat(_ c: PostgresConnection, interviewer: Int64, on interviewId: Int64) throws {
        try pool.run(
            c,
            """
            INSERT INTO panelSeat (interviewId, interviewerId, position)
            SELECT \(interviewId), \(interviewer), COALESCE(MAX(position) + 1, 0) FROM panelSeat WHERE interviewId = \(interviewId)
            ON CONFLICT DO NOTHING
            """)
    }

    public func updateInterviewer(_ interviewer: Interviewer) throws -> Interviewer {
        try pool.withConnection { c in
            let p = interviewer
            let rows = try pool.rows(
                c,
                """
                UPDATE interviewer SET name = \(p.name), honorific = \(p.honorific), title = \(p.title), company = \(p.company),
                    email = \(p.email), phone = \(p.phone), address = \(p.address), notes = \(p.notes), topic = \(p.topic)
                WHERE id = \(p.id ?? 0) RETURNING id
                """)
            guard !rows.isEmpty else { throw StoreError.notFound("interviewer", interviewer.storedID, remedy: .listInterviewers) }
            return interviewer
        }
    }

    public func updateInterview(_ interview: Interview) throws -> Interview {
        try pool.transaction { c in
            guard let id = interview.id, try exists(c, "interview", id) else {
                throw StoreError.notFound("interview", interview.storedID, remedy: .listInterviews)
            }
            let window = ThankYouWindow(for: interview)
            if let sent = try pool.rows(
                c, "SELECT MIN(sentAt) FROM message WHERE interviewId = \(id) AND state = 'sent' AND openingId IS NULL"
            ).first?.decode(Date?.self), sent < interview.startsAt {
                throw StoreError(
                    code: .conflict,
                    message:
                        "a thank-you for this interview was already sent on \(ISO8601DateFormatter().string(from: sent)), before the new time; an interview cannot move after its thank-you (record the new one as another interview)")
            }
            let i = interview
            try pool.run(
                c,
                """
                UPDATE interview SET company = \(i.company), role = \(i.role), startsAt = \(i.startsAt), timeZone = \(i.timeZone),
                    durationMinutes = \(i.durationMinutes), format = \(i.format.rawValue), notes = \(i.notes), fit = \(i.fit),
                    inviteDetails = \(i.inviteDetails)
                WHERE id = \(id)
                """)
            try pool.run(
                c,
                """
                UPDATE message SET scheduledAt = \(window.earliest), deferral = 'the interview moved; it leaves once the interview is over'
                WHERE interviewId = \(id) AND state = 'scheduled' AND openingId IS NULL AND scheduledAt < \(window.earliest)
                """)
            return interview
        }
    }

    public func interviews(since: Date) throws -> [Interview] {
        try pool.withConnection { c in
            try pool.rows(c, "SELECT \(unescaped: Self.interviewColumns) FROM interview WHERE startsAt >= \(since) ORDER BY id").map(Interview.init)
        }
    }

    public func interviews() throws -> [InterviewDetail] {
        try pool.withConnection { c in
            let interviews = try pool.rows(c, "SELECT \(unescaped: Self.interviewColumns) FROM interview ORDER BY startsAt DESC, id")
                .map(Interview.init)
            let panels = try panelsByInterview(c)
            return interviews.map { InterviewDetail(interview: $0, interviewers: panels[$0.storedID] ?? []) }
        }
    }

    public func interview(id: Int64) throws -> InterviewDetail {
        try pool.withConnection { c in
            guard let row = try pool.rows(c, "SELECT \(unescaped: Self.interviewColumns) FROM interview WHERE id = \(id)").first else {
                throw StoreError.notFound("interview", id, remedy: .listInterviews)
            }
            return InterviewDetail(interview: try Interview(row), interviewers: try panel(c, interviewId: id))
        }
    }

    public func interviewer(id: Int64) throws -> Interviewer {
        try pool.withConnection { c in
            guard let row = try pool.rows(c, "SELECT \(unescaped: Self.interviewerColumns) FROM interviewer WHERE id = \(id)").first else {
                throw StoreError.notFound("interviewer", id, remedy: .listInterviewers)
            }
            return try Interviewer(row)
        }
    }

    public func interviewers(company: String?) throws -> [InterviewerDetail] {
        try pool.withConnection { c in
            let people = try pool.rows(c, "SELECT \(unescaped: Self.interviewerColumns) FROM interviewer ORDER BY lower(name), id").map(Interviewer.init)
            let interviews = Dictionary(
                try pool.rows(c, "SELECT \(unescaped: Self.interviewColumns) FROM interview").map(Interview.init).map { ($0.storedID, $0) },
                uniquingKeysWith: { first, _ in first })
            var seats: [Int64: [Interview]] = [:]
            for row in try pool.rows(c, "SELECT interviewerId, interviewId FROM panelSeat ORDER BY interviewId") {
                let (person, interviewId) = try row.decode((Int64, Int64).self)
                if let interview = interviews[interviewId] { seats[person, default: []].append(interview) }
            }
            let wanted = company.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            return people.map { InterviewerDetail(interviewer: $0, interviews: seats[$0.storedID] ?? []) }.filter { detail in
                guard let wanted else { return true }
                let companies = [detail.interviewer.company].compactMap { $0 } + detail.interviews.map(\.company)
                return companies.contains { $0.lowercased() == wanted }
            }
        }
    }

    public func interviews(ofInterviewer interviewerId: Int64) throws -> [Interview] {
        try pool.withConnection { c in
            try pool.rows(
                c,
                """
                SELECT \(unescaped: Self.qualified(Self.interviewColumns, "interview")) FROM interview
                JOIN panelSeat ON panelSeat.interviewId = interview.id WHERE panelSeat.interviewerId = \(interviewerId)
                ORDER BY interview.startsAt
                """
            ).map(Interview.init)
        }
    }

    func panel(_ c: PostgresConnection, interviewId: Int64) throws -> [Interviewer] {
        try pool.rows(
            c,
            """
            SELECT \(unescaped: Self.qualified(Self.interviewerColumns, "interviewer")) FROM interviewer
            JOIN panelSeat ON panelSeat.interviewerId = interviewer.id WHERE panelSeat.interviewId = \(interviewId)
            ORDER BY panelSeat.position
            """
        ).map(Interviewer.init)
    }

    private func panelsByInterview(_ c: PostgresConnection) throws -> [Int64: [Interviewer]] {
        let people = Dictionary(
            try pool.rows(c, "SELECT \(unescaped: Self.interviewerColumns) FROM interviewer").map(Interviewer.init).map { ($0.storedID, $0) },
            uniquingKeysWith: { first, _ in first })
        var panels: [Int64: [Interviewer]] = [:]
        for row in try pool.rows(c, "SELECT interviewId, interviewerId FROM panelSeat ORDER BY position") {
            let (interviewId, personId) = try row.decode((Int64, Int64).self)
            if let person = people[personId] { panels[interviewId, default: []].append(person) }
        }
        return panels
    }
}
