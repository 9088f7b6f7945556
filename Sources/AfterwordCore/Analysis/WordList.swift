/// A plain list of words a rule asks about by name ("is this one of the words that make a request
/// conditional?"). Written like the lexicons: entries separated by commas or line breaks, `#` starts
/// a comment; matched against lower-cased words exactly, without lemmatisation.
struct WordList: Sendable, ExpressibleByStringLiteral {
    private let words: Set<String>

    init(stringLiteral source: String) {
        var words = Set<String>()
        for line in source.split(separator: "\n") {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            for entry in content.split(separator: ",") {
                let word = String(entry).trimmingBlanks().lowercased()
                if !word.isEmpty { words.insert(word) }
            }
        }
        self.words = words
    }

    func contains(_ word: String) -> Bool { words.contains(word) }

    /// True when `word` starts with one of the list's entries ("mobile:" starts with "mobile").
    func contains(prefixOf word: String) -> Bool { words.contains { word.hasPrefix($0) } }

    /// True when `word` ends with one of the list's entries.
    func contains(suffixOf word: String) -> Bool { words.contains { word.hasSuffix($0) } }
}

/// The named word lists of the rules, each in the lexicon file of its subject.
enum Words {}

extension Sentence {
    /// The first position in `range` holding one of `list`'s words.
    func first(_ list: WordList, in range: Range<Int>) -> Int? {
        range.clamped(to: 0..<count).first { list.contains(lower[$0]) }
    }
}
