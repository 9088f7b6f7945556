import AfterwordTestSupport
import Foundation
import Testing

/// The flows of record on PostgreSQL: every command unchanged, with `AFTERWORD_DATABASE` naming a database
/// of a throwaway cluster.
@Suite(.serialized) struct PostgresCLITests {
    /// A CLI whose every command uses a new PostgreSQL database, with mail settings for `server`.
    private func prepared(server: TestMailServer) throws -> (CLI, [String: String]) {
        let cli = CLI()
        let environment = ["AFTERWORD_DATABASE": try TestPostgres.shared().database()]
        for (key, value) in [
            ("name", "Alex Doe"), ("email", "alex@example.com"), ("smtp.host", "127.0.0.1"), ("smtp.port", "\(server.port)"),
            ("smtp.security", "none"), ("smtp.timeout", "5"), ("smtp.retryDelay", "0"), ("remind", "off"),
        ] {
            #expect(try cli.run(["config", "set", key, value], environment: environment).status == 0)
        }
        return (cli, environment)
    }

    @Test("record, draft, send, status and AW-ONCE on PostgreSQL, as on SQLite")
    func flowOfRecord() throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let (cli, env) = try prepared(server: server)
        let added = try cli.run(
            ["interview", "add", "--company", "Acme", "--role", "Backend Engineer", "--at", "2026-11-26T14:00-05:00", "--notes", "the payments API"],
            environment: env)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try cli.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.example", "--topic", "the payments API"], environment: env).status == 0)
        #expect(try cli.run(["interviewer", "add", "1", "--name", "Sam Ortiz", "--address", "Acme, 1 Main St, Springfield, IL 62701"], environment: env).status == 0)
        let composed = try cli.run(["draft", "compose", "1"], environment: env)
        #expect(composed.status == 0, "\(composed.stderr)")
        let sent = try cli.run(["send", "1", "--anyway"], environment: env)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(server.received.count == 1)
        let again = try cli.run(["send", "1", "--anyway"], environment: env)
        #expect(again.status != 0)
        #expect(again.stderr.contains("AW-ONCE"), "\(again.stderr)")
        #expect(server.received.count == 1)
        let status = try cli.run(["status"], environment: env)
        #expect(status.stdout.contains("Dana Whitfield"), "\(status.stdout)")
        let drafts = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run(["draft", "list", "--json"], environment: env).stdout.utf8)) as? [[String: Any]])
        #expect(drafts.compactMap { $0["state"] as? String }.contains("sent"))
        // The SQLite file was never made: everything lives in PostgreSQL.
        #expect(!FileManager.default.fileExists(atPath: cli.home.appendingPathComponent("afterword.sqlite").path))
    }

    @Test("an export from SQLite imported into PostgreSQL exports the same; a sent thank-you is never sent again there")
    func moveToPostgres() throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let sqlite = CLI()
        for (key, value) in [("name", "Alex Doe"), ("email", "alex@example.com")] { try sqlite.run(["config", "set", key, value]) }
        try sqlite.run(["interview", "add", "--company", "Acme", "--role", "Backend Engineer", "--at", "2026-11-26T14:00-05:00"])
        try sqlite.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.example"])
        try sqlite.run(["draft", "compose", "1"])
        try sqlite.run(["send", "1", "--eml", sqlite.home.path + "-1.eml"])
        try sqlite.run(["send", "1", "--resolve", "delivered"])
        let file = sqlite.home.path + "-export.json"
        #expect(try sqlite.run(["export", "--out", file]).status == 0)
        let (cli, env) = try prepared(server: server)
        let imported = try cli.run(["import", file], environment: env)
        #expect(imported.status == 0, "\(imported.stderr)")
        let copy = cli.home.path + "-copy.json"
        #expect(try cli.run(["export", "--out", copy], environment: env).status == 0)
        var first = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        var second = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: copy))) as? [String: Any])
        for key in ["settings", "exportedAt"] {
            first.removeValue(forKey: key)
            second.removeValue(forKey: key)
        }
        #expect(NSDictionary(dictionary: first).isEqual(to: second))
        let again = try cli.run(["send", "1", "--anyway"], environment: env)
        #expect(again.stderr.contains("AW-ONCE"), "\(again.stderr)")
        #expect(server.received.isEmpty)
    }

    @Test("two servers and two `send --due` over one PostgreSQL database: 500 scheduled thank-yous, each delivered exactly once")
    func racingSenders() throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let (cli, env) = try prepared(server: server)
        let file = try cli.file("scheduled.json", SendCLITests.scheduledExport(count: 500, due: "2026-11-27T14:00:00Z"))
        let imported = try cli.run(["import", file], environment: env)
        #expect(imported.status == 0, "\(imported.stderr)")
        var environment = ProcessInfo.processInfo.environment
        environment["AFTERWORD_HOME"] = cli.home.path
        environment["AFTERWORD_NOW"] = "2026-11-27T15:00:00Z"
        for (key, value) in env { environment[key] = value }
        let senders = try [["serve", "--port", "0"], ["send", "--due"], ["serve", "--port", "0"], ["send", "--due"]].map { arguments in
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = arguments
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        defer {
            for sender in senders where sender.isRunning { kill(sender.processIdentifier, SIGINT) }
            for sender in senders { sender.waitUntilExit() }
        }
        let deadline = Date().addingTimeInterval(120)
        while server.received.count < 500, Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        Thread.sleep(forTimeInterval: 2)
        let ids = try server.received.map { file in
            try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline)
                .first { $0.lowercased().hasPrefix("message-id:") }.map { String($0.dropFirst(11)).trimmingCharacters(in: .whitespaces) } ?? ""
        }
        #expect(ids.count == 500)
        #expect(Set(ids).count == ids.count, "a thank-you arrived twice")
    }

    @Test("a PostgreSQL that is not there is said in one line naming the address and what to check, within seconds")
    func unreachable() throws {
        let started = Date()
        let result = try CLI().run(["status"], environment: ["AFTERWORD_DATABASE": "postgres://afterword@127.0.0.1:1/afterword?sslmode=disable"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot reach PostgreSQL at postgres://afterword@127.0.0.1:1/afterword"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(Date().timeIntervalSince(started) < 15)
    }
}

extension PostgresCLITests {
    @Test("the web pages and a watched board work on PostgreSQL as on SQLite")
    func pagesAndBoards() throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let boards = try TestBoardServer()
        defer { boards.stop() }
        let (cli, env) = try prepared(server: server)
        #expect(try cli.run(["config", "set", "watch.greenhouse", boards.base("greenhouse")], environment: env).status == 0)
        try cli.run(["interview", "add", "--company", "Acme", "--role", "Backend Engineer", "--at", "2026-11-26T14:00-05:00"], environment: env)
        try cli.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.example"], environment: env)
        try boards.serve("greenhouse", "acme", json: #"{"jobs":[{"id":1,"title":"Staff Engineer","location":{"name":"Remote"},"absolute_url":"https://boards.greenhouse.io/acme/jobs/1"}]}"#)
        let watched = try cli.run(["watch", "add", "Acme", "https://boards.greenhouse.io/acme"], environment: env)
        #expect(watched.status == 0, "\(watched.stderr)")
        #expect(try cli.run(["watch", "check"], environment: env).status == 0)
        let openings = try cli.run(["openings", "--json"], environment: env)
        #expect(openings.stdout.contains("Staff Engineer"), "\(openings.stdout)\(openings.stderr)")

        var environment = ProcessInfo.processInfo.environment
        environment["AFTERWORD_HOME"] = cli.home.path
        for (key, value) in env { environment[key] = value }
        let serve = Process()
        serve.executableURL = CLI.binary
        serve.arguments = ["serve", "--port", "0", "--no-send-due"]
        serve.environment = environment
        let output = Pipe()
        serve.standardOutput = output
        serve.standardError = FileHandle.nullDevice
        try serve.run()
        defer {
            kill(serve.processIdentifier, SIGINT)
            serve.waitUntilExit()
        }
        var said = ""
        while !said.contains("\n"), serve.isRunning {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            said += String(decoding: data, as: UTF8.self)
        }
        let address = try #require(said.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init))
        var base = String(address.prefix { $0 != "?" })
        if base.hasSuffix("/") { base.removeLast() }
        let jar = cli.home.path + "-cookies"
        func page(_ path: String) throws -> String {
            try CLI.run(
                executable: URL(fileURLWithPath: "/usr/bin/curl"), ["-s", "-L", "-c", jar, "-b", jar, path.isEmpty ? address : base + path],
                home: cli.home
            ).stdout
        }
        #expect(try page("").contains("Dana Whitfield"))
        #expect(try page("/interviews").contains("Acme"))
        #expect(try page("/people").contains("Dana Whitfield"))
        #expect(try page("/openings").contains("Staff Engineer"))
    }
}
