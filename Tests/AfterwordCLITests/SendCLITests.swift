import AfterwordTestSupport
import Foundation
import Testing

@Suite(.serialized) struct SendCLITests {
    /// A home with the user's settings, one interview (Thursday 14:00 EST) and Dana on its panel, drafted.
    func prepared(server: TestMailServer) throws -> CLI {
        let cli = CLI()
        for (key, value) in [
            ("name", "Alex Doe"), ("email", "alex@example.com"), ("smtp.host", "127.0.0.1"), ("smtp.port", "\(server.port)"),
            ("smtp.security", "none"), ("smtp.timeout", "2"), ("smtp.retryDelay", "0"),
        ] {
            #expect(try cli.run(["config", "set", key, value]).status == 0)
        }
        try cli.run(["interview", "add", "--company", "Acme", "--role", "Backend Engineer", "--at", "2026-11-26T14:00-05:00", "--notes", "We discussed the migration to Postgres."])
        try cli.run(["interviewer", "add", "1", "--name", "Zoë Ångström", "--email", "zoe@acme.com"])
        try cli.run(["draft", "1"])
        return cli
    }

    /// `afterword` started in the background over the CLI's data directory, to be killed mid-way.
    func started(_ cli: CLI, _ arguments: [String], now: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["AFTERWORD_HOME"] = cli.home.path
        if let now { environment["AFTERWORD_NOW"] = now }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("a mail server that is not there is said plainly, never in the network library's words; nothing is marked sent")
    func nobodyThere() throws {
        let server = try TestMailServer()
        let cli = try prepared(server: server)
        server.stop()
        let result = try cli.run(["send", "1", "--now"])
        #expect(result.status != 0)
        #expect(result.stdout.contains("connection refused") || result.stderr.contains("connection refused"), "\(result.stdout)\(result.stderr)")
        for raw in ["IOError", "NIO", "errno", "ChannelError"] {
            #expect(!(result.stdout + result.stderr).contains(raw), "\(result.stdout)\(result.stderr)")
        }
        #expect(!(try cli.run(["status"]).stdout.contains("Sent (1)")))
    }

    @Test("draft → send → status; the same thank-you sent again is refused with AW-ONCE")
    func sendOnce() throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let cli = try prepared(server: server)
        let sent = try cli.run(["send", "1"])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(server.received.count == 1)
        let parsed = try parseWithPython(try #require(server.received.first))
        #expect((parsed["defects"] as? [String])?.isEmpty == true)
        #expect(parsed["to_names"] as? [String] == ["Zoë Ångström"])
        #expect(parsed["subject"] as? String == "Thank you — Backend Engineer interview")
        #expect((parsed["body"] as? String)?.contains("Dear Zoë,") == true)

        let again = try cli.run(["send", "1", "--now"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("AW-ONCE"))
        #expect(again.stderr.contains("annoyance"))
        #expect(server.received.count == 1)
        #expect(try cli.run(["status"]).stdout.contains("Sent (1)"))
    }

    @Test("a recomposed draft of a sent thank-you is refused for AW-ONCE first; an earlier version is refused unless named with --version")
    func idsThatCannotSendTheWrongNote() throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let cli = try prepared(server: server)
        try cli.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.com"])
        try cli.run(["draft", "1", "--interviewer", "2"])  // draft #2, to Dana
        #expect(try cli.run(["send", "1", "--now"]).status == 0)
        #expect(try cli.run(["draft", "1", "--interviewer", "1", "--recompose"]).status == 0)  // #3, Zoë again
        let recomposed = try cli.run(["send", "3", "--now"])
        #expect(recomposed.status == 2)
        #expect(recomposed.stderr.contains("AW-ONCE") && recomposed.stderr.contains("already sent"), "\(recomposed.stderr)")
        #expect(!recomposed.stderr.contains("AW-DISTINCT"), "\(recomposed.stderr)")

        // Dana's draft rewritten: her old id no longer sends without saying so.
        #expect(try cli.run(["draft", "1", "--interviewer", "2", "--recompose"]).status == 0)  // #4
        let old = try cli.run(["send", "2", "--now"])
        #expect(old.status == 2)
        #expect(old.stderr.contains("draft #2 was replaced by #4"), "\(old.stderr)")
        #expect(old.stderr.contains("afterword send 4"), "\(old.stderr)")
        #expect(server.received.count == 1)

        // By interview and name, without ids: Dana's newest draft, said as such before it goes.
        let byName = try cli.run(["send", "--interview", "1", "--to", "dana", "--now"])
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(byName.stdout.contains("draft #4 — Dana Whitfield, Acme, Backend Engineer"), "\(byName.stdout)")
        #expect(server.received.count == 2)
        #expect(try parseWithPython(try #require(server.received.last))["to_names"] as? [String] == ["Dana Whitfield"])
        let nobody = try cli.run(["send", "--interview", "1", "--to", "Sam"])
        #expect(nobody.status != 0)
        #expect(nobody.stderr.contains("nobody on interview #1's panel is called \"Sam\""), "\(nobody.stderr)")
    }

    @Test("--to names one person by whole words; several or none is refused; those thanked are skipped; a piped no sends nothing")
    func byNameAndAnswer() throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let cli = try prepared(server: server)
        for (name, email) in [("Dan Brown", "dan@acme.com"), ("Dana Smith", "dana@acme.com"), ("Jordan Lee", "jl@acme.com")] {
            try cli.run(["interviewer", "add", "1", "--name", name, "--email", email])
        }
        try cli.run(["draft", "1"])
        let piped = try cli.run(["send", "--interview", "1", "--to", "dan", "--now"], stdin: "n\n")
        #expect(piped.stdout.contains("draft #") && piped.stdout.contains("Dan Brown") && piped.stdout.contains("not sent."), "\(piped.stdout)")
        #expect(server.received.isEmpty)
        let dan = try cli.run(["send", "--interview", "1", "--to", "Dan", "--now", "--yes"])
        #expect(dan.status == 0, "\(dan.stderr)")
        #expect(server.received.count == 1)
        #expect(try parseWithPython(try #require(server.received.last))["to_names"] as? [String] == ["Dan Brown"])
        let several = try cli.run(["send", "--interview", "1", "--to", "Da", "--now"])
        #expect(several.status == 2 && several.stderr.contains("names 2 people"), "\(several.stderr)")
        let blank = try cli.run(["send", "--interview", "1", "--to", " ", "--now"])
        #expect(blank.status == 2 && blank.stderr.contains("say whom to send to"), "\(blank.stderr)")
        // The whole panel: Dan is skipped as thanked, the other three go, and the run succeeds.
        let rest = try cli.run(["send", "--interview", "1", "--now", "--yes"])
        #expect(rest.status == 0, "\(rest.stderr)")
        #expect(rest.stdout.contains("Dan Brown: already thanked"), "\(rest.stdout)")
        #expect(server.received.count == 4)
        let again = try cli.run(["send", "--interview", "1", "--now", "--yes"])
        #expect(again.status == 0 && again.stdout.contains("Nothing to send"), "\(again.stdout)")
    }

