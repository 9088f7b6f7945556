import Foundation

/// One thing from the user's notes, in the shape a draft's sentence can carry it.
///
/// Notes are written for oneself ("Priya showed me the on-call dashboard", "- churn model uses
/// XGBoost"); a draft needs them as part of a sentence to the reader ("the on-call dashboard you
/// showed me"), never pasted after a colon.
struct Mention: Equatable, Sendable {
    /// How the words fit into a sentence.
    enum Form: Equatable, Sendable {
        /// A noun phrase: "the migration to Postgres", "the on-call dashboard you showed me".
        case phrase
        /// A clause with I, we or you as its subject: "you asked about my Kafka work".
        case clause
        /// A statement about something else: "the team is moving to Kubernetes".
        case statement
    }

    var text: String
    var form: Form

    /// Longest note item a draft quotes, in words (AW-BRIEF).
    static let maxWords = 22

    /// Words that open what the user discussed: "we discussed X" → X.
    static let discussedPrefixes = [
        "we discussed", "we talked about", "we talked through", "we covered", "we spoke about", "we went over",
        "we chatted about", "we looked at", "we dug into", "we went through", "discussed", "talked about",
        "talked through",
        "covered", "spoke about", "went over", "chatted about", "about", "topic:", "topics:", "re:", "discussion of",
        "discussion about",
    ]
    static let determiners: Set<String> = [
        "the", "a", "an", "their", "his", "her", "its", "our", "your", "my", "this", "that", "these", "those", "how",
        "why",
        "what", "which", "some", "each", "every", "both",
    ]
    static let subjects: Set<String> = ["i", "we", "you"]
    static let pronouns: Set<String> = ["he", "she", "they", "it", "i", "we", "you"]
    static let auxiliaries: Set<String> = [
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might",
        "must",
        "does", "do", "did", "'s", "isn't", "aren't", "wasn't", "won't", "can't", "doesn't", "didn't",
    ]
    /// Common verbs of notes, so that "churn model uses XGBoost" reads as a statement, "Kafka migration" as a phrase.
    static let verbs: Set<String> = [
        "uses", "use", "used", "runs", "ran", "plans", "planned", "wants", "wanted", "needs", "needed", "owns", "owned",
        "leads",
        "led", "builds", "built", "ships", "shipped", "moves", "moved", "moving", "relies", "relied", "handles",
        "handled", "gets",
        "got", "takes", "took", "makes", "made", "goes", "went", "shows", "showed", "says", "said", "told", "asked",
        "asks",
        "explained", "explains", "described", "describes", "mentioned", "mentions", "launched", "launches", "migrated",
        "migrates", "retrained", "retrains", "hired", "hires", "grows", "grew", "expects", "expected", "expands",
        "expanded",
        "opened", "opens", "started", "starts", "works", "worked", "measures", "measured", "deploys", "deployed",
        "releases",
        "released", "aims", "prefers", "switched", "switches", "rewrote", "rewrites", "adopted", "adopts", "sketched",
        "discussed", "covered", "talked", "spent", "thinks", "thought", "believes", "loved", "loves", "liked", "likes",
        "walked", "demoed", "presented", "shared", "drew", "outlined", "introduced", "gave", "pointed", "recommended",
        "suggested", "offered", "joined", "joins", "manages", "managed", "supports", "supported", "serves", "served",
        "processes", "processed", "replaced", "replaces", "split", "merged", "scaled", "scales", "tested", "tests",
    ]
    /// Past tenses that do not end in "ed".
    static let irregularPast: Set<String> = [
        "ran", "led", "built", "took", "made", "went", "got", "said", "told", "drew", "gave", "spent", "thought",
        "grew", "rewrote",
        "sent", "met", "wrote", "split", "showed", "brought", "taught", "found", "saw", "knew", "put", "set", "gave",
    ]
    /// "X showed me Y" → "Y you showed me": the verbs (with what follows them) that turn into a phrase.
    static let showingVerbs: [[String]] = [
        ["walked", "me", "through"], ["talked", "me", "through"], ["took", "me", "through"], ["told", "me", "about"],
        ["introduced", "me", "to"], ["pointed", "out"], ["showed", "me"], ["showed"], ["demoed"], ["explained"],
        ["described"],
        ["presented"], ["shared"], ["mentioned"], ["drew"], ["sketched"], ["outlined"], ["recommended"], ["suggested"],
        ["gave", "me"], ["sent", "me"], ["built"], ["designed"], ["wrote"],
    ]

