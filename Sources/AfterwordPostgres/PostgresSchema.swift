import AfterwordCore
import AfterwordStore
import Foundation
import PostgresNIO

/// Afterword's schema in PostgreSQL's dialect: the same tables, columns, AW-ONCE index and revision as the
/// SQLite store, instants as `timestamptz` (UTC). Migrations are named as the SQLite store's are and
/// recorded in `afterword_migration`; a database that records one this version does not know was written
/// by a newer Afterword and is refused, not changed.
enum PostgresSchema {
    /// Every migration this version knows, in order. A PostgreSQL database starts at the schema of
    /// `v11-reminders` (the earlier names are recorded as part of it); later ones are added here and to
    /// the SQLite store alike.
    static let migrations: [(name: String, sql: [String])] = [
        ("v11-reminders", base)
    ]

    /// The names a database created at `v11-reminders` counts as applied.
    static let foldedIntoBase = [
        "v1", "v2-ledger", "v3-printed", "v4-revision", "v5-watch", "v6-drafts", "v7-topics", "v8-owner", "v9-lookup", "v10-mail",
    ]

    static let base: [String] = [
        """
        CREATE TABLE interview (
            id BIGSERIAL PRIMARY KEY, company TEXT NOT NULL, role TEXT NOT NULL, startsAt TIMESTAMPTZ NOT NULL,
            timeZone TEXT NOT NULL, durationMinutes INTEGER NOT NULL DEFAULT 60, format TEXT NOT NULL, notes TEXT NOT NULL DEFAULT '',
            createdAt TIMESTAMPTZ NOT NULL, fit TEXT, inviteDetails TEXT)
        """,
        "CREATE INDEX interview_startsAt ON interview(startsAt)",
        """
        CREATE TABLE interviewer (
            id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, title TEXT, company TEXT, email TEXT, phone TEXT, address TEXT,
            createdAt TIMESTAMPTZ NOT NULL, markedMetAt TIMESTAMPTZ, honorific TEXT, notes TEXT, topic TEXT)
        """,
        "CREATE INDEX interviewer_email_nocase ON interviewer(lower(email))",
        "CREATE INDEX interviewer_name_nocase ON interviewer(lower(name))",
        """
        CREATE TABLE panelSeat (
            interviewId BIGINT NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
            interviewerId BIGINT NOT NULL REFERENCES interviewer(id) ON DELETE CASCADE,
            position INTEGER NOT NULL, PRIMARY KEY (interviewId, interviewerId))
        """,
        "CREATE INDEX panelSeat_interviewer ON panelSeat(interviewerId)",
        """
        CREATE TABLE board (
            id BIGSERIAL PRIMARY KEY, company TEXT NOT NULL, provider TEXT NOT NULL, token TEXT NOT NULL, addedAt TIMESTAMPTZ NOT NULL,
            checkedAt TIMESTAMPTZ, error TEXT, etag TEXT, lastModified TEXT, UNIQUE (provider, token))
        """,
        """
        CREATE TABLE opening (
            id BIGSERIAL PRIMARY KEY, boardId BIGINT NOT NULL REFERENCES board(id) ON DELETE CASCADE, externalId TEXT NOT NULL,
            title TEXT NOT NULL, location TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT '', firstSeen TIMESTAMPTZ NOT NULL,
            lastSeen TIMESTAMPTZ NOT NULL, closedAt TIMESTAMPTZ, UNIQUE (boardId, externalId))
        """,
        "CREATE INDEX opening_firstSeen ON opening(firstSeen)",
        """
        CREATE TABLE draft (
            id BIGSERIAL PRIMARY KEY, interviewId BIGINT NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
            interviewerId BIGINT NOT NULL REFERENCES interviewer(id) ON DELETE CASCADE, channel TEXT NOT NULL, recipient TEXT NOT NULL,
            subject TEXT, body TEXT NOT NULL, createdAt TIMESTAMPTZ NOT NULL, updatedAt TIMESTAMPTZ NOT NULL, printedAt TIMESTAMPTZ,
            openingId BIGINT REFERENCES opening(id) ON DELETE SET NULL, composedBody TEXT)
        """,
        "CREATE INDEX draft_pair ON draft(interviewId, interviewerId)",
        """
        CREATE TABLE message (
            id BIGSERIAL PRIMARY KEY, draftId BIGINT NOT NULL REFERENCES draft(id) ON DELETE RESTRICT, interviewId BIGINT NOT NULL,
            interviewerId BIGINT NOT NULL, channel TEXT NOT NULL, state TEXT NOT NULL, scheduledAt TIMESTAMPTZ, sentAt TIMESTAMPTZ,
            serverReply TEXT, createdAt TIMESTAMPTZ NOT NULL, updatedAt TIMESTAMPTZ NOT NULL, transport TEXT NOT NULL DEFAULT 'smtp',
            messageId TEXT, ownerPid INTEGER, openingId BIGINT, owner TEXT, sentLookup TEXT, deferral TEXT)
        """,
        "CREATE INDEX message_pair ON message(interviewId, interviewerId)",
        "CREATE INDEX message_draft ON message(draftId)",
        "CREATE INDEX message_due ON message(state, scheduledAt)",
        // AW-ONCE in the schema: at most one live message per person, interview and opening.
        """
        CREATE UNIQUE INDEX message_once ON message(interviewId, interviewerId, COALESCE(openingId, 0))
        WHERE state IN ('scheduled', 'sending', 'sent', 'uncertain')
        """,
        """
        CREATE TABLE reminder (
            interviewId BIGINT NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
            interviewerId BIGINT NOT NULL REFERENCES interviewer(id) ON DELETE CASCADE, kind TEXT NOT NULL,
            deadline TIMESTAMPTZ NOT NULL, givenAt TIMESTAMPTZ NOT NULL, PRIMARY KEY (interviewId, interviewerId, kind, deadline))
        """,
        // One number every write moves, so that a long-running reader (the web) sees another process's change
        // in one cheap query: a sequence, which no writer waits on.
        "CREATE SEQUENCE revision",
        """
        CREATE FUNCTION afterword_revision() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM nextval('revision'); RETURN NULL; END $$
        """,
    ] + ["interview", "interviewer", "panelSeat", "draft", "message", "board", "opening"].map { table in
        "CREATE TRIGGER \(table)_revision AFTER INSERT OR UPDATE OR DELETE ON \(table) FOR EACH STATEMENT EXECUTE FUNCTION afterword_revision()"
    }

