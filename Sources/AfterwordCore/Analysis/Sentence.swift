/// One sentence of the letter, read word by word with what each word means.
///
/// Positions inside a sentence are word positions (0 is its first word); a phrase from the
/// lexicons ("let me know", "follow up") tags the word it starts at, and `phraseEnd` says where it
/// ends. The rules are predicates over these tags; they never look further than the sentence.
struct Sentence: Sendable {
    /// Token indices of the sentence's words and numbers, in order.
    let words: [Int]
    /// The tags of each word, including those of phrases that start at it.
    let tags: [Tags]
    /// Every tag of the sentence together, to skip rules whose words do not occur.
    let allTags: Tags
    /// For each word, the position just after the longest phrase starting there (position + 1 when none).
    let phraseEnd: [Int]
    /// Lower-cased words.
    let lower: [String]
    /// True for the word positions that follow a comma, semicolon, colon or dash: a clause starts there.
    let clauseStart: [Bool]
    /// Ends with "?", or opens like a question ("did you get…", "have you had a chance…").
    let isQuestion: Bool
    /// Ends with "?": a question put to the reader in so many words.
    let endsWithQuestion: Bool
    /// Byte range of the whole sentence.
    let start: Int
    let end: Int

    var count: Int { words.count }

    /// Marks after which a new clause starts.
    static let clauseMarks: Set<String> = [",", ";", ":", "—", "–", "(", ")", "\"", "“", "”"]

    /// True for one of ``clauseMarks``; a one-byte mark is told by its byte, without hashing.
    static func isClauseMark(_ mark: String) -> Bool {
        guard mark.utf8.count == 1, let byte = mark.utf8.first else { return clauseMarks.contains(mark) }
        return byte == 0x2C || byte == 0x3B || byte == 0x3A || byte == 0x28 || byte == 0x29 || byte == 0x22
    }

    /// Text-speak spelled out, so that "lmk what u think" reads as "let me know what you think".
    static let canonical: [String: String] = [
        "u": "you", "ur": "your", "yu": "you", "2": "to", "4": "for", "abt": "about", "pls": "please", "plz": "please",
        "thx": "thanks", "wud": "would", "cud": "could", "r": "are", "n": "and", "b4": "before",
    ]

    init(tokens: [Token], range: Range<Int>, lexicon: Lexicon) {
        var words: [Int] = []
        var clauseStart: [Bool] = []
        words.reserveCapacity(range.count)
        clauseStart.reserveCapacity(range.count)
        var pendingClause = true
        var endsWithQuestion = false
        for index in range {
            let token = tokens[index]
            switch token.kind {
            case .word, .number:
                words.append(index)
                clauseStart.append(pendingClause)
                pendingClause = false
            case .punctuation:
                if Self.isClauseMark(token.lower) { pendingClause = true }
                if token.lower == "?" { endsWithQuestion = true }
            default:
                break
            }
        }
        self.words = words
        self.clauseStart = clauseStart
        lower = words.map { index in
            let word = tokens[index].lower
            // Only a word that starts a phrase may be text-speak (``Token/startsPhrase``).
            return word.utf8.count <= 3 && tokens[index].startsPhrase ? Self.canonical[word] ?? word : word
        }
        var tags = words.map { tokens[$0].tags }
        var phraseEnd = words.indices.map { $0 + 1 }
        for position in words.indices where tokens[words[position]].startsPhrase {
            guard let candidates = lexicon.phrases[lower[position]] else { continue }
            for phrase in candidates where position + phrase.words.count <= words.count {
                var matches = true
                for offset in 1..<phrase.words.count {
                    let here = position + offset
                    // Words of a phrase stand next to each other (a hyphen between them is fine).
                    if lower[here] != phrase.words[offset] || words[here] - words[here - 1] > 2 {
                        matches = false
                        break
                    }
                }
                guard matches else { continue }
                tags[position].formUnion(phrase.tags)
                phraseEnd[position] = max(phraseEnd[position], position + phrase.words.count)
            }
        }
        self.tags = tags
        allTags = tags.reduce(into: Tags()) { $0.formUnion($1) }
        self.phraseEnd = phraseEnd
        let first = lower.first ?? ""
        let second = lower.count > 1 ? lower[1] : ""
        let opensAsQuestion =
            ["did", "have", "has", "had", "could", "can", "would", "will", "is", "are", "was", "were", "do", "does", "may", "when", "where", "what", "how"]
            .contains(first) && (tags.count > 1 && (tags[1].contains(.you) || second == "there" || second == "my" || second == "the" || second == "i" || tags[1].contains(.status) || tags[1].contains(.any)))
        isQuestion = endsWithQuestion || opensAsQuestion
        self.endsWithQuestion = endsWithQuestion
        start = range.isEmpty ? 0 : tokens[range.lowerBound].start
        end = range.isEmpty ? 0 : tokens[range.upperBound - 1].end
    }

    /// True when any word of the sentence carries `tag`.
    func has(_ tag: Tags) -> Bool { !allTags.isDisjoint(with: tag) }

    /// Positions of words carrying any of `tag`.
    func positions(_ tag: Tags) -> [Int] {
        allTags.isDisjoint(with: tag) ? [] : tags.indices.filter { !tags[$0].isDisjoint(with: tag) }
    }

    /// The first position in `range` (clamped to the sentence) whose word carries any of `tag`.
    func first(_ tag: Tags, in range: Range<Int>) -> Int? {
        guard !allTags.isDisjoint(with: tag) else { return nil }
        let clamped = range.clamped(to: 0..<count)
        return clamped.first { !tags[$0].isDisjoint(with: tag) }
    }

    /// True when some word within `range` carries any of `tag`.
    func any(_ tag: Tags, in range: Range<Int>) -> Bool { first(tag, in: range) != nil }

    /// The first position in `range` holding one of the given words.
    func first(_ words: [String], in range: Range<Int>) -> Int? {
        range.clamped(to: 0..<count).first { words.contains(lower[$0]) }
    }

    /// True when a negation governs `position`: a "not", "no", "never" a few words before it in
    /// the same clause ("no need to reply", "you don't have to respond").
    func isNegated(_ position: Int, window: Int = 5) -> Bool {
        var index = position - 1
        while index >= 0, index >= position - window {
            if tags[index].contains(.negation) { return true }
            if clauseStart[index + 1] && index + 1 != position { break }
            index -= 1
        }
        return false
    }

    /// The start of the clause holding `position`.
    func clauseStart(of position: Int) -> Int {
        var index = position
        while index > 0, !clauseStart[index] { index -= 1 }
        return index
    }
}
