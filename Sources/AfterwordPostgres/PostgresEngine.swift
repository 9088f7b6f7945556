import AfterwordCore
import AfterwordStore
import Foundation
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

    init(pool: PostgresPool) {
        self.pool = pool
    }

    /// The newest migration the database records: the schema version.
    public func schemaVersion() throws -> String? {
        try PostgresSchema.version(pool)
    }

    /// The server's own version string, for `doctor`.
    public func serverVersion() throws -> String {
        try pool.withConnection { connection in
            try pool.rows(connection, "SHOW server_version").first?.decode(String.self) ?? "?"
        }
    }
}
