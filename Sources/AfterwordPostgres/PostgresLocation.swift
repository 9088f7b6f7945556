import AfterwordCore
import AfterwordStore
import Foundation

/// Where a PostgreSQL database is, as `--database` or `AFTERWORD_DATABASE` names it:
/// `postgres://user@host:port/database?sslmode=disable|prefer|require`. A password is never part of it:
/// it comes from `PGPASSWORD`, `~/.pgpass` or the variable that `database.passwordEnv` names.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable { case disable, prefer, require }

    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var tls: TLSMode

    /// The address as the user wrote it, without any password: safe for errors and `doctor`.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)?sslmode=\(tls.rawValue)" }

    /// Reads a `postgres://` or `postgresql://` address.
    /// - Throws: ``StoreError`` saying what is wrong with it and how to write it.
    public static func parse(_ text: String) throws(StoreError) -> PostgresLocation {
        func refuse(_ why: String) -> StoreError {
            StoreError(code: .cannotOpen, message: "--database: \(why); write it like postgres://afterword@127.0.0.1:5432/afterword")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "postgres" || scheme == "postgresql"
        else { throw refuse("\"\(text.prefix(80))\" is not a postgres:// address") }
        guard components.password == nil else {
            throw refuse("a password does not belong in the address (it would show in your shell's history); set PGPASSWORD or use ~/.pgpass")
        }
        guard let host = components.host, !host.isEmpty else { throw refuse("it names no host") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw refuse("it names no database") }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw refuse("port \(port) is not one") }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                switch item.value ?? "" {
                case "disable": tls = .disable
                case "allow", "prefer": tls = .prefer
                case "require", "verify-ca", "verify-full": tls = .require
                default: throw refuse("sslmode \"\(item.value ?? "")\" is not disable, prefer or require")
                }
            default: throw refuse("\"\(item.name)\" is not an option Afterword reads (only sslmode)")
            }
        }
        let user = components.user.flatMap { $0.removingPercentEncoding } ?? ProcessInfo.processInfo.environment["USER"] ?? "afterword"
        return PostgresLocation(
            host: host, port: port, user: user, database: database.removingPercentEncoding ?? database, tls: tls)
    }

    /// The password: `PGPASSWORD`, else the variable `passwordEnv` names, else the first matching line of
    /// `~/.pgpass` (or `PGPASSFILE`), as libpq reads it; nil when none is set (trust or peer authentication).
    public func password(environment: [String: String], passwordEnv: String?, home: URL) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        if let passwordEnv, let password = environment[passwordEnv], !password.isEmpty { return password }
        let file = environment["PGPASSFILE"].map { URL(fileURLWithPath: $0) } ?? home.appendingPathComponent(".pgpass")
        guard let data = FileManager.default.contents(atPath: file.path), data.count < 1_000_000 else { return nil }
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.pgpassFields(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// A `.pgpass` line's five fields, with `\:` and `\\` read as the characters.
    static func pgpassFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
