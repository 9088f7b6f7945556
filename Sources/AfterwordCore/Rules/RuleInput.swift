import Foundation

/// Everything a rule needs to judge one draft, computed once.
struct RuleInput: Sendable {
    let document: Document
    let index: TextIndex
    let normalized: NormalizedText

    /// Every prefix (of up to twelve letters) of every normalised word of the body, to skip phrase
    /// patterns whose first words do not occur.
    let prefixes: Set<Substring>

    /// The body's lines with the character index each starts at.
    let lines: [(start: Int, text: String)]
    /// The greeting line ("Dear Dana Whitfield,"): its character offset and text, when the draft has one.
    let greeting: (start: Int, text: String)?

    init(_ document: Document) {
        self.document = document
        index = TextIndex(document.body, firstLine: document.bodyFirstLine)
        normalized = NormalizedText(index.characters)
        var prefixes = Set<Substring>()
        for word in Set(normalized.string.split(separator: " ")) {
            var end = word.startIndex
            var length = 0
            while end < word.endIndex, length < 12 {
                end = word.index(after: end)
                length += 1
                prefixes.insert(word[word.startIndex..<end])
            }
        }
        self.prefixes = prefixes
        lines = index.makeLines()
        let first = lines.first { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        greeting = first.flatMap { Greeting.parse($0.text) == nil ? nil : $0 }
    }

    var channel: Channel { document.channel }

    /// The characters between the greeting and the sign-off: where the message itself is.
    var letterRange: Range<Int> {
        var start = 0
        if let greeting { start = greeting.start + greeting.text.count }
        var end = index.characters.count
        for line in lines.reversed() where line.start > start {
            let key = line.text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ",.!-—"))
                .lowercased()
            if Greeting.closings.contains(key) {
                end = line.start
                break
            }
        }
        return start..<max(start, end)
    }

    /// The words of the body (not punctuation).
    var words: [Token] { normalized.tokens.filter(\.isWord) }

    /// A finding about the words at `range` of the body.
    func finding(_ rule: RuleID, _ severity: Severity, _ message: String, at range: Range<Int>) -> Finding {
        let (line, column) = index.position(of: range.lowerBound)
        let excerpt = index.text(range)
        return Finding(
            rule: rule, severity: severity, message: message, line: line, column: column,
            length: excerpt.count, excerpt: excerpt)
    }

    /// False when none of the words a phrase must start with occurs: its pattern cannot match.
    func mayMatch(_ phrase: PhraseRule) -> Bool {
        guard let triggers = phrase.triggers else { return true }
        return triggers.contains { prefixes.contains($0.count > 12 ? $0.prefix(12) : $0) }
    }

    /// A finding about something the body lacks, placed at its first line.
    func missing(_ rule: RuleID, _ severity: Severity, _ message: String) -> Finding {
        let start = index.characters.firstIndex { !$0.isWhitespace } ?? 0
        let (line, column) = index.position(of: start)
        return Finding(rule: rule, severity: severity, message: message, line: line, column: column, length: 0)
    }

    /// Findings for every match of each phrase pattern.
    func findings(_ rule: RuleID, _ phrases: [PhraseRule]) -> [Finding] {
        var found: [Finding] = []
        var covered: [Range<Int>] = []
        for phrase in phrases where mayMatch(phrase) {
            for range in normalized.matches(phrase.pattern) where !covered.contains(where: { $0.overlaps(range) }) {
                covered.append(range)
                found.append(finding(rule, phrase.severity, phrase.message, at: range))
            }
        }
        return found
    }
}

/// A wording a rule flags, with how bad it is and what to say.
struct PhraseRule: Sendable {
    let pattern: Pattern
    let severity: Severity
    let message: String

    /// Word prefixes of which one must occur for the pattern to match (nil: always try it).
    let triggers: [Substring]?

    init(_ source: String, _ severity: Severity = .error, _ message: String) {
        pattern = Pattern(source)
        self.severity = severity
        self.message = message
        triggers = Self.leadingWords(source)
    }

    /// Prefixes of which one must begin a word for the pattern to match: the first word of each
    /// alternative of a leading `\b(?:…|…)` group, or the leading literal of `\bword…`. Nil when
    /// the pattern starts any other way (it is always tried).
    static func leadingWords(_ source: String) -> [Substring]? {
        guard source.hasPrefix("\\b") else { return nil }
        let rest = source.dropFirst(2)
        if rest.hasPrefix("(?:") {
            var depth = 1
            var end = rest.index(rest.startIndex, offsetBy: 3)
            while end < rest.endIndex, depth > 0 {
                if rest[end] == "(" { depth += 1 }
                if rest[end] == ")" { depth -= 1 }
                if depth > 0 { end = rest.index(after: end) }
            }
            guard end < rest.endIndex else { return nil }
            // A group that is optional as a whole ("(?:…)?") does not have to occur.
            let after = rest.index(after: end)
            if after < rest.endIndex, rest[after] == "?" || rest[after] == "*" { return nil }
            var words: [Substring] = []
            for alternative in rest[rest.index(rest.startIndex, offsetBy: 3)..<end].split(separator: "|", omittingEmptySubsequences: false) {
                let first = alternative.prefix { $0.isLetter || $0 == "'" || $0 == "-" }
                guard !first.isEmpty else { return nil }
                words.append(first)
            }
            return words.isEmpty ? nil : words
        }
        let literal = rest.prefix { $0.isLetter }
        // A letter followed by "?" or "*" is optional; keep only what must be there.
        let next = rest.dropFirst(literal.count).first
        let certain = next == "?" || next == "*" ? literal.dropLast() : literal
        return certain.count >= 2 ? [certain] : nil
    }
}

/// One etiquette rule that judges a single draft.
protocol DocumentRule: Sendable {
    func check(_ input: RuleInput) -> [Finding]
}

/// Fragments shared by the phrase patterns, over normalised text.
enum Phrase {
    /// A gap of a few words inside one sentence.
    static func gap(_ maxCharacters: Int) -> String { "[^.?!;]{0,\(maxCharacters)}" }
    static let message = "(?:email|emails|message|note|letter|mail|card|thank you|application|resume|cv)"
    static let received = "(?:received|receive|receiving|got|get|getting|gotten|saw|seen|see|read)"
    static let arrived =
        "(?:arrived|arrive|reached|reach|came through|come through|went through|go through|got through|get through|made it|make it|landed|was delivered|been delivered)"
    static let previous = "(?:previous|last|earlier|prior|first|recent|original)"
}