    @Test("an interview moved later holds back its scheduled thank-you until it is over; one already thanked cannot move past it")
    func movedInterview() throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let cli = try prepared(server: server)
        let evening = ["AFTERWORD_NOW": "2026-11-26T23:00:00Z"]
        #expect(try cli.run(["send", "1", "--yes"], environment: evening).stdout.contains("Scheduled for"))
        #expect(try cli.run(["interview", "edit", "1", "--at", "2026-11-30T14:00-05:00"], environment: evening).status == 0)
        let friday = try cli.run(["send", "--due"], environment: ["AFTERWORD_NOW": "2026-11-27T14:05:00Z"])
        #expect(friday.stdout.contains("Nothing is due"), "\(friday.stdout)")
        #expect(server.received.isEmpty)
        let after = try cli.run(["send", "--due"], environment: ["AFTERWORD_NOW": "2026-11-30T21:00:00Z"])
        #expect(after.status == 0 && server.received.count == 1, "\(after.stdout)\(after.stderr)")
        let moved = try cli.run(["interview", "edit", "1", "--at", "2026-12-03T14:00-05:00"])
        #expect(moved.status == 2 && moved.stderr.contains("cannot move after its thank-you"), "\(moved.stderr)")
    }

    @Test("after a Friday evening interview the thank-you leaves that evening, before its due time, never on Monday; a Thursday evening one waits for Friday morning")
    func scheduledAcrossTheWeekend() throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let cli = CLI()
        for (key, value) in [
            ("name", "Alex Doe"), ("email", "alex@example.com"), ("smtp.host", "127.0.0.1"), ("smtp.port", "\(server.port)"), ("smtp.security", "none"),
        ] {
            try cli.run(["config", "set", key, value])
        }
        try cli.run(["interview", "add", "--company", "Nordwind", "--role", "Analyst", "--at", "2026-11-27T16:30", "--tz", "Europe/Berlin"])
        try cli.run(["interviewer", "add", "1", "--name", "Łukasz Żółkiewski", "--email", "l@nordwind.de"])
        try cli.run(["draft", "1"])
        let friday = ["AFTERWORD_NOW": "2026-11-27T17:00:00Z"]  // 18:00 in Berlin, Friday; due by Friday 23:59
        let sent = try cli.run(["send", "1"], environment: friday)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("sent"), "\(sent.stdout)")
        #expect(server.received.count == 1)
        // Quoted-printable soft line breaks joined, so that a word is read whole.
        func text(_ url: URL) throws -> String {
            try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=\n", with: "")
        }
        #expect(try text(server.received[0]).contains("today"))

        try cli.run(["interview", "add", "--company", "Nordwind", "--role", "Analyst", "--at", "2026-11-26T16:30", "--tz", "Europe/Berlin"])
        try cli.run(["interviewer", "add", "2", "--name", "Jonas Weber", "--email", "j@nordwind.de"])
        let thursday = ["AFTERWORD_NOW": "2026-11-26T17:00:00Z"]  // 18:00 in Berlin, Thursday; due Friday 17:30
        try cli.run(["draft", "2"], environment: thursday)
        let scheduled = try cli.run(["send", "2"], environment: thursday)
        #expect(scheduled.status == 0, "\(scheduled.stderr)")
        #expect(scheduled.stdout.contains("Fri 27 Nov 2026 09:00"), "\(scheduled.stdout)")
        #expect(server.received.count == 1)
        #expect(try cli.run(["send", "--due"], environment: ["AFTERWORD_NOW": "2026-11-27T07:59:00Z"]).stdout.contains("Nothing is due"))
        let due = try cli.run(["send", "--due"], environment: ["AFTERWORD_NOW": "2026-11-27T08:00:00Z"])
        #expect(due.status == 0, "\(due.stderr)")
        #expect(server.received.count == 2)
        // Composed on Thursday evening as "today", it left on Friday saying "yesterday"
        let friday2 = try text(server.received[1])
        #expect(friday2.contains("yesterday") && !friday2.contains("today"), "\(friday2)")
        #expect(try cli.run(["send", "--due"], environment: ["AFTERWORD_NOW": "2026-11-27T09:00:00Z"]).stdout.contains("Nothing is due"))
        #expect(server.received.count == 2)
    }

    @Test("killed mid-send, the thank-you is uncertain and never re-sent until the user says so")
    func killedMidSend() throws {
        let stalling = try TestMailServer(mode: "stall-after-data")
        defer { stalling.stop() }
        let cli = try prepared(server: stalling)
        try cli.run(["config", "set", "smtp.timeout", "60"])
        let process = try started(cli, ["send", "1", "--now"])
        let deadline = Date().addingTimeInterval(20)
        while stalling.received.isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(stalling.received.count == 1)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let status = try #require(try cli.json(["status"]) as? [String: Any])
        let inFlight = try #require(status["inFlight"] as? [[String: Any]])
        #expect(inFlight.first?["state"] as? String == "uncertain")
        let retry = try cli.run(["send", "1", "--now"])
        #expect(retry.status == 2)
        #expect(retry.stderr.contains("Sent folder"))

        // The user looked: it never arrived. Now, and only now, it may go again.
        let good = try TestMailServer()
        defer { good.stop() }
        try cli.run(["config", "set", "smtp.port", "\(good.port)"])
        #expect(try cli.run(["send", "1", "--resolve", "not-delivered"]).status == 0)
        #expect(try cli.run(["send", "1", "--now"]).status == 0)
        #expect(good.received.count == 1)
    }

    @Test("a hand-off that cannot be recorded (another process holds the database) writes no file, and says why; then it works once")
    func handOffRecordedFirst() throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let cli = try prepared(server: server)
        let database = cli.home.appendingPathComponent("afterword.sqlite").path
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "python3", "-c",
            "import sqlite3, sys, time\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\nc.execute('BEGIN EXCLUSIVE')\nprint('locked', flush=True)\ntime.sleep(15)",
            database,
        ]
        let output = Pipe()
        holder.standardOutput = output
        try holder.run()
        defer { holder.terminate() }
        #expect(String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).contains("locked"))
        let path = cli.home.deletingLastPathComponent().appendingPathComponent("\(cli.home.lastPathComponent)-busy.eml").path
        let busy = try cli.run(["send", "1", "--eml", path])
        #expect(busy.status != 0)
        #expect(busy.stderr.contains("another afterword is writing to the database"), "\(busy.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path), "the file was written although the ledger could not record it")
        holder.terminate()
        holder.waitUntilExit()
        #expect(try cli.run(["send", "1", "--eml", path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: path))
        let again = try cli.run(["send", "1", "--now"])
        #expect(again.status != 0 && again.stderr.contains("Sent folder"), "\(again.stderr)")
        #expect(server.received.isEmpty)
    }

    @Test("send --due killed while one message is on the wire leaves that one uncertain and the rest scheduled; the rest go later, each once")
    func dueKilledMidway() throws {
        let stalling = try TestMailServer(mode: "stall-on-4")
        defer { stalling.stop() }
        let cli = try prepared(server: stalling)
        try cli.run(["config", "set", "smtp.timeout", "60"])
        for index in 2...8 {
            try cli.run(["interviewer", "add", "1", "--name", "Person \(index) Example", "--email", "p\(index)@acme.com"])
        }
        try cli.run(["draft", "1"])
        let at = "2026-11-27T15:00:00Z"
        for draft in 1...8 {
            let scheduled = try cli.run(["send", "\(draft)", "--at", at, "--anyway"])
            #expect(scheduled.status == 0, "\(scheduled.stderr)")
        }
        let process = try started(cli, ["send", "--due"], now: "2026-11-27T15:01:00Z")
        let deadline = Date().addingTimeInterval(30)
        while stalling.received.count < 4, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(stalling.received.count == 4)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let states = try #require(try cli.json(["draft", "list"]) as? [[String: Any]]).compactMap { $0["state"] as? String }
        #expect(states.filter { $0 == "sent" }.count == 3, "\(states)")
        #expect(states.filter { $0 == "sending" || $0 == "uncertain" }.count == 1, "\(states)")
        #expect(states.filter { $0 == "scheduled" }.count == 4, "\(states)")
        // The rest go on a good server, each once; the one on the wire waits for the user
        let good = try TestMailServer()
        defer { good.stop() }
        try cli.run(["config", "set", "smtp.port", "\(good.port)"])
        let later = try cli.run(["send", "--due"], environment: ["AFTERWORD_NOW": "2026-11-27T15:10:00Z"])
        #expect(later.status == 0, "\(later.stderr)")
        #expect(good.received.count == 4)
    }

    @Test("a draft the checker flags with errors is refused, and nothing leaves")
    func refusesBadDrafts() throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let cli = try prepared(server: server)
        let editor = try cli.file("cutesy.sh", "#!/bin/sh\nsed -i 's/I look forward to hearing from you./Please confirm you received this!! xoxo/' \"$1\"\n")
        chmod(editor, 0o755)
        try cli.run(["draft", "1", "--edit"], environment: ["EDITOR": editor])
        let result = try cli.run(["send", "1", "--now"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("AW-NOREPLY") && result.stderr.contains("AW-PROPER"))
        #expect(server.received.isEmpty)
    }

    @Test("--eml writes a conformant message, --mailto prints a link; both are then held as uncertain")
    func handOff() throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let cli = try prepared(server: server)
        let path = cli.home.deletingLastPathComponent().appendingPathComponent("\(cli.home.lastPathComponent).eml")
        #expect(try cli.run(["send", "1", "--eml", path.path]).status == 0)
        let parsed = try parseWithPython(path)
        #expect((parsed["defects"] as? [String])?.isEmpty == true)
        #expect(parsed["to_addresses"] as? [String] == ["zoe@acme.com"])
        let link = try cli.run(["send", "1", "--mailto"])
        #expect(link.stdout.hasPrefix("mailto:zoe@acme.com?subject=Thank%20you%20%E2%80%94%20Backend%20Engineer%20interview&body="))
        #expect(try cli.run(["send", "1", "--now"]).status == 2)
        #expect(server.received.isEmpty)
    }

    @Test("the sendmail transport hands the message to msmtp, which delivers it")
    func sendmail() throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let cli = try prepared(server: server)
        try cli.run(["config", "set", "transport", "sendmail"])
        try cli.run(["config", "set", "sendmail.command", "msmtp --host=127.0.0.1 --port=\(server.port) --auth=off --tls=off --from=alex@example.com"])
        let result = try cli.run(["send", "1", "--now"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(server.received.count == 1)
    }

    @Test("the SMTP password comes from the environment and never lands in the settings file")
    func passwordsAreNotStored() throws {
        let cli = CLI()
        let refused = try cli.run(["config", "set", "smtp.password", "hunter2"])
        #expect(refused.status == 2)
        #expect(try cli.run(["config", "set", "smtp.passwordEnv", "AFTERWORD_TEST_PASSWORD"]).status == 0)
        let settings = try String(contentsOf: cli.home.appendingPathComponent("config.json"), encoding: .utf8)
        #expect(!settings.contains("hunter2"))
    }
}

