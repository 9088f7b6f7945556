import AfterwordTestSupport
import Foundation
import Testing

/// A career centre on a throwaway PostgreSQL cluster: two seekers, two coaches in different groups and an
/// admin, made with the CLI; every command and every web route tried across accounts.
@Suite(.serialized) struct CentreCLITests {
    /// The people of the centre, with their passwords.
    static let people: [(email: String, name: String, role: String, group: String?, coach: String?, password: String)] = [
        ("cory@uni.edu", "Cory Coach", "coach", "MBA 2027", nil, "coach-cory-pass"),
        ("cleo@uni.edu", "Cleo Coach", "coach", "CS 2027", nil, "coach-cleo-pass"),
        ("sam@uni.edu", "Sam Seeker", "seeker", "MBA 2027", "cory@uni.edu", "seeker-sam-pass"),
        ("tia@uni.edu", "Tia Student", "seeker", "CS 2027", nil, "seeker-tia-pass"),
    ]

    /// A new centre: its database's environment and the CLI, with Sam's interview, person and draft.
    private func centre(review: Bool = false) throws -> (CLI, [String: String]) {
        let cli = CLI()
        let env = ["AFTERWORD_DATABASE": try TestPostgres.shared().database()]
        let made = try cli.run(["centre", "init", "--email", "ada@uni.edu", "--name", "Ada Admin"], stdin: "admin-ada-pass\n", environment: env)
        #expect(made.status == 0, "\(made.stderr)")
        for person in Self.people {
            var arguments = ["centre", "user", "add", person.email, "--name", person.name, "--role", person.role]
            if let group = person.group { arguments += ["--group", group] }
            if let coach = person.coach { arguments += ["--coach", coach] }
            let added = try cli.run(arguments, stdin: person.password + "\n", environment: env)
            #expect(added.status == 0, "\(added.stderr)")
        }
        if review { #expect(try cli.run(["centre", "set", "centre.review", "required"], environment: env).status == 0) }
        for arguments in [
            ["config", "set", "name", "Sam Seeker"], ["config", "set", "email", "sam@uni.edu"],
            ["interview", "add", "--company", "Northwind", "--role", "Pricing Analyst", "--at", "2026-11-26T10:00-05:00", "--notes", "the pricing model"],
            ["interviewer", "add", "1", "--name", "Priya Ramaswamy", "--email", "priya@northwind.example", "--topic", "the pricing model"],
            ["draft", "compose", "1"],
        ] {
            let done = try cli.run(["--as", "sam@uni.edu"] + arguments, environment: env)
            #expect(done.status == 0, "\(arguments): \(done.stderr)")
        }
        return (cli, env)
    }

    @Test("accounts from the CLI; a seeker's records are theirs alone; --as is audited; a plain command on a centre's database is refused")
    func accountsAndScoping() throws {
        let (cli, env) = try centre()
        // The passwords never travel as arguments: there is no such option.
        let withArgument = try cli.run(["centre", "user", "add", "x@uni.edu", "--name", "X", "--role", "seeker", "--password", "secret-pass-1"], environment: env)
        #expect(withArgument.status != 0)
        let list = try cli.run(["centre", "user", "list"], environment: env)
        #expect(list.stdout.contains("seeker  Sam Seeker <sam@uni.edu>, group MBA 2027, coach Cory Coach"), "\(list.stdout)")
        #expect(!list.stdout.contains("pass"))

        // An admin moves a seeker to another coach.
        let moved = try cli.run(["centre", "user", "edit", "tia@uni.edu", "--coach", "cory@uni.edu"], environment: env)
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(try cli.run(["centre", "user", "list"], environment: env).stdout.contains("Tia Student <tia@uni.edu>, group CS 2027, coach Cory Coach"))
        #expect(try cli.run(["centre", "user", "edit", "tia@uni.edu", "--coach", "ada@uni.edu"], environment: env).stderr.contains("is not a coach"))

        // Tia sees nothing of Sam's: not his interview, his person, his draft or his ledger.
        for arguments in [["interview", "list"], ["interviewer", "list"], ["draft", "list"], ["status"], ["export"]] {
            let seen = try cli.run(["--as", "tia@uni.edu"] + arguments, environment: env)
            #expect(seen.status == 0, "\(arguments): \(seen.stderr)")
            #expect(!(seen.stdout + seen.stderr).contains("Priya") && !(seen.stdout + seen.stderr).contains("Northwind"), "\(arguments): \(seen.stdout)")
        }
        let other = try cli.run(["--as", "tia@uni.edu", "draft", "show", "1"], environment: env)
        #expect(other.status == 2 && !other.stdout.contains("Priya"), "\(other.stdout)\(other.stderr)")
        #expect(try cli.run(["--as", "sam@uni.edu", "draft", "show", "1"], environment: env).stdout.contains("Priya"))

        // Without --as, a centre's database is nobody's: refused with what to do.
        let plain = try cli.run(["status"], environment: env)
        #expect(plain.status == 2 && plain.stderr.contains("--as"), "\(plain.stderr)")
        let coach = try cli.run(["--as", "cory@uni.edu", "status"], environment: env)
        #expect(coach.status == 2 && coach.stderr.contains("not a seeker"), "\(coach.stderr)")
        let nobody = try cli.run(["--as", "nobody@uni.edu", "status"], environment: env)
        #expect(nobody.status == 2 && nobody.stderr.contains("no account for nobody@uni.edu"), "\(nobody.stderr)")

        // A seeker's settings may not make the shared server run a command or read its secrets.
        let command = try cli.run(["--as", "sam@uni.edu", "config", "set", "smtp.passwordCommand", "cat /etc/shadow"], environment: env)
        #expect(command.status == 2 && command.stderr.contains("cannot be set on a career centre"), "\(command.stderr)")
        let variable = try cli.run(["--as", "sam@uni.edu", "config", "set", "smtp.passwordEnv", "PGPASSWORD"], environment: env)
        #expect(variable.status == 2)
        for (key, value) in [("watch.greenhouse", "http://127.0.0.1:9/v1/boards"), ("imap.host", "10.0.0.1"), ("note.font", "/etc/passwd"), ("smtp.host", "10.0.0.1")] {
            let refused = try cli.run(["--as", "sam@uni.edu", "config", "set", key, value], environment: env)
            #expect(refused.status == 2 && refused.stderr.contains("cannot be set"), "\(key): \(refused.stderr)")
        }

        // Every --as is in Sam's audit trail, by the operator.
        let audit = try cli.run(["centre", "audit", "--seeker", "sam@uni.edu", "--json"], environment: env)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]], "\(audit.stdout)")
        #expect(rows.contains { ($0["what"] as? String) == "ran `afterword draft compose` as them" && ($0["actorRole"] as? String) == "operator" })
        #expect(rows.allSatisfy { ($0["subjectId"] as? Int) == rows.first?["subjectId"] as? Int })
    }

    @Test("the centre's server sends nothing in a seeker's name: no mail settings, no SMTP, unless the centre allows the seeker's own")
    func delivery() throws {
        let (cli, env) = try centre()
        let server = try TestMailServer()
        defer { server.stop() }
        let setting = try cli.run(["--as", "sam@uni.edu", "config", "set", "smtp.host", "127.0.0.1"], environment: env)
        #expect(setting.status == 2 && setting.stderr.contains("does not send mail in your name"), "\(setting.stderr)")
        let refused = try cli.run(["--as", "sam@uni.edu", "send", "1", "--now"], environment: env)
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(server.received.isEmpty)

        // Where the centre allows it, the operator sends through the seeker's own mail server, once.
        #expect(try cli.run(["centre", "set", "centre.ownSMTP", "allowed"], environment: env).status == 0)
        for (key, value) in [("smtp.host", "127.0.0.1"), ("smtp.port", "\(server.port)"), ("smtp.security", "none")] {
            let set = try cli.run(["--as", "sam@uni.edu", "config", "set", key, value], environment: env)
            #expect(set.status == 0, "\(set.stderr)")
        }
        let sent = try cli.run(["--as", "sam@uni.edu", "send", "1", "--now"], environment: env)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(server.received.count == 1)
        #expect(try cli.run(["--as", "sam@uni.edu", "send", "1", "--now"], environment: env).status != 0)
        #expect(server.received.count == 1)
    }

    @Test("removing a seeker deletes every record of theirs from the database, and the audit trail says it happened")
    func removal() throws {
        let (cli, env) = try centre()
        let url = try #require(env["AFTERWORD_DATABASE"])
        let before = try dump(url)
        #expect(before.contains("Priya Ramaswamy") && before.contains("sam@uni.edu"))
        #expect(try cli.run(["centre", "user", "remove", "sam@uni.edu"], environment: env).status == 2)
        let removed = try cli.run(["centre", "user", "remove", "sam@uni.edu", "--yes"], environment: env)
        #expect(removed.status == 0, "\(removed.stderr)")
        let after = try dump(url)
        for trace in ["Priya Ramaswamy", "sam@uni.edu", "Sam Seeker", "Northwind", "pricing model", "priya@northwind.example"] {
            #expect(!after.contains(trace), "\(trace) is still in the database")
        }
        #expect(!FileManager.default.fileExists(atPath: cli.home.appendingPathComponent("centre/seeker-4").path))
        let audit = try cli.run(["centre", "audit"], environment: env)
        #expect(audit.stdout.contains("removed seeker account #4 and all of its data"), "\(audit.stdout)")
        #expect(try cli.run(["--as", "tia@uni.edu", "status"], environment: env).status == 0)
    }

    /// Every row of the database, as pg_dump writes it.
    private func dump(_ url: String) throws -> String {
        let postgres = try TestPostgres.shared()
        let result = try CLI.run(
            executable: URL(fileURLWithPath: "/usr/lib/postgresql/15/bin/pg_dump"),
            ["--data-only", "--dbname", url.replacingOccurrences(of: "?sslmode=disable", with: "")], home: CLI().home)
        #expect(result.status == 0, "pg_dump on port \(postgres.port): \(result.stderr)")
        return result.stdout
    }

    // MARK: The web

    @Test("every web route across accounts: 403 or 404, never another's data, never a 500")
    func routesAcrossAccounts() throws {
        let (cli, env) = try centre()
        let served = try CentreServer(cli: cli, environment: env)
        defer { served.stop() }
        let sam = try served.signIn("sam@uni.edu", "seeker-sam-pass")
        let tia = try served.signIn("tia@uni.edu", "seeker-tia-pass")
        let cory = try served.signIn("cory@uni.edu", "coach-cory-pass")
        let cleo = try served.signIn("cleo@uni.edu", "coach-cleo-pass")
        let ada = try served.signIn("ada@uni.edu", "admin-ada-pass")
        #expect(try sam.get("/").body.contains("Priya Ramaswamy"))
        #expect(try cory.get("/centre").body.contains("Sam Seeker"))
        // A change from another process shows on the next page, though the pages are kept between changes.
        #expect(!(try sam.get("/").body.contains("Contoso")))
        let added = try cli.run(
            ["--as", "sam@uni.edu", "interview", "add", "--company", "Contoso", "--role", "Analyst", "--at", "2026-11-25T10:00-05:00"], environment: env)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try sam.get("/").body.contains("Contoso"))
        #expect(try cory.get("/centre/seekers/4").body.contains("Priya Ramaswamy"))
        #expect(try cory.get("/centre/seekers/4/drafts/1").body.contains("Dear Priya"))

        let seekerPages = [
            "/", "/interviews", "/interviews/1", "/interviews/1/reminder.ics", "/drafts/1", "/people", "/people/contacts.vcf", "/interviewers/1",
            "/openings", "/check", "/settings", "/export", "/import", "/seen",
        ]
        let centrePages = ["/centre", "/centre/cohort.csv", "/centre/accounts", "/centre/seekers/4", "/centre/seekers/4/drafts/1"]
        let secrets = ["Priya Ramaswamy", "Northwind", "priya@northwind.example"]
        for (who, session) in [("tia", tia), ("cleo", cleo)] {
            for path in seekerPages + centrePages {
                let page = try session.get(path)
                #expect(page.status != 500, "\(who) \(path)")
                #expect(!secrets.contains { page.body.contains($0) }, "\(who) saw Sam's data at \(path): \(page.status)")
            }
        }
        for path in centrePages {
            let page = try sam.get(path)
            #expect(page.status == 403 || page.status == 404, "sam \(path): \(page.status)")
        }
        for path in seekerPages where path != "/" {
            #expect([404, 303].contains(try cory.get(path).status), "a coach at \(path)")
        }
        #expect(try tia.get("/drafts/1").status == 404)
        #expect(try cleo.get("/centre/seekers/4").status == 404)
        #expect(try cleo.get("/centre/seekers/4/drafts/1").status == 404)
        #expect(!(try cleo.get("/centre").body.contains("Sam Seeker")))
        #expect(try cory.get("/centre/accounts").status == 404)
        #expect(try ada.get("/centre/accounts").body.contains("cleo@uni.edu"))
        #expect(try ada.get("/centre/seekers/4").body.contains("Priya Ramaswamy"))

        // Writes across accounts: refused, and nothing changed.
        #expect(try tia.post("/drafts/1", ["subject": "x", "body": "Hacked"]).status == 404)
        #expect(try cleo.post("/centre/seekers/4/drafts/1/approve", [:]).status == 404)
        // A read that finds nothing is not in the trail; one that finds something is.
        #expect(try cory.get("/centre/seekers/4/drafts/999").status == 404)
        #expect(try sam.post("/centre/seekers/4/drafts/1/approve", [:]).status == 403)
        #expect(try cory.post("/drafts/1", ["subject": "x", "body": "Hacked"]).status == 404)
        #expect(try sam.get("/drafts/1").body.contains("Priya"))
        #expect(!(try sam.get("/drafts/1").body.contains("Hacked")))

        // Two sessions of one seeker: each Today page carries its own session's token, and its forms work.
        let samAgain = try served.signIn("sam@uni.edu", "seeker-sam-pass")
        _ = try sam.get("/")
        #expect(WebSession.field("csrf", in: try samAgain.get("/").body) == samAgain.csrf)

        // CSRF on every form: none, or another session's, is refused.
        #expect(try sam.post("/drafts/1/review", [:], csrf: "").status == 403)
        #expect(try sam.post("/drafts/1/review", [:], csrf: tia.csrf).status == 403)
        #expect(try sam.post("/sign-out", [:], csrf: "wrong").status == 403)
        let forms = [
            "/interviews", "/interviews/import", "/interviews/1", "/interviews/1/interviewers", "/interviews/1/cards", "/interviews/1/compose",
            "/interviews/1/topics", "/interviews/1/remove", "/drafts/1", "/drafts/1/check", "/drafts/1/recompose", "/drafts/1/send", "/drafts/1/eml",
            "/drafts/1/pdf", "/drafts/1/mailed", "/drafts/1/resolve", "/drafts/1/look-in-sent", "/drafts/1/sent-elsewhere", "/drafts/1/review",
            "/interviewers/1", "/interviewers/1/remove", "/openings/1/reconnect", "/openings/boards", "/openings/boards/check",
            "/openings/boards/1/remove", "/check", "/check/live", "/settings", "/settings/test", "/settings/password", "/import/preview", "/import",
        ]
        for path in forms {
            #expect(try sam.post(path, ["body": "x"], csrf: tia.csrf).status == 403, "\(path) without this session's token")
        }
        for path in ["/centre/seekers/4/drafts/1/approve", "/centre/seekers/4/drafts/1/return"] {
            #expect(try cory.post(path, ["comment": "x"], csrf: "").status == 403, "\(path) without a token")
        }
        #expect(try sam.get("/interviews/1").body.contains("Northwind"), "nothing above removed or changed Sam's interview")

        // Each read of Sam's data by a coach or the admin is in his "Who has seen this".
        let seen = try sam.get("/seen").body
        #expect(seen.contains("Cory Coach &lt;cory@uni.edu&gt;</td><td>coach</td><td>read their interviews"), "\(seen)")
        #expect(seen.contains("Ada Admin &lt;ada@uni.edu&gt;</td><td>admin</td><td>read their interviews"))
        #expect(seen.contains("read draft 1"))
        #expect(!seen.contains("read draft 999"))
        #expect(!seen.contains("Cleo"))
        #expect(!(try tia.get("/seen").body.contains("Cory")))
    }

    @Test("sign-in: sessions end on sign-out, on disable, on a new password and after 8 hours; wrong passwords slow down, never lock out")
    func sessions() throws {
        let (cli, env) = try centre()
        var served = try CentreServer(cli: cli, environment: env)
        let sam = try served.signIn("sam@uni.edu", "seeker-sam-pass")
        #expect(sam.cookieFlags.contains("HttpOnly") && sam.cookieFlags.contains("SameSite=Strict"), "\(sam.cookieFlags)")
        #expect(try served.signInStatus("sam@uni.edu", "wrong-password") == 401)
        #expect(try served.signInStatus("nobody@uni.edu", "whatever-pass") == 401)

        // Sign-out ends the session: the same cookie replayed gets the sign-in page.
        let replay = sam.copy()
        #expect(try sam.post("/sign-out", [:]).status == 303)
        #expect(try replay.get("/").location?.hasSuffix("/sign-in") == true)

        // Disable and reset end sessions; a disabled account cannot sign in.
        let again = try served.signIn("sam@uni.edu", "seeker-sam-pass")
        #expect(try cli.run(["centre", "user", "disable", "sam@uni.edu"], environment: env).status == 0)
        #expect(try again.get("/").location?.hasSuffix("/sign-in") == true)
        #expect(try served.signInStatus("sam@uni.edu", "seeker-sam-pass") == 401)
        #expect(try cli.run(["centre", "user", "disable", "sam@uni.edu", "--enable"], environment: env).status == 0)
        let third = try served.signIn("sam@uni.edu", "seeker-sam-pass")
        #expect(try cli.run(["centre", "user", "reset-password", "sam@uni.edu"], stdin: "a-brand-new-pass\n", environment: env).status == 0)
        #expect(try third.get("/").location?.hasSuffix("/sign-in") == true)
        #expect(try served.signInStatus("sam@uni.edu", "seeker-sam-pass") == 401)

        // Ten wrong passwords in a minute: the next try from an unknown browser waits, even with the right one;
        // Tia's own browser, which signed in before, is not kept out by someone else's guesses.
        let tia = try served.signIn("tia@uni.edu", "seeker-tia-pass")
        for _ in 0..<10 { _ = try served.signInStatus("tia@uni.edu", "not-tias-pass") }
        #expect(try served.signInStatus("tia@uni.edu", "seeker-tia-pass") == 429)
        #expect(try tia.signIn("tia@uni.edu", "seeker-tia-pass") == 303)
        #expect(try served.signInStatus("cory@uni.edu", "coach-cory-pass") == 303, "another account is not slowed")

        // Guesses sent at once are counted as they come: of 16 at the same moment, at most 10 are checked.
        let burst = Burst()
        let server = served
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            burst.add((try? server.signInStatus("cleo@uni.edu", "not-cleos-pass")) ?? 0)
        }
        let answered = burst.statuses
        #expect(answered.filter { $0 == 401 }.count <= 10 && answered.filter { $0 == 429 }.count >= 6, "\(answered.sorted())")

        // Behind TLS (the proxy says so), the cookies are Secure.
        let secure = try CLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/curl"), ["-s", "-D", "-", "-o", "/dev/null", "-H", "X-Forwarded-Proto: https", served.base + "/sign-in"],
            home: cli.home)
        #expect(secure.stdout.contains("aw_signin=") && secure.stdout.contains("; Secure"), "\(secure.stdout)")

        // Eight hours later the session has expired.
        let cory = try served.signIn("cory@uni.edu", "coach-cory-pass")
        served.stop()
        served = try CentreServer(cli: cli, environment: env.merging(["AFTERWORD_NOW": "2026-11-27T05:01:00Z"]) { $1 })
        defer { served.stop() }
        let late = cory.moved(to: served)
        #expect(try late.get("/centre").location?.hasSuffix("/sign-in") == true)
    }

    @Test("review before send: request, return with a comment, edit, approve, send; an edit after approval needs a new review")
    func reviewFlow() throws {
        let (cli, env) = try centre(review: true)
        let served = try CentreServer(cli: cli, environment: env)
        defer { served.stop() }
        let sam = try served.signIn("sam@uni.edu", "seeker-sam-pass")
        let cory = try served.signIn("cory@uni.edu", "coach-cory-pass")

        // Not asked: every way out is refused with the reason, and the compose links are not offered.
        let early = try sam.post("/drafts/1/eml", [:])
        #expect(early.status == 303)
        let unapproved = try sam.get("/drafts/1").body
        #expect(unapproved.contains("approve each thank-you before it goes"))
        #expect(!unapproved.contains("mailto:"), "no compose link before approval")
        #expect(try sam.post("/drafts/1/sent-elsewhere", [:]).status == 303)
        #expect(try sam.post("/drafts/1/pdf", ["card": "a2"]).status == 303)
        #expect(try cli.run(["--as", "sam@uni.edu", "note", "mailed", "1"], environment: env).status == 2)
        let nothing = try cli.run(["--as", "sam@uni.edu", "status", "--json"], environment: env).stdout
        let report = try #require(try JSONSerialization.jsonObject(with: Data(nothing.utf8)) as? [String: Any], "\(nothing)")
        #expect((report["sent"] as? [Any])?.isEmpty == true && (report["inFlight"] as? [Any])?.isEmpty == true, "\(nothing)")

        // Asked, then returned with a comment the seeker sees beside the draft.
        #expect(try sam.post("/drafts/1/review", [:]).status == 303)
        let waiting = try cory.get("/centre").body
        #expect(waiting.contains("Sam Seeker: draft 1"), "\(waiting)")
        let review = try cory.get("/centre/seekers/4/drafts/1").body
        #expect(review.contains("Etiquette check") && review.contains("Dear Priya"))
        #expect(try cory.post("/centre/seekers/4/drafts/1/return", ["comment": ""]).status == 303)
        #expect(try cory.post("/centre/seekers/4/drafts/1/return", ["comment": "Name the pricing model you discussed."]).status == 303)
        let returned = try sam.get("/drafts/1").body
        #expect(returned.contains("Returned by Cory Coach") && returned.contains("Name the pricing model you discussed."), "\(returned)")

        // Edited, asked again, approved: the hand-off goes, once.
        let body = "Dear Priya,\n\nThank you for walking me through the pricing model on Thursday; the way your team tests price changes on one region first stayed with me.\n\nI would be glad to help build the next version.\n\nBest regards,\nSam Seeker"
        #expect(try sam.post("/drafts/1", ["subject": "Thank you — Pricing Analyst interview", "body": body]).status == 303)
        #expect(try sam.post("/drafts/1/review", [:]).status == 303)
        // The coach opens it; the seeker changes it meanwhile: approving what the coach did not read is refused.
        let opened = try cory.get("/centre/seekers/4/drafts/1").body
        #expect(try sam.post("/drafts/1", ["subject": "Thank you — Pricing Analyst interview", "body": body + "\nP.S. Unread"]).status == 303)
        #expect(try cory.post("/centre/seekers/4/drafts/1/approve", ["seen": WebSession.field("seen", in: opened)]).status == 303)
        #expect(try cory.get("/centre/seekers/4/drafts/1").body.contains("changed since you opened it"))
        #expect(!(try sam.get("/drafts/1").body.contains("Approved by")))
        #expect(try sam.post("/drafts/1", ["subject": "Thank you — Pricing Analyst interview", "body": body]).status == 303)
        #expect(try cory.approve(seeker: 4, draft: 1) == 303)
        #expect(try sam.get("/drafts/1").body.contains("Approved by Cory Coach"))

        // Changed after approval: refused until approved again.
        #expect(try sam.post("/drafts/1", ["subject": "Thank you — Pricing Analyst interview", "body": body + "\nP.S. Go team"]).status == 303)
        _ = try sam.post("/drafts/1/eml", [:])
        let changed = try sam.get("/drafts/1").body
        #expect(changed.contains("changed after your coach approved it"), "\(changed)")
        #expect(try sam.post("/drafts/1/review", [:]).status == 303)
        #expect(try cory.approve(seeker: 4, draft: 1) == 303)
        // Whom it goes to is part of what was approved: a new name for the recipient needs a new review.
        let renamed = try cli.run(["--as", "sam@uni.edu", "interviewer", "edit", "1", "--name", "Priya Rama"], environment: env)
        #expect(renamed.status == 0, "\(renamed.stderr)")
        #expect(try sam.get("/drafts/1").body.contains("Approved, but changed since"))
        #expect(try cli.run(["--as", "sam@uni.edu", "interviewer", "edit", "1", "--name", "Priya Ramaswamy"], environment: env).status == 0)
        let handed = try sam.post("/drafts/1/eml", [:])
        #expect(handed.status == 200 && handed.body.contains("P.S. Go team"), "\(handed.status)")
        let status = try cli.run(["--as", "sam@uni.edu", "status", "--json"], environment: env)
        #expect(status.stdout.contains("uncertain"), "\(status.stdout)")

        // Each step is recorded, with who and when.
        let trail = try cli.run(["centre", "audit", "--seeker", "sam@uni.edu"], environment: env).stdout
        for step in ["asked for a review of draft 1", "returned draft 1", "approved draft 1"] {
            #expect(trail.contains(step), "\(step) in \(trail)")
        }
        // The cohort's CSV for the office.
        let csv = try cory.get("/centre/cohort.csv").body
        #expect(csv.hasPrefix("seeker,email,group,overdue,uncertain,awaiting review,new openings"), "\(csv)")
        #expect(csv.contains("Sam Seeker,sam@uni.edu,MBA 2027,0,1,0,0"), "\(csv)")
    }
}

