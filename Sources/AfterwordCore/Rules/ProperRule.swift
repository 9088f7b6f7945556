/// AW-PROPER — professional, not cutesy.
///
/// A thank-you is short and professional: no emoji or emoticons, no "!!" and at most one "!", no
/// xoxo, hugs or yay, no text-speak ("thx 4 the interview", "pls lmk"), no ALL-CAPS shouting, not
/// written all in lower case, and on a note card no scented, glittery or cartoon stationery.
/// At most one finding per sentence. See docs/etiquette.md.
struct ProperRule: DocumentRule {

    func check(_ input: RuleInput) -> [Flag] {
        combine((0..<parts).map { check(input, part: $0) }, input)
    }

    /// Decorations, emoticons, punctuation, words, capitals, lower case: independent passes over the draft.
    var parts: Int { 6 }

    func check(_ input: RuleInput, part: Int) -> [Flag] {
        switch part {
        case 0: symbols(input)
        case 1: emoticons(input)
        case 2: exclamations(input)
        case 3: words(input)
        case 4: shouting(input)
        default: lowerCase(input)
        }
    }

    /// One finding per sentence, whatever the problem.
    func combine(_ found: [[Flag]], _ input: RuleInput) -> [Flag] {
        let flags = found.flatMap { $0 }
        // Where each sentence starts and ends, in reading order (postscripts come last in the analysis).
        let sentences = input.sentences.map { (start: $0.start, end: $0.end) }.sorted { $0.start < $1.start }
        let ordered = flags.sorted { ($0.start, $0.severity) < ($1.start, $1.severity) }
        return Self.onePerSentence(ordered, sentences) { input.analysis.text($0.start, $0.end) }
    }

    /// Keeps one of `flags` in each sentence (and in the greeting and signature, each one region):
    /// the first error, or the first warning when the sentence has no error. Its message names the
    /// other problems of the sentence, so that one round of fixes finds them all.
    /// - Parameters:
    ///   - flags: ordered by start.
    ///   - sentences: the byte ranges of the sentences, ordered by start.
    ///   - excerpt: the words a flag points at.
    static func onePerSentence(_ flags: [Flag], _ sentences: [(start: Int, end: Int)], excerpt: (Flag) -> String) -> [Flag] {
        var groups: [[Flag]] = []
        var lastRegion = -1
        var sentenceIndex = 0
        for flag in flags {
            while sentenceIndex < sentences.count, sentences[sentenceIndex].end <= flag.start { sentenceIndex += 1 }
            let inside = sentenceIndex < sentences.count && sentences[sentenceIndex].start <= flag.start
            let region = inside ? sentenceIndex : -2 - (flag.start < (sentences.first?.start ?? 0) ? 0 : 1)
            if region == lastRegion, !groups.isEmpty {
                groups[groups.count - 1].append(flag)
            } else {
                groups.append([flag])
            }
            lastRegion = region
        }
        return groups.compactMap { group in
            guard var kept = group.min(by: { $0.severity < $1.severity }) else { return nil }
            let keptWords = excerpt(kept).trimmingBlanks()
            var others: [String] = []
            for flag in group {
                let words = excerpt(flag).trimmingBlanks()
                if !words.isEmpty, words != keptWords, !others.contains(words), others.count < 3 { others.append(words) }
            }
            if !others.isEmpty {
                kept.message += "; this sentence also has " + others.map { "\"\($0)\"" }.joined(separator: ", ")
            }
            return kept
        }
    }

    /// Emoji and decorative symbols, a run of them as one finding.
    private func symbols(_ input: RuleInput) -> [Flag] {
        var flags: [Flag] = []
        let tokens = input.tokens
        var index = 0
        while index < tokens.count {
            guard tokens[index].kind == .symbol, let kind = decoration(input.analysis.bytes, tokens[index]) else {
                index += 1
                continue
            }
            var end = index
            while end + 1 < tokens.count, tokens[end + 1].kind == .symbol { end += 1 }
            // A symbol that is part of the recipient's name as written on their card, in the greeting.
            if let greeting = input.analysis.greeting, greeting.tokens.contains(index) || index == greeting.tokens.upperBound,
                let name = input.document.recipientName, name.contains(input.analysis.text(tokens[index].start, tokens[end].end))
            {
                index = end + 1
                continue
            }
            flags.append(input.flag(.proper, .error, "\(kind) has no place in a professional thank-you; remove it", tokens: index, end))
            index = end + 1
        }
        return flags
    }

    /// What kind of decoration a symbol is, or nil for an ordinary mark (©, °, a combining accent).
    private func decoration(_ bytes: [UInt8], _ token: Token) -> String? {
        let text = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
        guard let first = text.unicodeScalars.first else { return nil }
        return Self.decoration(first)
    }