extension SendCLITests {
    /// An export file with `count` interviews, one person each, and a thank-you scheduled an hour before `due`.
    static func scheduledExport(count: Int, due: String) -> String {
        func entry(_ i: Int) -> (person: String, interview: String, draft: String, message: String) {
            let at = "2026-11-2\(i % 5 + 1)T15:00:00Z"
            let body = "Dear Dana,\\n\\nThank you for meeting with me about the Backend Engineer role at Acme \(i). I enjoyed hearing how your team runs its payments API.\\n\\nI look forward to hearing from you.\\n\\nBest regards,\\nAlex Doe\\n"
            return (
                #"{"ref":\#(i),"name":"Dana Whitfield","honorific":null,"title":null,"company":"Acme \#(i)","email":"dana\#(i)@acme.example","phone":null,"address":null,"notes":null,"topic":null,"markedMetAt":null,"createdAt":"2026-11-20T10:00:00Z"}"#,
                #"{"ref":\#(i),"company":"Acme \#(i)","role":"Backend Engineer","at":"\#(at)","timeZone":"UTC","durationMinutes":60,"format":"video","notes":"","fit":null,"inviteDetails":null,"createdAt":"2026-11-20T10:00:00Z","panel":[\#(i)]}"#,
                #"{"ref":\#(i),"interview":\#(i),"interviewer":\#(i),"opening":null,"channel":"email","recipient":"Dana Whitfield <dana\#(i)@acme.example>","subject":"Thank you","body":"\#(body)","composedBody":"\#(body)","createdAt":"2026-11-26T10:00:00Z","updatedAt":"2026-11-26T10:00:00Z","printedAt":null}"#,
                #"{"draft":\#(i),"channel":"email","transport":"smtp","state":"scheduled","messageId":"race-\#(i)@example.com","scheduledAt":"\#(due)","sentAt":null,"serverReply":null,"sentLookup":null,"deferral":null,"createdAt":"2026-11-26T10:00:00Z","updatedAt":"2026-11-26T10:00:00Z"}"#
            )
        }
        let entries = (1...count).map(entry)
        func list(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
        return #"{"format":"afterword-export","version":1,"exportedAt":"2026-11-26T10:00:00Z","exportedBy":"test","settings":{},"#
            + #""interviewers":\#(list(entries.map(\.person))),"interviews":\#(list(entries.map(\.interview))),"boards":[],"openings":[],"#
            + #""drafts":\#(list(entries.map(\.draft))),"ledger":\#(list(entries.map(\.message))),"reminders":[]}"#
    }

    @Test("two servers and two `send --due` at once over one store: 500 scheduled thank-yous, each delivered exactly once")
    func racingSenders() throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let cli = try prepared(server: server)
        // Reminders by e-mail would arrive at the same server: not what this counts.
        try cli.run(["config", "set", "remind", "off"])
        let file = try cli.file("scheduled.json", Self.scheduledExport(count: 500, due: "2026-11-27T14:00:00Z"))
        let imported = try cli.run(["import", file])
        #expect(imported.status == 0, "\(imported.stderr)")
        let now = "2026-11-27T15:00:00Z"
        let senders = try [
            started(cli, ["serve", "--port", "0"], now: now), started(cli, ["send", "--due"], now: now),
            started(cli, ["serve", "--port", "0"], now: now), started(cli, ["send", "--due"], now: now),
        ]
        defer {
            for sender in senders where sender.isRunning { kill(sender.processIdentifier, SIGINT) }
            for sender in senders { sender.waitUntilExit() }
        }
        let deadline = Date().addingTimeInterval(120)
        while server.received.count < 500, Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        // A little longer: a second copy of any of them would arrive now.
        Thread.sleep(forTimeInterval: 2)
        let ids = try server.received.map { file in
            try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline)
                .first { $0.lowercased().hasPrefix("message-id:") }.map { String($0.dropFirst(11)).trimmingCharacters(in: .whitespaces) } ?? ""
        }
        #expect(ids.count == 500)
        #expect(Set(ids).count == ids.count, "a thank-you arrived twice")
        #expect(Set(ids) == Set((1...500).map { "<race-\($0)@example.com>" }))
    }
}
