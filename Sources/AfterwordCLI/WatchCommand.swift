import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword watch …`: the public job boards of companies you interviewed with.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch the public job boards (\(BoardProvider.all.map(\.displayName).joined(separator: ", "))) of companies you interviewed with.",
        discussion: """
            Only the boards' public APIs are read, with a User-Agent that says what Afterword is; nothing \
            about you is sent. The API addresses are settings (\(BoardProvider.all.map(\.settingKey).joined(separator: ", "))).
            """,
        subcommands: [Add.self, List.self, Suggest.self, Check.self, Remove.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Watch a company's job board, given its careers page or API address.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The company, as you named it for your interviews.") var company: String
        @Argument(
            help: ArgumentHelp(
                "The board: e.g. \(BoardProvider.examplePages).",
                valueName: "url"))
        var url: String

        func run() async throws {
            let board = try global.workspace.watchBoard(company: company, url: url)
            if !(try global.workspace.metAnyoneAt(board.company)) {
                Console.note(
                    "nobody you met at \"\(board.company)\" is on record, so its openings will name nobody who may remember you; check the spelling against `afterword interview list`"
                )
            }
            if output.json {
                try Console.json(JSONShape.Created(id: board.storedID))
            } else {
                let provider = board.provider.displayName
                Console.out(
                    "Watching \(board.company) on \(provider) (board \"\(board.token)\") as #\(board.storedID); `afterword watch check` reads it"
                )
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Show each watched board with its last check and error.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let boards = try global.workspace.watchedBoards()
            if output.json {
                try Console.json(boards.map(JSONShape.BoardShape.init))
                return
            }
            guard !boards.isEmpty else {
                Console.out(
                    "No boards watched yet; add one with `afterword watch add COMPANY URL`, or see `afterword watch suggest`"
                )
                return
            }
            for summary in boards {
                let board = summary.board
                let checked = board.checkedAt.map { "checked \(ISO8601.utc($0))" } ?? "never checked"
                let state =
                    board.error.map { "error: \($0)" } ?? (board.checkedAt == nil ? "" : "\(summary.openCount) open")
                Console.out(
                    "#\(board.storedID)  \(board.company)  \(summary.careersPage)  \(checked)\(state.isEmpty ? "" : "  \(state)")"
                )
            }
        }
    }

    struct Suggest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suggest",
            abstract: "Guess boards for companies you interviewed with, from their interviewers' e-mail domains.",
            discussion:
                "Guesses only: open the page, and add it with `afterword watch add` if it is the company's board.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let suggestions = try global.workspace.suggestBoards()
            if output.json {
                try Console.json(suggestions.map(JSONShape.SuggestionShape.init))
                return
            }
            guard !suggestions.isEmpty else {
                Console.out(
                    "Nothing to suggest: every company with a work e-mail address on record is watched (or none is recorded)"
                )
                return
            }
            Console.out("Guesses from e-mail domains; check each page before you add it:")
            for suggestion in suggestions {
                Console.out(
                    "  \(suggestion.company) (\(suggestion.domain)): afterword watch add \"\(suggestion.company)\" \(suggestion.url)"
                )
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Stop watching a board; the openings seen on it go with it.",
            discussion: """
                Reconnect notes about its openings that never left go too. A board stays while a reconnect \
                note about one of its openings was sent, is scheduled or may have left.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The board's id, as `afterword watch list` shows it.", completion: RecordKind.board.completion)
        var board: String

        func run() async throws {
            let removed = try global.workspace.unwatchBoard(id: try parseID(board, .board))
            Console.out("Stopped watching #\(removed.storedID) \(removed.company) (\(removed.provider.displayName))")
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Read every watched board now; store new openings and note closed ones.",
            discussion: """
                Boards are read at the same time (bounded); a board that fails is reported in one line and the \
                others go on. Exits 1 when a board could not be read.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Boards read at the same time (1–128).") var concurrency: Int = BoardWatchLimits().concurrency

        func validate() throws {
            guard (1...128).contains(concurrency) else {
                throw ValidationError("--concurrency must be between 1 and 128")
            }
        }

        func run() async throws {
            let workspace = try global.workspace
            guard !(try workspace.watchedBoards()).isEmpty else {
                Console.out("No boards watched yet; add one with `afterword watch add COMPANY URL`")
                return
            }
            let onTerminal = !output.json && isatty(STDERR_FILENO) == 1
            let checks = try await workspace.checkBoards(limits: BoardWatchLimits(concurrency: concurrency)) {
                check in
                if onTerminal { Console.progress(Self.line(check)) }
            }
            let failed = checks.filter { if case .failed = $0.outcome { true } else { false } }.count
            if output.json {
                try Console.json(checks.map(JSONShape.BoardCheckShape.init))
                if failed > 0 { throw ExitCode.failure }
                return
            }
            if !onTerminal { for check in checks { Console.out(Self.line(check)) } }
            let new = checks.reduce(0) { total, check in
                if case .read(_, let new, _) = check.outcome { total + new } else { total }
            }
            Console.out(
                "\(checks.count) board\(checks.count == 1 ? "" : "s") checked, \(new) new opening\(new == 1 ? "" : "s")\(failed > 0 ? ", \(failed) failed" : "")\(new > 0 ? "; see `afterword openings`" : "")"
            )
            // Like a failed delivery: the others were read and stored, but not everything was.
            if failed > 0 { throw ExitCode.failure }
        }

        static func line(_ check: BoardCheck) -> String {
            let name = "#\(check.board.storedID) \(check.board.company)"
            switch check.outcome {
            case .unchanged: return "\(name): unchanged"
            case .read(let listed, let new, let closed):
                return "\(name): \(listed) listed, \(new) new\(closed > 0 ? ", \(closed) closed" : "")"
            case .failed(let message): return "\(name): error: \(message)"
            }
        }
    }
}