/// `afterword serve --centre` on a free port, over a centre's database.
final class CentreServer: @unchecked Sendable {
    let process = Process()
    let base: String
    let home: URL
    private let jarDirectory: URL

    init(cli: CLI, environment: [String: String]) throws {
        home = cli.home
        jarDirectory = cli.home.appendingPathComponent("jars-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: jarDirectory, withIntermediateDirectories: true)
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--centre", "--port", "0"]
        var env = ProcessInfo.processInfo.environment
        env["AFTERWORD_HOME"] = cli.home.path
        env["AFTERWORD_NOW"] = "2026-11-26T21:00:00Z"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var said = ""
        while !said.contains("\n"), process.isRunning {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            said += String(decoding: data, as: UTF8.self)
        }
        guard let address = said.split(separator: " ").first(where: { $0.hasPrefix("http://") }) else {
            throw CentreFailure(description: "serve --centre did not start: \(said)")
        }
        base = String(address.prefix { $0 != "?" }).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
    }

    /// A new cookie jar.
    func jar() -> URL { jarDirectory.appendingPathComponent(UUID().uuidString) }

    /// Signs in through the form, as a browser does; fails the test when refused.
    func signIn(_ email: String, _ password: String) throws -> WebSession {
        let session = WebSession(server: self, jar: jar())
        let status = try session.signIn(email, password)
        guard status == 303 else { throw CentreFailure(description: "\(email) could not sign in: \(status)") }
        return session
    }

    /// The status of one sign-in attempt.
    func signInStatus(_ email: String, _ password: String) throws -> Int {
        try WebSession(server: self, jar: jar()).signIn(email, password)
    }
}

/// One browser's cookies, driven with curl.
final class WebSession: @unchecked Sendable {
    struct Answer {
        var status: Int
        var body: String
        var location: String?
    }

