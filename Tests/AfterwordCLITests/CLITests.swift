import Foundation
import Testing

@Suite(.serialized) struct CLIFlowTests {
    @Test("record an interview and a panel, compose drafts that pass their own check, see them in status")
    func wholeFlow() throws {
        let cli = CLI()
        #expect(try cli.run(["config", "set", "name", "Alex Doe"]).status == 0)
        let created = try cli.json([
            "interview", "add", "--company", "Acme", "--role", "Backend Engineer", "--at", "2026-11-26T14:00-05:00",
            "--format", "video", "--notes", "We discussed the migration to Postgres.",
        ])
        let id = try #require((created as? [String: Any])?["id"] as? Int)
        let dana = try cli.run(["interviewer", "add", "\(id)", "--name", "Dana Whitfield", "--email", "dana@acme.com"])
        #expect(dana.status == 0)
        #expect(dana.stdout.contains("Dana Whitfield (#1) is on the panel of interview #1 (Acme, Backend Engineer), e-mail dana@acme.com."), "\(dana.stdout)")
        #expect(try cli.run(["interviewer", "add", "\(id)", "--name", "Priya Natarajan", "--phone", "+1 555 0100"]).status == 0)

        let drafts = try #require(try cli.json(["draft", "\(id)"]) as? [[String: Any]])
        #expect(drafts.count == 2)
        #expect(drafts.map { $0["channel"] as? String } == ["email", "note"])
        #expect((drafts[0]["subject"] as? String)?.contains("Backend Engineer") == true)
        #expect((drafts[0]["to"] as? String) == "Dana Whitfield <dana@acme.com>")
        #expect((drafts[1]["body"] as? String)?.contains("Dear Priya,") == true)

        // Each stored draft, shown again and piped into the checker, has no error and no warning.
        for draft in drafts {
            let shown = try cli.run(["draft", "show", "\(draft["id"] as? Int ?? 0)"])
            #expect(shown.status == 0)
            let checked = try cli.run(["check", "-", "--company", "Acme", "--format", "json"], stdin: shown.stdout)
            #expect(checked.status == 0)
            let findings = ((try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [String: Any])?["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]
            #expect(findings?.allSatisfy { $0["severity"] as? String == "hint" } == true, "\(checked.stdout)")
        }

        let status = try cli.run(["status"])
        #expect(status.stdout.contains("Dana Whitfield"))
        #expect(status.stdout.contains("due by Fri 15:00 (23h left)"), "\(status.stdout)")
        let people = try #require(try cli.json(["interviewer", "list", "--company", "Acme"]) as? [[String: Any]])
        #expect(people.count == 2)
        let listed = try #require(try cli.json(["interview", "list"]) as? [[String: Any]])
        #expect(listed.first?["at"] as? String == "2026-11-26T14:00:00-05:00")
    }

    @Test("a mistyped command gets a \"did you mean\", a fresh status says where to start, and ids are said with what they are")
    func newcomer() throws {
        let cli = CLI()
        let typo = try cli.run(["stauts"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean `afterword status`?"), "\(typo.stderr)")
        let nested = try cli.run(["interview", "lst"])
        #expect(nested.stderr.contains("did you mean `afterword interview list`?"), "\(nested.stderr)")
        // Look-alikes that are not typos are left to the parser: a draft id, a word far from any command.
        #expect(!(try cli.run(["draft", "7"]).stderr.contains("did you mean")))
        #expect(!(try cli.run(["zebra"]).stderr.contains("did you mean")))

        let fresh = try cli.run(["status"])
        #expect(fresh.stdout.contains("Nothing recorded yet"), "\(fresh.stdout)")
        #expect(fresh.stdout.contains("afterword interview add"), "\(fresh.stdout)")

        let added = try cli.run(["interview", "add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-26T14:00-05:00"])
        #expect(added.stdout.contains("Interview #1 recorded (Acme, Engineer, Thu 26 Nov 14:00)."), "\(added.stdout)")
        let edited = try cli.run(["interview", "edit", "1", "--role", "Staff Engineer"])
        #expect(edited.stdout.contains("Interview #1 updated (Acme, Staff Engineer, Thu 26 Nov 14:00)."), "\(edited.stdout)")
        try cli.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.com"])
        try cli.run(["draft", "1"])
        let shown = try cli.run(["draft", "show", "1"])
        #expect(shown.stderr.contains("draft #1 — Dana Whitfield, Acme, Staff Engineer"), "\(shown.stderr)")
        #expect(!shown.stdout.contains("draft #1 —"), "the text alone on standard output, to pipe into check")
        #expect(try cli.run(["status"]).stdout.contains("Needs a thank-you (1)"))
    }

    @Test("--edit opens the editor on the draft and re-checks what the user wrote")
    func editDraft() throws {
        let cli = CLI()
        try cli.run(["interview", "add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-26T14:00Z"])
        try cli.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.com"])
        let editor = try cli.file("editor.sh", "#!/bin/sh\nsed -i 's/I look forward to hearing from you./Please confirm you received this./' \"$1\"\n")
        chmod(editor, 0o755)
        let result = try cli.run(["draft", "1", "--edit"], environment: ["EDITOR": editor])
        // The rule it now breaks is shown, and the exit status says the draft is not ready.
        #expect(result.status == 1)
        #expect(result.stdout.contains("AW-NOREPLY"))
        let shown = try cli.run(["draft", "show", "1"])
        #expect(shown.stdout.contains("Please confirm you received this."))
    }

    @Test("interview edit corrects the given fields and keeps the rest; a bad value changes nothing")
    func editInterview() throws {
        let cli = CLI()
        try cli.run(["interview", "add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-26T14:00-05:00", "--notes", "Postgres"])
        let refused = try cli.run(["interview", "edit", "1", "--duration", "9999"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--duration: 9999 minutes is not plausible"))
        let edited = try cli.run(["interview", "edit", "1", "--role", "Staff Engineer", "--format", "video"])
        #expect(edited.status == 0, "\(edited.stderr)")
        let shown = try #require(try cli.json(["interview", "show", "1"]) as? [String: Any])
        #expect(shown["role"] as? String == "Staff Engineer")
        #expect(shown["format"] as? String == "video")
        #expect(shown["company"] as? String == "Acme")
        #expect(shown["at"] as? String == "2026-11-26T14:00:00-05:00")
        #expect(shown["durationMinutes"] as? Int == 60)
        #expect(shown["notes"] as? String == "Postgres")
    }
}

@Suite struct CheckCommandTests {
    @Test("check reports findings like a compiler and exits 1 on errors")
    func textOutput() throws {
        let cli = CLI()
        let path = try cli.file("draft.txt", "Subject: Following up\n\nHi Dana,\n\nJust checking in!! Did you get my e-mail?\n")
        let result = try cli.run(["check", path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(path):1:10: error AW-SUBJECT:"))
        #expect(result.stdout.contains("\(path):5:1: error AW-ONCE:"))
        #expect(result.stdout.contains("error AW-PROPER"))
    }

    @Test("a long draft (checked with the allocator tuned for it) gives the same findings as from standard input")
    func longDraft() throws {
        let cli = CLI()
        let paragraph = "I enjoyed learning about the Kafka migration and the team's on-call rotation. "
        let body = "Dear Dana,\n\nThank you for your time today.\n\n" + String(repeating: paragraph + "\n\n", count: 4_000)
            + "Please confirm you received this.\n\nBest regards,\nAlex\n"
        let path = try cli.file("long.txt", body)
        let fromFile = try cli.run(["check", "--format", "json", path])
        let fromInput = try cli.run(["check", "--format", "json", "-"], stdin: body)
        #expect(fromFile.status == 1)
        #expect(fromFile.stdout.contains("AW-NOREPLY"))
        #expect(fromFile.stdout.replacingOccurrences(of: path, with: "<stdin>") == fromInput.stdout)
    }

    @Test("check exits 0 on a clean draft and 2 on unusable input")
    func exitCodes() throws {
        let cli = CLI()
        let good = "Dear Dana,\n\nThank you for your time today; our talk about the Kafka migration was a highlight. I enjoyed learning about Acme and look forward to hearing from you.\n\nBest regards,\nAlex\n"
        #expect(try cli.run(["check", "-"], stdin: good).status == 0)
        let missing = try cli.run(["check", "/nonexistent/draft.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/draft.txt"))
        #expect(try cli.run(["check", "-"], stdin: "").status == 2)
    }

    @Test("several drafts to one company are compared: near-duplicates and borrowed names")
    func panel() throws {
        let cli = CLI()
        let body = "Thank you for taking the time to sit down with me about the data role. I enjoyed speaking with you and learning more about Acme and the analytics platform.\n\nBest,\nAlex\n"
        let a = try cli.file("a.txt", "To: Dana Whitfield\n\nDear Dana Whitfield,\n\n" + body)
        let b = try cli.file("b.txt", "To: Priya Natarajan\n\nDear Priya Natarajan,\n\n" + body + "Say hi to Dana.\n")
        let result = try cli.run(["check", a, b, "--company", "Acme", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("AW-DISTINCT"))
        #expect(result.stdout.contains("\"excerpt\" : \"Dana\""))
    }

    @Test("paths between and after the options are read as when they come first")
    func pathsAmongOptions() throws {
        // Given three drafts to one panel
        let cli = CLI()
        let body = "Thank you for your time today. I enjoyed learning about the ledger rewrite.\n\nBest regards,\nAlex\n"
        let paths = try ["a", "b", "c"].map { try cli.file("\($0).txt", "To: Dana Whitfield\n\nDear Dana,\n\n" + body) }
        // When the options come first, and when they come between and after the paths
        let first = try cli.run(["check", "--company", "Acme", "--role=Data Analyst", "--format", "json"] + paths)
        let mixed = try cli.run(["check", paths[0], "--company", "Acme", paths[1], "--role=Data Analyst", paths[2], "--format", "json"])
        let terminated = try cli.run(["check", "--company", "Acme", "--role=Data Analyst", "--format", "json", "--"] + paths)
        // Then the reports are the same, all three drafts in order
        #expect(mixed.stdout == first.stdout && mixed.status == first.status)
        #expect(terminated.stdout == first.stdout && terminated.status == first.status)
        #expect(first.stdout.components(separatedBy: "AW-DISTINCT").count == 7, "\(first.stdout)")
        #expect(paths.allSatisfy { first.stdout.contains($0) })
    }

    @Test("check's options that take a value are the ones its paths are told apart from before parsing")
    func valueOptions() throws {
        // CheckCommand.valueOptions lists these; an option added to check must be added there too.
        let help = try CLI().run(["check", "--help"]).stdout
        let options = Set(help.matches(of: /(--[a-z-]+) </).map { String($0.1) })
        #expect(options == ["--channel", "--to", "--company", "--role", "--subject", "--format", "--interview-at", "--send-at"])
    }
}

@Suite struct BadInputTests {
    @Test(
        "bad input gets a one-line error, exit 2, and nothing is written",
        arguments: [
            (["interview", "add", "--company", "Acme", "--role", "Engineer", "--at", "2026-13-45T99:00"], "--at"),
            (["interview", "add", "--company", " ", "--role", "Engineer", "--at", "2026-11-26T14:00Z"], "--company"),
            (["interviewer", "add", "7", "--name", "Dana"], "no interview with id 7"),
            (["interviewer", "add", "1", "--name", ""], "--name"),
            (["interviewer", "add", "1", "--name", "Dana", "--email", "not-an-address"], "--email"),
            (["interview", "show", "99"], "no interview with id 99"),
            (["draft", "99"], "no interview with id 99"),
            (["draft", "show", "abc"], "positive number"),
            (["config", "set", "colour", "blue"], "unknown setting"),
        ])
    func rejected(arguments: [String], expected: String) throws {
        let cli = CLI()
        try cli.run(["interview", "add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-26T14:00Z"])
        let before = try cli.run(["interview", "list", "--json"]).stdout + (try cli.run(["interviewer", "list", "--json"]).stdout)
        let result = try cli.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        let after = try cli.run(["interview", "list", "--json"]).stdout + (try cli.run(["interviewer", "list", "--json"]).stdout)
        #expect(before == after)
    }

    @Test("an unreadable template stops draft before anything is written")
    func badTemplate() throws {
        let cli = CLI()
        try cli.run(["interview", "add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-26T14:00Z"])
        try cli.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.com"])
        let templates = cli.home.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("{{#broken}} never closed".utf8).write(to: templates.appendingPathComponent("email.mustache"))
        let result = try cli.run(["draft", "1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("email.mustache"))
        try FileManager.default.removeItem(at: templates)
        let drafts = try #require(try cli.json(["draft", "1"]) as? [[String: Any]])
        #expect(drafts.first?["id"] as? Int == 1)
    }

    @Test("a store that is not a database, or from a newer version, is refused")
    func badStore() throws {
        let cli = CLI()
        try FileManager.default.createDirectory(at: cli.home, withIntermediateDirectories: true)
        let database = cli.home.appendingPathComponent("afterword.sqlite")
        try Data(String(repeating: "garbage ", count: 200).utf8).write(to: database)
        let result = try cli.run(["interview", "list"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not an Afterword database"))
    }

    @Test("--home puts the data where the user says, before or after the subcommand")
    func homeOption() throws {
        let cli = CLI()
        let other = cli.home.appendingPathComponent("elsewhere").path
        #expect(try cli.run(["--home", other, "interview", "add", "--company", "A", "--role", "R", "--at", "2026-11-26T14:00Z"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: other + "/afterword.sqlite"))
        #expect(try cli.run(["interview", "list", "--home", other]).stdout.contains("A — R"))
    }
}
