/// What a word or phrase means to the etiquette rules. One word may carry several tags
/// ("call" is a call verb and a call noun; "I'll" is first person and a modal).
struct Tags: OptionSet, Sendable, Hashable {
    let rawValue: UInt64

    static let thanks = Tags(bit: 0)
    static let enjoy = Tags(bit: 1)
    static let conversation = Tags(bit: 2)
    static let learn = Tags(bit: 3)
    static let lookForward = Tags(bit: 4)
    static let hearFrom = Tags(bit: 5)
    static let reply = Tags(bit: 6)
    static let receive = Tags(bit: 7)
    static let confirm = Tags(bit: 8)
    static let message = Tags(bit: 9)
    static let status = Tags(bit: 10)
    static let candidacy = Tags(bit: 11)
    static let callNoun = Tags(bit: 12)
    static let callVerb = Tags(bit: 13)
    static let talk = Tags(bit: 14)
    static let meeting = Tags(bit: 15)
    static let timeSlot = Tags(bit: 16)
    static let arrange = Tags(bit: 17)
    static let followUp = Tags(bit: 18)
    static let checkIn = Tags(bit: 19)
    static let nudge = Tags(bit: 20)
    static let resend = Tags(bit: 21)
    static let please = Tags(bit: 22)
    static let modal = Tags(bit: 23)
    static let hope = Tags(bit: 24)
    static let wait = Tags(bit: 25)
    static let eager = Tags(bit: 26)
    static let appreciate = Tags(bit: 27)
    static let informMe = Tags(bit: 28)
    static let negation = Tags(bit: 29)
    static let you = Tags(bit: 31)
    static let me = Tags(bit: 32)
    static let thirdParty = Tags(bit: 33)
    static let deadline = Tags(bit: 34)
    static let textSpeak = Tags(bit: 35)
    static let cutesy = Tags(bit: 36)
    static let informalGreeting = Tags(bit: 37)
    static let stationery = Tags(bit: 38)
    static let salutation = Tags(bit: 39)
    static let honorific = Tags(bit: 40)
    static let common = Tags(bit: 41)
    static let previous = Tags(bit: 42)
    static let offer = Tags(bit: 43)
    static let generic = Tags(bit: 44)
    static let technology = Tags(bit: 45)
    static let topicMarker = Tags(bit: 46)
    static let calendar = Tags(bit: 47)
    static let any = Tags(bit: 48)
    static let pastEvent = Tags(bit: 49)
    static let genericAddressee = Tags(bit: 50)
    static let wouldLike = Tags(bit: 51)
    static let available = Tags(bit: 52)
    static let question = Tags(bit: 53)
    static let profanity = Tags(bit: 54)
    static let askToKnow = Tags(bit: 55)
    static let chaser = Tags(bit: 56)

    init(rawValue: UInt64) { self.rawValue = rawValue }
    private init(bit: UInt64) { rawValue = 1 << bit }
}

/// Lexicons compiled once into one table: every word form and every phrase with its tags.
///
/// Each lexicon is a plain list in its own file under `Lexicons/` (one entry per line, `#` for
/// comments); an entry of several words is a phrase and tags the words it spans. Word forms are
/// matched after simple lemmatisation ("replied", "replying" and "replies" find "reply").
struct Lexicon: Sendable {
    struct Phrase: Sendable {
        let words: [String]
        let tags: Tags
    }

    private(set) var words: [String: Tags] = [:]
    /// Phrases by their first word, longest first.
    private(set) var phrases: [String: [Phrase]] = [:]

    static let shared: Lexicon = {
        var lexicon = Lexicon()
        for (tags, source) in Lexicons.all { lexicon.add(source, tags) }
        for first in lexicon.phrases.keys {
            lexicon.phrases[first]?.sort { $0.words.count > $1.words.count }
        }
        return lexicon
    }()

    /// Reads one list; it is split on its ASCII separators byte by byte (every process reads all lists once).
    private mutating func add(_ source: String, _ tags: Tags) {
        for rawLine in source.utf8.split(separator: 0x0A) {
            let line = rawLine.split(separator: 0x23, maxSplits: 1, omittingEmptySubsequences: false)[0]  // #
            for entry in line.split(separator: 0x2C) {  // ,
                let parts = entry.split(separator: 0x20).map { Self.lowered(String(decoding: $0, as: UTF8.self)) }
                guard let first = parts.first else { continue }
                if parts.count == 1 {
                    words[first, default: []].formUnion(tags)
                } else {
                    phrases[first, default: []].append(Phrase(words: parts, tags: tags))
                }
            }
        }
    }

    /// The word lower-cased; ASCII without the Unicode tables.
    private static func lowered(_ word: String) -> String {
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return word.lowercased() }
        return word.utf8.contains { $0 >= 0x41 && $0 <= 0x5A } ? word.lowercased() : word
    }

    /// The tags of a single lower-cased word, trying its lemma when the form itself is not listed.
    func tags(of word: String) -> Tags {
        if word.utf8.contains(0x27) { return (words[word] ?? []).union(contractionTags(word)) }
        if let tags = words[word] { return tags }
        for candidate in Self.lemmaCandidates(word) {
            if let tags = words[candidate] { return tags }
        }
        return []
    }

    /// "don't" is "do" + not, "I'll" is "I" + will, "Dana's" is "Dana".
    private func contractionTags(_ word: String) -> Tags {
        if word.hasSuffix("n't") {
            let base = String(word.dropLast(3))
            let stem = base == "wo" ? "will" : base == "ca" ? "can" : base == "sha" ? "shall" : base
            return tags(of: stem).union(.negation)
        }
        for (suffix, added) in [("'ll", Tags.modal), ("'d", Tags.modal), ("'ve", []), ("'re", []), ("'m", []), ("'s", [])] as [(String, Tags)]
        where word.hasSuffix(suffix) {
            return tags(of: String(word.dropLast(suffix.count))).union(added)
        }
        return []
    }

    /// Base forms a word may be an inflection of, most likely first.
    static func lemmaCandidates(_ word: String) -> [String] {
        let count = word.utf8.count
        guard count > 3 else { return [] }
        var candidates: [String] = []
        func drop(_ n: Int) -> String { String(word.utf8.prefix(count - n)) ?? "" }
        if word.hasSuffix("ies") { candidates.append(drop(3) + "y") }
        if word.hasSuffix("ied") { candidates.append(drop(3) + "y") }
        if word.hasSuffix("ing"), count > 5 {
            let stem = drop(3)
            candidates += [stem, stem + "e"]
            if let last = stem.last, stem.dropLast().last == last { candidates.append(String(stem.dropLast())) }
        }
        if word.hasSuffix("ed"), count > 4 {
            let stem = drop(2)
            candidates += [stem, drop(1)]
            if let last = stem.last, stem.dropLast().last == last { candidates.append(String(stem.dropLast())) }
        }
        if word.hasSuffix("es") { candidates.append(drop(2)) }
        if word.hasSuffix("s"), !word.hasSuffix("ss") { candidates.append(drop(1)) }
        if word.hasSuffix("ly") { candidates.append(drop(2)) }
        return candidates
    }
}
