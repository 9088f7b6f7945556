import AfterwordApp
import ArgumentParser
import Foundation

extension RecordKind {
    /// Tab completion of this kind's ids, read from the store of the data directory the command line names
    /// (`--home`, else the usual one). A store that is missing or cannot be read offers nothing.
    var completion: CompletionKind {
        .custom { arguments, _, prefix in
            let home = RecordKind.home(in: arguments)
            // Completing never creates a data directory or a store.
            guard FileManager.default.fileExists(atPath: home.appendingPathComponent("afterword.sqlite").path) else { return [] }
            let workspace = Workspace(home: home, clock: Workspace.systemClock)
            let ids: [Int64]
            switch self {
            case .interview: ids = (try? workspace.interviews().compactMap(\.interview.id)) ?? []
            case .interviewer: ids = (try? workspace.interviewers().compactMap(\.interviewer.id)) ?? []
            case .draft: ids = (try? workspace.drafts().compactMap(\.draft.id)) ?? []
            case .board: ids = (try? workspace.watchedBoards().compactMap(\.board.id)) ?? []
            }
            return ids.map(String.init).filter { $0.hasPrefix(prefix) }
        }
    }

    /// The data directory a command line being completed names with `--home`, else the default.
    static func home(in arguments: [String]) -> URL {
        for (index, argument) in arguments.enumerated() {
            if argument == "--home", index + 1 < arguments.count {
                return URL(fileURLWithPath: (arguments[index + 1] as NSString).expandingTildeInPath)
            }
            if argument.hasPrefix("--home=") {
                return URL(fileURLWithPath: (String(argument.dropFirst("--home=".count)) as NSString).expandingTildeInPath)
            }
        }
        return Workspace.defaultHome()
    }
}
