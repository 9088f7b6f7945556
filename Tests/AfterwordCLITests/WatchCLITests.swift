import AfterwordTestSupport
import Foundation
import Testing

extension CLI {
    /// Runs at a given time and parses standard output as JSON.
    func json(_ arguments: [String], environment: [String: String]) throws -> Any {
        let result = try run(arguments + ["--json"], environment: environment)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }
}

/// `watch`, `openings` and `reconnect` through the real binary, against a real local board server.
@Suite(.serialized) struct WatchCLITests {
    static let thankYouTime = "2026-09-01T20:00:00Z"

    /// A home pointed at the board server, with an Acme interview (Dana thanked on 1 September, Sam not).
    func prepared(_ server: TestBoardServer) throws -> CLI {
        let cli = CLI()
        var settings = [("name", "Alex Doe"), ("email", "alex@example.com")]
        for provider in ["greenhouse", "lever", "ashby"] {
            settings.append(("watch.\(provider)", server.base(provider)))
        }
        for (key, value) in settings { #expect(try cli.run(["config", "set", key, value]).status == 0) }
        let at = ["AFTERWORD_NOW": Self.thankYouTime]
        try cli.run(
            [
                "interview", "add", "--company", "Acme Analytics", "--role", "Backend Engineer", "--at",
                "2026-09-01T10:00-04:00",
            ], environment: at)
        try cli.run(
            ["interviewer", "add", "1", "--name", "Dana Reyes", "--email", "dana@acmeanalytics.com"], environment: at)
        try cli.run(
            ["interviewer", "add", "1", "--name", "Sam Okafor", "--email", "sam@acmeanalytics.com"], environment: at)
        try cli.run(["draft", "1"], environment: at)
        let eml = try cli.file("thanks.eml", "")
        #expect(try cli.run(["send", "1", "--eml", eml], environment: at).status == 0)
        #expect(try cli.run(["send", "1", "--resolve", "delivered"], environment: at).status == 0)
        return cli
    }

    /// A Greenhouse board answer with these postings: (id, title).
    static func board(_ postings: [(Int, String)]) -> String {
        let jobs = postings.map { id, title in
            #"{"id": \#(id), "title": "\#(title)", "location": {"name": "Remote"}, "absolute_url": "https://boards.greenhouse.io/acme/jobs/\#(id)"}"#
        }
        return #"{"jobs": [\#(jobs.joined(separator: ", "))], "meta": {"total": \#(postings.count)}}"#
    }

    @Test("over two weeks of board reads: nothing is new on the first read; a later posting in your roles is, once, naming each person once")
    func newOpeningsOverTwoWeeks() throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        let cli = try prepared(server)
        try cli.run(["config", "set", "openings.roles", "engineer, platform"])
        func at(_ day: Int) -> [String: String] { ["AFTERWORD_NOW": "2026-10-\(String(format: "%02d", day))T12:00:00Z"] }
        try server.serve("greenhouse", "acme", json: Self.board([(1, "Senior Backend Engineer"), (2, "Account Executive")]))
        #expect(try cli.run(["watch", "add", "Acme Analytics", "https://boards.greenhouse.io/acme"], environment: at(1)).status == 0)
        #expect(try cli.run(["watch", "check"], environment: at(1)).status == 0)
        let first = try cli.run(["openings", "--new"], environment: at(1))
        #expect(first.stdout.contains("No new openings"), "the first read is what was there already: \(first.stdout)")

        // A week later the board lists a platform role and a sales role.
        try server.serve(
            "greenhouse", "acme",
            json: Self.board([(1, "Senior Backend Engineer"), (2, "Account Executive"), (3, "Platform Engineer"), (4, "Sales Development Rep")]))
        #expect(try cli.run(["watch", "check"], environment: at(8)).status == 0)
        let week = try cli.run(["openings", "--new"], environment: at(8))
        #expect(week.stdout.contains("Acme Analytics: Platform Engineer"), "\(week.stdout)")
        #expect(!week.stdout.contains("Sales Development"), "not a role of yours: \(week.stdout)")
        #expect(!week.stdout.contains("Senior Backend Engineer"), "listed on the first read: \(week.stdout)")
        #expect(week.stdout.components(separatedBy: "Dana Reyes").count == 2, "Dana once: \(week.stdout)")
        #expect(week.stdout.contains("thanked on 1 Sep"), "\(week.stdout)")
        #expect(!week.stdout.contains("Sam Okafor"), "Sam was never thanked: \(week.stdout)")

        // An interview at Acme again on 10 October: its openings wait while that application is open.
        try cli.run(["interview", "add", "--company", "Acme Analytics", "--role", "Staff Engineer", "--at", "2026-10-10T10:00-04:00"], environment: at(10))
        let held = try cli.run(["openings", "--new"], environment: at(14))
        #expect(held.stdout.contains("1 opening at Acme Analytics waits: you interviewed there on 10 Oct"), "\(held.stdout)")
        #expect(!held.stdout.contains("Platform Engineer"), "\(held.stdout)")
    }

