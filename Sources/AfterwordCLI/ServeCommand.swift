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
            While it runs, scheduled thank-yous leave when their time comes. Stop it with Ctrl-C.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The port (0 picks a free one).") var port: Int = 7878
    @Option(help: ArgumentHelp("The address to listen on; anything but 127.0.0.1 needs --token.", valueName: "address"))
    var host: String = "127.0.0.1"
    @Option(help: ArgumentHelp("The access token for --host (default: $AFTERWORD_TOKEN).", valueName: "token")) var token: String?
    @Flag(help: "Do not send scheduled thank-yous while serving (leave that to `afterword send --due`).") var noSendDue = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let token = token ?? ProcessInfo.processInfo.environment["AFTERWORD_TOKEN"]
        let workspace = global.workspace
        _ = try workspace.openStore()
        let server = try WebServer(
            workspace: workspace, options: .init(host: host, port: port, accessToken: token, sendsDue: !noSendDue))
        try await server.run { address in
            Console.out("Afterword is open at \(address)  (Ctrl-C to stop)")
        }
        Console.out("Stopped.")
    }
}
