import Foundation
import Testing

/// The intake fixtures, shared with the intake unit tests.
func intakeFixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AfterwordIntakeTests/Fixtures/\(name)").path
}

@Suite struct IntakeCLITests {
    @Test("an invite becomes an interview with its attendees as interviewers, without the user or the room")
    func importInvite() throws {
        let cli = CLI()
        try cli.run(["config", "set", "email", "alex.doe@gmail.com"])
        let result = try cli.run(["interview", "import", intakeFixture("google.ics")])
        #expect(result.status == 0, "\(result.stderr)")
        let interviews = try #require(try cli.json(["interview", "list"]) as? [[String: Any]])
        #expect(interviews.count == 1)
        #expect(interviews[0]["company"] as? String == "Acme")
        #expect(interviews[0]["role"] as? String == "Backend Engineer")
        #expect(interviews[0]["at"] as? String == "2026-11-26T14:00:00-05:00")
        #expect(interviews[0]["format"] as? String == "video")
        let names = (interviews[0]["interviewers"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["Dana Whitfield", "Priya Natarajan"])
        // The organizer, not an attendee, is offered with the command that adds them, not added.
        #expect(result.stderr.contains("Sam Recruiter <sam@acme.com> organized the invite without attending it"), "\(result.stderr)")
        #expect(result.stderr.contains("afterword interviewer add 1 --name \"Sam Recruiter\" --email sam@acme.com"))
    }

    @Test("your own address is never an interviewer: adding it by hand is refused, naming the field")
    func ownAddressRefused() throws {
        let cli = CLI()
        try cli.run(["config", "set", "email", "alex.doe@gmail.com"])
        try cli.run(["interview", "add", "--company", "Acme", "--role", "Backend Engineer", "--at", "2026-11-26T14:00-05:00"])
        let refused = try cli.run(["interviewer", "add", "1", "--name", "Alex Doe", "--email", "Alex.Doe@gmail.com"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--email: Alex.Doe@gmail.com is your own address"), "\(refused.stderr)")
        #expect((try cli.json(["interviewer", "list"]) as? [Any])?.isEmpty == true)
    }

    @Test("--company overrides what the invite says")
    func companyOverride() throws {
        let cli = CLI()
        try cli.run(["config", "set", "email", "alex.doe@gmail.com"])
        #expect(try cli.run(["interview", "import", intakeFixture("zoom-utc.ics"), "--company", "Initech Labs"]).status == 0)
        let interviews = try #require(try cli.json(["interview", "list"]) as? [[String: Any]])
        #expect(interviews.first?["company"] as? String == "Initech Labs")
    }

    @Test("importing the same people twice merges them and says so")
    func mergeDuplicates() throws {
        let cli = CLI()
        try cli.run(["interview", "add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-26T14:00Z"])
        #expect(try cli.run(["card", "import", intakeFixture("google-3.0.vcf"), "--interview", "1"]).status == 0)
        let again = try cli.run(["card", "import", intakeFixture("google-3.0.vcf")])
        #expect(again.status == 0)
        #expect(again.stdout.contains("merged"))
        let people = try #require(try cli.json(["interviewer", "list"]) as? [[String: Any]])
        #expect(people.count == 2)
        #expect(people.first { $0["name"] as? String == "Dana Whitfield" }?["phone"] as? String == "+12125550123")
    }

    @Test(
        "a broken file is a clear error naming file and line, and nothing is imported",
        arguments: [
            (["card", "import"], "truncated.vcf", ":1: END:VCARD"), (["card", "import"], "bad-qp.vcf", ":3: FN"),
            (["card", "import"], "bad-charset.vcf", ":3: FN"), (["interview", "import"], "no-event.ics", "VEVENT"),
            (["interview", "import"], "bad-dtstart.ics", ":6: DTSTART"),
        ])
    func brokenFiles(command: [String], file: String, expected: String) throws {
        let cli = CLI()
        let result = try cli.run(command + [intakeFixture(file)])
        #expect(result.status == 2)
        #expect(result.stderr.contains(file) && result.stderr.contains(expected), "\(result.stderr)")
        #expect(try cli.run(["interviewer", "list", "--json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]")
        #expect(try cli.run(["interview", "list", "--json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]")
    }

    @Test("a business-card photo, rendered now, is read through tesseract and saved with --yes")
    func photo() throws {
        let cli = CLI()
        let image = cli.home.deletingLastPathComponent().appendingPathComponent("\(cli.home.lastPathComponent)-card.png").path
        let convert = Process()
        convert.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        convert.arguments = [
            "convert", "-size", "1050x600", "xc:white", "-font", "DejaVu-Sans", "-fill", "black",
            "-pointsize", "44", "-annotate", "+60+110", "Priya Natarajan",
            "-pointsize", "30", "-annotate", "+60+165", "Director of Data Science",
            "-annotate", "+60+215", "Globex Corporation",
            "-pointsize", "28", "-annotate", "+60+330", "priya.natarajan@globex.com",
            "-annotate", "+60+380", "Mobile: (415) 555-0142",
            "-annotate", "+60+430", "500 Howard Street, Suite 400",
            "-annotate", "+60+480", "San Francisco, CA 94105",
            image,
        ]
        try convert.run()
        convert.waitUntilExit()
        #expect(convert.terminationStatus == 0, "ImageMagick's convert is needed to render the card")
        let result = try cli.run(["card", "scan", image, "--yes"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("name     Priya Natarajan"))
        let people = try #require(try cli.json(["interviewer", "list"]) as? [[String: Any]])
        let priya = try #require(people.first)
        #expect(priya["name"] as? String == "Priya Natarajan")
        #expect(priya["email"] as? String == "priya.natarajan@globex.com")
        #expect(priya["phone"] as? String == "+14155550142")
        #expect(priya["title"] as? String == "Director of Data Science")
        #expect((priya["address"] as? String)?.contains("San Francisco, CA 94105") == true)
    }

    @Test("a photo tesseract cannot finish within the time limit is given up with a clear message, and nothing is saved")
    func photoGivenUp() throws {
        let cli = CLI()
        // A tesseract that never finishes: the stand-in for an image built to make it run for ever.
        let folder = cli.home.deletingLastPathComponent().appendingPathComponent("\(cli.home.lastPathComponent)-bin")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stuck = folder.appendingPathComponent("tesseract")
        try Data("#!/bin/sh\nexec sleep 60\n".utf8).write(to: stuck)
        chmod(stuck.path, 0o755)
        let image = try cli.file("huge.png", "not really a picture")
        let started = Date()
        let result = try cli.run(
            ["card", "scan", image, "--yes"],
            environment: ["PATH": folder.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"), "AFTERWORD_OCR_SECONDS": "1"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("tesseract gave up on this image"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 30, "the limit did not stop it")
        #expect((try cli.json(["interviewer", "list"]) as? [[String: Any]])?.isEmpty == true)
    }

    @Test("without --yes, nothing from standard input is saved silently")
    func asksBeforeSaving() throws {
        let cli = CLI()
        let result = try cli.run(["card", "scan", "-"], stdin: "Jordan Lee\nRecruiter\njordan@initech.io\n")
        #expect(result.status == 2)
        #expect(result.stdout.contains("Jordan Lee"))
        #expect(result.stderr.contains("--yes"))
    }

    @Test("interviewer export writes vCard 4.0 that an independent reader (Python's vobject) reads back, field by field")
    func exportVCards() throws {
        let cli = CLI()
        try cli.run(["interview", "add", "--company", "Acme, Inc.", "--role", "Backend Engineer", "--at", "2026-11-26T14:00-05:00"])
        try cli.run([
            "interviewer", "add", "1", "--name", "Dr. Zoë Ångström-Lindqvist", "--title", "VP Engineering; Platform", "--email", "zoe@acme.com",
            "--phone", "+1 555 0100", "--address", "1 Main St, Suite 5\nSpringfield, IL 62701", "--notes", "Talked about Kafka, lag and backpressure",
        ])
        try cli.run(["interview", "add", "--company", "Globex", "--role", "SRE", "--at", "2026-11-27T10:00-05:00"])
        try cli.run(["interviewer", "add", "2", "--name", "Sam Lee", "--email", "sam@globex.com"])
        let file = cli.home.appendingPathComponent("people.vcf")
        let written = try cli.run(["interviewer", "export", "--interview", "1", "--vcard", file.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("Wrote 1 person to"), "\(written.stdout)")
        let script = """
            import json, sys, vobject
            cards = list(vobject.readComponents(open(sys.argv[1], encoding="utf-8").read()))
            print(json.dumps([{"fn": c.fn.value, "family": c.n.value.family, "given": c.n.value.given, "prefix": c.n.value.prefix,
                "org": c.org.value, "title": c.title.value, "email": c.email.value, "tel": c.tel.value, "street": c.adr.value.street,
                "note": c.note.value, "version": c.version.value} for c in cards]))
            """
        let read = try CLI.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, file.path], home: cli.home)
        #expect(read.status == 0, "\(read.stderr)")
        let cards = try #require(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [[String: Any]])
        #expect(cards.count == 1)
        let card = cards[0]
        #expect(card["version"] as? String == "4.0")
        #expect(card["fn"] as? String == "Zoë Ångström-Lindqvist")
        #expect(card["family"] as? String == "Ångström-Lindqvist" && card["given"] as? String == "Zoë" && card["prefix"] as? String == "Dr.")
        #expect(card["org"] as? [String] == ["Acme, Inc."])
        #expect(card["title"] as? String == "VP Engineering; Platform")
        #expect(card["email"] as? String == "zoe@acme.com")
        #expect((card["street"] as? String)?.contains("Springfield, IL 62701") == true)
        #expect(card["note"] as? String == "Met: Backend Engineer interview at Acme, Inc., 26 Nov 2026.\nTalked about Kafka, lag and backpressure")
        let everyone = try cli.run(["interviewer", "export", "--vcard", "-"])
        #expect(everyone.stdout.components(separatedBy: "BEGIN:VCARD").count == 3)
        let nobody = try cli.run(["interviewer", "export", "--company", "Initech", "--vcard", file.path])
        #expect(nobody.status == 2 && nobody.stderr.contains("nobody at Initech"), "\(nobody.stderr)")
    }
}
