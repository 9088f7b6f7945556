import AfterwordApp
import AfterwordTestSupport
import Foundation
import Hummingbird
import Testing

@testable import AfterwordWeb

/// The web does what the command line does: every command of the built `afterword` has its page or form here,
/// or the reason it has none.
@Suite("web parity with the command line")
struct WebParityTests {
    /// Where a command is done in the browser, or why it is not.
    enum Counterpart {
        /// The routes ("METHOD /path", parameters as `:name`) that do what the command does.
        case routes([String])
        /// Why the command has no page: it makes no sense in a browser.
        case notInBrowser(because: String)
    }

    /// Every command that runs (a group such as `watch` is its subcommands), by its words after `afterword`.
    static let table: [String: Counterpart] = [
        "interview add": .routes(["POST /interviews"]),
        "interview edit": .routes(["POST /interviews/:id"]),
        "interview import": .routes(["POST /interviews/import"]),
        "interview list": .routes(["GET /interviews"]),
        "interview show": .routes(["GET /interviews/:id"]),
        "interview remove": .routes(["POST /interviews/:id/remove"]),
        "interviewer add": .routes(["POST /interviews/:id/interviewers"]),
        "interviewer edit": .routes(["POST /interviewers/:id"]),
        "interviewer list": .routes(["GET /people"]),
        "interviewer remove": .routes(["POST /interviewers/:id/remove"]),
        "interviewer export": .routes(["GET /people/contacts.vcf"]),
        "card import": .routes(["POST /interviews/:id/cards"]),
        "card scan": .routes(["POST /interviews/:id/cards"]),
        "draft compose": .routes(["POST /interviews/:id/compose", "POST /drafts/:id/recompose"]),
        "draft show": .routes(["GET /drafts/:id"]),
        // Every draft kept, with what became of it: per interview and per person.
        "draft list": .routes(["GET /interviews/:id", "GET /interviewers/:id"]),
        "check": .routes(["GET /check", "POST /check", "POST /check/live", "POST /drafts/:id/check"]),
        "send": .routes([
            "POST /drafts/:id/send", "POST /drafts/:id/eml", "POST /drafts/:id/resolve", "POST /drafts/:id/look-in-sent",
            "POST /drafts/:id/sent-elsewhere",
        ]),
        "note pdf": .routes(["POST /drafts/:id/pdf"]),
        "note mailed": .routes(["POST /drafts/:id/mailed"]),
        "status": .routes(["GET /"]),
        "config set": .routes(["POST /settings"]),
        "config get": .routes(["GET /settings"]),
        "config list": .routes(["GET /settings"]),
        "config set-password": .routes(["POST /settings/password"]),
        "watch add": .routes(["POST /openings/boards"]),
        "watch list": .routes(["GET /openings"]),
        "watch suggest": .routes(["GET /openings", "POST /openings/boards"]),
        "watch check": .routes(["POST /openings/boards/check"]),
        "watch remove": .routes(["POST /openings/boards/:id/remove"]),
        "openings": .routes(["GET /openings"]),
        "reconnect": .routes(["POST /openings/:id/reconnect"]),
        "export": .routes(["GET /export"]),
        "import": .routes(["GET /import", "POST /import/preview", "POST /import"]),
        "serve": .notInBrowser(because: "it starts the web pages themselves"),
        "doctor": .notInBrowser(because: "it checks the installation and its database where the server runs, before any page can be served"),
        "schedule install": .notInBrowser(
            because: "it installs a timer of the operating system that runs the command line when no server runs; while serve runs, it sends what is due itself"),
        "schedule remove": .notInBrowser(because: "it removes that operating-system timer, which the browser never installs"),
        "schedule show": .notInBrowser(because: "it prints that operating-system timer's units, which the browser never installs"),
        // While serve runs, its scheduled-send service reminds you itself; the calendar file is on the interview's page.
        "remind": .routes(["GET /interviews/:id/reminder.ics"]),
        // A career centre's server (serve --centre).
        "draft review": .routes(["POST /drafts/:id/review"]),
        "centre cohort": .routes(["GET /centre", "GET /centre/cohort.csv"]),
        "centre audit": .routes(["GET /seen"]),
        "centre user list": .routes(["GET /centre/accounts"]),
        "centre init": .notInBrowser(because: "it creates the centre and its first admin, before anyone can sign in"),
        "centre user add": .notInBrowser(because: "accounts are made by the centre's administrators where the server runs, with passwords never sent over a form"),
        "centre user edit": .notInBrowser(because: "groups and coaches are assigned by the centre's administrators where the server runs"),
        "centre user disable": .notInBrowser(because: "accounts are managed by the centre's administrators where the server runs"),
        "centre user reset-password": .notInBrowser(because: "a new password is set by the centre's administrators where the server runs, never sent over a form"),
        "centre user remove": .notInBrowser(because: "removing a seeker and all their data for good is done where the server runs, by its administrators"),
        "centre set": .notInBrowser(because: "the centre's rules are set by its administrators where the server runs"),
    ]

