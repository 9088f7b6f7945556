import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword draft …`: compose, show and edit thank-yous.
struct DraftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Compose a thank-you for each interviewer of an interview, or show one again.",
        subcommands: [Compose.self, Show.self, List.self, Review.self],
        defaultSubcommand: Compose.self
    )

    struct Compose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compose",
            abstract: "Compose one draft per interviewer: an e-mail when their address is known, else a note.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The interview's id.", completion: RecordKind.interview.completion) var interview: String
        @Option(help: ArgumentHelp("Only the draft for this interviewer (an id).", valueName: "id")) var interviewer: String?
        @Flag(help: "Open each draft in $VISUAL or $EDITOR, then check it again.") var edit = false
        @Flag(help: "Compose afresh even when a draft exists (the old one is kept in the history).") var recompose = false
        @Flag(help: "List the topics your notes suggest for each interviewer, and compose nothing.") var suggest = false

        func run() async throws {
            let interviewId = try parseID(interview, .interview)
            let onlyId = try interviewer.map { try parseID($0, .interviewer) }
            let detail = try global.workspace.interview(id: interviewId)
            let suggestions = try global.workspace.topicSuggestions(detail)
            if suggest {
                try DraftCommand.printSuggestions(detail, suggestions, only: onlyId, json: output.json)
                return
            }
            var results = try global.workspace.composeDrafts(interviewId: interviewId, onlyInterviewer: onlyId, recompose: recompose)
            if try global.loadConfig().sender.name == nil {
                Console.note("your name is not set, so drafts are unsigned; " + Remedy.setSetting("name", example: "\"…\"").phrase)
            }
            if edit {
                for index in results.indices {
                    results[index] = try DraftEditor.edit(results[index].draft, workspace: global.workspace)
                }
            }
            if output.json {
                try Console.json(results.map { JSONShape.DraftShape($0.draft, interviewerName: $0.interviewerName, findings: $0.findings) })
                return
            }
            for result in results {
                DraftCheck.print(result.draft, findings: result.findings, reused: result.reused && !recompose)
                if let person = detail.interviewers.first(where: { $0.id == result.draft.interviewerId }), person.topic == nil,
                    !result.draft.isEditedByHand
                {
                    Console.out(DraftCommand.topicHint(person, suggestions[person.storedID] ?? [], interviewId: interviewId))
                }
            }
            if edit, let flawed = results.first(where: { $0.findings.hasErrors }) {
                throw UserError(
                    "the edited draft still breaks the rules above", remedy: .editDraft(interview: interviewId, interviewer: flawed.draft.interviewerId),
                    exitCode: 1)
            }
        }
    }

    /// The suggestions per interviewer, each with the command that confirms it.
    static func printSuggestions(_ detail: InterviewDetail, _ suggestions: [Int64: [TopicSuggestion]], only: Int64?, json: Bool) throws {
        if json {
            try Console.json(detail.interviewers.filter { only == nil || $0.id == only }.map { person in
                JSONShape.Suggestions(
                    interviewer: person.storedID, name: person.name, topic: person.topic,
                    suggestions: (suggestions[person.storedID] ?? []).map(\.topic.text),
                    attributed: (suggestions[person.storedID] ?? []).filter { $0.interviewerId != nil }.map { .init(topic: $0.topic.text) })
            })
            return
        }
        for person in detail.interviewers where only == nil || person.id == only {
            let list = suggestions[person.storedID] ?? []
            Console.out("#\(person.storedID) \(person.name)" + (person.topic.map { ": topic \"\($0)\"" } ?? ": no topic yet"))
            if list.isEmpty {
                Console.out("  nothing in your notes reads as a topic for them; write one yourself:")
            }
            for suggestion in list {
                let source = suggestion.interviewerId == nil ? "" : " (your notes name them)"
                Console.out("  \"\(suggestion.topic.text)\"\(source)")
            }
            Console.out("  set it: afterword interviewer edit \(person.storedID) --topic \"\(list.first?.topic.text ?? "…")\"")
        }
    }

    /// The line under a draft without a topic: what a topic would do, and what the notes offer.
    static func topicHint(_ person: Interviewer, _ suggestions: [TopicSuggestion], interviewId: Int64) -> String {
        let first = person.name.split(separator: " ").first.map(String.init) ?? person.name
        guard !suggestions.isEmpty else {
            return "  a topic would make this note specific: afterword interviewer edit \(person.storedID) --topic \"…\" (a phrase that finishes \"our conversation about …\"), then afterword draft \(interviewId) --interviewer \(person.storedID) --recompose"
        }
        let offered = suggestions.prefix(3).map { "'\($0.topic.text)'" + ($0.interviewerId != nil ? " (for \(first))" : "") }
        return "  a topic would make this note specific; from your notes: \(offered.joined(separator: ", ")); "
            + "set one with: afterword interviewer edit \(person.storedID) --topic \"\(suggestions[0].topic.text)\", then afterword draft \(interviewId) --interviewer \(person.storedID) --recompose"
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print a draft in the form `afterword check` reads (headers, blank line, body).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The draft's id.", completion: RecordKind.draft.completion) var draft: String

        func run() async throws {
            let context = try global.workspace.draftContext(try parseID(self.draft, .draft))
            let draft = context.draft
            let name = context.person.name
            if output.json {
                let findings = Workspace.findings(
                    draft, interview: context.detail.interview, interviewer: name, panel: try global.workspace.panelDrafts(context.detail))
                try Console.json(JSONShape.DraftShape(draft, interviewerName: name, findings: findings))
                return
            }
            // What it is, beside the text: the text alone on standard output, to pipe into `check -`.
            Console.progress(context.summary)
            Console.out(draft.text.hasSuffix("\n") ? String(draft.text.dropLast()) : draft.text)
        }
    }
}

extension DraftCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List drafts (every one kept, newest per person marked), with what became of each.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("Only the drafts of this interview (an id).", valueName: "id")) var interview: String?

        func run() async throws {
            let interviewId = try interview.map { try parseID($0, .interview) }
            let rows = try global.workspace.drafts(interviewId: interviewId)
            if output.json {
                try Console.json(rows.map { ListedDraft(draft: $0.draft, message: $0.message) })
                return
            }
            guard !rows.isEmpty else {
                Console.out(interviewId.map { "No drafts for interview #\($0) yet: `afterword draft \($0)`." } ?? "No drafts yet: `afterword draft INTERVIEW`.")
                return
            }
            var newest: [String: Int64] = [:]
            for (draft, _) in rows { newest["\(draft.interviewId)-\(draft.interviewerId)-\(draft.openingId ?? 0)"] = draft.id }
            for (draft, message) in rows {
                let kind = draft.isReconnect ? "reconnect" : (draft.channel == .email ? "e-mail" : "note")
                let fate = message.map { "\($0.state.rawValue)\($0.sentAt.map { " \(ISO8601.utc($0))" } ?? "")" }
                let isNewest = newest["\(draft.interviewId)-\(draft.interviewerId)-\(draft.openingId ?? 0)"] == draft.id
                Console.out(
                    "#\(draft.storedID)  interview #\(draft.interviewId)  \(kind) to \(draft.recipient)  \(ISO8601.utc(draft.updatedAt))"
                        + (fate.map { "  \($0)" } ?? "") + (isNewest ? "" : "  (an earlier version)"))
            }
        }

        struct ListedDraft: Encodable {
            var id: Int64
            var interview: Int64
            var interviewer: Int64
            var channel: Channel
            var to: String
            var updatedAt: Date
            var state: MessageState?

            init(draft: Draft, message: LedgerEntry?) {
                id = draft.storedID
                interview = draft.interviewId
                interviewer = draft.interviewerId
                channel = draft.channel
                to = draft.recipient
                updatedAt = draft.updatedAt
                state = message?.state
            }
        }
    }
}

/// Checking and printing stored drafts.
enum DraftCheck {
    static func print(_ draft: Draft, findings: [Finding], reused: Bool) {
        let kind = draft.channel == .email ? "e-mail" : "note"
        Console.out("── Draft #\(draft.storedID): \(kind) to \(draft.recipient)\(reused ? " (composed earlier; --recompose to start over)" : "")")
        Console.out(draft.text.hasSuffix("\n") ? String(draft.text.dropLast()) : draft.text)
        if findings.isEmpty {
            Console.out("── passes every check")
        } else {
            for finding in findings { Console.out(FindingText.line(finding, path: "draft #\(draft.storedID)")) }
        }
        Console.out("")
    }
}

/// Opens a draft in the user's editor and stores what they wrote.
enum DraftEditor {
    static func edit(_ draft: Draft, workspace: Workspace) throws -> ReviewedDraft {
        let environment = ProcessInfo.processInfo.environment
        guard let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw UserError("--edit needs an editor; set $EDITOR (for example: export EDITOR=nano)")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-draft-\(draft.storedID)-\(UUID().uuidString).txt")
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
        return try workspace.saveDraftText(text, of: try workspace.draftContext(draft.storedID))
    }
}

extension DraftCommand {
    /// `afterword --as EMAIL draft review ID`: a seeker of a career centre asks their coach to review a draft.
    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ask your career centre coach to review a draft (a centre's seeker, e.g. with --as).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The draft's id.", valueName: "draft")) var draft: String

        func run() async throws {
            let id = try parseID(draft, .draft)
            let workspace = try global.workspace
            guard workspace.seat != nil else {
                throw UserError("review is part of a career centre; this Afterword is your own (run it with --database URL --as EMAIL)")
            }
            try global.centre.requestReview(id, in: workspace)
            Console.out("Asked for a review of draft \(id); it can be sent once your coach approves it.")
        }
    }
}
