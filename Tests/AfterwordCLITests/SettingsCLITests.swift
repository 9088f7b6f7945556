import Foundation
import Testing

/// Settings as a user meets them: one list behind `config set`, `config list`, `config get` and `--help`.
@Suite("Settings on the command line")
struct SettingsCLITests {
    @Test("config list shows every setting: its value, else the default that applies, else (not set)")
    func listShowsDefaults() throws {
        let cli = CLI()
        try cli.run(["config", "set", "smtp.timeout", "15"])
        let lines = try cli.run(["config", "list"]).stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("smtp.timeout = 15"))
        #expect(lines.contains("smtp.attempts = 3 (default)"))
        #expect(lines.contains("region = US (default)"))
        #expect(lines.contains("greeting = formal (default)"))
        #expect(lines.contains("sendmail.command = /usr/sbin/sendmail (default)"))
        #expect(lines.contains("watch.lever = https://api.lever.co/v0/postings (default)"))
        #expect(lines.contains("smtp.host = (not set)"))
        // JSON holds only what the user set: a script sees their own choices.
        let values = try #require(try cli.json(["config", "list"]) as? [String: String])
        #expect(values == ["smtp.timeout": "15"])
    }

    @Test("every setting `config list` shows is explained, with its default, in `config --help`")
    func helpListsEverySetting() throws {
        let cli = CLI()
        let help = try cli.run(["config", "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        let names = try cli.run(["config", "list"]).stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(names.count >= 20)
        for name in names { #expect(help.contains("\(name) ("), "\(name) is not in config --help") }
        #expect(help.contains("smtp.timeout (seconds each stage of the conversation may take (default: 60))"))
    }

    @Test("a value a setting cannot take is refused with what to write, and nothing is stored")
    func badValuesAreRefused() throws {
        let cli = CLI()
        let cases: [(key: String, value: String, says: String)] = [
            ("smtp.timeout", "soon", "smtp.timeout: \"soon\" is not a number from 1 to"),
            ("smtp.port", "70000", "smtp.port: \"70000\" is not a number from 1 to 65535"),
            ("smtp.security", "ssl", "smtp.security: \"ssl\" is not one of starttls, tls, none"),
            ("transport", "pigeon", "transport: \"pigeon\" is not smtp or sendmail"),
            ("greeting", "hey", "greeting: \"hey\" is not formal or first-name"),
            ("timezone", "Mars/Olympus", "timezone: \"Mars/Olympus\" is not a time zone"),
            ("email", "me at home", "email: \"me at home\" is not an e-mail address"),
            ("watch.ashby", "ftp://x", "watch.ashby: \"ftp://x\" is not an http(s) address"),
        ]
        for (key, value, says) in cases {
            let result = try cli.run(["config", "set", key, value])
            #expect(result.status == 2, "\(key)")
            #expect(result.stderr.contains(says), "\(key): \(result.stderr)")
        }
        let values = try #require(try cli.json(["config", "list"]) as? [String: String])
        #expect(values.isEmpty)
    }

    @Test("a misspelt setting is named with the list of known ones; a password is never stored")
    func unknownAndPassword() throws {
        let cli = CLI()
        let misspelt = try cli.run(["config", "set", "smtp.hots", "mail.example.com"])
        #expect(misspelt.status == 2)
        #expect(misspelt.stderr.contains("unknown setting \"smtp.hots\"; known settings: name, email"), "\(misspelt.stderr)")
        let password = try cli.run(["config", "set", "smtp.password", "hunter2"])
        #expect(password.status == 2)
        #expect(password.stderr.contains("passwords are never stored"))
        let saved = (try? String(contentsOf: cli.home.appendingPathComponent("config.json"), encoding: .utf8)) ?? ""
        #expect(!saved.contains("hunter2"))
        let unset = try cli.run(["config", "get", "smtp.host"])
        #expect(unset.status == 1)
        #expect(unset.stderr == "error: smtp.host is not set; set it with `afterword config set smtp.host …` (or on the Settings page)\n")
    }

    @Test("a refusal says what to do as a command: the remedy is rendered by the command line")
    func remediesAreCommands() throws {
        let cli = CLI()
        let missing = try cli.run(["interview", "show", "7"])
        #expect(missing.stderr == "error: no interview with id 7; see `afterword interview list`\n")
        try cli.run(["interview", "add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-26T14:00Z"])
        let empty = try cli.run(["draft", "1"])
        #expect(empty.stderr == "error: interview #1 has no interviewers yet; add them with `afterword interviewer add 1 --name …`\n")
        let noDraft = try cli.run(["send", "3"])
        #expect(noDraft.stderr == "error: no draft with id 3; see `afterword draft list` for the drafts you have\n")
    }
}
