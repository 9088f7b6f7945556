import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword card …`: interviewers from business cards and address-book exports.
struct CardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Add interviewers from vCards, or from a business card's text or photo.",
        subcommands: [Import.self, Scan.self]
    )

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import every card of a .vcf file (vCard 2.1, 3.0 or 4.0) as an interviewer.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The .vcf file.") var file: String
        @Option(help: ArgumentHelp("Seat them on this interview's panel.", valueName: "id")) var interview: String?

        func run() async throws {
            let interviewId = try interview.map { try parseID($0, .interview) }
            let outcomes = try global.workspace.importCards(try IntakeFile.read(file), file: file, interviewId: interviewId)
            try IntakeFile.report(outcomes, json: output.json)
        }
    }

    struct Scan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scan",
            abstract: "Read a business card (text file, stdin, or a .png/.jpg photo through tesseract) and add the person.",
            discussion: "Shows each field it found with a confidence and asks before saving; --yes saves without asking.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "A .txt file, a .png/.jpg photo, or - for text on standard input.") var file: String = "-"
        @Option(help: ArgumentHelp("Seat them on this interview's panel.", valueName: "id")) var interview: String?
        @Flag(help: "Save without asking.") var yes = false

        func run() async throws {
            let interviewId = try interview.map { try parseID($0, .interview) }
            let lower = file.lowercased()
            let text: String
            if [".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"].contains(where: lower.hasSuffix) {
                text = try OCR.text(ofImage: file)
            } else if file == "-" {
                text = Workspace.text(of: FileHandle.standardInput.readDataToEndOfFile())
            } else {
                text = try IntakeFile.read(file)
            }
            let card = Workspace.readCard(text)
            guard let contact = card.contact else {
                throw UserError(
                    "\(file == "-" ? "<stdin>" : file): no name found on the card; add the person by hand with `afterword interviewer add INTERVIEW --name …`")
            }
            let fields: [(String, ScannedField?)] = [
                ("name", card.name), ("title", card.title), ("company", card.company), ("email", card.email),
                ("phone", card.phone), ("website", card.website), ("address", card.address),
            ]
            if !output.json || !yes {
                for (label, field) in fields {
                    guard let field else { continue }
                    let value = field.value.replacingOccurrences(of: "\n", with: ", ")
                    let line = "\(label.padding(toLength: 8, withPad: " ", startingAt: 0)) \(value)  (\(Int((field.confidence * 100).rounded()))%)"
                    if output.json { Console.note(line) } else { Console.out(line) }
                }
            }
            if !yes {
                guard isatty(STDIN_FILENO) != 0 || file != "-" else {
                    throw UserError("nothing saved: run again with --yes to save what was read from standard input")
                }
                Console.raw("Save this person? [y/N] ", to: .standardError)
                guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                    Console.out("Nothing saved.")
                    return
                }
            }
            let outcomes = try global.workspace.saveScanned(contact, file: file, interviewId: interviewId)
            try IntakeFile.report(outcomes, json: output.json)
        }
    }
}

/// Reading intake files and reporting what they added.
enum IntakeFile {
    static func read(_ path: String) throws -> String {
        if path == "-" { return Workspace.text(of: FileHandle.standardInput.readDataToEndOfFile()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw UserError("\(path): no such file; check the path")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserError("\(path): cannot be read; check its permissions")
        }
        return Workspace.text(of: data)
    }

    static func report(_ outcomes: [ImportOutcome], json: Bool) throws {
        if json {
            try Console.json(outcomes.map { Imported(id: $0.interviewer.storedID, name: $0.interviewer.name, merged: $0.merged) })
            return
        }
        for outcome in outcomes {
            let person = outcome.interviewer
            Console.out(
                outcome.merged
                    ? "#\(person.storedID) \(person.name): already known, merged (no duplicate created)"
                    : "#\(person.storedID) \(person.name): added\(person.email.map { " <\($0)>" } ?? "")")
            if person.nameIsFromEmail {
                Console.note(
                    "\(person.name)'s name was read from their e-mail address; a thank-you greets them by it, so give it as on their card: afterword interviewer edit \(person.storedID) --name \"…\"")
            }
        }
    }

    struct Imported: Encodable {
        var id: Int64
        var name: String
        var merged: Bool
    }
}
