import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword interviewer …`: the people you met.
struct InterviewerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interviewer",
        abstract: "Record and look up the people who interviewed you.",
        subcommands: [Add.self, Edit.self, List.self, Remove.self, Export.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an interviewer to an interview's panel and print their id.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The interview's id.", completion: RecordKind.interview.completion) var interview: String
        @Option(help: "Their name, spelled exactly as on their card.") var name: String
        @Option(help: "Their job title.") var title: String?
        @Option(help: "Their e-mail address (then the thank-you is an e-mail).") var email: String?
        @Option(help: "Their phone number (kept for your records; never a reason to call).") var phone: String?
        @Option(help: "Their postal address; separate lines with \";\" or \"\\n\".") var address: String?
        @Option(help: "Their company, when not the interview's.") var company: String?
        @Option(help: "How a formal greeting addresses them: Ms., Mr., Dr., Mx. …") var honorific: String?
        @Option(
            parsing: .unconditional,
            help: "What you talked about with this person alone (read for topic suggestions); may begin with \"-\".")
        var notes: String?
        @Option(help: ArgumentHelp(
            "What their thank-you says you talked about: a phrase that finishes \"our conversation about …\", e.g. \"the move from Airflow to Dagster\".",
            valueName: "phrase"))
        var topic: String?

        func run() async throws {
            let id = try parseID(interview, .interview)
            let form = InterviewerForm(
                name: name, title: title, email: email, phone: phone, address: address, company: company, honorific: honorific, notes: notes, topic: topic)
            let outcome = try global.workspace.addInterviewer(form, toInterview: id, label: { "--\($0)" })
            let interviewer = outcome.interviewer
            if outcome.merged {
                Console.note("\(interviewer.name) was already known (#\(interviewer.storedID)); merged and seated on interview #\(id)")
            }
            if output.json {
                try Console.json(JSONShape.Created(id: interviewer.storedID))
            } else {
                let interview = try global.workspace.interview(id: id).interview
                Console.out(
                    "\(interviewer.name) (#\(interviewer.storedID)) is on the panel of interview #\(id) (\(interview.company), \(interview.role)), "
                        + Wording.channel(of: interviewer) + ".")
            }
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Correct or complete an interviewer's details.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The interviewer's id.", completion: RecordKind.interviewer.completion) var interviewer: String
        @Option(help: "Their name, spelled exactly as on their card.") var name: String?
        @Option(help: "Their job title.") var title: String?
        @Option(help: "Their e-mail address.") var email: String?
        @Option(help: "Their phone number.") var phone: String?
        @Option(help: "Their postal address; separate lines with \";\" or \"\\n\".") var address: String?
        @Option(help: "Their company.") var company: String?
        @Option(help: "How a formal greeting addresses them: Ms., Mr., Dr., Mx. … (\"\" for none).") var honorific: String?
        @Option(
            parsing: .unconditional,
            help: "What you talked about with this person alone (\"\" for none); may begin with \"-\".")
        var notes: String?
        @Option(help: ArgumentHelp(
            "What their thank-you says you talked about, finishing \"our conversation about …\" (\"\" for none).", valueName: "phrase"))
        var topic: String?

        func run() async throws {
            let id = try parseID(interviewer, .interviewer)
            let form = InterviewerForm(
                name: name, title: title, email: email, phone: phone, address: address, company: company, honorific: honorific, notes: notes, topic: topic)
            let person = try global.workspace.updateInterviewer(id: id, with: form, label: { "--\($0)" })
            Console.out("#\(id) \(person.name) updated.")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove an interviewer and their drafts (refused once a message to them is in the ledger).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The interviewer's id.", completion: RecordKind.interviewer.completion) var interviewer: String

        func run() async throws {
            let id = try parseID(interviewer, .interviewer)
            let person = try global.workspace.removeInterviewer(id: id)
            Console.out("#\(id) \(person.name) removed, with their drafts.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Everyone you have met, with their interviews.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only people at this company.") var company: String?

        func run() async throws {
            let details = try global.workspace.interviewers(company: company)
            if output.json {
                try Console.json(details.map(JSONShape.InterviewerWithInterviews.init))
                return
            }
            guard !details.isEmpty else {
                Console.out(
                    company == nil
                        ? "Nobody yet. Add an interviewer with `afterword interviewer add INTERVIEW --name …`."
                        : "Nobody at \(company ?? "") yet.")
                return
            }
            for detail in details {
                let person = detail.interviewer
                Console.out(
                    "#\(person.storedID)  \(person.name)\(person.title.map { ", \($0)" } ?? "")\(person.company.map { " — \($0)" } ?? "")  → \(Wording.channel(of: person))")
                for interview in detail.interviews {
                    Console.out(
                        "      interview #\(interview.storedID): \(interview.company) — \(interview.role), \(ISO8601.display(interview.startsAt, in: interview.zone))")
                }
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the people you met as vCard 4.0, for Thunderbird, Apple Contacts or Google Contacts.")

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only the panel of this interview.", valueName: "id"), completion: RecordKind.interview.completion)
        var interview: String?
        @Option(help: "Only people at this company.") var company: String?
        @Option(help: ArgumentHelp("The file to write (- for standard output).", valueName: "file")) var vcard: String

        func run() async throws {
            let id = try interview.map { try parseID($0, .interview) }
            let (cards, count) = try global.workspace.interviewerCards(interviewId: id, company: company)
            guard vcard != "-" else {
                Console.raw(cards)
                return
            }
            try Console.writeFile(Data(cards.utf8), to: vcard)
            Console.out("Wrote \(Wording.count(count, "person", plural: "people")) to \(vcard) (vCard 4.0); import it in your address book.")
        }
    }
}
