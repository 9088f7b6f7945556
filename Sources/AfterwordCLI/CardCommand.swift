import AfterwordCore
import AfterwordIntake
import AfterwordStore
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
            abstract: "Import every card of a .vcf file (vCard 2.1, 3.0 or 4.0) as an interviewer.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The .vcf file.") var file: String
        @Option(help: ArgumentHelp("Seat them on this interview's panel.", valueName: "id")) var interview: String?

        func run() async throws {
            let interviewId = try interview.map { try parseID($0, "interview") }
            let text = try IntakeFile.read(file)
            let contacts: [Contact]
            do {
                contacts = try VCardReader.contacts(in: text, file: file)
            } catch {
                throw UserError(error.description)
            }
            let config = try global.loadConfig()
            let people = try contacts.map { try IntakeFile.interviewer($0, config: config, file: file, now: global.now) }
            let store = try global.openStore()
            let outcomes = try storeCall { try store.importInterviewers(people, toInterview: interviewId) }
            try IntakeFile.report(outcomes, json: output.json)
        }
    }

    struct Scan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a business card (text file, stdin, or a .png/.jpg photo through tesseract) and add the person.",
            discussion: "Shows each field it found with a confidence and asks before saving; --yes saves without asking.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "A .txt file, a .png/.jpg photo, or - for text on standard input.") var file: String = "-"
        @Option(help: ArgumentHelp("Seat them on this interview's panel.", valueName: "id")) var interview: String?
        @Flag(help: "Save without asking.") var yes = false

        func run() async throws {
            let interviewId = try interview.map { try parseID($0, "interview") }
            let lower = file.lowercased()
            let text: String
            if [".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"].contains(where: lower.hasSuffix) {
                text = try OCR.text(ofImage: file)
            } else if file == "-" {
                text = TextEncoding.text(of: FileHandle.standardInput.readDataToEndOfFile())
            } else {
                text = try IntakeFile.read(file)
            }
            let card = CardTextReader.read(text)
            guard var contact = card.contact else {
                throw UserError(
                    "\(file == "-" ? "<stdin>" : file): no name found on the card; add the person by hand with `afterword interviewer add INTERVIEW --name …`")
            }
            let config = try global.loadConfig()
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
                FileHandle.standardError.write(Data("Save this person? [y/N] ".utf8))
                guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                    Console.out("Nothing saved.")
                    return
                }
            }
            if contact.company == nil, let interviewId {
                contact.company = try storeCall { try global.openStore().interview(id: interviewId) }.interview.company
            }
            let person = try IntakeFile.interviewer(contact, config: config, file: file, now: global.now)
            let outcomes = try storeCall { try global.openStore().importInterviewers([person], toInterview: interviewId) }
            try IntakeFile.report(outcomes, json: output.json)
        }
    }
}

/// Reading intake files and reporting what they added.
enum IntakeFile {
    static func read(_ path: String) throws -> String {
        if path == "-" { return TextEncoding.text(of: FileHandle.standardInput.readDataToEndOfFile()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw UserError("\(path): no such file; check the path")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserError("\(path): cannot be read; check its permissions")
        }
        return TextEncoding.text(of: data)
    }

    /// A contact as an interviewer: e-mail checked and its domain lower-cased, phone in E.164 when possible.
    static func interviewer(_ contact: Contact, config: Config, file: String, now: Date) throws -> Interviewer {
        var person = contact.interviewer(createdAt: now)
        if let email = person.email {
            guard EmailAddress.isPlausible(email.trimmingCharacters(in: .whitespaces)) else {
                throw UserError(
                    "\(file)\(contact.line > 0 ? ":\(contact.line)" : ""): EMAIL: \"\(email)\" (card of \(contact.name)) is not an e-mail address; correct it in the card and import again")
            }
            person.email = EmailAddress.normalized(email)
        }
        if let phone = person.phone { person.phone = PhoneNumber.e164(phone, region: config.values["region"] ?? "US") ?? phone }
        return person
    }

    static func report(_ outcomes: [ImportOutcome], json: Bool) throws {
        if json {
            try Console.json(outcomes.map { Imported(id: $0.interviewer.id ?? 0, name: $0.interviewer.name, merged: $0.merged) })
            return
        }
        for outcome in outcomes {
            let person = outcome.interviewer
            Console.out(
                outcome.merged
                    ? "#\(person.id ?? 0) \(person.name): already known, merged (no duplicate created)"
                    : "#\(person.id ?? 0) \(person.name): added\(person.email.map { " <\($0)>" } ?? "")")
        }
    }

    struct Imported: Encodable {
        var id: Int64
        var name: String
        var merged: Bool
    }
}

/// Business-card photos read with the tesseract OCR program.
enum OCR {
    static func text(ofImage path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw UserError("\(path): no such file; check the path") }
        guard let tesseract = executable("tesseract") else {
            throw UserError(
                "reading a card photo needs the tesseract OCR program; install it (Debian/Ubuntu: sudo apt-get install tesseract-ocr; macOS: brew install tesseract) or paste the card's text instead")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tesseract)
        process.arguments = [path, "stdout", "--psm", "3"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        _ = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw UserError("\(path): tesseract could not read any text from this image; take a sharper, well-lit photo or paste the card's text")
        }
        return text
    }

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
