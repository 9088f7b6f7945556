import AfterwordCore
import AfterwordStore
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// A few connections to one PostgreSQL database, used from synchronous code (the store's methods) by
/// waiting on SwiftNIO futures: the connections' work runs on NIO's own threads, never on the caller's.
/// A connection that fails is dropped and a new one made, with a short backoff; a database that cannot be
/// reached is said in one line naming the address.
final class PostgresPool: Sendable {
    let location: PostgresLocation
    private let password: String?
    /// Idle connections, each with the schema its `search_path` names now.
    private let idle = NIOLockedValueBox<[(connection: PostgresConnection, schema: String)]>([])
    private let counter = ConnectionNumbers()
    private let logger: Logger
    /// The most connections kept waiting for the next query.
    static let keptIdle = 16
    /// Waits between attempts to connect: a server restarting is back within these.
    static let backoff: [TimeInterval] = [0.1, 0.4, 1.0, 2.0]

    init(location: PostgresLocation, password: String?) {
        self.location = location
        self.password = password
        var logger = Logger(label: "afterword.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    deinit {
        for pooled in idle.withLockedValue({ $0 }) { Self.closeLater(pooled.connection) }
    }

    /// Runs `body` on a connection of the pool (a new one when none waits) whose unqualified table names
    /// are those of `schema`, and returns it to the pool unless it failed on the way.
    ///
    /// A career centre keeps each seeker's records in a schema of their own: a connection used for one
    /// seeker names the next one's schema before any statement, so no statement reaches another's rows.
    /// - Parameter schema: `public`, or a name Afterword made (`seeker_12`); never user text. Nil for statements
    ///   that name every table with its schema (`centre.account`): any connection serves, as it is.
    func withConnection<T>(schema: String? = nil, _ body: (PostgresConnection) throws -> T) throws -> T {
        let (connection, current) = try take()
        var named = current
        do {
            if let schema, current != schema {
                named = ""
                try run(connection, PostgresQuery(unsafeSQL: "SET search_path TO \(Self.quoted(schema))"))
                named = schema
            }
            let result = try body(connection)
            give(connection, schema: named)
            return result
        } catch {
            if connection.isClosed { Self.closeLater(connection) } else { give(connection, schema: named) }
            throw error
        }
    }

    /// `name` as an SQL identifier; only the names Afterword makes (letters, digits, `_`) are accepted.
    static func quoted(_ name: String) -> String {
        precondition(!name.isEmpty && name.utf8.allSatisfy { $0 == 0x5F || (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) })
        return "\"\(name)\""
    }

    /// Runs `body` in one transaction: all of it or nothing.
    func transaction<T>(schema: String? = nil, _ body: (PostgresConnection) throws -> T) throws -> T {
        try withConnection(schema: schema) { connection in
            try run(connection, "BEGIN")
            do {
                let result = try body(connection)
                try run(connection, "COMMIT")
                return result
            } catch {
                _ = try? run(connection, "ROLLBACK")
                throw error
            }
        }
    }

    /// The rows of one statement.
    func rows(_ connection: PostgresConnection, _ query: PostgresQuery) throws -> [PostgresRow] {
        do {
            return try connection.query(query, logger: logger).wait().rows
        } catch let error as PSQLError {
            throw StoreError.postgres(error, at: location)
        }
    }

    func run(_ connection: PostgresConnection, _ query: PostgresQuery) throws {
        _ = try rows(connection, query)
    }

    private func take() throws -> (PostgresConnection, String) {
        if let pooled = idle.withLockedValue({ $0.popLast() }), !pooled.connection.isClosed { return pooled }
        var lastError: (any Error)?
        for (attempt, wait) in ([0] + Self.backoff).enumerated() {
            if attempt > 0 { Thread.sleep(forTimeInterval: wait) }
            do {
                // Its search_path is the server's default until named: "" makes the first use name it.
                return (try connect(), "")
            } catch let error as StoreError where error.code == .cannotOpen && error.message.contains("password") {
                throw error
            } catch {
                lastError = error
            }
        }
        throw StoreError(
            code: .cannotOpen,
            message:
                "cannot reach PostgreSQL at \(location): \(Self.words(lastError)); check that the server runs, listens on \(location.host):\(location.port) and lets \(location.user) in")
    }

    private func connect() throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: password, database: location.database,
            tls: .disable)
        configuration.options.connectTimeout = .seconds(3)
        if location.tls != .disable {
            let context = try NIOSSLContext(configuration: .makeClientConfiguration())
            configuration.tls = location.tls == .require ? .require(context) : .prefer(context)
        }
        do {
            return try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: counter.next(), logger: logger
            ).wait()
        } catch let error as PSQLError {
            throw StoreError.postgres(error, at: location)
        }
    }

    /// Returns `connection` to the pool; `schema` is the one its `search_path` names ("" when unknown).
    private func give(_ connection: PostgresConnection, schema: String) {
        let surplus = idle.withLockedValue { idle -> PostgresConnection? in
            guard idle.count < Self.keptIdle else { return connection }
            idle.append((connection, schema))
            return nil
        }
        if let surplus { Self.closeLater(surplus) }
    }

    /// Closes a connection without waiting for it.
    static func closeLater(_ connection: PostgresConnection) {
        let closing: EventLoopFuture<Void> = connection.close()
        // Held until it is closed: a connection let go while open is a leak the library reports.
        closing.whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    static func words(_ error: (any Error)?) -> String {
        guard let error else { return "no answer" }
        if let error = error as? StoreError { return error.message }
        return String(describing: error).split(separator: "\n").first.map(String.init) ?? "no answer"
    }
}

/// Numbers for the connections' log metadata.
final class ConnectionNumbers: Sendable {
    private let value = NIOLockedValueBox(0)
    func next() -> Int { value.withLockedValue { $0 += 1; return $0 } }
}

extension StoreError {
    /// A PostgreSQL error in the user's words: the server's own message, never the library's dump.
    static func postgres(_ error: PSQLError, at location: PostgresLocation) -> StoreError {
        let server = error.serverInfo?[.message]
        let state = error.serverInfo?[.sqlState]
        switch (error.code, state) {
        case (_, "23505"?):
            return StoreError(code: .conflict, message: server ?? "already there")
        case (_, "28P01"?), (_, "28000"?):
            return StoreError(
                code: .cannotOpen,
                message: "PostgreSQL at \(location) refused \(location.user): \(server ?? "wrong password"); set the password in PGPASSWORD or ~/.pgpass")
        case (_, "3D000"?):
            return StoreError(code: .cannotOpen, message: "PostgreSQL at \(location) has no database \(location.database); create it (createdb \(location.database))")
        case (.connectionError, _), (.serverClosedConnection, _), (.clientClosedConnection, _):
            return StoreError(code: .cannotOpen, message: "lost the connection to PostgreSQL at \(location)")
        default:
            return StoreError(code: .cannotOpen, message: "PostgreSQL at \(location): \(server ?? String(describing: error.code))")
        }
    }
}
