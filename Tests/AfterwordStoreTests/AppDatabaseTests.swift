import AfterwordCore
import Foundation
import GRDB
import Testing

@testable import AfterwordStore

@Suite struct AppDatabaseTests {
    let now = ISO8601DateFormatter().date(from: "2026-11-26T21:00:00Z")!

    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("afterword-\(UUID().uuidString)/afterword.sqlite").path
    }

    func sampleInterview(hoursAgo: Double = 3) -> Interview {
        Interview(
            company: "Acme", role: "Backend Engineer", startsAt: now.addingTimeInterval(-hoursAgo * 3600),
            timeZone: "America/New_York", format: .video, notes: "We discussed Postgres.", createdAt: now)
    }

    @Test("an interview and its panel are stored and read back in order")
    func roundTrip() throws {
        // Given a database with one interview and two interviewers
        let store = try AppDatabase.open(path: temporaryPath())
        let interview = try store.recordInterview(sampleInterview())
        let id = try #require(interview.id)
        _ = try store.addInterviewer(Interviewer(name: "Dana Whitfield", email: "dana@acme.com", createdAt: now), toInterview: id)
        _ = try store.addInterviewer(Interviewer(name: "Priya Natarajan", createdAt: now), toInterview: id)
        // When it is read back
        let detail = try store.interview(id: id)
        // Then the panel keeps the order people were added in
        #expect(detail.interview.company == "Acme")
        #expect(detail.interviewers.map(\.name) == ["Dana Whitfield", "Priya Natarajan"])
        #expect(try store.interviewers(company: "acme").count == 2)
        #expect(try store.interviewers(company: "Other").isEmpty)
    }

    @Test("importing people looks each up through an index, by e-mail and by name, case aside: a large import stays linear")
    func importLookupsUseIndexes() throws {
        let store = try AppDatabase.open(path: temporaryPath())
        let people = (0..<3000).map { index in
            Interviewer(name: "Person \(index)", company: "Acme", email: index % 2 == 0 ? "p\(index)@acme.com" : nil, createdAt: now)
        }
        let first = try store.importInterviewers(people, toInterview: nil)
        #expect(first.allSatisfy { !$0.merged })
        // The same cards again, in other cases: every one is found, none added twice.
        let again = try store.importInterviewers(
            people.map { person in
                var person = person
                person.name = person.name.uppercased()
                person.email = person.email?.uppercased()
                return person
            }, toInterview: nil)
        #expect(again.allSatisfy { $0.merged })
        let count = try store.interviewers().count
        #expect(count == 3000)
        let plans = try store.writer.read { db in
            try ["SELECT * FROM interviewer WHERE email = 'x' COLLATE NOCASE", "SELECT * FROM interviewer WHERE name = 'x' COLLATE NOCASE"]
                .map { try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + $0).map { $0["detail"] as String? ?? "" }.joined() }
        }
        #expect(plans.allSatisfy { $0.contains("USING INDEX") }, "\(plans)")
    }

    @Test("adding an interviewer to a missing interview writes nothing")
    func missingInterview() throws {
        let store = try AppDatabase.inMemory()
        #expect(throws: StoreError.self) {
            try store.addInterviewer(Interviewer(name: "Dana", createdAt: now), toInterview: 42)
        }
        #expect(try store.interviewers().isEmpty)
    }

    @Test("a file that is not a database is refused with a clear message")
    func notADatabase() throws {
        let path = temporaryPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(String(repeating: "not a database at all ", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try AppDatabase.open(path: path)
        } throws: { error in
            (error as? StoreError)?.code == .notADatabase
        }
    }

    @Test("a database from a newer Afterword is refused, not migrated")
    func newerSchema() throws {
        let path = temporaryPath()
        _ = try AppDatabase.open(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        try queue.close()
        #expect {
            try AppDatabase.open(path: path)
        } throws: { error in
            (error as? StoreError)?.code == .newerSchema
        }
    }

    @Test("status lists who needs a thank-you with the hours left, and counts older ones")
    func status() throws {
        let store = try AppDatabase.inMemory()
        let recent = try store.recordInterview(sampleInterview(hoursAgo: 4))
        let old = try store.recordInterview(sampleInterview(hoursAgo: 24 * 30))
        _ = try store.addInterviewer(Interviewer(name: "Dana Whitfield", email: "dana@acme.com", createdAt: now), toInterview: recent.id!)
        _ = try store.addInterviewer(Interviewer(name: "Old Contact", createdAt: now), toInterview: old.id!)
        _ = try store.recordInterview(sampleInterview(hoursAgo: 1))
        let report = try store.status(now: now)
        #expect(report.pending.map(\.interviewer) == ["Dana Whitfield"])
        #expect(report.pending.first?.channel == .email)
        // The interview ended 3 hours ago: 21 of the 24 hours are left.
        #expect(abs((report.pending.first?.hoursLeft ?? 0) - 21) < 0.01)
        #expect(report.olderUnsent == 1)
        #expect(report.withoutInterviewers.count == 1)
    }

    @Test("drafts are stored and the newest one per interviewer is found")
    func drafts() throws {
        let store = try AppDatabase.inMemory()
        let interview = try store.recordInterview(sampleInterview())
        let person = try store.addInterviewer(Interviewer(name: "Dana", createdAt: now), toInterview: interview.id!)
        let draft = Draft(
            interviewId: interview.id!, interviewerId: person.id!, channel: .note, recipient: "Dana", subject: nil,
            body: "Dear Dana,", createdAt: now, updatedAt: now)
        let saved = try store.saveDrafts([draft, draft])
        #expect(try store.latestDraft(interviewId: interview.id!, interviewerId: person.id!)?.id == saved[1].id)
        let edited = try store.updateDraft(id: saved[1].id!, subject: nil, body: "Dear Dana, thanks.", at: now)
        #expect(try store.draft(id: edited.id!).body == "Dear Dana, thanks.")
    }
}

/// The live states are written twice: in Swift (``MessageState/live``) and in the unique indexes that
/// enforce AW-ONCE in the schema. The indexes cannot change with the code (they are migrations), so a
/// test holds the two together.
@Suite struct LiveStatesTests {
    @Test("every unique index on live messages lists exactly MessageState.live")
    func indexesMatchSwift() throws {
        let store = try AppDatabase.inMemory()
        let definitions = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql LIKE '%state IN%'")
        }
        #expect(!definitions.isEmpty, "the schema keeps AW-ONCE in a unique index")
        for definition in definitions {
            guard let open = definition.range(of: "state IN ("), let close = definition[open.upperBound...].firstIndex(of: ")") else {
                Issue.record("cannot read the states of \(definition)")
                continue
            }
            let states = definition[open.upperBound..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
            #expect(Set(states) == Set(MessageState.live.map(\.rawValue)), "\(definition)")
        }
    }
}
