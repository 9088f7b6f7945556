import AfterwordCore
import Foundation
import GRDB

extension AppDatabase {
    /// Adds people, merging each with an existing interviewer who has the same e-mail or the same
    /// name and company, and seats them on the interview when given. All or nothing.
    /// - Throws: ``StoreError`` when the interview does not exist.
    public func importInterviewers(_ people: [Interviewer], toInterview interviewId: Int64?) throws -> [ImportOutcome] {
        try writer.write { db in
            if let interviewId, try !Interview.exists(db, key: interviewId) {
                throw StoreError.notFound("interview", interviewId, remedy: .listInterviews)
            }
            return try people.map { try importInterviewer(db, $0, interviewId: interviewId) }
        }
    }

    /// Records interviews with their panels (from an invite), merging known people. All or nothing.
    public func importInterviews(_ interviews: [(Interview, [Interviewer])]) throws -> [(Interview, [ImportOutcome])] {
        try writer.write { db in
            try interviews.map { interview, people in
                var interview = interview
                try interview.insert(db)
                let outcomes = try people.map { try importInterviewer(db, $0, interviewId: interview.id) }
                return (interview, outcomes)
            }
        }
    }

    func importInterviewer(_ db: Database, _ person: Interviewer, interviewId: Int64?) throws -> ImportOutcome {
        var outcome: ImportOutcome
        if var existing = try match(db, person) {
            existing.title = existing.title ?? person.title
            existing.company = existing.company ?? person.company
            existing.email = existing.email ?? person.email
            existing.phone = existing.phone ?? person.phone
            existing.address = existing.address ?? person.address
            existing.honorific = existing.honorific ?? person.honorific
            existing.notes = existing.notes ?? person.notes
            existing.topic = existing.topic ?? person.topic
            try existing.update(db)
            outcome = ImportOutcome(interviewer: existing, merged: true)
        } else {
            var person = person
            person.id = nil
            try person.insert(db)
            outcome = ImportOutcome(interviewer: person, merged: false)
        }
        if let interviewId { try seat(db, interviewer: outcome.interviewer.storedID, on: interviewId) }
        return outcome
    }

    /// The known interviewer who is this person: same e-mail (case-blind), or same name and company.
    private func match(_ db: Database, _ person: Interviewer) throws -> Interviewer? {
        if let email = person.email,
            let found = try Interviewer.fetchOne(db, sql: "SELECT * FROM interviewer WHERE email = ? COLLATE NOCASE", arguments: [email])
        {
            return found
        }
        let candidates = try Interviewer.fetchAll(
            db, sql: "SELECT * FROM interviewer WHERE name = ? COLLATE NOCASE", arguments: [person.name])
        return candidates.first { candidate in
            let a = candidate.company?.lowercased()
            let b = person.company?.lowercased()
            return a == b || a == nil || b == nil
        }
    }
}
