import Foundation

/// The closing lines of a letter.
public enum Greeting {
    /// True when `line` is a sign-off alone, with no name ("Best regards,").
    public static func isSignOff(_ line: String) -> Bool {
        let words = line.lowercased().split { !$0.isLetter && $0 != "&" }.joined(separator: " ")
        return closings.contains(words)
    }

    /// The body signed by `name` (and `signature` lines) when it ends in a sign-off with no name under it;
    /// nil when it is signed already or has no sign-off.
    public static func signed(_ body: String, name: String, signature: String? = nil) -> String? {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        guard let last = lines.last, isSignOff(last), !name.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        lines.append(name)
        if let signature, !signature.isEmpty { lines.append(signature) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Sign-off lines: the letter ends where one of these stands on its own line (or before a name).
    static let closings: Set<String> = [
        "best", "regards", "sincerely", "thanks", "cheers", "cordially", "respectfully", "yours", "warmly",
        "gratefully", "thank you", "with thanks", "warm regards", "kind regards", "best regards", "best wishes",
        "all the best", "many thanks", "with gratitude", "yours sincerely", "sincerely yours", "yours truly",
        "with appreciation", "respectfully yours", "warmest regards", "thanks again", "with best regards",
        "with many thanks", "thank you again", "warm wishes", "with warm regards", "kindest regards", "warmest",
        "best wishes", "with kind regards", "yours faithfully", "faithfully", "thanking you", "thanks so much",
        "thank you so much", "much appreciated", "with sincere thanks", "sincere thanks", "kind regards", "rgds",
        "br", "thx", "ty", "xoxo", "love", "take care", "talk soon", "speak soon", "until then", "best of luck",
        "have a great day", "have a great weekend", "appreciatively", "gratefully yours", "with respect", "regards and thanks",
        "thanks and regards", "thanks & regards", "best and thanks", "thanks a lot", "warm thanks", "heartfelt thanks",
        "again thank you", "again thanks", "respectfully submitted", "very best", "very best wishes", "all best",
        "with best wishes", "with warmest regards", "cheers again", "thanks heaps", "ciao", "peace",
    ]
}

/// Comparing names the way a careful reader does: exact, or almost.
enum NameWords {
    /// The words of a name or company ("Acme Corp." → ["Acme", "Corp"], "Jean-Luc" → ["Jean-Luc", "Jean", "Luc"]).
    static func words(of text: String) -> [String] {
        // Invisible format characters (direction marks, zero-width joiners) separate words.
        let text = text.unicodeScalars.contains { $0.properties.generalCategory == .format }
            ? String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .format ? " " : $0 }))
            : text
        var words: [String] = []
        func isEdge(_ character: Character) -> Bool { character == "-" || character == "'" || character == "’" }
        for word in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "'" && $0 != "’" }) {
            let trimmed = word.drop(while: isEdge)
            let plain = String(trimmed.prefix(trimmed.count - trimmed.reversed().prefix(while: isEdge).count))
            guard !plain.isEmpty else { continue }
            words.append(plain)
            if plain.utf8.contains(0x2D) { words += plain.split(separator: "-").map(String.init) }
        }
        return words
    }

    /// Case- and accent-blind form.
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Levenshtein distance, capped at `limit + 1` for speed.
    static func distance(_ a: String, _ b: String, limit: Int = 3) -> Int {
        let a = Array(a)
        let b = Array(b)
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// True when `written` looks like a misspelling of `expected` (same letters but case or accents, or one or two typos).
    /// - Parameter loosely: also a name with the same first letter and at most two letters apart (one
    ///   for a short name): "John" for "Jon", "Steven" for "Stephen", "Ayesha" for "Aisha".
    static func isNearMiss(_ written: String, of expected: String, loosely: Bool = false) -> Bool {
        guard written != expected else { return false }
        let (a, b) = (folded(written), folded(expected))
        if a == b { return true }
        var allowed = expected.count >= 8 ? 2 : (expected.count >= 4 ? 1 : 0)
        if loosely, a.count >= 3, b.count >= 3, a.first == b.first { allowed = max(allowed, b.count >= 5 ? 2 : 1) }
        return allowed > 0 && distance(a, b, limit: allowed) <= allowed
    }
}
