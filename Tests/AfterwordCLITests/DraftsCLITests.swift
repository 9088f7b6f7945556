import Foundation
import Testing

/// The drafts a hiring manager is glad to get, and the guardrails around sending them (issue 12).
@Suite(.serialized) struct DraftsCLITests {
    static let readmeNotes = "We discussed the migration to Postgres. Priya showed me the on-call dashboard."

    /// A home with the user's name and one interview (Thursday 14:00 EST, ended an hour before the clock).
    func home(name: String? = "Alex Doe", notes: String = readmeNotes, at: String = "2026-11-26T14:00-05:00") throws
        -> CLI
    {
        let cli = CLI()
        if let name { try cli.run(["config", "set", "name", name]) }
        try cli.run(["config", "set", "email", "alex@example.com"])
        let added = try cli.run([
            "interview", "add", "--company", "Acme", "--role", "Backend Engineer", "--at", at, "--notes", notes,
        ])
        #expect(added.status == 0, "\(added.stderr)")
        return cli
    }

    func bodies(_ cli: CLI, _ arguments: [String] = ["draft", "1"]) throws -> [String] {
        let drafts = try #require(try cli.json(arguments) as? [[String: Any]])
        return drafts.map { $0["body"] as? String ?? "" }
    }

    @Test("the README's walk-through: the notes suggest each person's topic, the user confirms it, each hears their own")
    func readmeWalkThrough() throws {
        let cli = try home()
        try cli.run([
            "interviewer", "add", "1", "--name", "Dana Whitfield", "--honorific", "Ms.", "--email", "dana@acme.com",
        ])
        try cli.run(["interviewer", "add", "1", "--name", "Priya Natarajan", "--email", "priya@acme.com"])
        // Before any topic: short, general drafts that say nothing from the notes, and a hint with the suggestions
        let plain = try cli.run(["draft", "1"])
        #expect(!plain.stdout.contains("Postgres") || plain.stdout.contains("from your notes: 'the migration to Postgres'"), "\(plain.stdout)")
        #expect(plain.stdout.contains("from your notes: 'the on-call dashboard' (for Priya)"), "\(plain.stdout)")
        let suggested = try #require(try cli.json(["draft", "1", "--suggest"]) as? [[String: Any]])
        #expect(suggested[1]["suggestions"] as? [String] == ["the on-call dashboard", "the migration to Postgres"], "\(suggested)")
        // A note pasted as a topic is refused, with how to write it
        let pasted = try cli.run(["interviewer", "edit", "2", "--topic", "Priya showed me the on-call dashboard."])
        #expect(pasted.status != 0 && pasted.stderr.contains("our conversation about"), "\(pasted.stderr)")
        let named = try cli.run(["interviewer", "edit", "2", "--topic", "Dana's migration plan"])
        #expect(named.status != 0 && named.stderr.contains("Dana Whitfield"), "\(named.stderr)")
        #expect(try cli.run(["interviewer", "edit", "1", "--topic", "the migration to Postgres"]).status == 0)
        #expect(try cli.run(["interviewer", "edit", "2", "--topic", "the on-call dashboard"]).status == 0)
        let drafts = try bodies(cli, ["draft", "1", "--recompose"])
        #expect(drafts[0].hasPrefix("Dear Dana,\n"), "a panel is greeted with one formality: \(drafts[0])")
        #expect(drafts[0].contains("the migration to Postgres") && !drafts[0].contains("dashboard"), "\(drafts[0])")
        #expect(drafts[1].hasPrefix("Dear Priya,\n"), "\(drafts[1])")
        #expect(drafts[1].contains("the on-call dashboard") && !drafts[1].contains("Postgres"), "\(drafts[1])")
        #expect(drafts.allSatisfy { !$0.contains(": ") && $0.hasSuffix("Alex Doe\n") })
        let shown = try cli.run(["interview", "show", "1"]).stdout
        #expect(shown.contains("topic: \"the on-call dashboard\""), "\(shown)")

        try cli.run(["interviewer", "edit", "2", "--honorific", "Dr."])
        #expect(try bodies(cli, ["draft", "1", "--recompose"]).map { String($0.prefix { $0 != "\n" }) } == ["Dear Ms. Whitfield,", "Dear Dr. Natarajan,"])
        #expect(try cli.run(["config", "set", "greeting", "first-name"]).status == 0)
        #expect(try bodies(cli, ["draft", "1", "--recompose"])[0].hasPrefix("Dear Dana,\n"))
        let wrong = try cli.run(["config", "set", "greeting", "casual"])
        #expect(wrong.status != 0 && wrong.stderr.contains("formal or first-name"))
    }

