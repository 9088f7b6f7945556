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
            let templates = try global.loadTemplates()
            let config = try global.loadConfig()
            let store = try global.openStore()
            let detail = try storeCall { try store.interview(id: interviewId) }
            guard !detail.interviewers.isEmpty else {
                throw UserError(
                    "interview #\(interviewId) has no interviewers yet; add them with `afterword interviewer add \(interviewId) --name …`")
            }
            var targets = detail.interviewers
            if let onlyId {
                targets = targets.filter { $0.id == onlyId }
                guard !targets.isEmpty else {
                    throw UserError(
                        "interviewer #\(onlyId) is not on the panel of interview #\(interviewId); see `afterword interview show \(interviewId)`")
                }
            }
            if config.sender.name == nil {
                Console.note("your name is not set, so drafts are unsigned; set it with `afterword config set name \"…\"`")
            }
            let composer = Composer(templates: templates, sender: config.sender)
            let now = global.now
            var results: [(Draft, [Finding])] = []
            var fresh: [Draft] = []
            for person in targets {
                if !recompose, let existing = try store.latestDraft(interviewId: interviewId, interviewerId: person.id ?? 0) {
                    results.append((existing, []))
                    continue
                }
                let composed = try composeOrExplain(composer, detail, person)
                fresh.append(composed.draft)
                results.append((composed.draft, composed.findings))
            }
            var saved = try store.saveDrafts(fresh)[...]
            for index in results.indices where results[index].0.id == nil {
                results[index].0 = saved.removeFirst()
            }
            for index in results.indices {
                let draft = results[index].0
                results[index].1 = DraftCheck.findings(draft, interview: detail.interview, interviewer: name(draft, detail))
            }
            if edit {
                for index in results.indices {
                    results[index] = try DraftEditor.edit(results[index].0, store: store, interview: detail.interview, interviewer: name(results[index].0, detail), now: now)
                }
            }
            if output.json {
                try Console.json(results.map { JSONShape.DraftShape($0.0, interviewerName: name($0.0, detail), findings: $0.1) })
                return
            }
            for (draft, findings) in results {
                DraftCheck.print(draft, findings: findings, reused: !fresh.contains { $0.interviewerId == draft.interviewerId } && !recompose)
            }
        }

        private func composeOrExplain(_ composer: Composer, _ detail: InterviewDetail, _ person: Interviewer) throws -> ComposedDraft {
            do {
                return try composer.compose(detail.interview, for: person, panel: detail.interviewers, now: global.now)
            } catch {
                throw UserError(
                    "template \(global.homeDirectory.appendingPathComponent("templates/\(error.name).mustache").path): \(error.reason); fix it or remove it")
            }
        }

        private func name(_ draft: Draft, _ detail: InterviewDetail) -> String {
            detail.interviewers.first { $0.id == draft.interviewerId }?.name ?? ""
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a draft in the form `afterword check` reads (headers, blank line, body).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The draft's id.") var draft: String

        func run() async throws {
            let (draft, detail, person) = try DraftContext.load(self.draft, store: try global.openStore())
            let name = person.name
            if output.json {
                let findings = DraftCheck.findings(draft, interview: detail.interview, interviewer: name)
                try Console.json(JSONShape.DraftShape(draft, interviewerName: name, findings: findings))
                return
            }
            Console.out(draft.text.hasSuffix("\n") ? String(draft.text.dropLast()) : draft.text)
        }
    }
}

/// Checking and printing stored drafts.
enum DraftCheck {
    /// What the checker says about a stored draft, knowing who it is to and which company.
    static func findings(_ draft: Draft, interview: Interview, interviewer: String) -> [Finding] {
        let document = Document.parse(draft.text, path: "draft #\(draft.id ?? 0)", defaultChannel: draft.channel)
        return Checker().check(document.addressed(to: interviewer, company: interview.company, role: interview.role))
    }

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
    static func edit(_ draft: Draft, store: AppDatabase, interview: Interview, interviewer: String, now: Date) throws -> (Draft, [Finding]) {
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
        let document = Document.parse(text, path: "draft #\(draft.id ?? 0)", defaultChannel: draft.channel)
        guard !document.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw UserError("the edited draft has no body; it was left unchanged")
        }
        let updated = try storeCall {
            try store.updateDraft(id: draft.id ?? 0, subject: draft.channel == .email ? (document.subject ?? draft.subject) : nil, body: document.body, at: now)
        }
        return (updated, DraftCheck.findings(updated, interview: interview, interviewer: interviewer))
    }
}

/// A draft with its interview and the person it is for, loaded for a command.
enum DraftContext {
    static func load(_ text: String, store: AppDatabase) throws -> (Draft, InterviewDetail, Interviewer) {
        let id = try parseID(text, "draft")
        let draft = try storeCall { try store.draft(id: id) }
        let detail = try storeCall { try store.interview(id: draft.interviewId) }
        guard let person = detail.interviewers.first(where: { $0.id == draft.interviewerId }) else {
            throw UserError("draft #\(id) is for someone no longer on the interview's panel; compose it again")
        }
        return (draft, detail, person)
    }
}
