import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword centre`: a career centre's shared instance on PostgreSQL: its accounts, settings, numbers and audit trail.
struct CentreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centre",
        abstract: "Run a career centre's shared Afterword: accounts and roles, review, the cohort's numbers and the audit trail.",
        discussion: """
            A centre lives in a PostgreSQL database (--database URL or $AFTERWORD_DATABASE). Seekers sign in to \
            `afterword serve --centre` and see only their own records; coaches read the seekers assigned to them or their \
            group, review drafts and see the cohort; admins manage accounts. Passwords are read from standard input or \
            from the variable --password-env names, never from the command line. Run any command as one seeker with \
            `afterword --as EMAIL COMMAND` (audited).
            """,
        subcommands: [Init.self, User.self, Set.self, Cohort.self, Audit.self]
    )

    struct PasswordOptions: ParsableArguments {
        @Option(
            help: ArgumentHelp("Read the password from this environment variable instead of standard input.", valueName: "variable"))
        var passwordEnv: String?

        /// The password, from the named variable or standard input (without echo at a terminal).
        func read(for email: String) throws -> String {
            if let passwordEnv {
                guard let value = ProcessInfo.processInfo.environment[passwordEnv], !value.isEmpty else {
                    throw UserError("--password-env: $\(passwordEnv) is not set; export it, or leave out --password-env and type the password")
                }
                return value
            }
            if isatty(STDIN_FILENO) != 0, let typed = getpass("Password for \(email): ") {
                return String(cString: typed)
            }
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw UserError("no password on standard input; pipe it in (printf '%s\\n' \"$PASSWORD\" | afterword centre …) or use --password-env")
            }
            return line
        }
    }

    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the centre's tables and its first admin.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The first admin's e-mail address (their sign-in).", valueName: "email")) var email: String
        @Option(help: ArgumentHelp("The first admin's name.", valueName: "name")) var name: String
        @OptionGroup var password: PasswordOptions

        func run() async throws {
            let centre = try global.centre
            let admin = try centre.initialize(email: email, name: name, password: try password.read(for: email))
            Console.out("Created the career centre, with \(admin.name) <\(admin.email)> as its admin.")
            Console.out("Add coaches and seekers with `afterword centre user add`, then start `afterword serve --centre`.")
        }
    }

    struct User: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add, list, disable, reset or remove accounts.",
            subcommands: [Add.self, List.self, Edit.self, Disable.self, ResetPassword.self, Remove.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add an account (the password from standard input or --password-env).")
            @OptionGroup var global: GlobalOptions
            @Argument(help: ArgumentHelp("The account's e-mail address: its sign-in.", valueName: "email")) var email: String
            @Option(help: "The person's name.") var name: String
            @Option(help: ArgumentHelp("seeker, coach or admin.", valueName: "role")) var role: String
            @Option(help: ArgumentHelp("The cohort (a programme, a class year).", valueName: "group")) var group: String?
            @Option(help: ArgumentHelp("A seeker's coach, by e-mail.", valueName: "email")) var coach: String?
            @OptionGroup var password: PasswordOptions

            func run() async throws {
                guard let role = CentreRole(rawValue: role.lowercased()) else {
                    throw UserError("--role is seeker, coach or admin, not \"\(role)\"")
                }
                let centre = try global.centre
                let account = try centre.addUser(
                    email: email, name: name, role: role, group: group, coach: coach, password: try password.read(for: email))
                Console.out("Added \(account.role.rawValue) \(account.name) <\(account.email)>\(account.group.map { " in \($0)" } ?? "").")
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the accounts.")
            @OptionGroup var global: GlobalOptions
            @OptionGroup var output: OutputOptions

            func run() async throws {
                let accounts = try global.centre.users()
                if output.json { return try Console.json(accounts) }
                let byId = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                Console.out(lines: accounts.map { account in
                    var parts = ["\(account.role.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0))  \(account.name) <\(account.email)>"]
                    if let group = account.group { parts.append("group \(group)") }
                    if let coach = account.coachId.flatMap({ byId[$0] }) { parts.append("coach \(coach.name)") }
                    if !account.isActive { parts.append("disabled") }
                    return parts.joined(separator: ", ")
                })
            }
        }

        struct Edit: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Move an account to another group or coach, or rename it.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: ArgumentHelp("The account's e-mail address.", valueName: "email")) var email: String
            @Option(help: "A new name.") var name: String?
            @Option(help: ArgumentHelp("The new group (\"\" for none).", valueName: "group")) var group: String?
            @Option(help: ArgumentHelp("The seeker's new coach, by e-mail (\"\" for none).", valueName: "email")) var coach: String?

            func run() async throws {
                guard name != nil || group != nil || coach != nil else {
                    throw UserError("say what changes: --name, --group or --coach")
                }
                let account = try global.centre.edit(email, name: name, group: group, coach: coach)
                Console.out("\(account.name) <\(account.email)>: \(account.group.map { "group \($0)" } ?? "no group")\(account.coachId == nil ? "" : ", with a coach").")
            }
        }

        struct Disable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Disable an account (its sign-ins end), or enable it again.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: ArgumentHelp("The account's e-mail address.", valueName: "email")) var email: String
            @Flag(help: "Enable the account again.") var enable = false

            func run() async throws {
                let account = try global.centre.setDisabled(email, !enable)
                Console.out(enable ? "\(account.email) may sign in again." : "Disabled \(account.email): signed out everywhere, and cannot sign in.")
            }
        }

        struct ResetPassword: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "reset-password", abstract: "Set a new password (from standard input or --password-env); sign-ins end.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: ArgumentHelp("The account's e-mail address.", valueName: "email")) var email: String
            @OptionGroup var password: PasswordOptions

            func run() async throws {
                let account = try global.centre.resetPassword(email, password: try password.read(for: email))
                Console.out("Set a new password for \(account.email); their sessions have ended.")
            }
        }

        struct Remove: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Remove an account and, for a seeker, every record of theirs, for good (the audit trail keeps that it happened).")
            @OptionGroup var global: GlobalOptions
            @Argument(help: ArgumentHelp("The account's e-mail address.", valueName: "email")) var email: String
            @Flag(help: "Yes, remove it: this cannot be undone.") var yes = false

            func run() async throws {
                guard yes else {
                    throw UserError("removing \(email) deletes their interviews, people, drafts and ledger for good; add --yes to do it")
                }
                let account = try global.centre.remove(email, by: GlobalOptions.operatorName)
                Console.out("Removed \(account.email) and all of their data.")
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a centre setting: centre.review (required or optional), centre.ownSMTP (allowed or refused).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("centre.review or centre.ownSMTP.", valueName: "setting")) var name: String
        @Argument(help: ArgumentHelp("Its value.", valueName: "value")) var value: String

        func run() async throws {
            try global.centre.set(name, value)
            Console.out("\(name) = \(value)")
        }
    }

    struct Cohort: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The cohort's numbers (overdue, uncertain, waiting for review, new openings, sent per week), as a table or CSV.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only this group.", valueName: "group")) var group: String?
        @Flag(help: "Print CSV, for the office's outcome reports.") var csv = false

        func run() async throws {
            let report = try global.centre.cohortOfAll(group: group)
            if csv { return Console.raw(report.csv()) }
            if report.rows.isEmpty { return Console.out("No seekers\(group.map { " in \($0)" } ?? "") yet.") }
            Console.out(lines: report.rows.map { row in
                "\(row.seeker.name) <\(row.seeker.email)>: \(row.overdue) overdue, \(row.uncertain) uncertain, \(row.awaitingReview) waiting for review, \(row.newOpenings) new openings, \(row.sentPerWeek.reduce(0, +)) sent in \(report.weeks.count) weeks"
            })
        }
    }

    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Who read or changed a seeker's data, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only this seeker's.", valueName: "email")) var seeker: String?
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let centre = try global.centre
            let entries = try centre.auditTrail(seeker: seeker)
            if output.json { return try Console.json(entries) }
            if entries.isEmpty { return Console.out("Nothing recorded yet.") }
            Console.out(lines: entries.map { entry in
                "\(ISO8601.display(entry.at, in: TimeZone(identifier: "UTC") ?? .current))  \(entry.actor) (\(entry.actorRole)): \(entry.what)\(entry.subjectId.map { " — seeker #\($0)" } ?? "")"
            })
        }
    }
}
