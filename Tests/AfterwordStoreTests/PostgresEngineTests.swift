import AfterwordCore
import AfterwordTestSupport
import Foundation
import PostgresNIO
import Testing

@testable import AfterwordPostgres
@testable import AfterwordStore

/// The PostgreSQL engine's own parts, against a throwaway cluster of Debian's PostgreSQL.
@Suite struct PostgresEngineTests {
    @Test("an address is read as libpq reads it; a password in it, or a stray option, is refused")
    func addresses() throws {
        let location = try PostgresLocation.parse("postgres://sam@db.example:6543/afterword?sslmode=require")
        #expect(location == PostgresLocation(host: "db.example", port: 6543, user: "sam", database: "afterword", tls: .require))
        #expect(try PostgresLocation.parse("postgresql://sam@127.0.0.1/aw").port == 5432)
        for bad in ["postgres://sam:secret@h/db", "mysql://h/db", "postgres://h", "postgres://h/db?sslmode=maybe", "postgres://h/db?timeout=3"] {
            #expect(throws: StoreError.self, "\(bad)") { try PostgresLocation.parse(bad) }
        }
    }

    @Test("the password comes from PGPASSWORD, the named variable, or ~/.pgpass with its wildcards and escapes")
    func passwords() throws {
        let location = try PostgresLocation.parse("postgres://sam@db.example:5432/afterword")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try "# comment\nother:5432:*:sam:no\ndb.example:*:afterword:sam:pa\\:ss\n".write(
            to: home.appendingPathComponent(".pgpass"), atomically: true, encoding: .utf8)
        #expect(location.password(environment: [:], passwordEnv: nil, home: home) == "pa:ss")
        #expect(location.password(environment: ["AW_DB": "x"], passwordEnv: "AW_DB", home: home) == "x")
        #expect(location.password(environment: ["PGPASSWORD": "y", "AW_DB": "x"], passwordEnv: "AW_DB", home: home) == "y")
    }

    @Test("a new database gets the schema, named and recorded; opened again it is left as it is")
    func migrates() throws {
        let url = try TestPostgres.shared().database()
        let engine = try PostgresEngine.open(url)
        #expect(try engine.schemaVersion() == "v11-reminders")
        _ = try PostgresEngine.open(url)
        let names = try engine.pool.withConnection { try engine.pool.rows($0, "SELECT name FROM afterword_migration").map { try $0.decode(String.self) } }
        #expect(names.count == 11)
    }

    @Test("a database a newer Afterword migrated is refused, not changed")
    func newerRefused() throws {
        let url = try TestPostgres.shared().database()
        let engine = try PostgresEngine.open(url)
        try engine.pool.withConnection { try engine.pool.run($0, "INSERT INTO afterword_migration VALUES ('v99-future', now())") }
        do {
            _ = try PostgresEngine.open(url)
            Issue.record("a newer schema was opened")
        } catch let error as StoreError {
            #expect(error.code == .newerSchema)
            #expect(error.message.contains("newer version of Afterword"))
        }
    }

    @Test("AW-ONCE is in the schema: a second live message for one person and interview is refused by the database")
    func onceIndex() throws {
        let engine = try PostgresEngine.open(try TestPostgres.shared().database())
        let pool = engine.pool
        try pool.withConnection { c in
            try pool.run(c, "INSERT INTO interview (company, role, startsAt, timeZone, format, createdAt) VALUES ('Acme', 'Dev', now(), 'UTC', 'video', now())")
            try pool.run(c, "INSERT INTO interviewer (name, createdAt) VALUES ('Dana', now())")
            try pool.run(c, "INSERT INTO draft (interviewId, interviewerId, channel, recipient, body, createdAt, updatedAt) VALUES (1, 1, 'email', 'd@a', 'Dear Dana,', now(), now())")
            try pool.run(c, "INSERT INTO message (draftId, interviewId, interviewerId, channel, state, createdAt, updatedAt) VALUES (1, 1, 1, 'email', 'sent', now(), now())")
            #expect(throws: StoreError.self) {
                try pool.run(c, "INSERT INTO message (draftId, interviewId, interviewerId, channel, state, createdAt, updatedAt) VALUES (1, 1, 1, 'email', 'scheduled', now(), now())")
            }
            // A failed one is history, and may sit beside it.
            try pool.run(c, "INSERT INTO message (draftId, interviewId, interviewerId, channel, state, createdAt, updatedAt) VALUES (1, 1, 1, 'email', 'failed', now(), now())")
        }
    }

    @Test("a server that is not there is said in one line naming the address, within seconds")
    func unreachable() throws {
        let started = Date()
        do {
            _ = try PostgresEngine.open("postgres://afterword@127.0.0.1:1/afterword?sslmode=disable")
            Issue.record("a closed port was reached")
        } catch let error as StoreError {
            #expect(error.message.contains("cannot reach PostgreSQL at postgres://afterword@127.0.0.1:1/afterword"))
            #expect(!error.message.contains("\n"))
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }
}
