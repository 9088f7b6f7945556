import Foundation

/// Everything a rule needs to judge one draft, computed once.
struct RuleInput: Sendable {
    let document: Document
    let index: TextIndex
    let normalized: NormalizedText

    init(_ document: Document) {
        self.document = document
        index = TextIndex(document.body, firstLine: document.bodyFirstLine)
        normalized = NormalizedText(index.characters)
    }

    var channel: Channel { document.channel }

    /// The greeting line ("Dear Dana Whitfield,"): its character offset and text, when the draft has one.
    var greeting: (start: Int, text: String)? {
        guard let first = index.lines.first(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            return nil
        }
        return Greeting.parse(first.text) == nil ? nil : first
    }

    /// The characters between the greeting and the sign-off: where the message itself is.
    var letterRange: Range<Int> {
        let lines = index.lines
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
        for phrase in phrases {
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

    init(_ source: String, _ severity: Severity = .error, _ message: String) {
        pattern = Pattern(source)
        self.severity = severity
        self.message = message
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
