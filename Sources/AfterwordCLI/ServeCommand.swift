import AfterwordApp
import AfterwordWeb
import ArgumentParser
import Foundation

/// `afterword serve`: the local web UI.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Open Afterword in your browser: the same data and rules as the command line.",
        discussion: """
            Listens on 127.0.0.1 only. To reach it from another machine, give --host together with an \
            access token (--token or $AFTERWORD_TOKEN, at least 16 characters); the printed address carries it. \
            While it runs, scheduled thank-yous leave when their time comes, and the watched job boards are \
            read every --watch-every (and a board added meanwhile, from the command line or the browser, within a minute). Stop it with Ctrl-C.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The port (0 picks a free one).") var port: Int = 7878
    @Option(help: ArgumentHelp("The address to listen on; anything but 127.0.0.1 needs --token.", valueName: "address"))
    var host: String = "127.0.0.1"
    @Option(help: ArgumentHelp("The access token for --host (default: $AFTERWORD_TOKEN).", valueName: "token")) var token: String?
    @Flag(help: "Do not send scheduled thank-yous while serving (leave that to `afterword send --due`).") var noSendDue = false
    @Flag(
        help: "Serve a career centre's shared instance (--database): everyone signs in; seekers see only their own records, coaches their cohort.")
    var centre = false
    @Option(help: ArgumentHelp("How often to read the watched job boards, e.g. 6h, 90m; 0 never.", valueName: "interval"))
    var watchEvery: String = "6h"

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard Self.interval(watchEvery) != nil else {
            throw ValidationError("--watch-every: \"\(watchEvery)\" is not an interval; write it like 6h, 90m or 0 (never), at least 1m")
        }
    }

    /// `6h`, `90m`, `30s`, a bare number of hours, or `0` (never, as `.zero`); nil when unreadable or under a minute.
    static func interval(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "0" || trimmed == "off" || trimmed == "never" { return .zero }
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        var number = trimmed
        var unit = 3600.0
        if let last = trimmed.last, let scale = units[last] {
            number = String(trimmed.dropLast())
            unit = scale
        }
        guard let value = Double(number), value.isFinite, value > 0 else { return nil }
        let seconds = value * unit
        guard seconds >= 60, seconds <= 30 * 86_400 else { return nil }
        return .seconds(seconds)
    }

    func run() async throws {
        let token = token ?? ProcessInfo.processInfo.environment["AFTERWORD_TOKEN"]
        let centre = self.centre ? try global.centre : nil
        let workspace = self.centre ? Workspace(home: global.homeDirectory, clock: Workspace.systemClock) : try global.workspace
        let server = try WebServer(
            workspace: workspace,
            options: .init(
                host: host, port: port, accessToken: token, sendsDue: !noSendDue,
                watchEvery: Self.interval(watchEvery).flatMap { $0 == .zero ? nil : $0 }, program: "afterword \(Afterword.version)"),
            centre: centre)
        try await server.run { address in
            Console.out("Afterword is open at \(address)  (Ctrl-C to stop)")
        }
        Console.out("Stopped.")
    }
}
