import Foundation
import Testing

/// Moving in and out: the export file, importing it elsewhere, and job lists from other trackers.
@Suite struct MoveCLITests {
    /// A store with an interview, two people (one thanked by e-mail, delivered; one by note), and settings.
    private func recordedStore() throws -> CLI {
        let cli = CLI()
        try cli.run(["config", "set", "name", "Sam Rivera"])
        try cli.run(["config", "set", "email", "sam@example.net"])
        try cli.run(["config", "set", "smtp.passwordCommand", "pass show mail/sam"])
        try cli.run([
            "interview", "add", "--company", "Northwind Traders", "--role", "Data Engineer", "--at", "2026-11-26T14:00-05:00",
            "--notes", "their Airflow migration",
        ])
        try cli.run(["interviewer", "add", "1", "--name", "Priya Natarajan", "--email", "priya@northwind.example", "--topic", "the Airflow migration"])
        try cli.run(["interviewer", "add", "1", "--name", "Tom Becker", "--address", "Northwind Traders, 12 Harbor Rd, Portland, OR 97201"])
        try cli.run(["draft", "compose", "1"])
        let eml = cli.home.deletingLastPathComponent().appendingPathComponent("\(cli.home.lastPathComponent)-1.eml").path
        #expect(try cli.run(["send", "1", "--eml", eml]).status == 0)
        #expect(try cli.run(["send", "1", "--resolve", "delivered"]).status == 0)
        return cli
    }

