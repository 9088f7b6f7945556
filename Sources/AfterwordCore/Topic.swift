import Foundation

/// What one person's thank-you says about the conversation: a short noun phrase the user confirmed,
/// as they would finish "our conversation about …" ("the move from Airflow to Dagster", "your new
/// spectrometer").
///
/// A topic goes only into sentence frames written for a noun phrase, so a draft that carries one is
/// grammatical by construction. Free notes are never pasted into a draft: they are read only to
/// suggest topics (``TopicSuggester``).
public struct Topic: Sendable, Equatable, Hashable {
    /// The phrase as it goes into a sentence ("the move from Airflow to Dagster").
    public let text: String

    /// Longest topic, in words: a topic is a phrase, not a summary.
    public static let maxWords = 12

    /// Reads a typed topic, refusing what does not finish "our conversation about …" as it stands.
    /// - Parameters:
    ///   - others: the names of the rest of the panel; a topic naming one of them would go to the wrong person.
    /// - Returns: the topic, its leading article lower-cased ("The roadmap" → "the roadmap"); nil when blank.
    public static func read(_ typed: String, others: [String] = []) throws(TopicProblem) -> Topic? {
        guard let words = try PhraseShape.check(typed, kind: .topic, others: others) else { return nil }
        return Topic(text: words.joined(separator: " "))
    }

    init(text: String) {
        self.text = text
    }
}

/// What the user brings to the role, as a phrase that finishes "my experience with …"
/// ("hospital data pipelines", "running Kafka at scale"), or their own phrase that starts with
/// "my" ("my five years running Kafka at scale").
public struct Fit: Sendable, Equatable {
    /// A noun phrase that starts with "my": "my experience with hospital data pipelines".
    public let phrase: String

    /// Reads a typed fit; nil when blank.
    public static func read(_ typed: String) throws(TopicProblem) -> Fit? {
        guard var words = try PhraseShape.check(typed, kind: .fit, others: []) else { return nil }
        if words[0].lowercased() == "my" {
            words[0] = "my"
            return Fit(phrase: words.joined(separator: " "))
        }
        return Fit(phrase: "my experience with " + words.joined(separator: " "))
    }
}

/// Why a typed topic or fit cannot go into a sentence, with how to write it.
public struct TopicProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong and how to write it, in the user's terms.
    public var message: String

    public var description: String { message }
}

/// The shape checks a topic and a fit share: one short noun phrase, nothing a sentence frame cannot hold.
enum PhraseShape {
    enum Kind {
        case topic, fit

        var frame: String {
            switch self {
            case .topic: "our conversation about …"
            case .fit: "my experience with …"
            }
        }
        var example: String {
            switch self {
            case .topic: "\"the move from Airflow to Dagster\" or \"your new spectrometer\""
            case .fit: "\"hospital data pipelines\" or \"running Kafka at scale\""
            }
        }
    }

