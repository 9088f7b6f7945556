import AfterwordApp
import AfterwordCore
import AfterwordStore
import ArgumentParser
import Foundation

/// `afterword draft …`: compose, show and edit thank-yous.
struct DraftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Compose a thank-you for each interviewer of an interview, or show one again.",
        subcommands: [Compose.self, Show.self],
        defaultSubcommand: Compose.self
    )

    struct Compose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compose one draft per interviewer: an e-mail when their address is known, else a note.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The interview's id.") var interview: String
        @Option(help: ArgumentHelp("Only the draft for this interviewer (an id).", valueName: "id")) var interviewer: String?
        @Flag(help: "Open each draft in $VISUAL or $EDITOR, then check it again.") var edit = false
        @Flag(help: "Compose afresh even when a draft exists (the old one is kept in the history).") var recompose = false

        func run() async throws {
            let interviewId = try parseID(interview, "interview")
            let onlyId = try interviewer.map { try parseID($0, "interviewer") }
            var results = try global.workspace.composeDrafts(interviewId: interviewId, onlyInterviewer: onlyId, recompose: recompose)
            if try global.loadConfig().sender.name == nil {
                Console.note("your name is not set, so drafts are unsigned; set it with `afterword config set name \"…\"`")
            }
            if edit {
                let store = try global.openStore()
                for index in results.indices {
                    results[index] = try DraftEditor.edit(results[index].draft, store: store, workspace: global.workspace)
                }
            }
            if output.json {
                try Console.json(results.map { JSONShape.DraftShape($0.draft, interviewerName: $0.interviewerName, findings: $0.findings) })
                return
            }
            for result in results {
                DraftCheck.print(result.draft, findings: result.findings, reused: result.reused && !recompose)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a draft in the form `afterword check` reads (headers, blank line, body).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The draft's id.") var draft: String

        func run() async throws {
            let context = try global.workspace.draftContext(try parseID(self.draft, "draft"), store: try global.openStore())
            let draft = context.draft
            let name = context.person.name
            if output.json {
                let findings = Workspace.findings(draft, interview: context.detail.interview, interviewer: name)
                try Console.json(JSONShape.DraftShape(draft, interviewerName: name, findings: findings))
                return
            }
            Console.out(draft.text.hasSuffix("\n") ? String(draft.text.dropLast()) : draft.text)
        }
    }
}

/// Checking and printing stored drafts.
enum DraftCheck {
    static func print(_ draft: Draft, findings: [Finding], reused: Bool) {
        let kind = draft.channel == .email ? "e-mail" : "note"
        Console.out("── Draft #\(draft.id ?? 0): \(kind) to \(draft.recipient)\(reused ? " (composed earlier; --recompose to start over)" : "")")
        Console.out(draft.text.hasSuffix("\n") ? String(draft.text.dropLast()) : draft.text)
        if findings.isEmpty {
            Console.out("── passes every check")
        } else {
            for finding in findings { Console.out(FindingText.line(finding, path: "draft #\(draft.id ?? 0)")) }
        }
        Console.out("")
    }
}

/// Opens a draft in the user's editor and stores what they wrote.
enum DraftEditor {
    static func edit(_ draft: Draft, store: AppDatabase, workspace: Workspace) throws -> ReviewedDraft {
        let environment = ProcessInfo.processInfo.environment
        guard let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw UserError("--edit needs an editor; set $EDITOR (for example: export EDITOR=nano)")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-draft-\(draft.id ?? 0)-\(UUID().uuidString).txt")
        try Data(draft.text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$1\"", "afterword-editor", file.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw UserError("the editor (\(editor)) exited with status \(process.terminationStatus); the draft was left unchanged")
        }
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw UserError("the edited draft is not UTF-8 text; it was left unchanged")
        }
        return try workspace.saveDraftText(text, of: try workspace.draftContext(draft.id ?? 0, store: store), store: store)
    }
}
