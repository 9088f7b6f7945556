import AfterwordCore
import AfterwordStore
import Foundation
import NIOConcurrencyHelpers
import PostgresNIO

/// One PostgreSQL database opened for Afterword: the address, a pool of connections, the schema brought
/// up to date (or refused when newer). The store's reads and writes are built on it.
public final class PostgresEngine: Sendable {
    let pool: PostgresPool

    /// The address, without a password, for errors and `doctor`.
    public var location: PostgresLocation { pool.location }

    /// Opens the database at `url` and migrates it to this version's schema.
    /// - Parameters:
    ///   - passwordEnv: the variable `database.passwordEnv` names, if any.
    /// - Throws: ``StoreError``: a malformed address, a server that cannot be reached (named, with what to
    ///   check), a refused password, or a schema written by a newer Afterword.
    public static func open(
        _ url: String, environment: [String: String] = ProcessInfo.processInfo.environment, passwordEnv: String? = nil,
        home: URL = FileManager.default.homeDirectoryForCurrentUser
    ) throws -> PostgresEngine {
        let location = try PostgresLocation.parse(url)
        let pool = PostgresPool(location: location, password: location.password(environment: environment, passwordEnv: passwordEnv, home: home))
        try PostgresSchema.migrate(pool)
        return PostgresEngine(pool: pool)
    }

    /// A career centre's seekers' cohort numbers, kept for every ``PostgresCentre`` on this database.
    let cohortCounts = CohortCounts()

    /// The schemas this process has brought up to date.
    private let migrated = NIOLockedValueBox<Set<String>>(["public"])

    init(pool: PostgresPool) {
        self.pool = pool
    }

    /// The records in `schema` (a career centre's seeker's), migrated on first use in this process.
    public func store(schema: String) throws -> PostgresStore {
        if !migrated.withLockedValue({ $0.contains(schema) }) {
            if !PostgresSchema.isCurrent(pool, schema: schema) { try PostgresSchema.migrate(pool, schema: schema) }
            migrated.withLockedValue { _ = $0.insert(schema) }
        }
        return PostgresStore(engine: self, schema: schema)
    }

    /// Forgets a schema that was dropped: made again on next use.
    func forget(schema: String) {
        migrated.withLockedValue { _ = $0.remove(schema) }
    }

    /// The newest migration the database records in `schema`: the schema version.
    public func schemaVersion(schema: String = "public") throws -> String? {
        try PostgresSchema.version(pool, schema: schema)
    }

    /// The server's own version string, for `doctor`.
    public func serverVersion() throws -> String {
        try pool.withConnection { connection in
            try pool.rows(connection, "SHOW server_version").first?.decode(String.self) ?? "?"
        }
    }
}
