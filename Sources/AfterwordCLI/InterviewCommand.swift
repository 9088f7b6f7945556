import AfterwordCore
import AfterwordIntake
import AfterwordStore
import ArgumentParser
import Foundation

/// `afterword interview …`: record and look up interviews.
struct InterviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Record and look up interviews.",
        subcommands: [Add.self, Import.self, List.self, Show.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record an interview and print its id.")

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
        @Option(help: "What you discussed: the specifics that make each note personal.") var notes: String = ""

        func run() async throws {
            let company = try nonEmpty(company, "--company", example: "Acme")
            let role = try nonEmpty(role, "--role", example: "Backend Engineer")
            guard let format = InterviewFormat(userInput: format) else {
                throw UserError("--format: \"\(format)\" is not a format; use on-site, video or phone")
            }
            guard (5...720).contains(duration) else {
                throw UserError("--duration: \(duration) minutes is not plausible; give the length in minutes (5–720)")
            }
            let config = try global.loadConfig()
            var zone = config.timeZone
            if let tz {
                guard let named = TimeZone(identifier: tz) else {
                    throw UserError("--tz: \"\(tz)\" is not a time zone; write it like America/New_York")
                }
                zone = named
            }
            guard let (start, writtenZone) = ISO8601.parse(at, defaultZone: zone) else {
                throw UserError(
                    "--at: \"\(at)\" is not a date and time; write it like 2026-11-26T14:00-05:00 (or 2026-11-26T14:00 with --tz)")
            }
            let store = try global.openStore()
            let interview = try store.recordInterview(
                Interview(
                    company: company, role: role, startsAt: start, timeZone: (tz != nil ? zone : nil)?.identifier ?? writtenZone.identifier,
                    durationMinutes: duration, format: format, notes: notes.trimmingCharacters(in: .whitespacesAndNewlines),
                    createdAt: global.now))
            if output.json {
                try Console.json(JSONShape.Created(id: interview.id ?? 0))
            } else {
                Console.out("\(interview.id ?? 0)")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
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
            let text = try IntakeFile.read(file)
            let config = try global.loadConfig()
            var events: [InviteEvent]
            do {
                events = try InviteReader.events(in: text, file: file, floatingZone: config.timeZone ?? TimeZone.current)
            } catch {
                throw UserError(error.description)
            }
            if let uid {
                events = events.filter { $0.uid == uid }
                guard !events.isEmpty else { throw UserError("\(file): no event with UID \(uid); leave out --uid to import every event") }
            }
            let own = Set((config.values["email"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            var records: [(Interview, [Interviewer])] = []
            for event in events {
                let meaning = InviteInterpretation(event, ownEmails: own)
                guard let companyName = company.flatMap(InterviewerCommand.Add.blankToNil) ?? meaning.company else {
                    throw UserError(
                        "\(file):\(event.line): SUMMARY: cannot tell the company from \"\(event.summary)\" or the e-mail addresses; give it with --company")
                }
                let people = try meaning.interviewers.map { contact -> Interviewer in
                    var contact = contact
                    contact.company = companyName
                    return try IntakeFile.interviewer(contact, config: config, file: file, now: global.now)
                }
                let interview = Interview(
                    company: companyName, role: role.flatMap(InterviewerCommand.Add.blankToNil) ?? meaning.role,
                    startsAt: event.start, timeZone: event.timeZone.identifier, durationMinutes: event.durationMinutes,
                    format: meaning.format, notes: event.description ?? "", createdAt: global.now)
                records.append((interview, people))
            }
            let store = try global.openStore()
            let saved = try storeCall { try store.importInterviews(records) }
            if output.json {
                try Console.json(saved.map { interview, outcomes in
                    ImportedInterview(id: interview.id ?? 0, interviewers: outcomes.map { IntakeFile.Imported(id: $0.interviewer.id ?? 0, name: $0.interviewer.name, merged: $0.merged) })
                })
                return
            }
            for (interview, outcomes) in saved {
                Console.out(
                    "#\(interview.id ?? 0)  \(ISO8601.display(interview.startsAt, in: interview.zone))  \(interview.company) — \(interview.role)  [\(interview.format.rawValue)]")
                try IntakeFile.report(outcomes, json: false)
            }
        }

        struct ImportedInterview: Encodable {
            var id: Int64
            var interviewers: [IntakeFile.Imported]
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List interviews, newest first.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only interviews at this company.") var company: String?

        func run() async throws {
            var details = try global.openStore().interviews()
            if let company {
                details = details.filter { $0.interview.company.lowercased() == company.lowercased() }
            }
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
                    "#\(interview.id ?? 0)  \(ISO8601.display(interview.startsAt, in: interview.zone))  \(interview.company) — \(interview.role)  [\(interview.format.rawValue)]"
                        + (names.isEmpty ? "  (no interviewers yet)" : "  with \(names)"))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one interview and its interviewers.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The interview's id.") var interview: String

        func run() async throws {
            let id = try parseID(interview, "interview")
            let detail = try storeCall { try global.openStore().interview(id: id) }
            if output.json {
                try Console.json(JSONShape.InterviewShape(detail.interview, interviewers: detail.interviewers))
                return
            }
            let interview = detail.interview
            Console.out("Interview #\(id): \(interview.company) — \(interview.role)")
            Console.out("  When:    \(ISO8601.display(interview.startsAt, in: interview.zone)), \(interview.durationMinutes) min")
            Console.out("  Format:  \(interview.format.rawValue)")
            if !interview.notes.isEmpty { Console.out("  Notes:   \(interview.notes)") }
            if detail.interviewers.isEmpty {
                Console.out("  No interviewers yet: `afterword interviewer add \(id) --name …`")
            }
            for person in detail.interviewers {
                Console.out("  • #\(person.id ?? 0) \(person.name)\(person.title.map { ", \($0)" } ?? "")  → \(describe(person))")
            }
        }
    }
}

/// "e-mail dana@acme.com" or "note (no postal address yet)".
func describe(_ interviewer: Interviewer) -> String {
    switch interviewer.channel {
    case .email: return "e-mail \(interviewer.email ?? "")"
    case .note: return interviewer.address == nil ? "note (no postal address yet)" : "note by post"
    }
}

/// A required text option, trimmed, or a clear error.
func nonEmpty(_ value: String, _ option: String, example: String) throws -> String {
    let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw UserError("\(option) cannot be empty; for example \(option) \"\(example)\"") }
    guard !trimmed.contains(where: { $0.isNewline || ($0.asciiValue.map { $0 < 32 } ?? false) }) else {
        throw UserError("\(option) cannot contain line breaks or control characters")
    }
    return trimmed
}

/// Runs a store call, turning its errors into user errors.
func storeCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw UserError(error.message)
    }
}
