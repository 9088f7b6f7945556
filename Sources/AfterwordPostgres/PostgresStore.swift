import AfterwordCore
import AfterwordStore
import Foundation
import PostgresNIO

/// Afterword's records in PostgreSQL: the same reads and writes as the SQLite store (``RecordStore``), for a
/// career centre's shared instance. Every statement binds its values; none is built from user text.
public final class PostgresStore: Sendable {
    let engine: PostgresEngine
    /// The schema holding these records: `public` for one user, `seeker_N` for a seeker of a career centre.
    public let schema: String
    /// The engine's connections, each naming this store's schema before any statement.
    var pool: ScopedPool { ScopedPool(pool: engine.pool, schema: schema) }

    /// The records in `schema` (already migrated: see ``PostgresEngine/store(schema:)``).
    init(engine: PostgresEngine, schema: String) {
        self.engine = engine
        self.schema = schema
    }

    /// One user's records, in the database's `public` schema.
    public convenience init(engine: PostgresEngine) {
        self.init(engine: engine, schema: "public")
    }

    // Column lists in the order the decoders below read them.
    static let interviewColumns = "id, company, role, startsAt, timeZone, durationMinutes, format, notes, fit, inviteDetails, createdAt"
    static let interviewerColumns = "id, name, honorific, title, company, email, phone, address, notes, topic, createdAt"
    static let draftColumns =
        "id, interviewId, interviewerId, channel, recipient, subject, body, createdAt, updatedAt, printedAt, openingId, composedBody"
    static let messageColumns = """
        id, draftId, interviewId, interviewerId, channel, state, transport, messageId, scheduledAt, sentAt, serverReply, ownerPid, owner,
        createdAt, updatedAt, openingId, sentLookup, deferral
        """
    static let boardColumns = "id, company, provider, token, addedAt, checkedAt, error, etag, lastModified"
    static let openingColumns = "id, boardId, externalId, title, location, url, firstSeen, lastSeen, closedAt"

    /// `columns` with each prefixed by `table.`, for joins.
    static func qualified(_ columns: String, _ table: String) -> String {
        columns.split(separator: ",").map { "\(table).\($0.trimmingCharacters(in: .whitespacesAndNewlines))" }.joined(separator: ", ")
    }
}

/// The pool's connections with one schema's tables: every statement the store runs goes through it.
struct ScopedPool {
    let pool: PostgresPool
    let schema: String

    var location: PostgresLocation { pool.location }

    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try pool.withConnection(schema: schema, body)
    }

    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try pool.transaction(schema: schema, body)
    }

    func rows(_ connection: PostgresConnection, _ query: PostgresQuery) throws -> [PostgresRow] {
        try pool.rows(connection, query)
    }

    func run(_ connection: PostgresConnection, _ query: PostgresQuery) throws {
        try pool.run(connection, query)
    }
}

/// Reads a row's cells in order.
struct Cells {
    private let cells: [PostgresCell]
    private var index = 0

    init(_ row: PostgresRow) {
        cells = Array(row)
    }

    mutating func next<T: PostgresDecodable>(_: T.Type = T.self) throws -> T {
        defer { index += 1 }
        return try cells[index].decode(T.self)
    }

    mutating func raw<T: RawRepresentable>(_: T.Type = T.self) throws -> T where T.RawValue == String {
        let text: String = try next()
        guard let value = T(rawValue: text) else {
            throw StoreError(code: .cannotOpen, message: "the database holds \"\(text)\" where Afterword expects a \(T.self)")
        }
        return value
    }
}

extension Interview {
    init(_ row: PostgresRow) throws {
        var c = Cells(row)
        self.init(
            id: try c.next(Int64.self), company: try c.next(), role: try c.next(), startsAt: try c.next(), timeZone: try c.next(),
            durationMinutes: try c.next(), format: try c.raw(), notes: try c.next(), fit: try c.next(), inviteDetails: try c.next(),
            createdAt: try c.next())
    }
}

extension Interviewer {
    init(_ row: PostgresRow) throws {
        var c = Cells(row)
        self.init(
            id: try c.next(Int64.self), name: try c.next(), honorific: try c.next(), title: try c.next(), company: try c.next(),
            email: try c.next(), phone: try c.next(), address: try c.next(), notes: try c.next(), topic: try c.next(),
            createdAt: try c.next())
    }
}

extension Draft {
    init(_ row: PostgresRow) throws {
        var c = Cells(row)
        self.init(
            id: try c.next(Int64.self), interviewId: try c.next(), interviewerId: try c.next(), channel: try c.raw(),
            recipient: try c.next(), subject: try c.next(), body: try c.next(), createdAt: try c.next(), updatedAt: try c.next())
        printedAt = try c.next()
        openingId = try c.next()
        composedBody = try c.next()
    }
}

extension LedgerEntry {
    init(_ row: PostgresRow) throws {
        var c = Cells(row)
        self.init(
            id: try c.next(Int64.self), draftId: try c.next(), interviewId: try c.next(), interviewerId: try c.next(), channel: try c.raw(),
            state: try c.raw(), transport: try c.raw(), messageId: try c.next(), scheduledAt: try c.next(), sentAt: try c.next(),
            serverReply: try c.next(), ownerPid: try c.next(Int32?.self), createdAt: Date(), updatedAt: Date())
        owner = try c.next()
        createdAt = try c.next()
        updatedAt = try c.next()
        openingId = try c.next()
        sentLookup = try c.next()
        deferral = try c.next()
    }
}

extension WatchedBoard {
    init(_ row: PostgresRow) throws {
        var c = Cells(row)
        self.init(
            id: try c.next(Int64.self), company: try c.next(), provider: BoardProvider(storedName: try c.next()), token: try c.next(),
            addedAt: try c.next(), checkedAt: try c.next(), error: try c.next(), etag: try c.next(), lastModified: try c.next())
    }
}

extension Opening {
    init(_ row: PostgresRow) throws {
        var c = Cells(row)
        self.init(
            id: try c.next(Int64.self), boardId: try c.next(), externalId: try c.next(), title: try c.next(), location: try c.next(),
            url: try c.next(), firstSeen: try c.next(), lastSeen: try c.next(), closedAt: try c.next())
    }
}

extension PostgresStore {
    public func describe() throws -> StoreDescription {
        StoreDescription(
            engine: "PostgreSQL \(try engine.serverVersion())", location: engine.location.description, schema: try engine.schemaVersion(schema: schema))
    }
}