    @Test("new openings appear linked to the interviewers there, with when they were met and thanked")
    func openingsLinkedToPeople() throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        let cli = try prepared(server)
        let later = ["AFTERWORD_NOW": "2026-09-20T12:00:00Z"]
        // Given Acme's Greenhouse board (written as the user names the company) and a Lever board of a company never met
        #expect(
            try cli.run(
                ["watch", "add", "Acme Analytics, Inc.", "https://boards.greenhouse.io/acme"], environment: later
            ).status == 0)
        let unknown = try cli.run(["watch", "add", "Globex", "https://jobs.lever.co/globex"], environment: later)
        #expect(unknown.status == 0)
        #expect(unknown.stderr.contains("nobody you met at \"Globex\" is on record"))
        // When the boards are checked
        let check = try cli.run(["watch", "check"], environment: later)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("#1 Acme Analytics, Inc.: 2 listed, 2 new"))
        #expect(check.stdout.contains("2 boards checked, 4 new openings"))
        // Then each opening lists who may remember the user there
        let openings = try #require(
            try cli.json(["openings", "--match", "engineer"], environment: later) as? [[String: Any]])
        #expect(openings.count == 3)
        let staff = try #require(openings.first { $0["title"] as? String == "Staff Software Engineer, Platform" })
        #expect(staff["company"] as? String == "Acme Analytics, Inc.")
        #expect(staff["location"] as? String == "Remote - US")
        #expect(staff["closedAt"] is NSNull)
        let people = try #require(staff["people"] as? [[String: Any]])
        #expect(Set(people.compactMap { $0["name"] as? String }) == ["Dana Reyes", "Sam Okafor"])
        let dana = try #require(people.first { $0["name"] as? String == "Dana Reyes" })
        #expect(dana["thanked"] as? String == Self.thankYouTime)
        #expect(dana["met"] as? String == "2026-09-01T14:00:00Z")
        #expect(people.first { $0["name"] as? String == "Sam Okafor" }?["thanked"] is NSNull)
        // Globex's openings have nobody on record
        let globex = try #require(openings.first { $0["company"] as? String == "Globex" })
        #expect((globex["people"] as? [Any])?.isEmpty == true)
        // Filtering by location
        let remote = try #require(
            try cli.json(["openings", "--location", "remote"], environment: later) as? [[String: Any]])
        #expect(
            Set(remote.compactMap { $0["title"] as? String }) == ["Staff Software Engineer, Platform", "Data Engineer"])
        // And the human list says it in words
        let text = try cli.run(["openings"], environment: later).stdout
        #expect(text.contains("may remember you: Dana Reyes (#1)"))
        #expect(text.contains("thank-you sent"))
    }

    @Test("a board that drops a posting: the posting is kept, marked closed; a new one is stored")
    func droppedPosting() throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        let cli = try prepared(server)
        try cli.run(["watch", "add", "Acme Analytics", "https://boards.greenhouse.io/acme"])
        #expect(try cli.run(["watch", "check"], environment: ["AFTERWORD_NOW": "2026-09-20T12:00:00Z"]).status == 0)
        // When the board drops the designer role and lists a new one
        try server.serve(
            "greenhouse", "acme",
            json: """
                {"jobs": [
                  {"id": 4012001, "title": "Staff Software Engineer, Platform", "location": {"name": "Remote - US"}, "absolute_url": "https://boards.greenhouse.io/acme/jobs/4012001", "updated_at": "2026-11-20T10:55:28-05:00"},
                  {"id": 4012003, "title": "Site Reliability Engineer", "location": {"name": "Denver, CO"}, "absolute_url": "https://boards.greenhouse.io/acme/jobs/4012003", "updated_at": "2026-11-22T10:00:00-05:00"}
                ], "meta": {"total": 2}}
                """)
        let check = try cli.run(["watch", "check"], environment: ["AFTERWORD_NOW": "2026-09-25T12:00:00Z"])
        #expect(check.stdout.contains("2 listed, 1 new, 1 closed"), "\(check.stdout)")
        let openings = try #require(try cli.json(["openings"]) as? [[String: Any]])
        #expect(openings.count == 3)
        #expect(openings.first?["title"] as? String == "Site Reliability Engineer")
        let designer = try #require(openings.first { $0["title"] as? String == "Product Designer" })
        #expect(designer["closedAt"] as? String == "2026-09-25T12:00:00Z")
        // An unchanged board is not read again (ETag), and nothing changes
        let again = try cli.run(["watch", "check"], environment: ["AFTERWORD_NOW": "2026-09-26T12:00:00Z"])
        #expect(again.stdout.contains("unchanged"))
        #expect((try cli.json(["openings"]) as? [Any])?.count == 3)
    }

    @Test("broken boards: a one-line error each in the check and the list, nothing stored from them, the others go on")
    func brokenBoards() throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        let cli = try prepared(server)
        for (company, url) in [
            ("Acme Analytics", "https://boards.greenhouse.io/acme"), ("Down Co", "https://boards.greenhouse.io/down"),
            ("Html Co", "https://jobs.lever.co/html"), ("Huge Co", "https://jobs.ashbyhq.com/huge"),
            ("Loop Co", "https://jobs.lever.co/loop"),
            ("Malformed Co", "https://jobs.ashbyhq.com/malformed"),
        ] {
            #expect(try cli.run(["watch", "add", company, url]).status == 0)
        }
        let check = try cli.run(["watch", "check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("Acme Analytics: 2 listed, 2 new"))
        #expect(check.stdout.contains("6 boards checked, 2 new openings, 5 failed"))
        for line in check.stdout.split(separator: "\n") where line.contains(" Co: ") {
            #expect(line.contains(": error: "))
        }
        #expect(check.stdout.contains("Huge Co: error: the board's answer is larger than"))
        #expect(check.stdout.contains("Html Co: error: the board answered with a web page"))
        #expect(check.stdout.contains("Loop Co: error: the board redirects in a loop"))
        let boards = try #require(try cli.json(["watch", "list"]) as? [[String: Any]])
        #expect(boards.filter { !($0["error"] is NSNull) }.count == 5)
        #expect(boards.first { $0["company"] as? String == "Acme Analytics" }?["open"] as? Int == 2)
        #expect((try cli.json(["openings"]) as? [Any])?.count == 2)
    }

    @Test("serve reads the watched boards when it starts, as `watch check` does")
    func servePolls() throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        let cli = try prepared(server)
        try cli.run(["watch", "add", "Acme Analytics", "https://boards.greenhouse.io/acme"])
        // When serve starts (reading boards every 6 hours, the first time at once)
        let serve = Process()
        serve.executableURL = CLI.binary
        serve.arguments = ["serve", "--port", "0", "--no-send-due", "--watch-every", "6h"]
        var environment = ProcessInfo.processInfo.environment
        environment["AFTERWORD_HOME"] = cli.home.path
        serve.environment = environment
        serve.standardOutput = FileHandle.nullDevice
        serve.standardError = FileHandle.nullDevice
        try serve.run()
        defer {
            kill(serve.processIdentifier, SIGINT)
            serve.waitUntilExit()
        }
        // Then the board's openings are stored without a `watch check`
        var openings: [Any] = []
        for _ in 0..<100 where openings.isEmpty {
            usleep(100_000)
            openings = (try cli.json(["openings"]) as? [Any]) ?? []
        }
        #expect(openings.count == 2)
        #expect(server.requests.count == 1)
    }

    @Test("an unreadable --watch-every is refused in one line")
    func badInterval() throws {
        let result = try CLI().run(["serve", "--port", "0", "--watch-every", "soon"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--watch-every: \"soon\" is not an interval"))
    }

    @Test("a board address that is none of the three is refused in one line")
    func badBoard() throws {
        let cli = CLI()
        let result = try cli.run(["watch", "add", "Acme", "https://acme.com/careers"])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("is not a Greenhouse, Lever, Ashby or SmartRecruiters job board"))
        #expect(try cli.run(["config", "set", "watch.lever", "ftp://x"]).status == 2)
        let opening = try cli.run(["reconnect", "first", "--to", "1"])
        #expect(opening.status == 2)
        #expect(opening.stderr == "error: the opening's id must be a positive number, not \"first\"; see `afterword openings`\n")
        let missing = try cli.run(["reconnect", "9", "--to", "1"])
        #expect(missing.stderr == "error: no opening with id 9; see `afterword openings` for the openings seen\n")
    }

    @Test("watch remove says which board it stopped watching; its openings go with it; an unknown id is refused in one line")
    func remove() throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        let cli = try prepared(server)
        #expect(try cli.run(["watch", "add", "Acme Analytics", "https://boards.greenhouse.io/acme"]).status == 0)
        #expect(try cli.run(["watch", "check"]).status == 0)
        #expect((try cli.json(["openings"]) as? [Any])?.count == 2)
        let removed = try cli.run(["watch", "remove", "1"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout == "Stopped watching #1 Acme Analytics (Greenhouse)\n")
        #expect(try cli.run(["watch", "list"]).stdout.contains("No boards watched yet"))
        #expect((try cli.json(["openings"]) as? [Any])?.count == 0)
        let again = try cli.run(["watch", "remove", "#1"])
        #expect(again.status != 0)
        #expect(again.stderr == "error: no board with id 1; see `afterword watch list`\n", "\(again.stderr)")
        #expect(try cli.run(["watch", "remove", "first"]).stderr.contains("board id must be a positive number"))
    }

    @Test("a SmartRecruiters board, its API set with watch.smartrecruiters, is read page after page to its last posting")
    func smartRecruiters() throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        let cli = try prepared(server)
        #expect(try cli.run(["config", "set", "watch.smartrecruiters", server.base("smartrecruiters")]).status == 0)
        let later = ["AFTERWORD_NOW": "2026-09-20T12:00:00Z"]
        let added = try cli.run(
            ["watch", "add", "Vandelay Industries", "https://jobs.smartrecruiters.com/VandelayIndustries"], environment: later)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("on SmartRecruiters (board \"VandelayIndustries\")"))
        let check = try cli.run(["watch", "check"], environment: later)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("230 listed, 230 new"), "\(check.stdout)")
        let openings = try #require(try cli.json(["openings"], environment: later) as? [[String: Any]])
        #expect(openings.count == 230)
        let list = try #require(try cli.json(["watch", "list"], environment: later) as? [[String: Any]])
        #expect(list.first?["provider"] as? String == "smartrecruiters")
        #expect(list.first?["url"] as? String == "https://jobs.smartrecruiters.com/VandelayIndustries")
        // Read again, all of it is asked again (a board in pages keeps no validators), and nothing is new
        let again = try cli.run(["watch", "check"], environment: ["AFTERWORD_NOW": "2026-09-21T12:00:00Z"])
        #expect(again.stdout.contains("230 listed, 0 new"), "\(again.stdout)")
    }

    @Test("suggestions come from the interviewers' e-mail domains, as guesses to confirm")
    func suggest() throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        let cli = try prepared(server)
        let text = try cli.run(["watch", "suggest"]).stdout
        #expect(text.contains("afterword watch add \"Acme Analytics\" https://boards.greenhouse.io/acmeanalytics"))
        #expect(text.contains("https://jobs.lever.co/acmeanalytics"))
        #expect(text.contains("https://jobs.ashbyhq.com/acmeanalytics"))
        try cli.run(["watch", "add", "Acme Analytics", "https://jobs.ashbyhq.com/acmeanalytics"])
        #expect(try cli.run(["watch", "suggest"]).stdout.contains("Nothing to suggest"))
    }

    @Test("reconnect limits over a calendar: only after a thank-you, not within 30 days of it, once per 90 days")
    func reconnectCalendar() throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        let cli = try prepared(server)
        try cli.run(["watch", "add", "Acme Analytics", "https://boards.greenhouse.io/acme"])
        try cli.run(["watch", "check"], environment: ["AFTERWORD_NOW": "2026-09-10T12:00:00Z"])
        func at(_ time: String) -> [String: String] { ["AFTERWORD_NOW": time] }
        // 19 days after the thank-you: too soon, it would read as a follow-up
        let early = try cli.run(["reconnect", "1", "--to", "1"], environment: at("2026-09-20T12:00:00Z"))
        #expect(early.status == 1)
        #expect(early.stderr.contains("less than 30 days ago"))
        #expect(early.stderr.contains("wait 12 more days"))
        // Sam never received a thank-you
        let cold = try cli.run(["reconnect", "1", "--to", "2"], environment: at("2026-10-05T12:00:00Z"))
        #expect(cold.status == 1)
        #expect(cold.stderr.contains("never received a thank-you"))
        // …and is told the command that says they were thanked another way.
        #expect(cold.stderr.contains("`afterword reconnect 1 --to 2 --mark-met`"), "\(cold.stderr)")
        // 34 days after: the note is composed, stored as a draft, and passes every check
        let note = try cli.run(["reconnect", "1", "--to", "1"], environment: at("2026-10-05T12:00:00Z"))
        #expect(note.status == 0, "\(note.stderr)")
        #expect(note.stdout.contains("Draft #3"))
        #expect(
            note.stdout.contains(
                "Thank you again for your time when we spoke in September about the Backend Engineer role."))
        #expect(note.stdout.contains("Staff Software Engineer, Platform position (Remote - US)"))
        #expect(note.stdout.contains("passes every check"))
        // And it leaves through the ledger like any draft, apart from the thank-you (AW-ONCE counts them apart)
        let eml = try cli.file("reconnect.eml", "")
        let sent = try cli.run(["send", "3", "--eml", eml], environment: at("2026-10-05T12:05:00Z"))
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(
            try cli.run(["send", "3", "--resolve", "delivered"], environment: at("2026-10-05T12:10:00Z")).status == 0)
        // The thank-you's status is untouched by the reconnect
        #expect(
            try cli.run(["status", "--days", "60"], environment: at("2026-10-05T12:10:00Z")).stdout.contains("Sent (1)")
        )
        // A second reconnect within 90 days, even about another opening, is refused
        let soon = try cli.run(["reconnect", "2", "--to", "1"], environment: at("2026-12-20T12:00:00Z"))
        #expect(soon.status == 1)
        #expect(soon.stderr.contains("at most one reconnect per person per 90 days"))
        // Sam, marked as met, may be written to
        let met = try cli.run(["reconnect", "2", "--to", "2", "--mark-met"], environment: at("2026-12-20T12:00:00Z"))
        #expect(met.status == 0, "\(met.stderr)")
        // A note written counts as a reconnect, sent or not: none to Sam about the other opening the next day
        let twice = try cli.run(["reconnect", "1", "--to", "2"], environment: at("2026-12-21T12:00:00Z"))
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("at most one reconnect per person per 90 days"))
        // Asking again about the same opening shows the note already written
        #expect(
            try cli.run(["reconnect", "2", "--to", "2"], environment: at("2026-12-21T12:00:00Z")).stdout.contains(
                "composed earlier"))
        // After 90 days Dana may hear about the other opening
        let spaced = try cli.run(["reconnect", "2", "--to", "1"], environment: at("2027-01-04T12:00:00Z"))
        #expect(spaced.status == 0, "\(spaced.stderr)")
    }
}
