import ArgumentParser

/// "Did you mean …?" for a mistyped command: the command tree is walked as typed, and a word that names
/// no command where one is expected is matched against the names there.
enum CommandSuggestion {
    /// The line to show for `arguments` when a word in them is a near miss of a command's name; nil when
    /// every command word is right (or the word is no near miss, and the parser's own message stands).
    static func hint(for arguments: [String], root: any ParsableCommand.Type = Afterword.self) -> String? {
        var command = root
        var path = [root.configuration.commandName ?? "afterword"]
        // `afterword help stauts` asks about a command as `afterword stauts` would name it.
        let words = arguments.first == "help" ? Array(arguments.dropFirst()) : arguments
        for word in words {
            guard !word.hasPrefix("-") else { continue }
            let children = command.configuration.subcommands
            guard !children.isEmpty else { return nil }
            if let child = children.first(where: { $0.configuration.commandName == word }) {
                command = child
                path.append(word)
                continue
            }
            // A number or a file is an argument of the default subcommand (`afterword draft 1`).
            guard word.count >= 2, word.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
            let names = children.compactMap { $0.configuration.commandName }
            let near = names.map { ($0, distance(word.lowercased(), $0)) }.filter { $0.1 <= max(1, min(2, word.count / 3)) }
            guard let best = near.min(by: { $0.1 < $1.1 }) else { return nil }
            return "\"\(word)\" is not a command of `\(path.joined(separator: " "))`; did you mean `\((path + [best.0]).joined(separator: " "))`?"
        }
        return nil
    }

    /// The edit distance between two short words (insertions, deletions, substitutions, and a swap of
    /// two neighbours counted as one).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.prefix(40)), b = Array(b.prefix(40))
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }
}
