import Foundation

/// AW-PROPER — professional, not cutesy.
///
/// Seed: "a short and professional thank you note (this means no scented stationary or something too cutesy)".
struct ProperRule: DocumentRule {
    static let cutesyWords: Set<String> = [
        "xoxo", "xoxox", "xoxoxo", "xo", "xx", "xxx", "hugs", "hug", "yay", "yayy", "woohoo", "woo", "wooo", "yippee",
        "yippie", "hehe", "heehee", "teehee", "haha", "hahaha", "lol", "lmao", "rofl", "omg", "omgosh", "bff", "bestie",
        "besties", "cutie", "smiley", "kisses", "muah", "mwah", "toodles", "ttyl", "awesomesauce", "yummy", "squee",
        "whee", "yass", "yas", "hooray", "hurray", "smooches", "luv", "bestest", "xd",
    ]
    static let cutesyPhrases = Pattern(
        anyOf: [
            "super duper", "super-duper", "pretty please", "hugs and kisses", "big hugs", "so so so", "love you",
            "sending love", "sending hugs", "lots of love", "you rock", "you guys rock", "you're the best",
            "you are the best", "best day ever", "cherry on top", "fingers crossed",
        ])
    static let textSpeak: Set<String> = [
        "u", "ur", "pls", "plz", "thx", "thanx", "tnx", "ty", "btw", "imo", "imho", "idk", "gonna", "wanna", "gotta",
        "lemme", "gimme", "ya", "cuz", "coz", "b4", "r", "k", "kk", "np", "tbh",
    ]
    static let informalGreetings: Set<String> = ["hey", "heya", "hiya", "yo", "sup", "howdy", "hullo", "heyy"]
    static let stationery: Set<String> = [
        "scented", "perfumed", "glitter", "glittery", "sparkly", "sparkles", "cartoon", "cartoons", "stickers",
        "confetti", "rainbow", "unicorn", "unicorns",
    ]
    /// Upper-case words that are names of things, not shouting.
    static let acronyms: Set<String> = [
        "HIPAA", "OAUTH", "GRAPHQL", "MYSQL", "NOSQL", "FAANG", "SCRUM", "NASDAQ", "UNICEF", "ASCII", "POSIX",
        "LINUX", "UNIX", "COBOL", "FORTRAN", "CUDA", "NVIDIA", "CISCO", "DEVOPS", "HTTP", "HTTPS", "HTML", "JSON",
        "REST", "YAML", "SOAP", "NASA", "NATO", "CRUD", "GDPR", "GRPC", "AJAX", "FPGA", "ASIC", "RFID", "SAML",
        "OKTA", "IEEE", "SWIFT", "IBAN", "CCPA", "FINRA", "USMLE", "TOEFL", "IELTS", "OSHA", "FEMA", "NOAA", "ASAP",
        "MSFT", "AAPL", "GOOG", "AMZN", "BERT", "LLMS", "RLHF", "SRE", "SQL", "API", "APIS", "AWS", "GCP", "IPO",
        "SAAS", "PAAS", "IAAS", "B2B", "B2C", "KPI", "KPIS", "OKR", "OKRS", "ROI", "CEO", "CTO", "CFO", "COO", "VP",
        "SVP", "EVP", "UX", "UI", "QA", "ML", "AI", "NLP", "ETL", "MBA", "CPA", "PMP", "USA", "UK", "EU", "NYC", "SF",
    ]

    static let emoticon: NSRegularExpression = {
        let source =
            "(?<![\\p{L}\\p{N}])(?:[:;=][-^o']?[)(DPpO3\\]\\[*|/\\\\]|<3+|\\^_?\\^|[xX]D(?![\\p{L}])|~{2,}|\\*{3,}|~\\*|\\*~|\\(:)"
        do { return try NSRegularExpression(pattern: source) } catch { preconditionFailure("\(error)") }
    }()

    func check(_ input: RuleInput) -> [Finding] {
        var found: [Finding] = []
        found += symbols(input)
        found += exclamations(input)
        found += words(input)
        found += shouting(input)
        found += input.findings(
            .proper, [PhraseRule(Self.cutesyPhrases.regex.pattern, .error, "too cutesy for a professional thank-you")])
        return found
    }

