import AfterwordCore
import AfterwordStore
import ArgumentParser
import Foundation

/// `afterword interviewer …`: the people you met.
struct InterviewerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interviewer",
        abstract: "Record and look up the people who interviewed you.",
        subcommands: [Add.self, Edit.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an interviewer to an interview's panel and print their id.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The interview's id.") var interview: String
        @Option(help: "Their name, spelled exactly as on their card.") var name: String
        @Option(help: "Their job title.") var title: String?
        @Option(help: "Their e-mail address (then the thank-you is an e-mail).") var email: String?
        @Option(help: "Their phone number (kept for your records; never a reason to call).") var phone: String?
        @Option(help: "Their postal address; separate lines with \";\" or \"\\n\".") var address: String?
        @Option(help: "Their company, when not the interview's.") var company: String?

        func run() async throws {
            let id = try parseID(interview, "interview")
            let name = try nonEmpty(name, "--name", example: "Dana Whitfield")
            let email = try email.flatMap(Self.checkedEmail)
            let address = address.map(Self.addressLines).flatMap { $0.isEmpty ? nil : $0 }
            let region = try global.loadConfig().values["region"] ?? "US"
            let phone = phone.flatMap(Self.blankToNil).map { PhoneNumber.e164($0, region: region) ?? $0 }
            let store = try global.openStore()
            let detail = try storeCall { try store.interview(id: id) }
            let person = Interviewer(
                name: name, title: title.flatMap(Self.blankToNil),
                company: company.flatMap(Self.blankToNil) ?? detail.interview.company, email: email, phone: phone,
                address: address, createdAt: global.now)
            let outcome = try storeCall { try store.importInterviewers([person], toInterview: id) }[0]
            let interviewer = outcome.interviewer
            if outcome.merged {
                Console.note("\(interviewer.name) was already known (#\(interviewer.id ?? 0)); merged and seated on interview #\(id)")
            }
            if output.json {
                try Console.json(JSONShape.Created(id: interviewer.id ?? 0))
            } else {
                Console.out("\(interviewer.id ?? 0)")
            }
        }

        /// A typed e-mail address, checked and with its domain lower-cased; nil when blank.
        static func checkedEmail(_ value: String) throws -> String? {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            guard EmailAddress.isPlausible(trimmed) else {
                throw UserError("--email: \"\(value)\" is not an e-mail address; write it like dana@acme.com")
            }
            return EmailAddress.normalized(trimmed)
        }

        static func blankToNil(_ text: String) -> String? {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }

        /// "1 Main St; Springfield" → two lines.
        static func addressLines(_ text: String) -> String {
            text.replacingOccurrences(of: "\\n", with: "\n").split(whereSeparator: { $0 == ";" || $0 == "\n" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n")
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Correct or complete an interviewer's details.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The interviewer's id.") var interviewer: String
        @Option(help: "Their name, spelled exactly as on their card.") var name: String?
        @Option(help: "Their job title.") var title: String?
        @Option(help: "Their e-mail address.") var email: String?
        @Option(help: "Their phone number.") var phone: String?
        @Option(help: "Their postal address; separate lines with \";\" or \"\\n\".") var address: String?
        @Option(help: "Their company.") var company: String?

        func run() async throws {
            let id = try parseID(interviewer, "interviewer")
            let store = try global.openStore()
            var person = try storeCall { try store.interviewer(id: id) }
            if let name { person.name = try nonEmpty(name, "--name", example: "Dana Whitfield") }
            if let title { person.title = Add.blankToNil(title) }
            if let company { person.company = Add.blankToNil(company) }
            if let email { person.email = try Add.checkedEmail(email) }
            if let phone {
                let region = try global.loadConfig().values["region"] ?? "US"
                person.phone = Add.blankToNil(phone).map { PhoneNumber.e164($0, region: region) ?? $0 }
            }
            if let address { person.address = Add.blankToNil(Add.addressLines(address)) }
            _ = try storeCall { try store.updateInterviewer(person) }
            Console.out("#\(id) \(person.name) updated.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Everyone you have met, with their interviews.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only people at this company.") var company: String?

        func run() async throws {
            let details = try global.openStore().interviewers(company: company)
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
                    "#\(person.id ?? 0)  \(person.name)\(person.title.map { ", \($0)" } ?? "")\(person.company.map { " — \($0)" } ?? "")  → \(describe(person))")
                for interview in detail.interviews {
                    Console.out(
                        "      interview #\(interview.id ?? 0): \(interview.company) — \(interview.role), \(ISO8601.display(interview.startsAt, in: interview.zone))")
                }
            }
        }
    }
}