    private func export(_ cli: CLI) throws -> (path: String, json: [String: Any]) {
        let path = cli.home.deletingLastPathComponent().appendingPathComponent("\(cli.home.lastPathComponent)-export.json").path
        let result = try cli.run(["export", "--out", path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        return (path, try #require(json))
    }

    @Test("a store exported and imported into a fresh home exports the same file, field by field, and matches the JSON Schema")
    func roundTrip() throws {
        let source = try recordedStore()
        let (path, original) = try export(source)
        #expect((original["interviews"] as? [Any])?.count == 1)
        #expect((original["interviewers"] as? [Any])?.count == 2)
        #expect((original["ledger"] as? [[String: Any]])?.first?["state"] as? String == "sent")
        // A command that prints a password never travels; the names of settings do.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("pass show"))
        #expect((original["settings"] as? [String: String])?["name"] == "Sam Rivera")

        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/export-format.schema.json").path
        let check = try CLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", "-c",
                "import json,sys,jsonschema; jsonschema.Draft202012Validator(json.load(open(sys.argv[1])), format_checker=jsonschema.FormatChecker()).validate(json.load(open(sys.argv[2])))",
                schema, path,
            ], home: source.home)
        #expect(check.status == 0, "\(check.stderr)")

        let destination = CLI()
        let imported = try destination.run(["import", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Added 1 interview, 2 people, 2 drafts, 1 message"), "\(imported.stdout)")
        var copy = try export(destination).json
        var first = original
        // Only where the settings came from differs: the password command stayed behind.
        first.removeValue(forKey: "settings")
        copy.removeValue(forKey: "settings")
        #expect(NSDictionary(dictionary: first).isEqual(to: copy))
    }

    @Test("after a move nothing is sent twice: a delivered thank-you is refused in the new home")
    func sendOnceSurvives() throws {
        let source = try recordedStore()
        let (path, _) = try export(source)
        let destination = CLI()
        #expect(try destination.run(["import", path]).status == 0)
        let eml = destination.home.path + "-again.eml"
        let again = try destination.run(["send", "1", "--eml", eml])
        #expect(again.status != 0)
        #expect(again.stderr.contains("AW-ONCE"), "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: eml))
    }

    @Test("a thank-you only scheduled here is set aside when the file says the same thank-you was sent elsewhere")
    func sentElsewhereSetsAsideScheduled() throws {
        let source = try recordedStore()
        let (path, _) = try export(source)
        let destination = CLI()
        try destination.run(["config", "set", "name", "Sam Rivera"])
        try destination.run(["config", "set", "email", "sam@example.net"])
        try destination.run(["config", "set", "smtp.host", "127.0.0.1"])
        try destination.run(["interview", "add", "--company", "northwind traders", "--role", "Data Engineer", "--at", "2026-11-26T19:00Z"])
        try destination.run(["interviewer", "add", "1", "--name", "Priya Natarajan", "--email", "PRIYA@northwind.example"])
        try destination.run(["draft", "compose", "1"])
        let scheduled = try destination.run(["send", "1", "--at", "2026-11-28T15:00Z", "--yes"])
        #expect(scheduled.status == 0, "\(scheduled.stderr)")
        let imported = try destination.run(["import", path])
        #expect(imported.stdout.contains("1 thank-you waiting here will not be sent"), "\(imported.stdout)")
        let due = try destination.run(["send", "--due"], environment: ["AFTERWORD_NOW": "2026-11-29T12:00:00Z"])
        #expect(due.stdout.contains("Nothing is due"), "\(due.stdout)\(due.stderr)")
        let again = try destination.run(["send", "1", "--eml", destination.home.path + "-again.eml"])
        #expect(again.stderr.contains("AW-ONCE"), "\(again.stderr)")
    }

    @Test("importing the same file twice, or into the store it came from, adds nothing")
    func noDuplicates() throws {
        let source = try recordedStore()
        let (path, _) = try export(source)
        let into = try source.run(["import", path])
        #expect(into.stdout.contains("Added 0 interviews, 0 people, 0 drafts, 0 messages"), "\(into.stdout)")
        let destination = CLI()
        try destination.run(["import", path])
        try destination.run(["import", path])
        let interviews = try #require(try destination.json(["interview", "list"]) as? [[String: Any]])
        #expect(interviews.count == 1)
        #expect((interviews[0]["interviewers"] as? [Any])?.count == 2)
    }

    @Test("a cut-short or damaged file is refused with the JSON path or line, and the store stays empty")
    func broken() throws {
        let source = try recordedStore()
        let (path, _) = try export(source)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let destination = CLI()
        let cut = try destination.file("cut.json", String(text.prefix(text.count * 2 / 3)))
        let result = try destination.run(["import", cut])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cut short"), "\(result.stderr)")
        let wrong = try destination.file("wrong.json", text.replacingOccurrences(of: "\"timeZone\" : \"", with: "\"timeZone\" : \"Nowhere/"))
        let wrongResult = try destination.run(["import", wrong])
        #expect(wrongResult.stderr.contains("interviews[0].timeZone"), "\(wrongResult.stderr)")
        let newer = try destination.file("newer.json", text.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 2"))
        #expect(try destination.run(["import", newer]).stderr.contains("newer Afterword"))
        let interviews = try #require(try destination.json(["interview", "list"]) as? [Any])
        #expect(interviews.isEmpty)
    }

    @Test("a spreadsheet of interviews: --dry-run shows each row and adds nothing; then they are added once")
    func csvGeneric() throws {
        let cli = CLI()
        try cli.run(["config", "set", "timezone", "Europe/Berlin"])
        let csv = try cli.file(
            "jobs.csv",
            "Company;Position;Interview Date;Contact;Email\r\nMüller AG;Data Engineer;03.12.2026 10:00;Anna Schmidt;anna@mueller.example\r\nGlobex;Analyst;;;\r\n")
        let dry = try cli.run(["import", "--csv", csv, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("line 2: interview: Müller AG, Data Engineer"), "\(dry.stdout)")
        #expect(dry.stdout.contains("person: Anna Schmidt"))
        #expect(dry.stdout.contains("line 3: nothing"))
        #expect((try cli.json(["interview", "list"]) as? [Any])?.isEmpty == true)
        #expect(try cli.run(["import", "--csv", csv]).status == 0)
        #expect(try cli.run(["import", "--csv", csv]).status == 0)
        let interviews = try #require(try cli.json(["interview", "list"]) as? [[String: Any]])
        #expect(interviews.count == 1)
        #expect(interviews.first?["company"] as? String == "Müller AG")
        // A date without a zone is the user's time zone's.
        #expect(interviews.first?["at"] as? String == "2026-12-03T10:00:00+01:00")
        #expect((interviews.first?["interviewers"] as? [[String: Any]])?.first?["name"] as? String == "Anna Schmidt")
    }

    @Test("LinkedIn's Connections.csv brings in people; an unknown shape says its headers and the --map to write")
    func csvPresets() throws {
        let cli = CLI()
        let result = try cli.run(["import", "--csv", intakeFixture("csv/linkedin-connections-2024.csv"), "--preset", "linkedin-connections"])
        #expect(result.status == 0, "\(result.stderr)")
        let people = try #require(try cli.json(["interviewer", "list"]) as? [Any])
        #expect(people.count >= 5)
        let odd = try cli.file("odd.csv", "Outfit,Gig,Spoke on\nAcme,Dev,2026-11-03\n")
        let refused = try cli.run(["import", "--csv", odd])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("Outfit, Gig, Spoke on") && refused.stderr.contains("--map"), "\(refused.stderr)")
        let mapped = try cli.run(["import", "--csv", odd, "--map", "company=Outfit,role=Gig,date=Spoke on"])
        #expect(mapped.status == 0, "\(mapped.stderr)")
        #expect(mapped.stdout.contains("Added 1 interview"), "\(mapped.stdout)")
    }
}
