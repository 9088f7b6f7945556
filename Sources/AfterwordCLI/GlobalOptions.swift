import AfterwordApp
import ArgumentParser
import Foundation

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The data directory (default: $AFTERWORD_HOME, else $XDG_DATA_HOME/afterword, else ~/.local/share/afterword).",
            valueName: "dir"))
    var home: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A PostgreSQL database instead of the SQLite file in the data directory, e.g. postgres://afterword@127.0.0.1/afterword (default: $AFTERWORD_DATABASE). The password comes from PGPASSWORD, ~/.pgpass or database.passwordEnv.",
            valueName: "url"))
    var database: String?

    @Option(
        name: .customLong("as"),
        help: ArgumentHelp(
            "Run the command as one seeker of a career centre's database (--database), for support and scripted imports; it is audited.",
            valueName: "email"))
    var actingAs: String?

    /// The options written before the subcommand as well as after it.
    static let hoistable = ["--home", "--database", "--as"]

    /// Moves `--home DIR` (and `--database URL`, `--as EMAIL`) to the end so it may be written before the subcommand (`afterword --home X status`).
    static func hoisted(_ arguments: [String]) -> [String] {
        var rest: [String] = []
        var moved: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                rest += arguments[index...]
                break
            }
            if hoistable.contains(argument), index + 1 < arguments.count {
                moved += [argument, arguments[index + 1]]
                index += 2
                continue
            }
            if hoistable.contains(where: { argument.hasPrefix($0 + "=") }) {
                moved.append(argument)
            } else {
                rest.append(argument)
            }
            index += 1
        }
        if let terminator = rest.firstIndex(of: "--") {
            rest.insert(contentsOf: moved, at: terminator)
            return rest
        }
        return rest + moved
    }

    /// The data directory, resolved as documented.
    var homeDirectory: URL {
        if let home, !home.isEmpty { return URL(fileURLWithPath: (home as NSString).expandingTildeInPath) }
        return Workspace.defaultHome()
    }

    /// The PostgreSQL database's address, if one is named.
    var databaseAddress: String? { database ?? Workspace.defaultDatabase() }

    /// The user's workspace: this data directory and the clock; with `--as`, one seeker's of a career centre (audited).
    var workspace: Workspace {
        get throws {
            guard let actingAs else {
                return Workspace(home: homeDirectory, clock: Workspace.systemClock, database: databaseAddress)
            }
            return try SeekerSeat.once { try centre.workspace(operator: Self.operatorName, as: actingAs, running: Self.commandWords()) }
        }
    }

    /// The career centre in the database `--database` names.
    var centre: Centre {
        get throws { try Centre.open(database: databaseAddress, home: homeDirectory, clock: Workspace.systemClock) }
    }

    /// Who runs this command, for the audit trail: the system user.
    static var operatorName: String {
        ProcessInfo.processInfo.environment["SUDO_USER"] ?? ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
    }

    /// The subcommand as written ("draft review"), without its values: what the audit trail records.
    static func commandWords() -> String {
        hoisted(Array(CommandLine.arguments.dropFirst())).prefix { !$0.hasPrefix("-") }.prefix(2).joined(separator: " ")
    }

    /// The user's settings.
    func loadConfig() throws -> Config { try workspace.loadConfig() }

    /// The built-in templates with the user's overrides from `templates/`.
    func loadTemplates() throws -> Templates { try workspace.loadTemplates() }

    /// Now, or `$AFTERWORD_NOW` (an ISO 8601 time) when set, for reproducible scripts and tests.
    var now: Date { Workspace.systemClock() }
}

/// The seeker `--as` names, resolved (and audited) once per command however often the command asks.
enum SeekerSeat {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var resolved: Workspace?

    static func once(_ resolve: () throws -> Workspace) throws -> Workspace {
        try lock.withLock {
            if let resolved { return resolved }
            let workspace = try resolve()
            resolved = workspace
            return workspace
        }
    }
}

/// Options of commands that print records.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (the shapes are documented in the README).")
    var json = false
}

/// The records a command line names by id.
enum RecordKind: String {
    case interview, interviewer, draft, board

    /// Where the user finds the ids of this kind.
    var list: Remedy {
        switch self {
        case .interview: .listInterviews
        case .interviewer: .listInterviewers
        case .draft: .listDrafts
        case .board: .listBoards
        }
    }
}

/// Parses a record id given on the command line.
func parseID(_ text: String, _ kind: RecordKind) throws -> Int64 {
    guard let id = Int64(text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#"))), id > 0 else {
        throw UserError("\(kind.rawValue) id must be a positive number, not \"\(text)\"", remedy: kind.list)
    }
    return id
}