    /// The items of a note: its lines and sentences, bullets and numbering removed.
    static func items(of notes: String) -> [String] {
        var items: [String] = []
        for line in notes.split(whereSeparator: \.isNewline) {
            var text = line.trimmingCharacters(in: .whitespaces)
            text = stripBullet(text)
            for sentence in sentences(of: text) {
                let trimmed = sentence.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { items.append(trimmed) }
            }
        }
        return items
    }

    /// "- churn model", "* churn model", "• churn model", "1. churn model", "2) churn model" → "churn model".
    static func stripBullet(_ text: String) -> String {
        var text = Substring(text)
        while let first = text.first, "-*•–—·>+".contains(first) {
            text = text.dropFirst().drop { $0 == " " || $0 == "\t" }
        }
        let digits = text.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 2, let marker = text.dropFirst(digits.count).first,
            marker == "." || marker == ")",
            text.dropFirst(digits.count + 1).first == " "
        {
            text = text.dropFirst(digits.count + 1).drop { $0 == " " }
        }
        return String(text)
    }

    /// Splits at ". ", "! ", "? " and ";" (not inside "e.g." or "2.5").
    static func sentences(of text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            if character == ";" || ("!?".contains(character) && next == " ") {
                result.append(current)
                current = ""
                continue
            }
            if character == ".", next == " " {
                let word = current.split(separator: " ").last.map(String.init) ?? ""
                if word.count > 1, !word.contains("."),
                    !["e.g", "i.e", "Mr", "Ms", "Mrs", "Dr", "Prof", "vs", "etc"].contains(word)
                {
                    result.append(current)
                    current = ""
                    continue
                }
            }
            current.append(character)
        }
        result.append(current)
        return result.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " .!?")) }
    }

    /// Words that judge the interview itself ("the interview was great"): the user's impression, not a detail to mention.
    static let verdicts: Set<String> = [
        "great", "good", "well", "fun", "nice", "awesome", "amazing", "fine", "ok", "okay", "bad", "tough", "hard",
    ]

    /// True when the item only judges how the interview went.
    static func isVerdict(_ item: String) -> Bool {
        let words = Set(item.lowercased().split { !$0.isLetter }.map(String.init))
        return !words.isDisjoint(with: ["interview", "conversation", "chat", "call", "meeting"])
            && !words.isDisjoint(with: verdicts)
    }

    /// Reads one note item that names nobody on the panel.
    static func reading(_ item: String) -> Mention? {
        var words = item.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count >= 2, !item.hasSuffix("?"), !isBoilerplate(item), !isVerdict(item) else { return nil }
        if words.count > maxWords { words = shortened(words) }
        while let last = words.last, let character = last.last, ",:-—".contains(character) {
            words[words.count - 1].removeLast()
            if words[words.count - 1].isEmpty { words.removeLast() }
        }
        // Something to say is made of words, not only punctuation.
        guard words.count >= 2, words.contains(where: { $0.contains(where: \.isLetter) }) else { return nil }
        let lower = words.joined(separator: " ").lowercased()
        for prefix in discussedPrefixes {
            let count = prefix.split(separator: " ").count
            let withAlso = prefix.hasPrefix("we ") ? "we also " + prefix.dropFirst(3) : prefix
            for candidate in [prefix, withAlso] where lower.hasPrefix(candidate + " ") {
                let rest = Array(words.dropFirst(count + (candidate == prefix ? 0 : 1)))
                guard !rest.isEmpty else { return nil }
                return Mention(text: phrase(rest), form: .phrase)
            }
        }
        let first = words[0].lowercased()
        if subjects.contains(first) {
            return Mention(text: lowercasedOpening(words), form: .clause)
        }
        if hasVerb(words) {
            var words = words
            let second = words[1].lowercased()
            // "Kafka is their backbone" has a subject; "churn model uses XGBoost" needs its article.
            let namedSubject =
                words[0].first?.isUppercase == true && (auxiliaries.contains(second) || verbs.contains(second))
            if !namedSubject, !determiners.contains(first), !pronouns.contains(first),
                !(words[0].first?.isNumber ?? false)
            {
                words.insert("the", at: 0)
            }
            return Mention(text: lowercasedOpening(words), form: .statement)
        }
        return Mention(text: phrase(words), form: .phrase)
    }

    /// A noun phrase with its article: "Kafka migration" → "the Kafka migration"; "Kubernetes" stays.
    static func phrase(_ words: [String]) -> String {
        guard !words.isEmpty else { return "" }
        var words = words
        let first = words[0].lowercased()
        if words.count >= 2, !determiners.contains(first), !(words[0].first?.isNumber ?? false),
            !words[0].hasSuffix("'s")
        {
            words.insert("the", at: 0)
        }
        return lowercasedOpening(words)
    }

    /// "The roadmap" → "the roadmap", leaving names and acronyms as written.
    static func lowercasedOpening(_ words: [String]) -> String {
        guard !words.isEmpty else { return "" }
        var words = words
        let first = words[0]
        if first.count > 1,
            determiners.contains(first.lowercased()) || ["We", "You", "He", "She", "They", "It"].contains(first),
            first.dropFirst().allSatisfy(\.isLowercase)
        {
            words[0] = first.lowercased()
        }
        return words.joined(separator: " ")
    }

    static func hasVerb(_ words: [String]) -> Bool {
        words.dropFirst().contains { word in
            let plain = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
            return auxiliaries.contains(plain) || verbs.contains(plain)
        }
    }

    /// Cuts a long item at a clause boundary so that the draft stays brief (AW-BRIEF).
    static func shortened(_ words: [String]) -> [String] {
        let head = Array(words.prefix(maxWords))
        if let comma = head.lastIndex(where: { $0.hasSuffix(",") }), comma >= 5 { return Array(head[...comma]) }
        return head
    }

    /// Invite boilerplate that lands in notes from a calendar description: links, dial-ins, passcodes.
    static func isBoilerplate(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        let markers = [
            "://", "www.", "@", "meeting id", "passcode", "password", "dial", "join ", "one tap", "zoom", "teams",
            "google meet", "conference", "invitation", "calendar", "___", "---", "tel:",
        ]
        if markers.contains(where: lower.contains) { return true }
        var run = 0
        for character in sentence {
            run = character.isNumber ? run + 1 : (character == " " || character == "-" ? run : 0)
            if run >= 6 { return true }
        }
        return false
    }
}