    /// Brings the database to this version's schema, in one transaction, or refuses it when a newer
    /// Afterword wrote it. Two processes starting at once serialise on an advisory lock.
    /// - Parameter schema: `public` for one user; a career centre's seeker has a schema of their own, made here.
    static func migrate(_ pool: PostgresPool, schema: String = "public") throws {
        try pool.transaction(schema: schema) { connection in
            try pool.run(connection, "SELECT pg_advisory_xact_lock(7878)")
            if schema != "public" {
                try pool.run(connection, PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(PostgresPool.quoted(schema))"))
            }
            try pool.run(connection, "CREATE TABLE IF NOT EXISTS afterword_migration (name TEXT PRIMARY KEY, appliedAt TIMESTAMPTZ NOT NULL)")
            let applied = Set(try pool.rows(connection, "SELECT name FROM afterword_migration").map { try $0.decode(String.self) })
            let known = Set(foldedIntoBase + migrations.map(\.name))
            if let unknown = applied.subtracting(known).sorted().first {
                throw StoreError(
                    code: .newerSchema,
                    message: "the database at \(pool.location) was written by a newer version of Afterword (\(unknown)); upgrade afterword to use it")
            }
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.sql { try pool.run(connection, PostgresQuery(unsafeSQL: statement)) }
                let names = migration.name == migrations.first?.name ? foldedIntoBase + [migration.name] : [migration.name]
                for name in names {
                    try pool.run(connection, "INSERT INTO afterword_migration (name, appliedAt) VALUES (\(name), now())")
                }
            }
        }
    }

    /// True when `schema` records every migration this version knows and none it does not (one query, no lock):
    /// then there is nothing to migrate.
    static func isCurrent(_ pool: PostgresPool, schema: String) -> Bool {
        let applied = try? pool.withConnection { connection in
            Set(
                try pool.rows(connection, PostgresQuery(unsafeSQL: "SELECT name FROM \(PostgresPool.quoted(schema)).afterword_migration"))
                    .map { try $0.decode(String.self) })
        }
        return applied == Set(foldedIntoBase + migrations.map(\.name))
    }

    /// The newest migration the database records, in this version's order of migrations.
    static func version(_ pool: PostgresPool, schema: String = "public") throws -> String? {
        let applied = try pool.withConnection(schema: schema) { connection in
            Set(try pool.rows(connection, "SELECT name FROM afterword_migration").map { try $0.decode(String.self) })
        }
        return (foldedIntoBase + migrations.map(\.name)).last { applied.contains($0) }
    }
}
