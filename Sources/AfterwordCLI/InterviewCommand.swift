import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword interview …`: record and look up interviews.
struct InterviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Record and look up interviews.",
        subcommands: [Add.self, Edit.self, Import.self, List.self, Show.self, Remove.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Record an interview and print its id.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The company, exactly as it writes its own name.") var company: String
        @Option(help: "The role you interviewed for.") var role: String
        @Option(help: ArgumentHelp("When it started, e.g. 2026-11-26T14:00-05:00.", valueName: "date-time"))
        var at: String
        @Option(help: ArgumentHelp("Time zone for a time without an offset, e.g. America/New_York.", valueName: "zone"))
        var tz: String?
        @Option(help: "on-site, video or phone.") var format: String = InterviewFormat.onSite.rawValue
        @Option(help: "How long it lasted, in minutes.") var duration: Int = 60
        @Option(parsing: .unconditional, help: "Your notes on what you discussed (kept for you; Afterword suggests each person's topic from them); may begin with \"-\".")
        var notes: String = ""
        @Option(help: ArgumentHelp("What you bring: a phrase that finishes \"my experience with …\", e.g. \"running Kafka at scale\".", valueName: "phrase"))
        var fit: String = ""

        func run() async throws {
            let form = InterviewForm(
                company: company, role: role, at: at, timeZone: tz, format: format, durationMinutes: duration, notes: notes, fit: fit)
            let interview = try global.workspace.recordInterview(form, label: { "--\($0)" })
            if output.json {
                try Console.json(JSONShape.Created(id: interview.storedID))
            } else {
                let when = Wording.shortDate(interview.startsAt, in: interview.zone)
                Console.out("Interview #\(interview.storedID) recorded (\(interview.company), \(interview.role), \(when)).")
                Console.out(
                    "Next: add who you met with `afterword interviewer add \(interview.storedID) --name …`; for a calendar reminder of the thank-yous, `afterword remind --ics \(interview.storedID) --file thank-you.ics`.")
            }
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Correct an interview's details (its panel and drafts stay).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The interview's id.", completion: RecordKind.interview.completion) var interview: String
        @Option(help: "The company, exactly as it writes its own name.") var company: String?
        @Option(help: "The role you interviewed for.") var role: String?
        @Option(help: ArgumentHelp("When it started, e.g. 2026-11-26T14:00-05:00.", valueName: "date-time")) var at: String?
        @Option(help: ArgumentHelp("Time zone for a time without an offset, e.g. America/New_York.", valueName: "zone")) var tz: String?
        @Option(help: "on-site, video or phone.") var format: String?
        @Option(help: "How long it lasted, in minutes.") var duration: Int?
        @Option(parsing: .unconditional, help: "What you discussed; may begin with \"-\".") var notes: String?
        @Option(help: ArgumentHelp("What you bring to the role (\"\" for none).", valueName: "phrase")) var fit: String?

        func run() async throws {
            let id = try parseID(interview, .interview)
            // What is not given stays as it was.
            let updated = try global.workspace.updateInterview(id: id, label: { "--\($0)" }) { existing in
                InterviewForm(
                    company: company ?? existing.company, role: role ?? existing.role,
                    at: at ?? ISO8601.local(existing.startsAt, in: existing.zone), timeZone: tz ?? (at == nil ? existing.timeZone : nil),
                    format: format ?? existing.format.rawValue, durationMinutes: duration ?? existing.durationMinutes, notes: notes ?? existing.notes,
                    fit: fit ?? existing.fit ?? "")
            }
            Console.out(
                "Interview #\(id) updated (\(updated.company), \(updated.role), \(Wording.shortDate(updated.startsAt, in: updated.zone))).")
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Record interviews from a calendar invite (.ics): one per event, attendees as interviewers.",
            discussion: """
                Your own addresses (config email) and rooms or resources are not interviewers. The company comes \
                from the summary, else the organizer's e-mail domain; --company and --role override both.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The .ics file.") var file: String
        @Option(help: "Only the event with this UID.") var uid: String?
        @Option(help: "The company, when the invite does not say it right.") var company: String?
        @Option(help: "The role, when the invite does not say it right.") var role: String?

        func run() async throws {
            let saved = try global.workspace.importInvite(try IntakeFile.read(file), file: file, uid: uid, company: company, role: role)
            if output.json {
                try Console.json(saved.map { interview, outcomes in
                    ImportedInterview(id: interview.storedID, interviewers: outcomes.map { IntakeFile.Imported(id: $0.interviewer.storedID, name: $0.interviewer.name, merged: $0.merged) })
                })
                return
            }
            for (interview, outcomes) in saved {
                Console.out(
                    "#\(interview.storedID)  \(ISO8601.display(interview.startsAt, in: interview.zone))  \(interview.company) — \(interview.role)  [\(interview.format.rawValue)]")
                try IntakeFile.report(outcomes, json: false)
            }
            // The organizer of an Outlook invite is often the hiring manager without being an attendee.
            if let interview = saved.last?.0 {
                for organizer in try global.workspace.inviteOrganizers(try IntakeFile.read(file), file: file, uid: uid) {
                    let (name, email) = Document.splitAddress(organizer)
                    Console.note(
                        "\(organizer) organized the invite without attending it; if they interviewed you: "
                            + "afterword interviewer add \(interview.storedID) --name \"\(name ?? organizer)\" --email \(email ?? "")")
                }
            }
        }

        struct ImportedInterview: Encodable {
            var id: Int64
            var interviewers: [IntakeFile.Imported]
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List interviews, newest first.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only interviews at this company.") var company: String?
        @Option(help: "Only interviews whose role, notes, people, topics or invite details contain this text.") var search: String?

        func run() async throws {
            let details = try global.workspace.interviews(company: company, containing: search)
            if output.json {
                try Console.json(details.map { JSONShape.InterviewShape($0.interview, interviewers: $0.interviewers) })
                return
            }
            guard !details.isEmpty else {
                Console.out("No interviews yet. Record one with `afterword interview add --company … --role … --at …`.")
                return
            }
            for detail in details {
                let interview = detail.interview
                let names = detail.interviewers.map(\.name).joined(separator: ", ")
                Console.out(
                    "#\(interview.storedID)  \(ISO8601.display(interview.startsAt, in: interview.zone))  \(interview.company) — \(interview.role)  [\(interview.format.rawValue)]"
                        + (names.isEmpty ? "  (no interviewers yet)" : "  with \(names)"))
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove an interview with its drafts (refused once a thank-you of it is in the ledger).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The interview's id.", completion: RecordKind.interview.completion) var interview: String

        func run() async throws {
            let id = try parseID(interview, .interview)
            let removed = try global.workspace.removeInterview(id: id)
            Console.out("Interview #\(id) (\(removed.company) — \(removed.role)) removed, with its drafts.")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one interview and its interviewers.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The interview's id.", completion: RecordKind.interview.completion) var interview: String

        func run() async throws {
            let id = try parseID(interview, .interview)
            let detail = try global.workspace.interview(id: id)
            if output.json {
                try Console.json(JSONShape.InterviewShape(detail.interview, interviewers: detail.interviewers))
                return
            }
            let interview = detail.interview
            Console.out("Interview #\(id): \(interview.company) — \(interview.role)")
            Console.out("  When:    \(ISO8601.display(interview.startsAt, in: interview.zone)), \(interview.durationMinutes) min")
            Console.out("  Format:  \(interview.format.rawValue)")
            if !interview.notes.isEmpty { Console.out("  Notes:   \(interview.notes)") }
            if let fit = interview.fit { Console.out("  Fit:     \(fit)") }
            if let details = interview.inviteDetails {
                Console.out("  Invite details (kept for you; never written into a draft):")
                for line in details.split(separator: "\n").prefix(40) { Console.out("    \(line)") }
            }
            if detail.interviewers.isEmpty {
                Console.out("  No interviewers yet: `afterword interviewer add \(id) --name …`")
            }
            for person in detail.interviewers {
                Console.out("  • #\(person.storedID) \(person.name)\(person.title.map { ", \($0)" } ?? "")  → \(Wording.channel(of: person))")
                if let notes = person.notes { Console.out("      their notes: \(notes.replacingOccurrences(of: "\n", with: " / "))") }
                Console.out("      topic: " + (person.topic.map { "\"\($0)\"" } ?? "none yet (`afterword draft \(id) --suggest`)"))
            }
        }
    }
}
