import AfterwordCore
import AfterwordPrint
import AfterwordStore
import ArgumentParser
import Foundation

/// `afterword note …`: the printed thank-you and its posting.
struct NoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Print a note card and its envelope as a PDF, and record when it was posted.",
        subcommands: [PDF.self, Mailed.self]
    )

    struct PDF: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pdf",
            abstract: "Write a print-ready PDF: page one the card, page two the envelope.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The draft's id.") var draft: String
        @Option(help: "Where to write the PDF (default: note-DRAFT.pdf in the current directory).") var out: String?
        @Option(help: "Card size: a2, a6, a7 or half-letter.") var card: String = NoteCard.Size.a2.rawValue
        @Flag(help: "Only the card, no envelope page.") var noEnvelope = false

        func run() async throws {
            guard let size = NoteCard.Size(rawValue: card.lowercased()) else {
                throw UserError("--card: \"\(card)\" is not a card size; use a2, a6, a7 or half-letter")
            }
            let store = try global.openStore()
            let config = try global.loadConfig()
            let (draft, detail, person) = try DraftContext.load(self.draft, store: store)
            let id = draft.id ?? 0
            let findings = DraftCheck.findings(draft, interview: detail.interview, interviewer: person.name)
            if findings.hasErrors {
                for finding in findings where finding.severity == .error {
                    FileHandle.standardError.write(Data((FindingText.line(finding, path: "draft #\(id)") + "\n").utf8))
                }
                throw UserError("not printed: the draft breaks \(Set(findings.filter { $0.severity == .error }.map(\.rule.rawValue)).sorted().joined(separator: ", ")); fix it first")
            }
            if !noEnvelope, person.address == nil {
                throw UserError(
                    "no postal address for \(person.name); add it with `afterword interviewer edit \(person.id ?? 0) --address \"…\"` (or print the card alone with --no-envelope)")
            }
            let recipient = [person.name, person.title, person.company ?? detail.interview.company].compactMap { $0 }
                + (person.address?.split(separator: "\n").map(String.init) ?? [])
            var sender = [config.values["name"]].compactMap { $0 }
            sender += (config.values["address"] ?? "").replacingOccurrences(of: "\\n", with: "\n")
                .split(whereSeparator: { $0 == ";" || $0 == "\n" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let note = NoteCard(body: draft.body.trimmingCharacters(in: .whitespacesAndNewlines), recipient: recipient, sender: sender)
            let fonts = try FontFinder.fonts(for: note.body + recipient.joined() + sender.joined(), configured: config.values["note.font"])
            let bytes: [UInt8]
            do {
                bytes = try NoteCardPrinter(fonts: fonts).render(note, size: size, envelope: !noEnvelope, title: "Thank-you note to \(person.name)")
            } catch {
                throw UserError("not printed: \(error.description)")
            }
            let path = out ?? "note-\(id).pdf"
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            } catch {
                throw UserError("cannot write \(path): \(error.localizedDescription)")
            }
            try store.markPrinted(draftId: id, at: global.now)
            Console.out("Wrote \(path) (\(size.rawValue) card\(noEnvelope ? "" : " and envelope")). Once it is in the post: `afterword note mailed \(id)`.")
        }
    }

    struct Mailed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that the note card went in the post (a second note to the same person is refused).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The draft's id.") var draft: String

        func run() async throws {
            let id = try parseID(draft, "draft")
            let store = try global.openStore()
            let draft = try storeCall { try store.draft(id: id) }
            let now = global.now
            let entry = try ledgerCall {
                try store.open(draft, state: .sending, scheduledAt: nil, transport: "post", messageId: "post-\(id)-\(UUID().uuidString)", now: now)
            }
            try store.close(entry.id ?? 0, as: .sent, reply: "posted by you", now: now)
            Console.out("Recorded: the note of draft #\(id) is in the post. No second note will go to this interviewer for this interview.")
        }
    }
}

/// Finds fonts on this machine: the configured one or the system's serif, plus fallbacks for the rest.
enum FontFinder {
    static let knownSerifs = [
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/TTF/DejaVuSerif.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
        "/System/Library/Fonts/Supplemental/Times New Roman.ttf", "/Library/Fonts/Times New Roman.ttf",
    ]

    static func fonts(for text: String, configured: String?) throws -> [TrueTypeFont] {
        var fonts: [TrueTypeFont] = []
        if let configured {
            fonts.append(try load(configured, what: "note.font"))
        } else if let path = ([fcMatch("serif:style=Book"), fcMatch("serif")].compactMap { $0 } + knownSerifs)
            .first(where: { $0.lowercased().hasSuffix(".ttf") && FileManager.default.fileExists(atPath: $0) })
        {
            fonts.append(try load(path, what: "the serif font"))
        } else {
            throw UserError("no serif TrueType font found; install one (Debian: apt-get install fonts-dejavu-core) or set note.font to a .ttf file")
        }
        var printer = NoteCardPrinter(fonts: fonts)
        var tried = Set<String>()
        while let character = printer.missing(in: text).first, let scalar = character.unicodeScalars.first {
            let candidates = fcList(charset: scalar).filter { $0.lowercased().hasSuffix(".ttf") && !tried.contains($0) }
            guard let next = candidates.first(where: { path in
                tried.insert(path)
                return (try? load(path, what: "")).map { font in font.glyph(for: scalar) != nil } ?? false
            }) else { break }
            fonts.append(try load(next, what: "a fallback font"))
            printer = NoteCardPrinter(fonts: fonts)
        }
        return fonts
    }

    static func load(_ path: String, what: String) throws -> TrueTypeFont {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserError("\(what): cannot read \(path); check the path")
        }
        do {
            return try TrueTypeFont(data: Array(data))
        } catch {
            throw UserError("\(what): \(path): \(error.message); choose a .ttf font")
        }
    }

    static func fcMatch(_ pattern: String) -> String? {
        run(["fc-match", "-f", "%{file}", pattern]).flatMap { $0.isEmpty ? nil : $0 }
    }

    static func fcList(charset scalar: Unicode.Scalar) -> [String] {
        (run(["fc-list", ":charset=\(String(scalar.value, radix: 16))", "file"]) ?? "").split(separator: "\n")
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ": ")) }.sorted()
    }

    private static func run(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
