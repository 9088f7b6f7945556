import Foundation

/// A topic the notes offer for one person's thank-you, for the user to confirm.
public struct TopicSuggestion: Sendable, Equatable {
    /// The phrase, checked as a typed topic is (``Topic/read(_:others:)``).
    public var topic: Topic
    /// The panel member the note names, when it names one ("Samir showed me the readmission
    /// dashboard"); nil when the note names nobody on the panel.
    public var interviewerId: Int64?

    public init(topic: Topic, interviewerId: Int64?) {
        self.topic = topic
        self.interviewerId = interviewerId
    }
}

/// Reads the user's notes (and an invite's details) only to suggest topics: noun phrases it can lift
/// whole, each attributed to a person only when the note names them. It never rewrites a note, and
/// nothing it suggests reaches a draft unless the user chooses it.
public enum TopicSuggester {
    /// At most this many suggestions per person.
    public static let limit = 4

    /// Suggestions for every member of the panel, by interviewer id, their own first.
    /// - Parameters:
    ///   - notes: the interview's notes.
    ///   - details: an invite's description, read with the same care (its links and dial-ins are skipped).
    ///   - company: the company; its own name is no topic.
    ///   - role: the job; its title, and the panel's own job titles, are no topic ("the lead TA" to the lead TA).
    public static func suggestions(
        notes: String, details: String = "", company: String = "", role: String = "", panel: [Interviewer]
    ) -> [Int64: [TopicSuggestion]] {
        let titles = ([role] + panel.compactMap(\.title)).map { Set(words(of: $0)) }.filter { !$0.isEmpty }
        var shared: [Topic] = []
        var own: [Int64: [Topic]] = [:]
        for person in panel {
            let others = panel.filter { $0.id != person.id }
            // A person's own notes mostly say who they are ("ret. superior court judge", "old school"): only what
            // the note says was talked about ("asked about …", "showed me …") becomes a topic.
            for item in items(of: person.notes ?? "") where !others.contains(where: { names($0, in: item) }) {
                own[person.id ?? -1, default: []] += lift(item, naming: person, others: others, openedOnly: true)
            }
        }
        let fromDetails = Set(items(of: details))
        for item in items(of: notes) + items(of: details) {
            // An invite's description offers only what it says was discussed ("Agenda: we'll talk about …").
            if fromDetails.contains(item), !openers.contains(where: { item.lowercased().hasPrefix($0 + " ") }) { continue }
            let named = panel.filter { names($0, in: item) }
            if named.isEmpty {
                shared += lift(item, naming: nil, others: panel)
            } else if named.count == 1, let person = named.first {
                let others = panel.filter { $0.id != person.id }
                own[person.id ?? -1, default: []] += lift(item, naming: person, others: others)
            }
        }
        var result: [Int64: [TopicSuggestion]] = [:]
        for person in panel {
            let id = person.id ?? -1
            var seen = Set<String>()
            var list: [TopicSuggestion] = []
            let companyKey = company.lowercased()
            for (topic, owner) in (own[id] ?? []).map({ ($0, Optional(id)) }) + shared.map({ ($0, Int64?.none) })
            where seen.insert(topic.text.lowercased()).inserted && list.count < limit
                && (companyKey.isEmpty || !companyKey.contains(topic.text.lowercased().replacingOccurrences(of: "the ", with: "")))
                && !titles.contains(where: { title in
                    let content = words(of: topic.text).filter { !PhraseShape.startsNounPhrase($0) }
                    return !content.isEmpty && content.allSatisfy { title.contains($0) || $0 == "role" || $0 == "position" || $0 == "job" }
                })
            {
                list.append(TopicSuggestion(topic: topic, interviewerId: owner))
            }
            result[id] = list
        }
        return result
    }