    let server: CentreServer
    let jar: URL
    /// The attributes the server set on the session cookie.
    private(set) var cookieFlags = ""

    init(server: CentreServer, jar: URL) {
        self.server = server
        self.jar = jar
    }

    /// The same cookies, in a new jar (a session replayed after sign-out).
    func copy() -> WebSession {
        let other = WebSession(server: server, jar: server.jar())
        try? FileManager.default.copyItem(at: jar, to: other.jar)
        return other
    }

    /// The same cookies against another server on the same database (the address differs; the cookie is the same).
    func moved(to other: CentreServer) -> WebSession {
        let moved = WebSession(server: other, jar: other.jar())
        try? FileManager.default.copyItem(at: jar, to: moved.jar)
        return moved
    }

    /// A hidden field's value in a page.
    static func field(_ name: String, in page: String) -> String {
        guard let range = page.range(of: "name=\"\(name)\" value=\"") else { return "" }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    /// A coach approves a draft as the review page shows it.
    func approve(seeker: Int64, draft: Int64) throws -> Int {
        let page = try get("/centre/seekers/\(seeker)/drafts/\(draft)").body
        return try post("/centre/seekers/\(seeker)/drafts/\(draft)/approve", ["seen": Self.field("seen", in: page)]).status
    }

    /// The session's CSRF token, from its pages.
    var csrf: String {
        let page = (try? get("/seen").body) ?? ""
        let centre = page.contains("name=\"csrf\"") ? page : ((try? get("/centre").body) ?? "")
        guard let range = centre.range(of: "name=\"csrf\" value=\"") else { return "" }
        return String(centre[range.upperBound...].prefix { $0 != "\"" })
    }

    func signIn(_ email: String, _ password: String) throws -> Int {
        _ = try get("/sign-in")
        let jarText = (try? String(contentsOf: jar, encoding: .utf8)) ?? ""
        let token = jarText.split(separator: "\n").first { $0.contains("aw_signin") }?.split(separator: "\t").last.map(String.init) ?? ""
        let answer = try request("POST", "/sign-in", form: ["email": email, "password": password, "csrf": token], headers: true)
        cookieFlags = answer.body
        return answer.status
    }

    func get(_ path: String) throws -> Answer {
        try request("GET", path, form: nil)
    }

    /// A form posted with this session's CSRF token (or the one given).
    func post(_ path: String, _ fields: [String: String], csrf given: String? = nil) throws -> Answer {
        var fields = fields
        fields["csrf"] = given ?? csrf
        return try request("POST", path, form: fields)
    }

    private func request(_ method: String, _ path: String, form: [String: String]?, headers: Bool = false) throws -> Answer {
        let marker = "\n@@STATUS@@"
        var arguments = ["-s", "-c", jar.path, "-b", jar.path, "-X", method, "-w", "\(marker)%{http_code} %{redirect_url}"]
        if headers { arguments += ["-D", "-", "-o", "/dev/null"] }
        for (key, value) in form ?? [:] { arguments += ["--data-urlencode", "\(key)=\(value)"] }
        if method == "POST", form?.isEmpty ?? true { arguments += ["-d", ""] }
        arguments.append(server.base + path)
        let result = try CLI.run(executable: URL(fileURLWithPath: "/usr/bin/curl"), arguments, home: server.home)
        let parts = result.stdout.components(separatedBy: marker)
        let tail = (parts.last ?? "").split(separator: " ", maxSplits: 1).map(String.init)
        let body = headers
            ? parts.dropLast().joined().split(whereSeparator: \.isNewline).filter { $0.lowercased().hasPrefix("set-cookie: aw_session=") }.joined(separator: "\n")
            : parts.dropLast().joined(separator: marker)
        return Answer(status: Int(tail.first ?? "") ?? 0, body: body, location: tail.count > 1 ? tail[1] : nil)
    }
}

/// A centre test that could not go on.
struct CentreFailure: Error, CustomStringConvertible {
    var description: String
}

extension CentreCLITests {
    @Test("in Chromium: a seeker signs in and asks for review; the coach reads the draft with its findings and returns it; the seeker reads why")
    func reviewInChromium() throws {
        let (cli, env) = try centre()
        let served = try CentreServer(cli: cli, environment: env)
        defer { served.stop() }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let script = root.appendingPathComponent("Tests/AfterwordWebTests/Browser/browser_centre.py")
        let artifacts = root.appendingPathComponent("test-artifacts/web-centre")
        let result = try CLI.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, served.base, artifacts.path], home: cli.home)
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\(result.stderr)")
        #expect(seen["error"] == nil, "\(seen["error"] ?? "") at \(seen["url"] ?? ""); screenshots in \(artifacts.path)")
        #expect(seen["redirectedTo"] as? String == "/sign-in")
        #expect(seen["signedIn"] as? String == "Sam Seeker (seeker)")
        #expect((seen["asked"] as? String)?.hasPrefix("Asked your coach to review it") == true, "\(seen["asked"] ?? "")")
        #expect(seen["afterSignOut"] as? String == "/sign-in")
        #expect(seen["coachHome"] as? String == "/centre")
        #expect((seen["cohortRows"] as? [String])?.contains { $0.hasPrefix("Sam Seeker MBA 2027 0 0 1") } == true, "\(seen["cohortRows"] ?? "")")
        #expect(seen["reviewHeading"] as? String == "Review: draft 1 by Sam Seeker")
        #expect((seen["draftText"] as? String)?.hasPrefix("Dear Priya") == true, "\(seen["draftText"] ?? "")")
        #expect(seen["findings"] as? String != nil)
        #expect(seen["returned"] as? String == "Returned draft 1 with your comment.")
        #expect((seen["reviewState"] as? String)?.hasPrefix("Returned by Cory Coach") == true)
        #expect(seen["comment"] as? String == "Say which part of the pricing model you would improve.")
        let rows = seen["seenRows"] as? [String] ?? []
        #expect(rows.contains { $0.contains("Cory Coach <cory@uni.edu> coach read draft 1") }, "\(rows)")
        #expect((seen["consoleErrors"] as? [String])?.isEmpty == true, "\(seen["consoleErrors"] ?? "")")
    }
}

/// Statuses gathered from requests sent at once.
final class Burst: @unchecked Sendable {
    private let lock = NSLock()
    private var gathered: [Int] = []

    func add(_ status: Int) { lock.withLock { gathered.append(status) } }
    var statuses: [Int] { lock.withLock { gathered } }
}