    /// The built binary: `AFTERWORD_BIN`, else the debug build of this package.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["AFTERWORD_BIN"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/afterword")
    }

    /// Every command of the binary that runs (those without subcommands, and a group's default), as argument-parser describes it.
    static func commands() throws -> [String] {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--experimental-dump-help"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let root = try #require(json["command"] as? [String: Any])
        var found: [String] = []
        func walk(_ command: [String: Any], _ words: [String]) {
            let subcommands = (command["subcommands"] as? [[String: Any]] ?? []).filter { $0["commandName"] as? String != "help" }
            if subcommands.isEmpty, !words.isEmpty { found.append(words.joined(separator: " ")) }
            for sub in subcommands { walk(sub, words + [sub["commandName"] as? String ?? "?"]) }
        }
        walk(root, [])
        return found
    }

    /// The routes the server registers, as "METHOD /path" with parameters as `:name`.
    static func routes() throws -> Set<String> {
        let fixture = try WebFixture()
        let own = try WebServer(workspace: fixture.workspace, options: .init(port: 0))
        // A career centre's server adds its own routes; it needs a centre in a PostgreSQL database.
        let centre = try Centre.open(database: try TestPostgres.shared().database(), home: fixture.workspace.home, clock: { Date() })
        _ = try centre.initialize(email: "ada@uni.edu", name: "Ada Admin", password: "admin-ada-pass")
        let shared = try WebServer(workspace: fixture.workspace, options: .init(port: 0), centre: centre)
        return Set(
            try (own.router().routes + shared.router().routes).map { route in
                let path = route.path.components.map { component in
                    let text = component.description
                    return text.hasPrefix("{") && text.hasSuffix("}") ? ":" + text.dropFirst().dropLast() : text
                }
                return "\(route.method.rawValue) /\(path.joined(separator: "/"))"
            })
    }

    @Test("every command of afterword has its routes in the web, each registered, or the reason it has none")
    func everyCommandHasItsPage() throws {
        let commands = try Self.commands()
        let routes = try Self.routes()
        #expect(commands.count >= 30, "\(commands)")
        #expect(routes.contains("POST /openings/boards/:id/remove"), "\(routes.sorted())")
        for command in commands {
            switch Self.table[command] {
            case nil:
                Issue.record("`afterword \(command)` has no entry in WebParityTests.table: give the routes that do it, or why none can")
            case .routes(let needed):
                #expect(!needed.isEmpty, "\(command)")
                for route in needed where !routes.contains(route) {
                    Issue.record("`afterword \(command)` is done by \(route), which WebServer does not register")
                }
            case .notInBrowser(let reason):
                #expect(!reason.isEmpty, "\(command)")
            }
        }
        // A command gone from the command line leaves no stale line behind.
        for command in Self.table.keys where !commands.contains(command) {
            Issue.record("WebParityTests.table names `afterword \(command)`, which the command line no longer has")
        }
    }
}
