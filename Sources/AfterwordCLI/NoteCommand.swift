import AfterwordApp
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
        @Argument(help: "The draft's id.", completion: RecordKind.draft.completion) var draft: String
        @Option(help: "Where to write the PDF (default: note-DRAFT.pdf in the current directory).") var out: String?
        @Option(help: "Card size: a2, a6, a7 or half-letter.") var card: String = NoteCardSize.a2.rawValue
        @Flag(help: "Only the card, no envelope page.") var noEnvelope = false
        @Option(help: "Print the card on letter or a4 paper, with cut marks.") var sheet: String?
        @Flag(help: "Leave your typed name out and room under the closing to sign by hand.") var signByHand = false
        @Flag(help: "Print today's date above the greeting.") var date = false

        func run() async throws {
            guard let size = NoteCardSize(rawValue: card.lowercased()) else {
                throw UserError("--card: \"\(card)\" is not a card size; use a2, a6, a7 or half-letter")
            }
            let paper = try sheet.map { name in
                guard let paper = NoteCardSheet(rawValue: name.lowercased()) else {
                    throw UserError("--sheet: \"\(name)\" is not a paper size; use letter or a4")
                }
                return paper
            }
            let id = try parseID(draft, .draft)
            let workspace = try global.workspace
            let bytes = try workspace.notePDF(draftId: id, size: size, envelope: !noEnvelope, sheet: paper, signByHand: signByHand, dated: date)
            let path = out ?? "note-\(id).pdf"
            try Console.writeFile(Data(bytes), to: path)
            try workspace.markPrinted(draftId: id)
            let card = "\(size.rawValue) card" + (paper.map { " on \($0.rawValue) paper, with cut marks" } ?? "")
            Console.out("Wrote \(path) (\(card)\(noEnvelope ? "" : " and envelope")). Once it is in the post: `afterword note mailed \(id)`.")
        }
    }

    struct Mailed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mailed",
            abstract: "Record that the note card went in the post (a second note to the same person is refused).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The draft's id.", completion: RecordKind.draft.completion) var draft: String

        func run() async throws {
            let id = try parseID(draft, .draft)
            let context = try global.workspace.draftContext(id)
            try global.workspace.noteMailed(draftId: id)
            Console.out(
                "Recorded as posted: \(context.summary). No second note will go to this interviewer for this interview.")
        }
    }
}
