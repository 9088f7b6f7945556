import AfterwordTestSupport
import Foundation
import Testing

/// `afterword remind` over a week's clock: once when a thank-you falls due, once near its deadline, never twice.
@Suite(.serialized) struct RemindCLITests {
    /// An interview on Thursday 26 November, 14:00–15:00 in New York (its thank-you due by Friday 15:00),
    /// with Zoë on the panel and no draft yet.
    func recorded(_ settings: [(String, String)]) throws -> CLI {
        let cli = CLI()
        for (key, value) in [("name", "Alex Doe"), ("email", "alex@example.com")] + settings {
            #expect(try cli.run(["config", "set", key, value]).status == 0)
        }
        try cli.run(["interview", "add", "--company", "Acme", "--role", "Backend Engineer", "--at", "2026-11-26T14:00-05:00"])
        try cli.run(["interviewer", "add", "1", "--name", "Zoë Ångström", "--email", "zoe@acme.com"])
        return cli
    }

    @Test("by e-mail to yourself: once when it falls due, once three hours before the deadline, never twice, and none once it is sent")
    func byEmail() throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let cli = try recorded([
            ("remind", "Email"), ("smtp.host", "127.0.0.1"), ("smtp.port", "\(server.port)"), ("smtp.security", "none"),
        ])
        let before = try cli.run(["remind"], environment: ["AFTERWORD_NOW": "2026-11-26T19:30:00Z"])
        #expect(before.stdout.contains("No reminder"), "the interview is not over: \(before.stdout)\(before.stderr)")
        #expect(server.received.isEmpty)

