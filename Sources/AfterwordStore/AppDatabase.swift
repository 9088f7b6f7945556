import AfterwordCore
import Foundation
import GRDB

/// Afterword's store: the schema, its migrations, and every write named by what it means.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// The file, or `:memory:`.
    let path: String

    /// Opens (creating if needed) the database at `path`, in WAL mode, migrated to the current schema.
    /// - Throws: ``StoreError`` when the file is not a database or was written by a newer Afterword.
    public static func open(path: String) throws(StoreError) -> AppDatabase {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError(
                code: .cannotOpen,
                message: "cannot create the data directory \(directory): \(error.localizedDescription)", remedy: .chooseDataDirectory)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA foreign_keys = ON") }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            return try AppDatabase(pool, path: path)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError(
                code: .notADatabase,
                message: "\(path) is not an Afterword database; move it aside", remedy: .chooseDataDirectory)
        } catch {
            throw StoreError.explaining(error)
                ?? StoreError(code: .cannotOpen, message: "cannot open \(path): \(error); check the file and its permissions")
        }
    }

    /// Opens an existing database that this user cannot write (a read-only file or directory) for
    /// reading: listing works, and a change is refused with one line of advice.
    /// - Throws: ``StoreError`` when the file is not a database, or would need a schema upgrade.
    public static func openReadOnly(path: String) throws(StoreError) -> AppDatabase {
        var configuration = Configuration()
        configuration.readonly = true
        // Immutable: nobody can write the file, so SQLite needs no lock file or WAL index beside it
        // (which a read-only directory could not hold).
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        do {
            let queue = try DatabaseQueue(path: "file:\(encoded)?immutable=1", configuration: configuration)
            let complete = try queue.read { db in try migrator.hasCompletedMigrations(db) }
            guard complete else {
                throw StoreError(
                    code: .cannotOpen,
                    message: "\(path) needs an upgrade, and this user cannot write it", remedy: .upgradeStore)
            }
            return try AppDatabase(queue, path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.explaining(error)
                ?? StoreError(code: .cannotOpen, message: "cannot read \(path): \(error); check the file and its permissions")
        }
    }

    /// True when `path` is a database file this user may read but not change (nor create files beside).
    public static func isReadOnly(path: String) -> Bool {
        let files = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        return files.fileExists(atPath: path) && files.isReadableFile(atPath: path)
            && (!files.isWritableFile(atPath: path) || !files.isWritableFile(atPath: directory.isEmpty ? "." : directory))
    }

    /// An empty database in memory, for tests.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(), path: ":memory:")
    }

    init(_ writer: any DatabaseWriter, path: String) throws {
        self.writer = writer
        self.path = path
        let migrator = Self.migrator
        let (superseded, complete) = try writer.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
        }
        if superseded {
            throw StoreError(
                code: .newerSchema,
                message: "\(path) was written by a newer version of Afterword; upgrade afterword to use it")
        }
        // Migrating takes the write lock; skip it when the schema is already current.
        if !complete { try migrator.migrate(writer) }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "interview") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("company", .text).notNull()
                t.column("role", .text).notNull()
                t.column("startsAt", .datetime).notNull().indexed()
                t.column("timeZone", .text).notNull()
                t.column("durationMinutes", .integer).notNull().defaults(to: 60)
                t.column("format", .text).notNull()
                t.column("notes", .text).notNull().defaults(to: "")
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "interviewer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("title", .text)
                t.column("company", .text).indexed()
                t.column("email", .text).indexed()
                t.column("phone", .text)
                t.column("address", .text)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "panelSeat") { t in
                t.belongsTo("interview", onDelete: .cascade).notNull()
                t.belongsTo("interviewer", onDelete: .cascade).notNull()
                t.column("position", .integer).notNull()
                t.primaryKey(["interviewId", "interviewerId"])
            }
            try db.create(table: "draft") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("interview", onDelete: .cascade).notNull()
                t.belongsTo("interviewer", onDelete: .cascade).notNull()
                t.column("channel", .text).notNull()
                t.column("recipient", .text).notNull()
                t.column("subject", .text)
                t.column("body", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(index: "draft_pair", on: "draft", columns: ["interviewId", "interviewerId"])
            try db.create(table: "message") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("draft", onDelete: .restrict).notNull()
                t.column("interviewId", .integer).notNull()
                t.column("interviewerId", .integer).notNull()
                t.column("channel", .text).notNull()
                t.column("state", .text).notNull()
                t.column("scheduledAt", .datetime)
                t.column("sentAt", .datetime)
                t.column("serverReply", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(index: "message_pair", on: "message", columns: ["interviewId", "interviewerId"])
            // AW-ONCE in the schema: at most one live thank-you per interviewer per interview.
            try db.execute(
                sql: """
                    CREATE UNIQUE INDEX message_once ON message(interviewId, interviewerId)
                    WHERE state IN ('scheduled', 'sending', 'sent', 'uncertain')
                    """)
        }
        migrator.registerMigration("v2-ledger") { db in
            try db.alter(table: "message") { t in
                t.add(column: "transport", .text).notNull().defaults(to: "smtp")
                t.add(column: "messageId", .text)
                t.add(column: "ownerPid", .integer)
            }
            try db.create(index: "message_due", on: "message", columns: ["state", "scheduledAt"])
        }
        migrator.registerMigration("v3-printed") { db in
            try db.alter(table: "draft") { t in t.add(column: "printedAt", .datetime) }
        }
        migrator.registerMigration("v4-revision") { db in
            // One number that every write moves, so a long-running reader (the web UI) can tell in one
            // cheap query whether anything changed, whichever process wrote it.
            try db.execute(sql: "CREATE TABLE revision (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL)")
            try db.execute(sql: "INSERT INTO revision (id, value) VALUES (1, 0)")
            for table in ["interview", "interviewer", "panelSeat", "draft", "message"] {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try db.execute(
                        sql: "CREATE TRIGGER \(table)_\(event.lowercased())_revision AFTER \(event) ON \(table) BEGIN UPDATE revision SET value = value + 1 WHERE id = 1; END"
                    )
                }
            }
        }
        migrator.registerMigration("v5-watch") { db in
            // AW-REMEMBER: the boards watched, every posting seen on them (kept when it closes), and
            // reconnect notes, which are drafts and messages about an opening.
            try db.create(table: "board") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("company", .text).notNull()
                t.column("provider", .text).notNull()
                t.column("token", .text).notNull()
                t.column("addedAt", .datetime).notNull()
                t.column("checkedAt", .datetime)
                t.column("error", .text)
                t.column("etag", .text)
                t.column("lastModified", .text)
                t.uniqueKey(["provider", "token"])
            }
            try db.create(table: "opening") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("board", onDelete: .cascade).notNull()
                t.column("externalId", .text).notNull()
                t.column("title", .text).notNull()
                t.column("location", .text).notNull().defaults(to: "")
                t.column("url", .text).notNull().defaults(to: "")
                t.column("firstSeen", .datetime).notNull().indexed()
                t.column("lastSeen", .datetime).notNull()
                t.column("closedAt", .datetime)
                t.uniqueKey(["boardId", "externalId"])
            }
            try db.alter(table: "interviewer") { t in t.add(column: "markedMetAt", .datetime) }
            try db.alter(table: "draft") { t in t.add(column: "openingId", .integer).references("opening", onDelete: .setNull) }
            try db.alter(table: "message") { t in t.add(column: "openingId", .integer) }
            // AW-ONCE counts a thank-you and each reconnect apart: one live message per interviewer, interview and opening.
            try db.execute(sql: "DROP INDEX message_once")
            try db.execute(
                sql: """
                    CREATE UNIQUE INDEX message_once ON message(interviewId, interviewerId, IFNULL(openingId, 0))
                    WHERE state IN ('scheduled', 'sending', 'sent', 'uncertain')
                    """)
            for table in ["board", "opening"] {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try db.execute(
                        sql: "CREATE TRIGGER \(table)_\(event.lowercased())_revision AFTER \(event) ON \(table) BEGIN UPDATE revision SET value = value + 1 WHERE id = 1; END"
                    )
                }
            }
        }
        migrator.registerMigration("v6-drafts") { db in
            // Per-person notes and the honorific a formal greeting uses; the user's fit line for an interview.
            try db.alter(table: "interviewer") { t in
                t.add(column: "honorific", .text)
                t.add(column: "notes", .text)
            }
            try db.alter(table: "interview") { t in t.add(column: "fit", .text) }
        }
        migrator.registerMigration("v7-topics") { db in
            // A confirmed topic per person; an invite's description kept apart from the user's notes;
            // the body as composed, to tell a hand edit from Afterword's own words.
            try db.alter(table: "interviewer") { t in t.add(column: "topic", .text) }
            try db.alter(table: "interview") { t in t.add(column: "inviteDetails", .text) }
            try db.alter(table: "draft") { t in t.add(column: "composedBody", .text) }
            try db.execute(sql: "UPDATE draft SET composedBody = body")
        }
        migrator.registerMigration("v8-owner") { db in
            // Who is sending, beyond a pid that may be reused: boot id, pid and the process's start time.
            try db.alter(table: "message") { t in t.add(column: "owner", .text) }
        }
        migrator.registerMigration("v9-lookup") { db in
            // Importing people looks each one up by e-mail and by name, case aside: indexes in that collation
            // keep 20,000 cards linear rather than one table scan each.
            try db.execute(sql: "CREATE INDEX interviewer_email_nocase ON interviewer(email COLLATE NOCASE)")
            try db.execute(sql: "CREATE INDEX interviewer_name_nocase ON interviewer(name COLLATE NOCASE)")
        }
        migrator.registerMigration("v10-mail") { db in
            // What the Sent folder showed for an uncertain message, and why a scheduled one has not left.
            try db.alter(table: "message") { t in
                t.add(column: "sentLookup", .text)
                t.add(column: "deferral", .text)
            }
        }
        migrator.registerMigration("v11-reminders") { db in
            // Each reminder given, so that none is given twice for the same deadline, across processes too.
            try db.create(table: "reminder") { t in
                t.belongsTo("interview", onDelete: .cascade).notNull()
                t.belongsTo("interviewer", onDelete: .cascade).notNull()
                t.column("kind", .text).notNull()
                t.column("deadline", .datetime).notNull()
                t.column("givenAt", .datetime).notNull()
                t.primaryKey(["interviewId", "interviewerId", "kind", "deadline"])
            }
        }
        return migrator
    }
}