    /// Characters no noun phrase in a letter needs: brackets, arrows, note-taking marks.
    static let refusedCharacters: Set<Character> = ["(", ")", "[", "]", "{", "}", "<", ">", "|", "*", "#", "@", "~", "=", "→", "⇒", "\"", "“", "”", "\n", "\r", "\t"]
    /// Note-taking abbreviations that do not belong in a letter.
    static let abbreviations: Set<String> = [
        "w/", "w/o", "b/c", "bc", "re", "ppl", "mgr", "mgmt", "eow", "eod", "asap", "fyi", "tbd", "btw", "thx", "pls", "plz",
        "etc", "approx", "govt", "dept", "convo", "info", "abt", "yrs", "yr", "w", "wrt", "imo", "tho", "thru", "bcuz",
        "cuz", "ok", "lol", "rn", "ty", "nb", "vs", "esp", "obv", "prob", "def", "sr", "jr", "hm", "hr",
    ]
    /// Words that make a sentence, not a phrase: "the team is moving", "they'll ship it".
    static let finiteVerbs: Set<String> = [
        "is", "are", "was", "were", "am", "has", "have", "had", "will", "would", "can", "could", "should", "shall", "may",
        "might", "must", "does", "do", "did", "isn't", "aren't", "wasn't", "weren't", "won't", "can't", "couldn't",
        "doesn't", "don't", "didn't", "hasn't", "haven't", "shouldn't", "wouldn't", "it's", "that's", "there's",
        "they're", "we're", "you're", "he's", "she's", "i'm", "they'll", "we'll", "i'll", "you'll", "he'll", "she'll",
        "i've", "we've", "they've", "you've", "i'd", "we'd", "they'd",
    ]
    /// A sentence's subject at the start: "we discussed …", "she showed me …".
    static let subjects: Set<String> = ["i", "we", "you", "he", "she", "they", "there"]
    /// Third-person words: a topic goes into a letter to the person, who is "you".
    static let thirdPerson: Set<String> = ["he", "she", "him", "his", "her", "hers", "himself", "herself"]
    /// Verbs notes open with ("Toured the lab", "Discussed their roadmap"): what the user did, not a topic.
    static let openingVerbs: Set<String> = [
        "discussed", "talked", "toured", "saw", "met", "showed", "explained", "asked", "told", "said", "went", "gave",
        "walked", "pushed", "mentioned", "described", "covered", "reviewed", "spent", "got", "made", "took", "learned",
        "learnt", "heard", "chatted", "spoke", "presented", "demoed", "shared", "did", "had", "was", "were", "felt",
        "liked", "loved", "enjoyed", "seemed", "sounds", "sounded", "seems", "looked", "wants", "wanted", "needs",
        "needed", "asked", "answered", "struggled", "nailed", "bombed", "forgot", "remembered", "thought", "think",
        "discuss", "talk", "tour", "see", "meet", "show", "explain", "ask", "tell", "say", "go", "give", "walk",
        "mention", "describe", "cover", "review", "learn", "hear", "chat", "speak", "present", "share", "follow", "send",
        "email", "call", "check", "remember", "mentions", "explains", "says", "wants", "likes", "loves", "uses", "runs",
        "leads", "owns", "plans", "thinks", "moved", "moving", "migrated", "switched", "joined", "hired", "launched",
    ]
    /// Pay, start dates and other terms: never the thing a thank-you remembers.
    static let terms: Set<String> = [
        "salary", "salaries", "comp", "compensation", "pay", "paid", "band", "bonus", "equity", "stock", "rsu", "rsus",
        "benefits", "pto", "vacation", "relocation", "visa", "sponsorship", "offer", "negotiation", "raise", "wage",
        "wages", "hourly", "401k", "pension", "$", "£", "€",
    ]
    /// Words that date what they say: a draft's time words are chosen when it leaves.
    static let timeWords: Set<String> = [
        "today", "yesterday", "tomorrow", "tonight", "today's", "yesterday's", "tomorrow's", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// The phrase's words, checked; nil when blank.
    static func check(_ typed: String, kind: Kind, others: [String]) throws(TopicProblem) -> [String]? {
        let text = typed.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
        guard !text.isEmpty else { return nil }
        func refuse(_ why: String) -> TopicProblem {
            TopicProblem(
                message: "\"\(String(text.prefix(80)))\" \(why); write a short phrase that finishes \"\(kind.frame)\", like \(kind.example)")
        }
        if text.contains(where: { refusedCharacters.contains($0) }) || text.contains("->") || text.contains("=>")
            || text.contains("<-") || text.contains("--")
        {
            throw refuse("has brackets, arrows or quotation marks, which a sentence cannot carry")
        }
        if let last = text.last, ".!?:;,…".contains(last) {
            throw refuse("ends with \"\(last)\"; a phrase inside a sentence has no punctuation of its own at the end")
        }
        if text.contains("...") || text.contains("?") || text.contains("!") || text.contains(";") || text.contains(":") {
            throw refuse("is more than one phrase")
        }
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard words.count <= Topic.maxWords else {
            throw refuse("is \(words.count) words long (at most \(Topic.maxWords))")
        }
        let plain = words.map { word in
            word.lowercased().replacingOccurrences(of: "’", with: "'").trimmingCharacters(in: CharacterSet(charactersIn: ",."))
        }
        if let abbreviation = words.first(where: { word in
            let lower = word.lowercased()
            return lower.hasPrefix("w/") || lower.hasPrefix("b/") || lower.hasPrefix("a/") || lower.hasSuffix("/")
                || abbreviations.contains(lower.trimmingCharacters(in: CharacterSet(charactersIn: ",.")))
        }) {
            throw refuse("uses the note-taking short form \"\(abbreviation)\"; spell it out")
        }
        if let word = plain.first(where: { finiteVerbs.contains($0) }) {
            throw refuse("reads as a sentence (\"\(word)\"), not a phrase")
        }
        if subjects.contains(plain[0]) {
            throw refuse("reads as a sentence that begins with \"\(words[0])\", not a phrase")
        }
        if openingVerbs.contains(plain[0])
            || (words.count > 1 && plain[0].hasSuffix("ed") && (startsNounPhrase(plain[1]) || prepositions.contains(plain[1])))
        {
            throw refuse("begins with what happened (\"\(words[0])\"), not with what it was about")
        }
        if let word = plain.first(where: { thirdPerson.contains($0) }) {
            throw refuse("says \"\(word)\"; the note is written to the person, so say \"you\", \"your\" or the team's name")
        }
        if let word = plain.first(where: { terms.contains($0) }) ?? words.first(where: { $0.contains("$") || $0.contains("€") || $0.contains("£") }) {
            throw refuse("is about pay or terms (\"\(word)\"), which a thank-you leaves for later")
        }
        if zip(plain, plain.dropFirst()).contains(where: { ["flat", "pay", "hourly", "day", "base"].contains($0) && ["rate", "rates"].contains($1) })
            || plain.contains(where: { ["commission", "commissions", "tips", "overtime", "stipend", "401k", "pto"].contains($0) })
        {
            throw refuse("is about pay or terms, which a thank-you leaves for later")
        }
        if plain.contains("start"), plain.contains("date") || plain.contains("dates") {
            throw refuse("is about a start date, which a thank-you leaves for later")
        }
        if let word = plain.first(where: { timeWords.contains($0) }) {
            throw refuse("says when (\"\(word)\"); Afterword words the day itself when the note leaves")
        }
        if let comma = words.lastIndex(where: { $0.hasSuffix(",") }),
            !plain[(comma + 1)...].contains(where: { $0 == "and" || $0 == "or" })
        {
            throw refuse("has a comma; a list ends with \"and\", and a remark after a comma is a second thought")
        }
        if plain.contains(where: { $0.count > 30 }) { throw refuse("has a word over 30 letters") }
        for name in others {
            let parts = name.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map { $0.lowercased() }
                .filter { $0.count >= 2 && !$0.hasSuffix(".") }
            if let part = parts.first(where: { part in plain.contains { $0 == part || $0 == part + "'s" } }) {
                throw refuse("names \(name) (\"\(part)\"), who gets a note of their own")
            }
        }
        var result = words
        if words.count > 1, ["The", "A", "An", "Your", "Our", "My", "This", "These"].contains(words[0]) {
            result[0] = words[0].lowercased()
        }
        return result
    }

    /// Words that begin what follows a verb: "observed *in* the classroom".
    static let prepositions: Set<String> = [
        "in", "at", "on", "with", "for", "to", "from", "by", "about", "into", "through", "over", "under", "around", "up", "out",
    ]

    /// True when `word` opens an object: "toured *the* lab", "saw *your* spectrometer".
    static func startsNounPhrase(_ word: String) -> Bool {
        ["the", "a", "an", "your", "our", "their", "my", "his", "her", "its", "this", "that", "these", "those", "me", "us", "them", "him", "some", "how"].contains(word)
    }
}