    @Test("an earlier version of a person's draft is never AW-DISTINCT from their newer one")
    func ownVersions() throws {
        let cli = try home(notes: "")
        try cli.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.com", "--topic", "the billing migration"])
        try cli.run(["interviewer", "add", "1", "--name", "Priya Natarajan", "--email", "priya@acme.com"])
        try cli.run(["draft", "1"])
        try cli.run(["draft", "1", "--recompose"])
        let earlier = try #require(try cli.json(["draft", "show", "1"]) as? [String: Any])
        let rules = (earlier["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(!rules.contains("AW-DISTINCT"), "\(rules)")
    }

    @Test("an imported invite's description is kept as invite details, searchable, and never reaches a draft")
    func inviteDetails() throws {
        let cli = CLI()
        try cli.run(["config", "set", "name", "Alex Doe"])
        try cli.run(["config", "set", "email", "alex@example.com"])
        let invite = try cli.file("teams.ics", """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:Microsoft Exchange Server 2010\r
            BEGIN:VEVENT\r
            UID:teams-1\r
            SUMMARY:Interview: Data Analyst at Northwind\r
            DTSTART:20261124T190000Z\r
            DTEND:20261124T200000Z\r
            ORGANIZER;CN=Dana Whitfield:mailto:dana@northwind.com\r
            ATTENDEE;CN=Dana Whitfield;ROLE=REQ-PARTICIPANT:mailto:dana@northwind.com\r
            ATTENDEE;CN=Alex Doe;ROLE=REQ-PARTICIPANT:mailto:alex@example.com\r
            DESCRIPTION:Your interviewers today will be you (Director) and your colleague (Principal Engineer).\\n\r
             ________________\\nMicrosoft Teams meeting\\nJoin on your computer\\, mobile app or room device\\nClick \r
             here to join the meeting\\nMeeting ID: 245 123 456 789\\nPasscode: aB3dE4\\n\r
            END:VEVENT\r
            END:VCALENDAR\r

            """)
        #expect(try cli.run(["interview", "import", invite]).status == 0)
        let shown = try cli.run(["interview", "show", "1"]).stdout
        #expect(shown.contains("Invite details") && shown.contains("Meeting ID"), "\(shown)")
        #expect(try cli.run(["interview", "list", "--search", "principal engineer"]).stdout.contains("Northwind"))
        #expect(!(try cli.run(["interview", "list", "--search", "kubernetes"]).stdout.contains("Northwind")))
        let body = try bodies(cli)[0]
        for leaked in ["interviewers today", "Teams", "Meeting ID", "Passcode", "Director", "(", "colleague"] {
            #expect(!body.contains(leaked), "\(leaked): \(body)")
        }
        // The user's own notes are kept whole, even with words that look like a calendar's
        #expect(try cli.run(["interview", "edit", "1", "--notes", "Teams rollout to 40 stores; calendar sync for drivers"]).status == 0)
        #expect(try cli.run(["interview", "show", "1"]).stdout.contains("Teams rollout to 40 stores"))
    }

    @Test("a hand-edited draft that says \"today\" is refused for a later day (AW-WHEN); Afterword's own wording is made true")
    func dayWords() throws {
        let cli = try home(notes: "")
        try cli.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.com"])
        try cli.run(["config", "set", "smtp.host", "127.0.0.1"])
        // Composed an hour after a Thursday interview, within business hours: it leaves today and says so
        let composed = try bodies(cli)[0]
        #expect(composed.contains("today"), "\(composed)")
        // Read on Monday, Afterword's own wording says "on Thursday"
        let monday = ["AFTERWORD_NOW": "2026-11-30T15:00:00Z"]
        let shown = try cli.run(["draft", "1", "--json"], environment: monday)
        #expect(shown.stdout.contains("on Thursday") && !shown.stdout.contains("today"), "\(shown.stdout)")
        // A letter edited by hand is checked, never rewritten
        let edited = composed.replacingOccurrences(of: "Best regards", with: "Warm regards")
        let file = try cli.file("edited.txt", "To: Dana Whitfield <dana@acme.com>\nSubject: Thank you\n\n" + edited)
        let checked = try cli.run(
            ["check", file, "--interview-at", "2026-11-26T14:00-05:00", "--send-at", "2026-11-30T09:00-05:00"])
        #expect(checked.status == 1 && checked.stdout.contains("AW-WHEN"), "\(checked.stdout)")
        let sameDay = try cli.run(
            ["check", file, "--interview-at", "2026-11-26T14:00-05:00", "--send-at", "2026-11-26T17:00-05:00"])
        #expect(!sameDay.stdout.contains("AW-WHEN"), "\(sameDay.stdout)")
    }

    @Test(
        "a ten-person panel gets ten drafts that `check` finds distinct, and per-person notes beginning with \"-\" work"
    )
    func tenPersonPanel() throws {
        let cli = try home(notes: "")
        let names = [
            "Dana Whitfield", "Priya Natarajan", "Zoë Ångström", "Mei Lin", "Rafael Souza", "Siobhán O'Neil",
            "Jean-Luc Moreau",
            "Oluwaseun Adeyemi", "Hank Thompson", "Grace Park",
        ]
        let topics = [
            "the churn model", "the move from Airflow to Dagster", "your new spectrometer", "the 2027 roadmap", "embedded systems",
            "pricing, packaging and billing", "the readmission dashboard", "the ICU's staffing model", "accessibility audits",
            "the São Paulo launch",
        ]
        for (index, name) in names.enumerated() {
            let added = try cli.run([
                "interviewer", "add", "1", "--name", name, "--email", "p\(index)@acme.com", "--topic", topics[index],
            ])
            #expect(added.status == 0, "\(added.stderr)")
        }
        let edited = try cli.run([
            "interviewer", "edit", "1", "--notes", "- churn model uses XGBoost, retrained weekly",
        ])
        #expect(edited.status == 0, "\(edited.stderr)")
        let composed = try cli.run(["draft", "1"])
        #expect(composed.status == 0)
        #expect(!composed.stdout.contains("AW-DISTINCT"), "\(composed.stdout)")
        #expect(composed.stdout.contains("the churn model.") && !composed.stdout.contains("XGBoost"), "\(composed.stdout)")
        var files: [String] = []
        for id in 1...10 {
            files.append(try cli.file("draft-\(id).txt", try cli.run(["draft", "show", "\(id)"]).stdout))
        }
        let checked = try cli.run(["check"] + files + ["--company", "Acme"])
        #expect(checked.status == 0, "\(checked.stdout)")
        #expect(!checked.stdout.contains("AW-DISTINCT"))
    }

    @Test("an unsigned draft is an error and cannot be sent; once the name is set, the draft is signed")
    func unsigned() throws {
        let cli = try home(name: nil)
        try cli.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.com"])
        let composed = try cli.run(["draft", "1"])
        #expect(composed.stdout.contains("AW-NAMES") && composed.stdout.contains("unsigned"), "\(composed.stdout)")
        let refused = try cli.run(["send", "1", "--now"])
        #expect(refused.status == 2 && refused.stderr.contains("AW-NAMES"), "\(refused.stderr)")
        try cli.run(["config", "set", "name", "Alex Doe"])
        let shown = try cli.run(["draft", "show", "1"])
        #expect(shown.stdout.hasSuffix("Best regards,\nAlex Doe\n"), "\(shown.stdout)")
        #expect(!(try cli.run(["draft", "1"]).stdout.contains("unsigned")))
    }

    @Test("before the interview has ended nothing leaves; a past --at is an error; status lists it as upcoming")
    func beforeTheInterview() throws {
        let cli = try home(at: "2026-11-27T14:00-05:00")
        try cli.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.com"])
        try cli.run(["draft", "1"])
        let now = try cli.run(["send", "1", "--now"])
        #expect(now.status == 2 && now.stderr.contains("the interview ends at Fri 27 Nov 2026 15:00"), "\(now.stderr)")
        let past = try cli.run(["send", "1", "--at", "2026-11-26T10:00Z"])
        #expect(past.status == 2 && past.stderr.contains("has already passed"), "\(past.stderr)")
        let status = try cli.run(["status"]).stdout
        #expect(status.contains("Upcoming (1)") && status.contains("Needs a thank-you (0)"), "\(status)")
        #expect(!status.contains("left of 24"))
    }

    @Test("a schedule nobody sends shows as overdue to leave; the Friday rule reads \"due by Fri 23:59\"")
    func overdueSchedule() throws {
        let cli = try home(at: "2026-11-27T10:00-05:00")
        for (key, value) in [("smtp.host", "127.0.0.1"), ("smtp.port", "9"), ("smtp.security", "none")] {
            try cli.run(["config", "set", key, value])
        }
        try cli.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.com"])
        try cli.run(["draft", "1"])
        let friday = ["AFTERWORD_NOW": "2026-11-27T16:00:00Z"]
        #expect(try cli.run(["status"], environment: friday).stdout.contains("due by Fri 23:59"))
        let scheduled = try cli.run(["send", "1", "--at", "2026-11-27T17:00:00Z"], environment: friday)
        #expect(scheduled.status == 0, "\(scheduled.stderr)")
        #expect(scheduled.stdout.contains("afterword send --due") && scheduled.stdout.contains("afterword serve"))
        let later = try cli.run(["status"], environment: ["AFTERWORD_NOW": "2026-11-27T19:00:00Z"]).stdout
        #expect(later.contains("overdue to leave — run `afterword send --due` or start `afterword serve`"), "\(later)")
    }

    @Test("status marks a draft that breaks a rule; draft --edit exits 1 while errors remain")
    func errorsVisibleEarly() throws {
        let cli = try home()
        try cli.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.com"])
        let editor = try cli.file("editor.sh", "#!/bin/sh\nsed -i 's/^Dear Dana,/Dear Dara,/' \"$1\"\n")
        chmod(editor, 0o755)
        let edited = try cli.run(["draft", "1", "--edit"], environment: ["EDITOR": editor])
        #expect(edited.status == 1, "\(edited.stdout)\(edited.stderr)")
        #expect(edited.stderr.contains("--edit"))
        #expect(try cli.run(["status"]).stdout.contains("breaks AW-NAMES"))
    }

    @Test(
        "remove an interviewer or an interview; refused once the ledger holds a thank-you; draft list names the sent one"
    )
    func removeAndList() throws {
        let cli = try home()
        try cli.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.com"])
        try cli.run(["interviewer", "add", "1", "--name", "Priya Natarajan", "--email", "priya@acme.com"])
        try cli.run(["draft", "1"])
        let eml = try cli.file("out.eml", "")
        #expect(try cli.run(["send", "1", "--eml", eml]).status == 0)
        #expect(try cli.run(["send", "1", "--resolve", "delivered"]).status == 0)
        try cli.run(["draft", "1", "--recompose"])
        let listed = try cli.run(["draft", "list", "--interview", "1"]).stdout
        #expect(listed.contains("#1  interview #1  e-mail to Dana Whitfield") && listed.contains("sent"), "\(listed)")
        #expect(try cli.run(["status"]).stdout.contains("Sent (1)"))
        let sentRow = try #require(try cli.json(["status"]) as? [String: Any])
        #expect(((sentRow["sent"] as? [[String: Any]])?.first?["draftId"] as? Int) == 1)

        let keep = try cli.run(["interviewer", "remove", "1"])
        #expect(keep.status == 2 && keep.stderr.contains("ledger"), "\(keep.stderr)")
        #expect(try cli.run(["interview", "remove", "1"]).stderr.contains("stays"))
        #expect(try cli.run(["interviewer", "remove", "2"]).status == 0)
        #expect(!(try cli.run(["interview", "show", "1"]).stdout.contains("#2 Priya")))

        try cli.run(["interview", "add", "--company", "Initech", "--role", "SRE", "--at", "2026-11-25T10:00Z"])
        #expect(try cli.run(["interview", "remove", "2"]).status == 0)
        #expect(try cli.run(["interview", "show", "2"]).status != 0)
    }

    @Test("importing an invite never makes the user an interviewer, and needs to know who the user is")
    func importNeverAddsTheUser() throws {
        let cli = CLI()
        let invite = try cli.file(
            "invite.ics",
            """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            BEGIN:VEVENT\r
            UID:1@acme.com\r
            DTSTART:20261126T190000Z\r
            DTEND:20261126T200000Z\r
            SUMMARY:Interview: Backend Engineer at Acme\r
            ORGANIZER;CN=Dana Whitfield:mailto:dana@acme.com\r
            ATTENDEE;CN=Alex Doe:mailto:alex.personal@example.org\r
            ATTENDEE;CN=Dana Whitfield:mailto:dana@acme.com\r
            END:VEVENT\r
            END:VCALENDAR\r

            """)
        let refused = try cli.run(["interview", "import", invite])
        #expect(refused.status == 2 && refused.stderr.contains("config set email"), "\(refused.stderr)")
        try cli.run(["config", "set", "name", "Alex Doe"])
        let imported = try cli.run(["interview", "import", invite])
        #expect(imported.status == 0, "\(imported.stderr)")
        let shown = try cli.run(["interview", "show", "1"]).stdout
        #expect(shown.contains("Dana Whitfield") && !shown.contains("Alex Doe"), "\(shown)")
    }
}
