import Foundation

/// A word or a punctuation mark of the original text, with where it was.
struct Token: Sendable {
    /// The token as written.
    let text: String
    /// Character range in the original text.
    let range: Range<Int>
    let isWord: Bool
    /// Lower-cased, contractions expanded, text-speak spelled out.
    let normalized: String
}

/// The text reduced to one canonical spelling so that rules match meaning, not exact phrases.
///
/// "pls let me know u've received this" and "Please let me know you have received this" normalise
/// to the same string. Every position in the normalised string maps back to the original words,
/// so a finding still points at what the user wrote.
struct NormalizedText: Sendable {
    let tokens: [Token]
    /// Lower-cased words and punctuation separated by single spaces.
    let string: String
    /// For each UTF-16 unit of `string`, the original character range of its token.
    private let origins: [Range<Int>]
    /// UTF-16 offsets of the spaces between tokens.
    private let spaces: Set<Int>

    init(_ characters: [Character]) {
        tokens = NormalizedText.tokenize(characters)
        var string = ""
        var origins: [Range<Int>] = []
        var spaces = Set<Int>()
        string.reserveCapacity(characters.count + 16)
        origins.reserveCapacity(characters.count + 16)
        for token in tokens {
            string += token.normalized
            origins.append(contentsOf: repeatElement(token.range, count: token.normalized.utf16.count))
            spaces.insert(origins.count)
            string += " "
            origins.append(token.range)
        }
        self.string = string
        self.origins = origins
        self.spaces = spaces
    }

    /// Original character ranges of every match of `pattern`.
    func matches(_ pattern: Pattern) -> [Range<Int>] {
        pattern.regex.matches(in: string, range: NSRange(location: 0, length: origins.count)).compactMap { match in
            var range = match.range
            // Trim the spaces the joiner put around tokens.
            while range.length > 0, isSpace(range.location + range.length - 1) { range.length -= 1 }
            while range.length > 0, isSpace(range.location) {
                range.location += 1
                range.length -= 1
            }
            guard range.length > 0 else { return nil }
            return origins[range.location].lowerBound..<origins[range.location + range.length - 1].upperBound
        }
    }

    /// True when the pattern occurs anywhere.
    func contains(_ pattern: Pattern) -> Bool {
        pattern.regex.firstMatch(in: string, range: NSRange(location: 0, length: origins.count)) != nil
    }

    /// True when the UTF-16 unit at `offset` is a space the joiner put between tokens.
    private func isSpace(_ offset: Int) -> Bool {
        spaces.contains(offset)
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return (ascii >= 97 && ascii <= 122) || (ascii >= 65 && ascii <= 90) || (ascii >= 48 && ascii <= 57)
        }
        return character.isLetter || character.isNumber
    }

    private static func tokenize(_ characters: [Character]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        let count = characters.count
        while index < count {
            let character = characters[index]
            if character == " " || character == "\n" || character.isWhitespace {
                index += 1
                continue
            }
            if isWordCharacter(character) {
                var end = index + 1
                while end < count {
                    let next = characters[end]
                    if isWordCharacter(next) {
                        end += 1
                    } else if (next == "'" || next == "’" || next == "-" || next == "‘") && end + 1 < count
                        && isWordCharacter(characters[end + 1])
                    {
                        end += 2
                    } else {
                        break
                    }
                }
                let text = String(characters[index..<end])
                tokens.append(Token(text: text, range: index..<end, isWord: true, normalized: normalizeWord(text)))
                index = end
            } else {
                let text = String(character)
                let normalized = character == "’" || character == "‘" ? "'" : text.lowercased()
                tokens.append(Token(text: text, range: index..<index + 1, isWord: false, normalized: normalized))
                index += 1
            }
        }
        return tokens
    }

    /// The canonical spelling of one word.
    static func normalizeWord(_ word: String) -> String {
        var lower = word.lowercased()
        if lower.contains(where: { $0 == "’" || $0 == "‘" }) {
            lower = String(lower.map { $0 == "’" || $0 == "‘" ? "'" : $0 })
        }
        if let spelled = spellings[lower] { return spelled }
        guard lower.contains("'") else { return lower }
        if lower.hasSuffix("n't") { return (spellings[lower] ?? String(lower.dropLast(3))) + " not" }
        for (suffix, expansion) in contractionSuffixes where lower.hasSuffix(suffix) && lower.count > suffix.count {
            return String(lower.dropLast(suffix.count)) + expansion
        }
        return lower
    }

    private static let contractionSuffixes: [(String, String)] = [
        ("'ll", " will"), ("'ve", " have"), ("'re", " are"), ("'d", " would"), ("'m", " am"),
    ]

    /// Contractions, text-speak and variant spellings, in their canonical form.
    private static let spellings: [String: String] = [
        "u": "you", "ya": "you", "yu": "you", "ur": "your", "youre": "you are", "pls": "please", "plz": "please",
        "plse": "please", "pleeease": "please", "thx": "thanks", "thanx": "thanks", "tnx": "thanks", "ty": "thanks",
        "e-mail": "email", "e-mails": "emails", "emailed": "emailed", "msg": "message", "rcvd": "received",
        "recvd": "received", "recieved": "received", "recieve": "receive", "recived": "received",
        "follow-up": "follow up", "followup": "follow up", "follow-ups": "follow up", "thank-you": "thank you", "thankyou": "thank you", "can't": "cannot",
        "cant": "cannot", "won't": "will not", "wont": "will not", "shan't": "shall not", "ain't": "is not",
        "dont": "do not", "didnt": "did not", "doesnt": "does not", "havent": "have not", "hasnt": "has not",
        "hadnt": "had not", "isnt": "is not", "wasnt": "was not", "im": "i am", "ive": "i have", "idk": "i do not know",
        "it's": "it is", "let's": "let us", "lemme": "let me", "gimme": "give me", "gonna": "going to",
        "wanna": "want to", "gotta": "got to", "asap": "as soon as possible", "b4": "before", "r": "are",
        "okay": "ok", "ph": "phone", "tel": "phone", "cellphone": "phone", "cell": "phone",
        "mobile": "phone", "telephone": "phone", "zoom": "video",
    ]
}

/// A compiled pattern over normalised text.
struct Pattern: @unchecked Sendable {
    let regex: NSRegularExpression

    /// Compiles a pattern; the patterns are part of the program, so a bad one is a programming error.
    init(_ source: String) {
        do {
            regex = try NSRegularExpression(pattern: source, options: [.caseInsensitive])
        } catch {
            preconditionFailure("invalid built-in pattern \(source): \(error)")
        }
    }

    /// One pattern matching any of the alternatives, each as a whole-word phrase.
    init(anyOf alternatives: [String]) {
        self.init("\\b(?:" + alternatives.joined(separator: "|") + ")\\b")
    }
}
