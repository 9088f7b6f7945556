import Foundation
import Testing

/// Hostile values, racing processes and damaged files, through the real binary.
@Suite struct HardeningCLITests {
    func card(name: String, email: String = "dana@acme.com", title: String = "Engineer") -> String {
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\(name)\r\nTITLE:\(title)\r\nEMAIL:\(email)\r\nEND:VCARD\r\n"
    }

    @Test("a card name with a NUL or a line break is refused, as `interviewer add` refuses it, and nothing is stored")
    func controlInName() throws {
        for name in ["Dana\u{0}Whitfield", "Dana\\nWhitfield", "Dana\u{1B}]0;pwned\u{07}Whitfield"] {
            let cli = CLI()
            let result = try cli.run(["card", "import", try cli.file("nul.vcf", card(name: name))])
            #expect(result.status == 2, "\(name)")
            #expect(result.stderr.contains("nul.vcf:1: FN:"), "\(result.stderr)")
            #expect(result.stderr.contains("line break or a control character"), "\(result.stderr)")
            #expect(!result.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(result.stderr)")
            #expect(
                try cli.run(["interviewer", "list", "--json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                    == "[\n\n]")
        }
    }

    @Test("terminal escapes in imported values never reach the terminal raw")
    func terminalEscapes() throws {
        let cli = CLI()
        // An address that is not one: its text is quoted in the error, escaped.
        let refused = try cli.run([
            "card", "import",
            try cli.file("esc.vcf", card(name: "Dana Whitfield", email: "\u{1B}[2J\u{1B}]0;owned\u{07}")),
        ])
        #expect(refused.status == 2)
        #expect(!refused.stderr.contains("\u{1B}"), "\(refused.stderr)")
        #expect(refused.stderr.contains("\\u{1B}[2J"), "\(refused.stderr)")
        // A title with escapes is stored without them.
        let saved = try cli.run([
            "card", "import", try cli.file("title.vcf", card(name: "Dana Whitfield", title: "Eng\u{1B}[2Jineer")),
        ])
        #expect(saved.status == 0, "\(saved.stderr)")
        let listed = try cli.run(["interviewer", "list"])
        #expect(!listed.stdout.contains("\u{1B}"))
        #expect(listed.stdout.contains("Eng[2Jineer"), "\(listed.stdout)")
    }

    @Test("an edited draft with a NUL is refused and left unchanged: what is checked is what is stored and sent")
    func nulInDraft() throws {
        let cli = CLI()
        try cli.run(["interview", "add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-26T14:00Z"])
        try cli.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.com"])
        #expect(try cli.run(["draft", "1"]).status == 0)
        let before = try cli.run(["draft", "show", "1"]).stdout
        let editor = try cli.file("nul.sh", "#!/bin/sh\nprintf 'Dear Dana,\\n\\nThanks\\000 and more.\\n' >> \"$1\"\n")
        chmod(editor, 0o755)
        let result = try cli.run(["draft", "1", "--edit"], environment: ["EDITOR": editor])
        #expect(result.status == 2)
        #expect(result.stderr.contains("control character (U+0000)"), "\(result.stderr)")
        #expect(try cli.run(["draft", "show", "1"]).stdout == before)
    }

    @Test("ten `config set` at once, each of a different setting, lose none of them")
    func parallelConfig() async throws {
        let cli = CLI()
        let settings = [
            ("name", "Alex Doe"), ("signature", "Alex"), ("phone", "+1 555 0100"), ("address", "1 Elm St"),
            ("region", "US"),
            ("smtp.host", "mail.example.com"), ("smtp.user", "alex"), ("smtp.passwordEnv", "PW"),
            ("note.font", "/tmp/x.ttf"),
            ("sendmail.command", "/usr/sbin/sendmail"),
        ]
        // Each round a value of its own, valid for its setting (a country code, a server name).
        func value(_ key: String, _ base: String, _ round: Int) -> String {
            switch key {
            case "region": ["US", "GB", "DE"][round]
            case "smtp.host": "mail\(round).example.com"
            default: "\(base) \(round)"
            }
        }
        for round in 0..<3 {
            await withTaskGroup(of: Void.self) { group in
                for (key, base) in settings {
                    group.addTask { _ = try? cli.run(["config", "set", key, value(key, base, round)]) }
                }
            }
            let values = try #require(try cli.json(["config", "list"]) as? [String: String])
            for (key, base) in settings { #expect(values[key] == value(key, base, round), "round \(round): \(key)") }
        }
    }

    @Test("the data directory is the user's alone: 0700, its files 0600")
    func permissions() throws {
        let cli = CLI()
        try cli.run(["config", "set", "name", "Alex Doe"])
        try cli.run(["interview", "add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-26T14:00Z"])
        func mode(_ path: String) throws -> Int {
            ((try FileManager.default.attributesOfItem(atPath: path))[.posixPermissions] as? Int ?? 0) & 0o777
        }
        #expect(try mode(cli.home.path) == 0o700)
        for file in ["config.json", "afterword.sqlite"] {
            #expect(try mode(cli.home.appendingPathComponent(file).path) == 0o600, "\(file)")
        }
    }

    @Test("a damaged store gives one line of advice, not SQL")
    func damagedStore() throws {
        let cli = CLI()
        try cli.run(["interview", "add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-26T14:00Z"])
        let database = cli.home.appendingPathComponent("afterword.sqlite")
        // Keep SQLite's 100-byte header; damage the schema page after it.
        var bytes = try Data(contentsOf: database)
        for index in 100..<min(bytes.count, 4096) { bytes[index] = 0xA5 }
        try bytes.write(to: database)
        for name in ["afterword.sqlite-wal", "afterword.sqlite-shm"] {
            try? FileManager.default.removeItem(at: cli.home.appendingPathComponent(name))
        }
        let result = try cli.run(["interview", "list"])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(
            result.stderr.contains("damaged") || result.stderr.contains("not an Afterword database"), "\(result.stderr)"
        )
        #expect(!result.stderr.uppercased().contains("SELECT"), "\(result.stderr)")
    }

    @Test(
        "a store the user cannot write is still listed; a change is refused with one line of advice",
        .enabled(
            if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
            "needs root to act as another user"))
    func readOnlyStore() throws {
        // Given a store written by one user and readable, not writable, by another
        let cli = CLI()
        try cli.run(["interview", "add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-26T14:00Z"])
        let files = FileManager.default
        try files.setAttributes(
            [.posixPermissions: 0o444], ofItemAtPath: cli.home.appendingPathComponent("afterword.sqlite").path)
        try files.setAttributes([.posixPermissions: 0o555], ofItemAtPath: cli.home.path)
        defer { try? files.setAttributes([.posixPermissions: 0o700], ofItemAtPath: cli.home.path) }
        func asNobody(_ arguments: [String]) throws -> CLI.Result {
            try CLI.run(
                executable: URL(fileURLWithPath: "/usr/bin/setpriv"),
                ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary.path] + arguments, home: cli.home)
        }
        // (Where the build lies in a directory closed to other users, there is nothing to try.)
        guard try asNobody(["--help"]).status == 0 else { return }
        // When that user lists the interviews, then they are shown
        let listed = try asNobody(["interview", "list"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("Acme"))
        // And a change is refused in one line that says why
        let refused = try asNobody([
            "interview", "add", "--company", "Initech", "--role", "Engineer", "--at", "2026-11-26T14:00Z",
        ])
        #expect(refused.status != 0)
        #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("read-only"), "\(refused.stderr)")
    }

    @Test("records and settings are bounded and clean: over-long names and notes, line breaks or control characters where one line belongs, a country that is none")
    func boundedRecords() throws {
        let cli = CLI()
        try cli.run(["interview", "add", "--company", "Acme", "--role", "Analyst", "--at", "2026-11-26T14:00-05:00"])
        let long = try cli.run(["interviewer", "add", "1", "--name", String(repeating: "Dana ", count: 60)])
        #expect(long.status != 0 && long.stderr.contains("at most 200"), "\(long.stderr)")
        let notes = try cli.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--notes", String(repeating: "x", count: 20_001)])
        #expect(notes.status != 0 && notes.stderr.contains("at most 20000"), "\(notes.stderr)")
        #expect((try cli.json(["interviewer", "list"]) as? [[String: Any]])?.isEmpty == true)
        for (key, value, said) in [
            ("name", "Alex\nDoe", "one line"), ("smtp.host", "smtp.example.com\nRCPT TO:<x@y>", "one line"),
            ("smtp.host", "smtp example com", "not a server name"), ("region", "USA", "two-letter code"),
            ("name", "Alex\u{07}Doe", "control character"), ("signature", String(repeating: "line\n", count: 9), "at most 6"),
        ] {
            let result = try cli.run(["config", "set", key, value])
            #expect(result.status != 0 && result.stderr.contains(said), "\(key): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count <= 2, "\(result.stderr)")
        }
        #expect(try cli.run(["config", "set", "region", "gb"]).status == 0)
        #expect(try cli.run(["config", "get", "region"]).stdout.uppercased().contains("GB"))
    }
}
