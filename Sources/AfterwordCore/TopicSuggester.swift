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
    public static func suggestions(notes: String, details: String = "", panel: [Interviewer]) -> [Int64: [TopicSuggestion]] {
        var shared: [Topic] = []
        var own: [Int64: [Topic]] = [:]
        for person in panel {
            let others = panel.filter { $0.id != person.id }
            for item in items(of: person.notes ?? "") where !others.contains(where: { names($0, in: item) }) {
                if let topic = lift(item, naming: person, others: others) { own[person.id ?? -1, default: []].append(topic) }
            }
        }
        for item in items(of: notes) + items(of: details) {
            let named = panel.filter { names($0, in: item) }
            if named.isEmpty {
                if let topic = lift(item, naming: nil, others: panel) { shared.append(topic) }
            } else if named.count == 1, let person = named.first {
                let others = panel.filter { $0.id != person.id }
                if let topic = lift(item, naming: person, others: others) { own[person.id ?? -1, default: []].append(topic) }
            }
        }
        var result: [Int64: [TopicSuggestion]] = [:]
        for person in panel {
            let id = person.id ?? -1
            var seen = Set<String>()
            var list: [TopicSuggestion] = []
            for (topic, owner) in (own[id] ?? []).map({ ($0, Optional(id)) }) + shared.map({ ($0, Int64?.none) })
            where seen.insert(topic.text.lowercased()).inserted && list.count < limit {
                list.append(TopicSuggestion(topic: topic, interviewerId: owner))
            }
            result[id] = list
        }
        return result
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
            for character in text {
                if ".!?;".contains(character) {
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

    /// The noun phrase an item offers, lifted whole, or nil.
    static func lift(_ item: String, naming person: Interviewer?, others: [Interviewer]) -> Topic? {
        let lower = item.lowercased()
        guard !["://", "www.", "@", "meeting id", "passcode", "dial", "join", "+1", "tel:"].contains(where: lower.contains) else { return nil }
        var words = item.split(whereSeparator: \.isWhitespace).map(String.init)
        // "Samir showed me …": the name and what follows it are set aside; what was shown stays.
        if let person, let span = Self.nameSpan(of: person, in: words) {
            words.removeSubrange(span)
        }
        var text = words.joined(separator: " ")
        let lowered = text.lowercased()
        var opened = false
        for opener in openers where lowered.hasPrefix(opener + " ") {
            text = String(text.dropFirst(opener.count + 1))
            opened = true
            break
        }
        if !opened, person != nil, let about = lowered.range(of: " about ") {
            text = String(text[text.index(text.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: about.upperBound))...])
            opened = true
        }
        // The phrase ends where a second thought begins.
        for stop in [",", " -> ", "->", " => ", "(", " - ", " — ", " – ", ":", " but ", " which ", " so "] {
            if let range = text.range(of: stop) { text = String(text[..<range.lowerBound]) }
        }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " .,'\""))
        var phrase = text.split(separator: " ").map(String.init)
        guard (opened || person == nil), phrase.count >= 1, phrase.count <= Topic.maxWords else { return nil }
        if phrase.contains(where: { meta.contains($0.lowercased().trimmingCharacters(in: .punctuationCharacters)) }) { return nil }
        // A bare item is a topic only as a phrase of two words or more ("readmission dashboard").
        if !opened, phrase.count < 2 { return nil }
        let first = phrase[0]
        let named = first.first?.isUppercase == true && first.dropFirst().contains(where: \.isLowercase) && !opened
        if phrase.count >= 2, !PhraseShape.startsNounPhrase(first.lowercased()), !first.lowercased().hasSuffix("ing"),
            !first.hasSuffix("'s"), !(first.first?.isNumber ?? false), !named || first.allSatisfy(\.isLowercase)
        {
            phrase.insert("the", at: 0)
        }
        if phrase[0] == "The" { phrase[0] = "the" }
        return try? Topic.read(phrase.joined(separator: " "), others: others.map(\.name))
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
            for honorific in ["Mr.", "Ms.", "Mrs.", "Dr.", "Mx.", "Prof.", "Mr", "Ms", "Mrs", "Dr", "Mx", "Prof"] {
                handles.append([honorific, last])
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
                if Array(cleaned[start..<(start + handle.count)]) == handle { return start..<(start + handle.count) }
            }
        }
        return nil
    }
}