        let due = try cli.run(["remind"], environment: ["AFTERWORD_NOW": "2026-11-26T21:00:00Z"])
        #expect(due.status == 0, "\(due.stderr)")
        #expect(due.stdout.contains("Reminded you by e-mail"), "\(due.stdout)")
        #expect(server.received.count == 1)
        let first = try parseWithPython(try #require(server.received.first))
        #expect((first["defects"] as? [String])?.isEmpty == true)
        #expect(first["subject"] as? String == "Thank-you due: Zoë Ångström")
        let body = first["body"] as? String ?? ""
        #expect(body.contains("Zoë Ångström — Acme, Backend Engineer: due by Fri 15:00"), "\(body)")
        #expect(body.contains("afterword draft 1"), "\(body)")

        for hour in ["2026-11-26T21:00:30Z", "2026-11-27T02:00:00Z", "2026-11-27T14:00:00Z"] {
            let again = try cli.run(["remind"], environment: ["AFTERWORD_NOW": hour])
            #expect(again.stdout.contains("No reminder"), "\(hour): \(again.stdout)")
        }
        #expect(server.received.count == 1)

        let near = try cli.run(["remind"], environment: ["AFTERWORD_NOW": "2026-11-27T17:00:00Z"])
        #expect(near.status == 0, "\(near.stderr)")
        #expect(server.received.count == 2)
        let second = try parseWithPython(try #require(server.received.last))
        #expect((second["body"] as? String)?.contains("(3h left)") == true, "\(second)")
        #expect(try cli.run(["remind"], environment: ["AFTERWORD_NOW": "2026-11-27T18:00:00Z"]).stdout.contains("No reminder"))

        // A draft sent: nothing more to remind of, for this deadline or any.
        try cli.run(["draft", "1"])
        #expect(try cli.run(["send", "1", "--now"], environment: ["AFTERWORD_NOW": "2026-11-27T18:10:00Z"]).status == 0)
        #expect(try cli.run(["remind"], environment: ["AFTERWORD_NOW": "2026-11-27T18:20:00Z"]).stdout.contains("No reminder"))
        #expect(server.received.count == 3)
    }

    @Test("on a desktop session, a notification through the session's notification daemon; off, nothing at all")
    func onTheDesktop() throws {
        let cli = try recorded([])
        let log = cli.home.appendingPathComponent("notifications.log")
        let server = try fixtureURL("notify_server.py")
        let script = """
            python3 "$NOTIFY_SERVER" "$LOG" </dev/null >/dev/null 2>&1 &
            daemon=$!
            trap 'kill $daemon 2>/dev/null' EXIT
            for _ in $(seq 100); do [ -f "$LOG.ready" ] && break; sleep 0.1; done
            "$AFTERWORD" remind
            "$AFTERWORD" remind
            """
        let environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": cli.home.path,
            "AFTERWORD_HOME": cli.home.path, "AFTERWORD_NOW": "2026-11-26T21:00:00Z", "AFTERWORD": CLI.binary.path,
            "NOTIFY_SERVER": server.path, "LOG": log.path,
        ]
        let result = try runInKeyringSession(["bash", "-c", script], environment: environment)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("Reminded you by a desktop notification: Thank-you due: Zoë Ångström"), "\(result.output)")
        #expect(result.output.contains("No reminder"), "the second run reminds of nothing: \(result.output)")
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1, "\(lines)")
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: String])
        #expect(shown["app"] == "Afterword")
        #expect(shown["summary"] == "Thank-you due: Zoë Ångström")
        #expect(shown["body"]?.contains("afterword draft 1") == true)

        // Off: said, and nothing recorded, so turning reminders on later still reminds.
        let quiet = try recorded([("remind", "off")])
        let off = try quiet.run(["remind"])
        #expect(off.stdout.contains("1 thank-you due, but reminders are off"), "\(off.stdout)")
    }

    @Test("nowhere to remind you (no desktop, no mail set up) is said plainly, and the reminder is kept for a later run")
    func nowhere() throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let cli = try recorded([])
        let failed = try cli.run(["remind"], environment: ["DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent", "DISPLAY": ""])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("smtp.host") || failed.stderr.contains("mail"), "\(failed.stderr)")
        for (key, value) in [("smtp.host", "127.0.0.1"), ("smtp.port", "\(server.port)"), ("smtp.security", "none")] {
            try cli.run(["config", "set", key, value])
        }
        let later = try cli.run(["remind"], environment: ["DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent", "DISPLAY": ""])
        #expect(later.status == 0, "\(later.stderr)")
        #expect(later.stdout.contains("Reminded you by e-mail"), "\(later.stdout)")
        #expect(server.received.count == 1)
    }

    @Test("a reader that goes away mid-output loses the output, never the work: no crash, the reminder is sent and recorded")
    func closedPipe() throws {
        let server = try TestMailServer()
        defer { server.stop() }
        let cli = try recorded([("remind", "email"), ("smtp.host", "127.0.0.1"), ("smtp.port", "\(server.port)"), ("smtp.security", "none")])
        let script = #""$AFTERWORD" remind | head -c 1 >/dev/null; echo "status ${PIPESTATUS[0]}""#
        let result = try CLI.run(
            executable: URL(fileURLWithPath: "/bin/bash"), ["-c", script], home: cli.home, environment: ["AFTERWORD": CLI.binary.path])
        #expect(result.stdout.contains("status 0"), "\(result.stdout)\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"), "\(result.stderr)")
        #expect(server.received.count == 1)
        #expect(try cli.run(["remind"]).stdout.contains("No reminder"), "recorded: not given again")
    }

    @Test("remind --ics writes a calendar event with an alarm when the thank-yous open and one before the deadline")
    func calendar() throws {
        let cli = try recorded([])
        let file = cli.home.appendingPathComponent("thank-you.ics")
        let written = try cli.run(["remind", "--ics", "1", "--file", file.path])
        #expect(written.status == 0, "\(written.stderr)")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(text.components(separatedBy: "BEGIN:VALARM").count == 3)
        // The interview ends 20:00Z; the thank-yous open half an hour later; the second alarm is 4 hours before Friday 20:00Z.
        #expect(text.contains("DTSTART:20261126T203000Z"), "\(text)")
        #expect(text.contains("TRIGGER;VALUE=DATE-TIME:20261127T160000Z"), "\(text)")
        #expect(text.contains("SUMMARY:Thank-you notes: Acme\\, Backend Engineer"), "\(text)")
        #expect(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        // Those thanked already are left out; with everyone thanked there is nothing to remind of.
        try cli.run(["draft", "1"])
        let eml = cli.home.appendingPathComponent("t.eml").path
        try cli.run(["send", "1", "--eml", eml, "--yes"])
        try cli.run(["send", "1", "--resolve", "delivered"])
        let none = try cli.run(["remind", "--ics", "1"])
        #expect(none.status == 1 && none.stderr.contains("has been thanked"), "\(none.stderr)")
        let added = try cli.run(["interview", "add", "--company", "Initech", "--role", "SRE", "--at", "2026-12-01T10:00-05:00"])
        #expect(added.stdout.contains("Interview #2 recorded (Initech, SRE, Tue 1 Dec 10:00)."), "\(added.stdout)")
        #expect(added.stdout.contains("afterword remind --ics 2"), "\(added.stdout)")
    }
}
