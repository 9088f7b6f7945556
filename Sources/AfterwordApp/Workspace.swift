import AfterwordCore
import AfterwordPostgres
import AfterwordStore
import Foundation

/// One user's Afterword: the data directory, its store, settings and templates, and the clock.
///
/// The CLI and the web UI both act through a workspace, so every rule and every write has one home.
public struct Workspace: Sendable {
    /// The data directory (`afterword.sqlite`, `config.json`, `templates/`).
    public let home: URL
    private let clock: @Sendable () -> Date
    /// The store, once opened by ``keepingStoreOpen()``; otherwise each call opens it.
    private let openedStore: (any RecordStore)?
    /// A PostgreSQL database's address, when the store is one; nil for SQLite in the data directory.
    public let database: String?
    /// The seeker of a career centre whose records these are, with the centre's rules; nil for one user's own.
    public let seat: CentreSeat?

    public init(home: URL, clock: @escaping @Sendable () -> Date, database: String? = nil) {
        self.home = home
        self.clock = clock
        self.database = database.flatMap { $0.isEmpty ? nil : $0 }
        self.openedStore = nil
        self.seat = nil
    }

    /// A workspace on a store already open (a long-running server's, a centre's seeker's, or a test's in-memory one).
    init(home: URL, clock: @escaping @Sendable () -> Date, store: any RecordStore, database: String? = nil, seat: CentreSeat? = nil) {
        self.home = home
        self.clock = clock
        self.database = database
        self.openedStore = store
        self.seat = seat
    }

    /// This workspace with its store opened once and shared, for a long-running server.
    public func keepingStoreOpen() throws -> Workspace {
        Workspace(home: home, clock: clock, store: try openStore(), database: database, seat: seat)
    }

    /// `$AFTERWORD_DATABASE`, when set: the PostgreSQL database every command uses.
    public static func defaultDatabase(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        environment["AFTERWORD_DATABASE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The data directory as documented: `$AFTERWORD_HOME`, else `$XDG_DATA_HOME/afterword`, else `~/.local/share/afterword`.
    public static func defaultHome(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let home = environment["AFTERWORD_HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return URL(fileURLWithPath: data).appendingPathComponent("afterword")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share/afterword")
    }

    /// Now, or `$AFTERWORD_NOW` (an ISO 8601 time) when set, for reproducible scripts and tests.
    /// (The environment is read once, not at every tick: a server asks the time on every request.)
    public static let systemClock: @Sendable () -> Date = {
        if let text = ProcessInfo.processInfo.environment["AFTERWORD_NOW"], let (date, _) = ISO8601.parse(text, defaultZone: nil) {
            return { date }
        }
        return { Date() }
    }()

    /// The current time.
    public var now: Date { clock() }

    /// Opens the store, turning store errors into user errors. The faces never see it: they ask the workspace.
    func openStore() throws -> any RecordStore {
        if let openedStore { return openedStore }
        if let database {
            let engine = try PostgresStores.engine(database, passwordEnv: { try? loadConfig()[.databasePasswordEnv] })
            if try storeCall({ try PostgresStores.isCentre(database, engine: engine) }) {
                throw UserError(
                    "this database is a career centre's shared instance: run a command for one seeker with --as THEIR-EMAIL, or manage accounts with `afterword centre`")
            }
            return PostgresStore(engine: engine)
        }
        let path = home.appendingPathComponent("afterword.sqlite").path
        do {
            // A store this user cannot write is still read: listing works, changes are refused.
            if AppDatabase.isReadOnly(path: path) { return try AppDatabase.openReadOnly(path: path) }
            return try AppDatabase.open(path: path)
        } catch {
            throw UserError(error)
        }
    }

    /// The user's settings.
    public func loadConfig() throws -> Config {
        try Config.load(from: home)
    }

    /// The built-in templates with the user's overrides from `templates/`.
    public func loadTemplates() throws -> Templates {
        let directory = home.appendingPathComponent("templates")
        var overrides: [String: String] = [:]
        for channel in Channel.allCases {
            let name = Templates.name(for: channel)
            let file = directory.appendingPathComponent("\(name).mustache")
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            guard let data = FileManager.default.contents(atPath: file.path),
                let text = String(data: data, encoding: .utf8)
            else {
                throw UserError("cannot read template \(file.path); fix its permissions or encoding (UTF-8), or remove it")
            }
            overrides[name] = text
        }
        do {
            return try Templates(overrides: overrides)
        } catch {
            throw UserError(
                "template \(directory.appendingPathComponent("\(error.name).mustache").path): \(error.reason); fix it or remove it to use the built-in one"
            )
        }
    }
}

/// The PostgreSQL databases this process opened, one per address: connected and migrated once, then shared
/// by every call (a command makes several, a server thousands).
enum PostgresStores {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var opened: [String: PostgresEngine] = [:]
    nonisolated(unsafe) private static var centres: [String: Bool] = [:]

    /// - Parameter passwordEnv: read only when the address is opened for the first time (it reads the settings file).
    static func engine(_ url: String, passwordEnv: () -> String?) throws -> PostgresEngine {
        lock.lock()
        defer { lock.unlock() }
        if let engine = opened[url] { return engine }
        let engine = try storeCall { try PostgresEngine.open(url, passwordEnv: passwordEnv()) }
        opened[url] = engine
        return engine
    }

    /// True when the database at `url` holds a career centre (asked once per process).
    static func isCentre(_ url: String, engine: PostgresEngine) throws -> Bool {
        if let known = lock.withLock({ centres[url] }) { return known }
        let centre = try PostgresCentre(engine: engine).isInitialized()
        lock.withLock { centres[url] = centre }
        return centre
    }
}