    /// Lower-case words of a text, for comparing a suggestion with a title.
    static func words(of text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// Lines and sentences of a note, bullets and numbering removed; at most 400 items of 400 characters.
    static func items(of notes: String) -> [String] {
        var items: [String] = []
        for line in notes.split(whereSeparator: \.isNewline).prefix(400) {
            var text = Substring(line.prefix(400)).drop { $0 == " " || $0 == "\t" }
            while let first = text.first, "-*•–—·>+".contains(first) { text = text.dropFirst().drop { $0 == " " || $0 == "\t" } }
            let digits = text.prefix { $0.isNumber }
            if !digits.isEmpty, digits.count <= 2, let marker = text.dropFirst(digits.count).first, marker == "." || marker == ")" {
                text = text.dropFirst(digits.count + 1).drop { $0 == " " }
            }
            var current = ""
            let characters = Array(text)
            for (index, character) in characters.enumerated() {
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                let word = current.split(separator: " ").last.map { $0.lowercased() } ?? ""
                // "St. Mark's", "Dr. Raman", "v. Nexora", "2.5": a full stop that ends no sentence.
                let abbreviation = character == "." && (next != " " || word.count <= 1 || Self.abbreviations.contains(word))
                if ".!?;".contains(character), !abbreviation {
                    items.append(current)
                    current = ""
                    if character == "?" { items.removeLast() }  // a question to oneself is no topic
                } else {
                    current.append(character)
                }
            }
            items.append(current)
        }
        return items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Words written with a full stop that ends no sentence.
    static let abbreviations: Set<String> = [
        "st", "dr", "mr", "ms", "mrs", "mx", "prof", "rev", "fr", "sgt", "jr", "sr", "inc", "co", "corp", "ltd", "ave", "no",
        "vs", "v", "etc", "e.g", "i.e", "approx", "dept", "univ", "mt", "ft", "gen", "capt", "lt", "col",
    ]

    /// Words that open what was discussed: "we discussed X" → X.
    static let openers = [
        "we discussed", "we talked about", "we talked through", "we covered", "we spoke about", "we went over",
        "we chatted about", "we dug into", "we went through", "discussed", "talked about", "talked through", "covered",
        "spoke about", "went over", "chatted about", "dug into", "topic:", "topics:", "about", "re:", "asked about",
        "asked me about", "showed me", "walked me through", "told me about", "explained", "described", "presented",
        "demoed", "shared", "mentioned", "toured", "saw",
    ]
    /// Words a topic is never about: how the interview went, its logistics, its terms.
    static let meta: Set<String> = [
        "interview", "interviews", "interviewer", "interviewers", "panel", "round", "recruiter", "friendly", "nervous",
        "awkward", "vibe", "vibes", "questions", "question", "went", "offer", "call", "zoom", "teams", "meet", "link",
        "dial", "passcode", "agenda", "schedule", "rescheduled", "parking", "lobby", "badge", "thank", "thanks", "great",
        "good", "nice", "fun", "tough", "hard", "well", "weird", "next", "steps", "hr", "email",
    ]

    /// Verbs a note's fragment may open with before the thing itself: "owns the dagster migration",
    /// "design a rate limiter": the verb is set aside when a determiner follows it.
    static let leadingVerbs: Set<String> = [
        "owns", "own", "runs", "run", "leads", "lead", "manages", "manage", "built", "build", "builds", "design", "designed",
        "designs", "implement", "implemented", "debug", "debugged", "walked", "showed", "explained", "described",
        "presented", "demoed", "shared", "mentioned", "covered", "reviewed", "review", "discussed", "started", "launched",
        "launching", "building", "running", "migrating", "rolling", "planning", "plans", "wants", "needs", "hiring",
    ]

    /// The noun phrases an item offers, each lifted whole.
    /// - Parameter openedOnly: only what follows words that say it was discussed ("asked about", "showed me").
    static func lift(_ item: String, naming person: Interviewer?, others: [Interviewer], openedOnly: Bool = false) -> [Topic] {
        let lower = item.lowercased()
        guard !["://", "www.", "@", "meeting id", "passcode", "dial", "join", "+1", "tel:"].contains(where: lower.contains) else { return [] }
        var words = item.split(whereSeparator: \.isWhitespace).map(String.init)
        var labelled = false
        // "Samir showed me …", "devon: sys design, …": the name is set aside; what was shown or listed stays.
        if let person, let span = Self.nameSpan(of: person, in: words) {
            // "devon: …" carries its separator on the name itself.
            labelled = span.lowerBound == 0 && words[span.upperBound - 1].hasSuffix(":")
            words.removeSubrange(span)
            if span.lowerBound == 0 {
                // "chris N (my mgr) - …": an initial, a bracketed aside and the separator go with the name.
                if let first = words.first, first.count <= 2, first.first?.isUppercase == true, words.count > 1 { words.removeFirst() }
                if words.first?.hasPrefix("(") == true, let close = words.firstIndex(where: { $0.contains(")") }) {
                    words.removeSubrange(0...close)
                }
                if let first = words.first, [":", "-", "–", "—", "=", "->"].contains(first) {
                    words.removeFirst()
                    labelled = true
                }
            }
        }
        let text = words.joined(separator: " ")
        var segments = labelled ? text.split(whereSeparator: { $0 == "," || $0 == ";" }).map(String.init) : [text]
        // "judge whitlock - former superior court judge, …", "rachel: product sense, …": what follows the name first
        // says who they are or which round it was, not what was discussed.
        if labelled, segments.count > 1, let first = segments.first,
            !openers.contains(where: { first.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix($0 + " ") })
        {
            segments.removeFirst()
        }
        return segments.compactMap { lift(segment: $0, named: person != nil, others: others, openedOnly: openedOnly) }
    }

    /// The noun phrase one segment of a note offers, or nil.
    static func lift(segment: String, named: Bool, others: [Interviewer], openedOnly: Bool = false) -> Topic? {
        var text = segment.trimmingCharacters(in: .whitespaces)
        let lowered = text.lowercased()
        var opened = false
        for opener in openers where lowered.hasPrefix(opener + " ") {
            text = String(text.dropFirst(opener.count + 1))
            opened = true
            break
        }
        if !opened, named, let about = lowered.range(of: " about ") {
            text = String(text[text.index(text.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: about.upperBound))...])
            opened = true
        }
        // "owns the dagster migration" → "the dagster migration".
        var split = text.split(separator: " ").map(String.init)
        // Only a thing named definitely: "runs a tight ship" is an idiom, not a topic.
        if !opened, split.count >= 3, leadingVerbs.contains(split[0].lowercased()),
            ["the", "their", "your", "our", "its", "this", "these"].contains(split[1].lowercased())
        {
            split.removeFirst()
            text = split.joined(separator: " ")
            opened = true
        }
        // The phrase ends where a second thought begins.
        for stop in [",", " -> ", "->", " => ", "(", " - ", " — ", " – ", ":", " but ", " which ", " so "] {
            if let range = text.range(of: stop) { text = String(text[..<range.lowerBound]) }
        }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " .,'\""))
        var phrase = text.split(separator: " ").map(String.init)
        guard opened || !openedOnly, opened || !named || phrase.count >= 2, phrase.count >= 1, phrase.count <= Topic.maxWords else { return nil }
        if phrase.contains(where: { meta.contains($0.lowercased().trimmingCharacters(in: .punctuationCharacters)) }) { return nil }
        guard looksLikeNounPhrase(phrase, opened: opened) else { return nil }
        // A bare item is a topic only when it reads as one whole: "the new billing service", "readmission dashboard";
        // "long day", "careful answer" or "overall decent" are remarks to oneself.
        if !opened, phrase.count < 2 { return nil }
        if !opened, !["the", "your", "our", "their"].contains(phrase[0].lowercased()),
            phrase.count > 4 || phrase.contains(where: { judgements.contains($0.lowercased()) })
        {
            return nil
        }
        let first = phrase[0]
        let properNoun = first.first?.isUppercase == true && first.dropFirst().contains(where: \.isLowercase) && !opened
        // What follows "about" stays as written; a bare note gets its article ("readmission dashboard"), but
        // not a plural ("restorative practices"), which reads as a whole without one.
        let plural = phrase.last.map { last in
            let word = last.lowercased()
            return word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is")
        } ?? false
        if !opened, !plural, phrase.count >= 2, !PhraseShape.startsNounPhrase(first.lowercased()), !first.lowercased().hasSuffix("ing"),
            !first.hasSuffix("'s"), !(first.first?.isNumber ?? false), !properNoun || first.allSatisfy(\.isLowercase)
        {
            phrase.insert("the", at: 0)
        }
        if phrase[0] == "The" { phrase[0] = "the" }
        // "Teaching demo" opened a line with a capital; a common word there is written as in mid-sentence.
        if let first = phrase.first, first.first?.isUppercase == true, first.dropFirst().allSatisfy(\.isLowercase),
            Lexicon.shared.tags(of: first.lowercased()).contains(.common) || first.lowercased().hasSuffix("ing")
        {
            phrase[0] = first.lowercased()
        }
        return try? Topic.read(phrase.joined(separator: " "), others: others.map(\.name))
    }

    /// Words that show a note's fragment is a clause or a remark, not a thing talked about.
    static let remarkWords: Set<String> = [
        "not", "no", "kinda", "sorta", "really", "very", "just", "so", "too", "first", "then", "also", "lol", "q", "qs", "u",
        "ur", "i", "me", "it", "its", "they", "them", "he", "she", "him", "her", "his", "down", "up", "said", "says", "say",
        "think", "thinks", "maybe", "probably", "definitely", "super", "pretty", "bit", "lots", "stuff", "things", "thing",
        "etc", "idk", "tbh", "imo", "real", "onsite", "loop", "ok", "okay", "yes", "yeah", "def", "prob", "wants", "want",
        "need", "needs", "like", "liked", "likes", "seemed", "seems", "felt", "feels", "got", "get", "did", "do", "does",
        "can", "will", "would", "should", "could", "is", "are", "was", "were", "be", "been", "have", "has", "had",
        "again", "still", "already", "now", "later", "soon", "tomorrow", "today", "yesterday", "there", "here", "who",
        "whom", "when", "where", "why", "while", "because", "if", "than", "though", "although", "unless", "until",
        "theyre", "theres", "dont", "cant", "wont", "im", "ive", "didnt", "doesnt", "isnt", "wasnt", "youre", "non", "w",
        "overall", "after", "before", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august",
        "september", "october", "november", "december", "answer", "day", "goes", "go", "came", "come", "use", "uses", "ex",
        "trained", "q's", "linkedin", "sys", "xmas", "christmas", "holidays", "fan", "availability", "mondays", "tuesdays",
        "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "weekends", "nights", "ot", "by", "min", "mid",
        "max", "anyway", "gut", "kind", "sort", "old-school", "vibes", "honestly", "lowkey", "highkey", "basically",
    ]
    /// Words that judge or describe how something went, and the vague nouns of a remark: "long day",
    /// "careful answer", "customer service situation" are the user's impressions, not topics.
    static let judgements: Set<String> = [
        "long", "short", "careful", "decent", "tired", "good", "great", "nice", "hard", "easy", "friendly", "chill", "fun",
        "cool", "awesome", "rough", "solid", "strong", "weak", "nervous", "awkward", "weird", "bad", "tough", "fine", "big",
        "small", "huge", "tiny", "quick", "slow", "busy", "situation", "answer", "answers", "day", "time", "remote",
        "hybrid", "office", "commute", "parking", "pay", "hours", "shift", "shifts", "schedule", "vibe", "energy", "team",
        "people", "culture", "fit", "process", "timeline", "decision", "feedback", "test", "exercise", "case", "presentation",
        "lunch", "tour", "intro", "intros", "overview", "first", "last", "next", "same", "other", "questions", "question",
    ]

    /// Words in -ly that are nouns or adjectives, not the adverbs a remark is made of.
    static let nounsInLy: Set<String> = [
        "family", "supply", "assembly", "daily", "weekly", "monthly", "quarterly", "yearly", "anomaly", "anomaly", "rally",
        "ally", "italy", "july", "early", "friendly", "reply", "apply", "only", "likely", "holy", "elderly", "costly",
    ]

    /// True when the words read as a thing talked about: a short phrase with no clause, remark or
    /// adverb in it ("the readmission dashboard"), never "the docs not calling back" or "the unit tour first".
    static func looksLikeNounPhrase(_ words: [String], opened: Bool) -> Bool {
        let plain = words.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ",.'’")) }
        guard (1...(opened ? 9 : 6)).contains(plain.count) else { return false }
        if plain.count > 1, plain.last == "one" { return false }
        // A lone letter is an initial or a note's shorthand ("H from my internship").
        if plain.contains(where: { $0.count == 1 && $0 != "a" && $0 != "&" }) { return false }
        for (index, word) in plain.enumerated() {
            if word.split(separator: "-").contains(where: { remarkWords.contains(String($0)) }) { return false }
            if remarkWords.contains(word) || PhraseShape.openingVerbs.contains(word) && (word.hasSuffix("ed") || index > 0) { return false }
            // Shorthand for numbers and times ("3x12 nights 7p-7a", "22 kids") and "a/b" pairs; a year is fine.
            if word.first?.isNumber == true, !(word.count == 4 && word.allSatisfy(\.isNumber)) { return false }
            if word.contains("/") { return false }
            if word.contains("%") || (word.contains("+") && !word.hasSuffix("++")) { return false }
            if word.count > 4, word.hasSuffix("ly"), !nounsInLy.contains(word) { return false }
            let previous = index > 0 ? plain[index - 1] : ""
            let next = index + 1 < plain.count ? plain[index + 1] : ""
            if index == 0, word.count > 4, word.hasSuffix("ed"), PhraseShape.prepositions.contains(next) { return false }
            // "the distributed cache" and "data engineering" are things; "the team reporting to the CFO" is a clause.
            if index > 0, word.count > 4, !word.hasSuffix("eed"), word.hasSuffix("ed") || word.hasSuffix("ing"),
                !PhraseShape.startsNounPhrase(previous),
                PhraseShape.startsNounPhrase(next) || PhraseShape.prepositions.contains(next) || ["back", "off"].contains(next)
            {
                return false
            }
        }
        // A number closes no phrase a letter would name ("the onsite loop 9").
        if let last = plain.last, last.allSatisfy(\.isNumber) { return false }
        return true
    }

    /// True when the item names `person` by their full, first or last name.
    static func names(_ person: Interviewer, in item: String) -> Bool {
        nameSpan(of: person, in: item.split(whereSeparator: \.isWhitespace).map(String.init)) != nil
    }

    /// Where the item names `person` (full name, honorific and surname, first name, or surname of 3+ letters).
    static func nameSpan(of person: Interviewer, in words: [String]) -> Range<Int>? {
        let parts = person.name.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let firstName = parts.first else { return nil }
        var handles: [[String]] = [parts]
        if parts.count > 1, let last = parts.last {
            for honorific in Interviewer.abbreviatedHonorifics {
                let written = honorific.prefix(1).uppercased() + honorific.dropFirst()
                handles += [[written, last], [written + ".", last]]
            }
            handles.append([firstName])
            if last.count >= 3 { handles.append([last]) }
        } else {
            handles.append([firstName])
        }
        let cleaned = words.map { word -> String in
            var word = word.trimmingCharacters(in: CharacterSet(charactersIn: ",.:;!?()\"“”"))
            for suffix in ["'s", "’s"] where word.hasSuffix(suffix) { word = String(word.dropLast(2)) }
            return word
        }
        for start in cleaned.indices {
            for handle in handles where start + handle.count <= cleaned.count {
                let candidate = Array(cleaned[start..<(start + handle.count)])
                // Notes typed fast write names in lower case; at the start of an item ("shay asked about …") that is a name.
                if candidate == handle || (start == 0 && candidate.map { $0.lowercased() } == handle.map { $0.lowercased() }) {
                    return start..<(start + handle.count)
                }
            }
        }
        return nil
    }
}