/// How a note item names a panel member, and the item rewritten to that person.
extension Mention {
    /// The ways notes name `person`: full name, honorific and surname, first name, surname.
    static func handles(of person: Interviewer) -> [[String]] {
        let words = person.name.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return [] }
        var handles = [words]
        if let honorific = person.honorific, let last = words.last, words.count > 1 {
            handles.append([honorific, last])
        }
        for honorific in ["Mr.", "Ms.", "Mrs.", "Dr.", "Mx.", "Prof.", "Mr", "Ms", "Mrs", "Dr", "Mx", "Prof"]
        where words.count > 1 {
            handles.append([honorific, words[words.count - 1]])
        }
        if words.count > 1 {
            handles.append([first])
            if let last = words.last, last.count >= 3 { handles.append([last]) }
        }
        return handles
    }

    /// Where in `words` the person is named: (start, length, possessive) for every mention.
    static func occurrences(of person: Interviewer, in words: [String]) -> [(start: Int, length: Int, possessive: Bool)]
    {
        var found: [(Int, Int, Bool)] = []
        var index = 0
        while index < words.count {
            var matched = false
            for handle in handles(of: person) where index + handle.count <= words.count {
                var possessive = false
                let fits = handle.indices.allSatisfy { offset in
                    var word = words[index + offset].trimmingCharacters(in: CharacterSet(charactersIn: ",.:;!?()\"“”"))
                    if offset == handle.count - 1 {
                        for suffix in ["'s", "’s", "'", "’"] where word.hasSuffix(suffix) && word.count > suffix.count {
                            let stem = String(word.dropLast(suffix.count))
                            if stem == handle[offset] {
                                word = stem
                                possessive = true
                            }
                        }
                    }
                    return word == handle[offset]
                }
                if fits {
                    found.append((index, handle.count, possessive))
                    index += handle.count
                    matched = true
                    break
                }
            }
            if !matched { index += 1 }
        }
        return found
    }

    /// True when the item names `person`.
    static func names(_ person: Interviewer, in item: String) -> Bool {
        !occurrences(of: person, in: item.split(whereSeparator: \.isWhitespace).map(String.init)).isEmpty
    }

    /// The item told to `person`: their name becomes "you", another panel member's "your colleague".
    ///
    /// "Priya showed me the on-call dashboard" → the phrase "the on-call dashboard you showed me";
    /// "Priya asked about my Kafka work" → the clause "you asked about my Kafka work".
    static func told(_ item: String, to person: Interviewer, panel: [Interviewer]) -> Mention? {
        var words = item.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count >= 2, !item.hasSuffix("?"), !isBoilerplate(item), !isVerdict(item) else { return nil }
        if words.count > maxWords { words = shortened(words) }
        var replacements: [(start: Int, length: Int, text: String, isYou: Bool)] = []
        for member in panel {
            let isYou = member.id == person.id
            for occurrence in occurrences(of: member, in: words) {
                let base = isYou ? "you" : "your colleague"
                let text = occurrence.possessive ? (isYou ? "your" : "your colleague's") : base
                let trailing = String(
                    words[occurrence.start + occurrence.length - 1].reversed().prefix { ",.:;".contains($0) }.reversed()
                )
                replacements.append(
                    (occurrence.start, occurrence.length, text + trailing, isYou && !occurrence.possessive))
            }
        }
        guard replacements.contains(where: { $0.text.hasPrefix("you") && !$0.text.hasPrefix("your colleague") }) else {
            return nil
        }
        // "Priya: loves Rust" is a note about Priya, labelled: "you love Rust"; "Priya: Kafka migration" is her topic.
        if let first = replacements.first, first.start == 0, first.isYou, first.text.hasSuffix(":") {
            let rest = Array(words[first.length...])
            guard let verb = rest.first?.lowercased(), verbs.contains(verb) || auxiliaries.contains(verb) else {
                return reading(rest.joined(separator: " "))
            }
            replacements[0].text = "you"
        }
        let subjectIsYou = replacements.first.map { $0.start == 0 && $0.isYou } ?? false
        // "Priya showed me the dashboard" → "the dashboard you showed me".
        if subjectIsYou, replacements.filter({ $0.isYou }).count == 1, let first = replacements.first {
            let rest = Array(words[(first.start + first.length)...])
            for pattern in showingVerbs where rest.count > pattern.count {
                guard zip(rest, pattern).allSatisfy({ $0.lowercased() == $1 }) else { continue }
                let object = Array(rest[pattern.count...]).map {
                    $0.trimmingCharacters(in: CharacterSet(charactersIn: ",.:;"))
                }.filter { !$0.isEmpty }
                // Only a thing shown turns into a phrase: "the dashboard", not "me", "how they deploy" or "the".
                guard let head = object.first?.lowercased(),
                    !["how", "why", "what", "that", "to", "when", "where", "if", "whether", "me", "us", "around"]
                        .contains(head),
                    object.contains(where: {
                        !determiners.contains($0.lowercased()) && !pronouns.contains($0.lowercased())
                    }),
                    !hasVerb(object), !rest.contains(where: { $0.hasSuffix(",") })
                else { break }
                let text = phrase(object.map(Self.secondPerson)) + " you " + pattern.joined(separator: " ")
                return Mention(text: text, form: .phrase)
            }
        }
        var output: [String] = []
        var index = 0
        var agreeNext = false
        while index < words.count {
            if let replacement = replacements.first(where: { $0.start == index }) {
                output.append(replacement.text)
                agreeNext = replacement.isYou && !replacement.text.contains(",")
                index += replacement.length
                continue
            }
            var word = words[index]
            if agreeNext { word = Self.agreeing(word) }
            agreeNext = false
            output.append(Self.secondPerson(word))
            index += 1
        }
        while let last = output.last, let character = last.last, ",:;.".contains(character) {
            output[output.count - 1].removeLast()
            if output[output.count - 1].isEmpty { output.removeLast() }
        }
        // "Priya." or "Priya's" alone tells them nothing, nor does a sentence cut short ("you showed me the").
        guard output.count >= 3, let last = output.last?.lowercased(),
            !determiners.contains(last), !verbs.contains(last), !auxiliaries.contains(last),
            !["me", "us", "to", "about", "through", "with", "of", "for", "and", "or", "on", "at", "in"].contains(last)
        else { return nil }
        // "your colleague and you walked me through…" is said "you and your colleague walked me through…".
        output = output.joined(separator: " ").split(separator: " ").map(String.init)
        if output.count > 4, output[0...3] == ["your", "colleague", "and", "you"] {
            output.replaceSubrange(0...3, with: ["you", "and", "your", "colleague"])
        }
        let first = output[0].lowercased()
        if subjects.contains(first) {
            // "you asked about my Kafka work" happened; "you love Rust" is so: said as something learned.
            let together = output.count > 4 && output[0...3] == ["you", "and", "your", "colleague"]
            let verb = output.dropFirst(together ? 4 : 1).first?.lowercased() ?? ""
            let happened = verb.hasSuffix("ed") || Self.irregularPast.contains(verb)
            return Mention(text: lowercasedOpening(output), form: happened ? .clause : .statement)
        }
        if hasVerb(output) { return Mention(text: lowercasedOpening(output), form: .statement) }
        return Mention(text: phrase(output), form: .phrase)
    }

    /// "her team's" → "your team's": in a sentence about the reader, their pronouns become "your".
    static func secondPerson(_ word: String) -> String {
        switch word {
        case "her", "his": "your"
        case "Her", "His": "Your"
        default: word
        }
    }

    /// The verb after "you": "leads" → "lead", "is" → "are", "was" → "were"; past tenses stay.
    static func agreeing(_ word: String) -> String {
        switch word {
        case "is": return "are"
        case "was": return "were"
        case "has": return "have"
        case "does": return "do"
        case "isn't": return "aren't"
        case "wasn't": return "weren't"
        case "doesn't": return "don't"
        default: break
        }
        guard word.count > 3, word.first?.isLowercase == true, word.hasSuffix("s"), !word.hasSuffix("ss"),
            !word.hasSuffix("us"),
            !word.hasSuffix("'s"), verbs.contains(word)
        else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        for ending in ["ches", "shes", "sses", "xes", "zes"] where word.hasSuffix(ending) {
            return String(word.dropLast(2))
        }
        return String(word.dropLast())
    }
}
