import AfterwordCore
import AfterwordStore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func importInterviewers(_ people: [Interviewer], toInterview interviewId: Int64?) throws -> [ImportOutcome] {
        try pool.transaction { c in
            if let interviewId, try !exists(c, "interview", interviewId) {
                throw StoreError.notFound("interview", interviewId, remedy: .listInterviews)
            }
            return try people.map { try importInterviewer(c, $0, interviewId: interviewId) }
        }
    }

    public func importInterviews(_ interviews: [(Interview, [Interviewer])]) throws -> [(Interview, [ImportOutcome])] {
        try pool.transaction { c in
            try interviews.map { interview, people in
                let stored = try insert(c, interview)
                return (stored, try people.map { try importInterviewer(c, $0, interviewId: stored.id) })
            }
        }
    }

    /// Merges a person with a known one (same e-mail, case aside; or same name and company), filling what is
    /// missing, or adds them; seats them on `interviewId` when given. Two imports at once serialise here.
    func importInterviewer(_ c: PostgresConnection, _ person: Interviewer, interviewId: Int64?) throws -> ImportOutcome {
        try pool.run(c, "SELECT pg_advisory_xact_lock(7879)")
        var outcome: ImportOutcome
        if var existing = try match(c, person) {
            existing.title = existing.title ?? person.title
            existing.company = existing.company ?? person.company
            existing.email = existing.email ?? person.email
            existing.phone = existing.phone ?? person.phone
            existing.address = existing.address ?? person.address
            existing.honorific = existing.honorific ?? person.honorific
            existing.notes = existing.notes ?? person.notes
            existing.topic = existing.topic ?? person.topic
            let e = existing
            try pool.run(
                c,
                """
                UPDATE interviewer SET title = \(e.title), company = \(e.company), email = \(e.email), phone = \(e.phone),
                    address = \(e.address), honorific = \(e.honorific), notes = \(e.notes), topic = \(e.topic) WHERE id = \(e.storedID)
                """)
            outcome = ImportOutcome(interviewer: existing, merged: true)
        } else {
            var fresh = person
            fresh.id = nil
            outcome = ImportOutcome(interviewer: try insert(c, fresh), merged: false)
        }
        if let interviewId { try seat(c, interviewer: outcome.interviewer.storedID, on: interviewId) }
        return outcome
    }

    private func match(_ c: PostgresConnection, _ person: Interviewer) throws -> Interviewer? {
        if let email = person.email,
            let row = try pool.rows(
                c, "SELECT \(unescaped: Self.interviewerColumns) FROM interviewer WHERE lower(email) = lower(\(email)) ORDER BY id LIMIT 1"
            ).first
        {
            return try Interviewer(row)
        }
        let candidates = try pool.rows(
            c, "SELECT \(unescaped: Self.interviewerColumns) FROM interviewer WHERE lower(name) = lower(\(person.name)) ORDER BY id"
        ).map(Interviewer.init)
        return candidates.first { candidate in
            let a = candidate.company?.lowercased()
            let b = person.company?.lowercased()
            return a == b || a == nil || b == nil
        }
    }
}