    /// "an emoji", "a decorative symbol", or nil.
    static func decoration(_ scalar: Unicode.Scalar) -> String? {
        guard scalar.value > 0x7F else { return nil }
        let properties = scalar.properties
        if properties.isEmojiPresentation || scalar.value == 0xFE0F
            || (properties.isEmoji && scalar.value > 0x2000 && properties.generalCategory == .otherSymbol)
        {
            return "an emoji"
        }
        if properties.generalCategory == .otherSymbol, !"©®™°№℗℠".unicodeScalars.contains(scalar) { return "a decorative symbol" }
        return nil
    }

    /// The bytes an emoticon may start with (: ; = < ^ x X ~ * and "("); every other byte is passed over.
    static let emoticonStarts: [Bool] = (0..<256).map { Array(":;=<^xX~*(".utf8).contains(UInt8($0)) }

    /// ":)", ";-)", ":D", "<3", "^_^", "xD", "~~", "***": scanned byte by byte, no backtracking.
    private func emoticons(_ input: RuleInput) -> [Flag] {
        let bytes = input.analysis.bytes
        var flags: [Flag] = []
        func isAlnum(_ i: Int) -> Bool {
            guard i >= 0, i < bytes.count else { return false }
            let b = bytes[i]
            return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
        }
        // Compared byte by byte, not hashed: this reads every byte of the draft.
        func isEye(_ byte: UInt8) -> Bool { byte == 0x3A || byte == 0x3B || byte == 0x3D }  // : ; =
        func isNose(_ byte: UInt8) -> Bool { byte == 0x2D || byte == 0x5E || byte == 0x6F || byte == 0x27 }  // - ^ o '
        func isMouth(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x29, 0x28, 0x44, 0x50, 0x70, 0x4F, 0x33, 0x5D, 0x5B, 0x2A, 0x7C, 0x2F, 0x5C: true  // ) ( D P p O 3 ] [ * | / \
            default: false
            }
        }
        var index = 0
        while index < input.analysis.ownEnd {
            let byte = bytes[index]
            guard Self.emoticonStarts[Int(byte)] else {
                index += 1
                continue
            }
            var end: Int?
            if isEye(byte), !isAlnum(index - 1) || byte != 0x3A {
                var mouth = index + 1
                if mouth < bytes.count, isNose(bytes[mouth]) { mouth += 1 }
                if mouth < bytes.count, isMouth(bytes[mouth]) {
                    let letterMouth = bytes[mouth] >= 0x41
                    let after = mouth + 1
                    // ":/" in a URL and "Note:Dana" are not faces.
                    let url = bytes[mouth] == 0x2F && after < bytes.count && bytes[after] == 0x2F
                    if !url, !(letterMouth && isAlnum(after)), !(bytes[mouth] == 0x2F && isAlnum(after)) { end = after }
                }
            } else if byte == 0x3C, index + 1 < bytes.count, bytes[index + 1] == 0x33, !isAlnum(index + 2) {
                end = index + 2  // <3
            } else if byte == 0x5E, index + 1 < bytes.count, bytes[index + 1] == 0x5E || bytes[index + 1] == 0x5F {
                end = index + (bytes[index + 1] == 0x5F && index + 2 < bytes.count && bytes[index + 2] == 0x5E ? 3 : 2)
            } else if byte == 0x78 || byte == 0x58, index + 1 < bytes.count, bytes[index + 1] == 0x44, !isAlnum(index - 1), !isAlnum(index + 2) {
                end = index + 2  // xD
            } else if byte == 0x7E, index + 1 < bytes.count, bytes[index + 1] == 0x7E || bytes[index + 1] == 0x2A {
                end = index + 2  // ~~ ~*
            } else if byte == 0x2A, index + 2 < bytes.count, bytes[index + 1] == 0x2A, bytes[index + 2] == 0x2A {
                end = index + 3  // ***
            } else if byte == 0x28, index + 1 < bytes.count, bytes[index + 1] == 0x3A, !isAlnum(index + 2) {
                end = index + 2  // (:
            }
            if let end {
                flags.append(Flag(rule: .proper, severity: .error, message: "emoticons and decorations are too cutesy; remove them", start: index, end: end))
                index = end
            } else {
                index += 1
            }
        }
        return flags
    }

    /// More than one "!", or "!!".
    private func exclamations(_ input: RuleInput) -> [Flag] {
        var flags: [Flag] = []
        let tokens = input.tokens
        var seen = 0
        var index = 0
        while index < tokens.count {
            guard tokens[index].kind == .punctuation else {
                index += 1
                continue
            }
            if tokens[index].lower == "?", index + 1 < tokens.count, tokens[index + 1].lower == "?", tokens[index + 1].start == tokens[index].end {
                var end = index + 1
                while end + 1 < tokens.count, ["?", "!"].contains(tokens[end + 1].lower) { end += 1 }
                flags.append(input.flag(.proper, .error, "\"??\" is shouting; one question mark is enough", tokens: index, end))
                index = end + 1
                continue
            }
            guard tokens[index].lower == "!" || tokens[index].lower == "¡" else {
                index += 1
                continue
            }
            var end = index
            while end + 1 < tokens.count, ["!", "?", "1"].contains(tokens[end + 1].lower), tokens[end + 1].start == tokens[end].end { end += 1 }
            let doubled = end > index || (index > 0 && tokens[index - 1].lower == "?" && tokens[index - 1].end == tokens[index].start)
            if doubled {
                flags.append(input.flag(.proper, .error, "\"!!\" is shouting; end the sentence with a period", tokens: index, end))
            } else if seen >= EtiquetteLimits.maxExclamations {
                flags.append(
                    input.flag(.proper, .error, "more than \(EtiquetteLimits.maxExclamations) \"!\" reads as gushing; use a period", tokens: index, end))
            }
            seen += (index...end).filter { tokens[$0].lower == "!" }.count
            index = end + 1
        }
        return flags
    }

    /// Cutesy words, stretched words, text-speak, an informal greeting, a lower-case "i", stationery.
    private func words(_ input: RuleInput) -> [Flag] {
        var flags: [Flag] = []
        let tokens = input.tokens
        let greetingStart = input.analysis.greeting?.tokens.lowerBound
        // A name that is spelled like text-speak ("Wen", "Ya") is a name: the recipient's and the company's are known.
        let names = Set((input.recipientWords + input.companyWords).map { $0.lowercased() })
        var previousWord: Int?
        for index in tokens.indices {
            let token = tokens[index]
            guard token.kind == .word || token.kind == .number else { continue }
            defer { previousWord = index }
            let lower = token.lower
            // "Hyun-woo" is a name: the second part of a hyphenated word is not cutesy by itself.
            let cutesy = token.tags.contains(.cutesy) && Lexicon.shared.words[lower]?.contains(.cutesy) == true
                && !(token.isCapitalized && !previousWordEndsSentence(tokens, index)) && !token.hyphenBefore
            if cutesy || (token.startsPhrase && isCutesyPhrase(input, index)) {
                flags.append(input.flag(.proper, .error, "\"\(input.analysis.text(token.start, token.end))\" is too cutesy for a professional thank-you", tokens: index, index))
            } else if isProfane(tokens, index) {
                flags.append(input.flag(.proper, .error, "\"\(input.analysis.text(token.start, token.end))\" is swearing; leave it out of a professional letter", tokens: index, index))
            } else if Self.isStretched(lower) {
                flags.append(input.flag(.proper, .error, "a stretched word; spell it plainly", tokens: index, index))
            } else if index == greetingStart, token.tags.contains(.informalGreeting) {
                flags.append(input.flag(.proper, .warning, "an informal greeting; open with \"Dear …\" or \"Hello …\"", tokens: index, index))
            } else if isTextSpeak(tokens, index, previousWord), !(token.isCapitalized && names.contains(lower)) {
                flags.append(input.flag(.proper, .error, "text-speak (\"\(input.analysis.text(token.start, token.end))\"); write the words out in full", tokens: index, index))
            } else if lower.utf8.first == 0x69, !token.isCapitalized, Words.firstPersonI.contains(lower), !(index + 1 < tokens.count && tokens[index + 1].lower == "." && index + 2 < tokens.count && tokens[index + 2].kind == .word) {
                flags.append(input.flag(.proper, .error, "write \"I\" with a capital letter", tokens: index, index))
            } else if input.channel == .note, token.tags.contains(.stationery) {
                flags.append(input.flag(.proper, .warning, "keep the card plain: no scented, glittery or cartoon stationery", tokens: index, index))
            }
        }
        return flags
    }

    /// A swear word, but not a name that shares its letters ("Hell's Kitchen" in mid-sentence).
    private func isProfane(_ tokens: [Token], _ index: Int) -> Bool {
        let token = tokens[index]
        guard token.tags.contains(.profanity), Lexicon.shared.words[token.lower]?.contains(.profanity) == true else { return false }
        return !token.isCapitalized || previousWordEndsSentence(tokens, index)
    }

    private func isCutesyPhrase(_ input: RuleInput, _ index: Int) -> Bool {
        guard let phrases = Lexicon.shared.phrases[input.tokens[index].lower] else { return false }
        let tokens = input.tokens
        return phrases.contains { phrase in
            guard phrase.tags.contains(.cutesy) else { return false }
            var position = index
            for word in phrase.words {
                while position < tokens.count, tokens[position].kind == .punctuation, tokens[position].lower == "'" { position += 1 }
                guard position < tokens.count, tokens[position].lower == word else { return false }
                position += 1
            }
            return true
        }
    }

    /// Text-speak: "thx", "u", "ur", "pls", "lmk", "gr8", and digits standing for words ("thx 4 the interview", "nice 2 meet u").
    private func isTextSpeak(_ tokens: [Token], _ index: Int, _ previous: Int?) -> Bool {
        let token = tokens[index]
        let lower = token.lower
        if token.kind == .number {
            guard lower == "4" || lower == "2", let previous, tokens[previous].kind == .word, index + 1 < tokens.count,
                tokens[index + 1].kind == .word, tokens[index + 1].start == token.end + 1
            else { return false }
            let before = tokens[previous].lower
            let after = tokens[index + 1].lower
            if lower == "4" {
                return Words.thanksBefore4.contains(before)
                    || Words.after4.contains(after)
            }
            return Words.before2.contains(before)
                && Words.after2.contains(after)
        }
        guard token.tags.contains(.textSpeak), !Self.isStateCode(tokens, index) else { return false }
        // Short forms count only when written in lower case ("U" can be an initial, "UR" a code).
        let sentenceStart = previousWordEndsSentence(tokens, index)
        if lower.count <= 2, token.isCapitalized, !(token.isAllCaps && ["ty", "ur", "np", "tx"].contains(lower)), !(sentenceStart && ["ur", "u"].contains(lower)) {
            return false
        }
        // "r" and "n" stand for "are" and "and" only between words ("u r great", "u n ur team").
        if lower == "r" || lower == "n" {
            guard let previous, tokens[previous].kind == .word, index + 1 < tokens.count, tokens[index + 1].kind == .word else { return false }
        }
        return true
    }

    /// "TX 78767", "MA 02116": a state's code before a ZIP code, in an address.
    static func isStateCode(_ tokens: [Token], _ index: Int) -> Bool {
        guard tokens[index].isAllCaps, tokens[index].lower.utf8.count == 2 else { return false }
        let next = tokens[(index + 1)...].first { $0.kind != .punctuation || $0.lower == "\n" }
        if next.map({ $0.kind == .number && $0.lower.utf8.count == 5 }) ?? false { return true }
        // "Austin, TX": after a capitalised town and a comma.
        return index >= 2 && tokens[index - 1].lower == "," && tokens[index - 2].kind == .word && tokens[index - 2].isCapitalized
    }

    /// True when the token opens a sentence (nothing but a ".", "!", "?" or a line break before it).
    private func previousWordEndsSentence(_ tokens: [Token], _ index: Int) -> Bool {
        var back = index - 1
        while back >= 0 {
            if tokens[back].kind == .word || tokens[back].kind == .number { return false }
            if [".", "!", "?", "\n"].contains(tokens[back].lower) { return true }
            back -= 1
        }
        return true
    }

    /// Three or more of the same letter in a row ("sooo", "thanksss"), not "www" or Roman numerals.
    static func isStretched(_ word: String) -> Bool {
        guard word.utf8.count >= 3, word != "www" else { return false }
        // Quick pass over the bytes: most words have no letter three times in a row.
        var byteRun = 1
        var previousByte: UInt8 = 0
        var tripled = false
        for byte in word.utf8 {
            if byte >= 0x30 && byte <= 0x39 { return false }
            byteRun = byte == previousByte ? byteRun + 1 : 1
            if byteRun >= 3 { tripled = true }
            previousByte = byte
        }
        guard tripled else { return false }
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

    /// Runs of ALL-CAPS words; one capitalised word for emphasis ("I REALLY want this").
    private func shouting(_ input: RuleInput) -> [Flag] {
        let exempt = Set(
            [input.document.company, input.document.recipientName, input.document.role]
                .compactMap { $0 }.flatMap { $0.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) }
                .map { $0.lowercased() })
        let tokens = input.tokens
        func isCaps(_ token: Token) -> Bool {
            token.kind == .word && token.isAllCaps
        }
        func isShouting(_ index: Int) -> Bool {
            let token = tokens[index]
            let text = input.analysis.text(token.start, token.end)
            // "the HIS module", "the WHO guidelines": a function word in capitals after an article names a thing.
            if Words.functionWords.contains(token.lower), tokens[max(0, index - 2)..<index].contains(where: { Words.articles.contains($0.lower) }) { return false }
            guard isCaps(token), !Words.acronyms.contains(text.lowercased()), !exempt.contains(token.lower), !token.tags.contains(.technology),
                !token.lower.contains(where: \.isNumber), !token.tags.contains(.textSpeak)
            else { return false }
            let english = !token.tags.isDisjoint(with: [.common, .enjoy, .thanks, .conversation, .generic, .appreciate, .eager])
            // A one-letter word ("A highlight was…", "I") is a capital, not a shout.
            if token.lower.utf8.count == 1 { return false }
            // Two-letter capitals are mostly codes ("US", "UK", "HR"); only emphatic words shout.
            if token.lower.utf8.count < 2 { return false }
            if token.lower.utf8.count == 2 { return Words.emphaticPairs.contains(token.lower) }
            // A long capitalised word the lexicons do not know is an acronym ("CRISPR", "NAVSEA") unless
            // it is shaped like an English word ("DEFINITELY", "HONOURED").
            return english && token.lower != "i" || token.lower.utf8.count >= 6 && Self.looksEnglish(token.lower)
        }
        var flags: [Flag] = []
        var run: [Int] = []
        func flush() {
            // "I" or "A" beside a shouted word is an ordinary capital: the finding points at the shouting.
            while let first = run.first, tokens[first].lower.utf8.count == 1 { run.removeFirst() }
            while let last = run.last, tokens[last].lower.utf8.count == 1 { run.removeLast() }
            guard !run.isEmpty else { return }
            defer { run = [] }
            let letters = run.reduce(0) { $0 + tokens[$1].lower.count }
            if run.count >= 2, letters >= 7, run.contains(where: isShouting) {
                flags.append(input.flag(.proper, .error, "ALL-CAPS is shouting; write it in sentence case", tokens: run[0], run[run.count - 1]))
            } else if let loud = run.first(where: isShouting) {
                flags.append(input.flag(.proper, .error, "ALL-CAPS is shouting; write it in sentence case", tokens: loud, loud))
            }
        }
        let signatureStart = input.analysis.signature?.lowerBound ?? tokens.count
        for index in tokens.indices where index < signatureStart {
            let token = tokens[index]
            if isCaps(token) {
                run.append(index)
            } else if token.kind == .word || token.kind == .number || [".", "?", "!", "\n"].contains(token.lower) {
                flush()
            }
        }
        flush()
        return flags
    }

    /// True for a lower-cased word ending like an English word.
    static func looksEnglish(_ word: String) -> Bool {
        Words.englishEndings.contains(suffixOf: word)
    }

    /// A message written all in lower case: one finding at its first word; or a sentence of four or
    /// more words without a single capital letter.
    private func lowerCase(_ input: RuleInput) -> [Flag] {
        let whole = wholeLowerCase(input)
        if !whole.isEmpty { return whole }
        let tokens = input.tokens
        var flags: [Flag] = []
        for sentence in input.sentences where sentence.count >= 4 {
            let first = sentence.words[0]
            guard tokens[first].kind == .word, !tokens[first].isCapitalized,
                !sentence.words.contains(where: { tokens[$0].isCapitalized || tokens[$0].isAllCaps }),
                !input.analysis.text(tokens[first].start, tokens[first].end).contains(where: \.isUppercase)
            else { continue }
            // A sentence continued after a colon or a list bullet may start small.
            let before = first > 0 ? tokens[first - 1].lower : "\n"
            if [":", ";", ",", "-", "•", "*"].contains(before) { continue }
            flags.append(input.flag(.proper, .error, "a sentence without capital letters; start it with one", tokens: first, first))
        }
        return flags
    }

    private func wholeLowerCase(_ input: RuleInput) -> [Flag] {
        let tokens = input.tokens
        var words = 0
        var capitalised = 0
        var lowerStarts = 0
        for sentence in input.sentences {
            if let first = sentence.words.first, tokens[first].kind == .word, !tokens[first].isCapitalized { lowerStarts += 1 }
            for index in sentence.words where tokens[index].kind == .word {
                words += 1
                if tokens[index].isCapitalized { capitalised += 1 }
            }
        }
        guard words >= 12, capitalised * 30 <= words, lowerStarts >= 2 || input.sentences.count == 1,
            let first = tokens.firstIndex(where: { $0.kind == .word })
        else { return [] }
        return [input.flag(.proper, .error, "written all in lower case; use capital letters as in any professional letter", tokens: first, first)]
    }
}