    /// Emoji, emoticons and decorative symbols.
    private func symbols(_ input: RuleInput) -> [Finding] {
        var found: [Finding] = []
        let characters = input.index.characters
        var index = 0
        while index < characters.count {
            if let kind = Self.decoration(characters[index]) {
                var end = index + 1
                while end < characters.count, Self.decoration(characters[end]) != nil || characters[end] == " " && end + 1 < characters.count && Self.decoration(characters[end + 1]) != nil {
                    end += 1
                }
                found.append(input.finding(.proper, .error, "\(kind) has no place in a professional thank-you; remove it", at: index..<end))
                index = end
            } else {
                index += 1
            }
        }
        let body = input.document.body
        // Every emoticon holds one of these; most drafts hold none, and then the regex is not run.
        guard body.contains(where: { ":;=<^~*(".contains($0) }) || body.contains("xD") || body.contains("XD") else {
            return found
        }
        for match in Self.emoticon.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
            guard let range = Range(match.range, in: body) else { continue }
            let start = body.distance(from: body.startIndex, to: range.lowerBound)
            let length = body.distance(from: range.lowerBound, to: range.upperBound)
            found.append(
                input.finding(
                    .proper, .error, "emoticons and decorations are too cutesy; remove them", at: start..<start + length))
        }
        return found
    }

    /// What kind of decoration a character is, or nil for ordinary text.
    static func decoration(_ character: Character) -> String? {
        guard let first = character.unicodeScalars.first, first.value > 0x7F else { return nil }
        let scalars = character.unicodeScalars
        if scalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F })
            || (first.properties.isEmoji && first.value > 0x2000 && first.properties.generalCategory == .otherSymbol)
        {
            return "an emoji"
        }
        if first.properties.generalCategory == .otherSymbol, !"©®™°№℗℠".unicodeScalars.contains(first) {
            return "a decorative symbol"
        }
        return nil
    }

    /// More than one "!", or "!!".
    private func exclamations(_ input: RuleInput) -> [Finding] {
        var found: [Finding] = []
        let characters = input.index.characters
        var seen = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character == "!" || character == "¡" else {
                index += 1
                continue
            }
            var end = index + 1
            while end < characters.count, characters[end] == "!" || characters[end] == "?" || characters[end] == "1" {
                end += 1
            }
            if end - index > 1 || (index > 0 && characters[index - 1] == "?") {
                found.append(input.finding(.proper, .error, "\"!!\" is shouting; end the sentence with a period", at: index..<end))
            } else if seen >= EtiquetteLimits.maxExclamations {
                found.append(
                    input.finding(
                        .proper, .error,
                        "more than \(EtiquetteLimits.maxExclamations) \"!\" reads as gushing; use a period",
                        at: index..<end))
            }
            seen += characters[index..<end].filter { $0 == "!" }.count
            index = end
        }
        return found
    }

    /// Cutesy words, stretched words, text-speak, an informal greeting, stationery.
    private func words(_ input: RuleInput) -> [Finding] {
        var found: [Finding] = []
        let words = input.words
        for (position, token) in words.enumerated() {
            let lower = token.text.lowercased()
            if Self.cutesyWords.contains(lower) {
                found.append(input.finding(.proper, .error, "\"\(token.text)\" is too cutesy for a professional thank-you", at: token.range))
            } else if Self.isStretched(lower) {
                found.append(input.finding(.proper, .error, "stretched word; spell it plainly", at: token.range))
            } else if position == 0, Self.informalGreetings.contains(lower) {
                found.append(input.finding(.proper, .warning, "informal greeting; open with \"Dear …\"", at: token.range))
            } else if Self.textSpeak.contains(lower), token.text.count > 1 || token.text == lower {
                found.append(input.finding(.proper, .warning, "text-speak; write the word out", at: token.range))
            } else if input.channel == .note, Self.stationery.contains(lower) {
                found.append(input.finding(.proper, .warning, "keep the card plain: no scented, glittery or cartoon stationery", at: token.range))
            }
        }
        return found
    }

    /// Three or more of the same letter in a row ("sooo", "thanksss"), not "www".
    static func isStretched(_ word: String) -> Bool {
        guard word != "www", !word.contains(where: \.isNumber) else { return false }
        var previous: Character?
        var run = 1
        for character in word {
            if character == previous, character.isLetter {
                run += 1
                if run >= 3 { return !"ivxlcdm".contains(character) || word.count > 6 }
            } else {
                run = 1
            }
            previous = character
        }
        return false
    }

    /// Runs of ALL-CAPS words.
    private func shouting(_ input: RuleInput) -> [Finding] {
        let exempt = Set(
            [input.document.company, input.document.recipientName, input.document.role]
                .compactMap { $0 }.flatMap { $0.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) }
                .map { $0.uppercased() })
        func isCaps(_ token: Token) -> Bool {
            let letters = token.text.filter(\.isLetter)
            return !letters.isEmpty && letters.allSatisfy(\.isUppercase) && !token.text.contains(where: \.isNumber)
        }
        func isShouting(_ token: Token) -> Bool {
            let letters = token.text.filter(\.isLetter)
            return isCaps(token) && letters.count >= 4 && !Self.acronyms.contains(token.text)
                && !exempt.contains(token.text)
        }
        var found: [Finding] = []
        var run: [Token] = []
        func flush() {
            defer { run = [] }
            let letters = run.reduce(0) { $0 + $1.text.filter(\.isLetter).count }
            if run.count >= 2, letters >= 7, run.contains(where: isShouting) {
                found.append(
                    input.finding(
                        .proper, .error, "ALL-CAPS is shouting; write it in sentence case",
                        at: run[0].range.lowerBound..<run[run.count - 1].range.upperBound))
            } else if let loud = run.first(where: { isShouting($0) && $0.text.count >= 5 }) {
                found.append(input.finding(.proper, .warning, "ALL-CAPS is shouting; write it in sentence case", at: loud.range))
            }
        }
        for token in input.normalized.tokens {
            if token.isWord, isCaps(token) {
                run.append(token)
            } else if token.isWord || ".?!\n".contains(token.text) {
                flush()
            }
        }
        flush()
        return found
    }
}
