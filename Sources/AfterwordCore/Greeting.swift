import Foundation

/// The opening and closing lines of a letter.
public enum Greeting {
    static let openers = [
        "dear", "hello", "hi", "hey", "heya", "hiya", "good morning", "good afternoon", "good evening", "greetings",
        "howdy", "yo",
    ]
    static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "madam", "madame", "herr", "frau", "mme",
        "mlle",
    ]
    static let generic: Set<String> = [
        "hiring manager", "team", "all", "everyone", "sir or madam", "to whom it may concern", "there", "folks",
        "friend", "hiring team", "recruiter", "interviewer", "whom it may concern", "sir", "madam", "you", "",
    ]
    /// Sign-off lines: the letter ends where one of these stands on its own line.
    static let closings: Set<String> = [
        "best", "regards", "sincerely", "thanks", "cheers", "cordially", "respectfully", "yours", "warmly",
        "gratefully", "thank you", "with thanks", "warm regards", "kind regards", "best regards", "best wishes",
        "all the best", "many thanks", "with gratitude", "yours sincerely", "sincerely yours", "yours truly",
        "with appreciation", "respectfully yours", "warmest regards", "thanks again", "with best regards",
        "with many thanks", "thank you again", "warm wishes", "with warm regards",
    ]

    /// The name part of a greeting line ("Dear Dr. Whitfield," → "Dr. Whitfield"), or nil when the line is no greeting.
    static func parse(_ line: String) -> (opener: String, name: String, nameOffset: Int)? {
        let trimmedLeading = line.drop { $0 == " " || $0 == "\t" }
        let lower = trimmedLeading.lowercased()
        for opener in openers where lower.hasPrefix(opener) {
            let rest = trimmedLeading.dropFirst(opener.count)
            guard rest.isEmpty || rest.first == " " || rest.first == "," || rest.first == "\t" else { continue }
            let nameStart = rest.drop { $0 == " " || $0 == "," || $0 == "\t" }
            var name = String(nameStart)
            while let last = name.last, ",:;!. \t".contains(last) { name.removeLast() }
            let offset = line.count - nameStart.count
            return (opener, name, offset)
        }
        // A bare name followed by a comma ("Dana,") opens many handwritten notes.
        let trimmed = trimmedLeading.trimmingCharacters(in: .whitespaces)
        let words = trimmed.dropLast().split(separator: " ")
        if trimmed.hasSuffix(","), (1...4).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }) {
            return ("", String(trimmed.dropLast()), line.count - trimmedLeading.count)
        }
        return nil
    }

    /// The words of a greeting's name part without honorifics ("Dr. Dana Whitfield" → ["Dana", "Whitfield"]).
    static func nameWords(_ name: String) -> [Substring] {
        name.split(whereSeparator: { $0 == " " || $0 == "\t" }).filter {
            !honorifics.contains($0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")))
        }
    }
}

/// Comparing names the way a careful reader does: exact, or almost.
enum NameWords {
    /// The words of a name or company ("Acme Corp." → ["Acme", "Corp"], "Jean-Luc" → ["Jean-Luc", "Jean", "Luc"]).
    static func words(of text: String) -> [String] {
        var words: [String] = []
        for word in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "'" && $0 != "’" }) {
            let plain = String(word).trimmingCharacters(in: CharacterSet(charactersIn: "-'’"))
            guard !plain.isEmpty else { continue }
            words.append(plain)
            if plain.contains("-") { words += plain.split(separator: "-").map(String.init) }
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
    static func isNearMiss(_ written: String, of expected: String) -> Bool {
        guard written != expected else { return false }
        if folded(written) == folded(expected) { return true }
        let allowed = expected.count >= 8 ? 2 : (expected.count >= 4 ? 1 : 0)
        return allowed > 0 && distance(folded(written), folded(expected), limit: allowed) <= allowed
    }
}
