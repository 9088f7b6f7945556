/// AW-NAMES — the greeting names the right person, spelled exactly as on their card; the company is
/// exact; and the letter is signed with the writer's name.
///
/// A misspelt name is the one mistake every reader notices. Only name positions are compared:
/// the greeting's name (found by structure, even when the first sentence follows on its line)
/// and capitalised words that are almost the recipient's or the company's name. Ordinary words
/// ("Thank" to Thanh, "Will" to Will Carter) are never taken for names. See docs/etiquette.md.
struct NamesRule: DocumentRule {
    func check(_ input: RuleInput) -> [Flag] {
        var flags: [Flag] = []
        if let name = input.document.recipientName, !input.recipientWords.isEmpty {
            flags += greeting(input, name: name)
        }
        flags += spellings(input)
        flags += unsigned(input)
        flags += placeholders(input)
        return flags
    }

    /// "[Your Name]", "<Company>", "{first_name}", or a signature that reads "Your Name": a template's
    /// blank left in, which tells the reader the letter was not written for them.
    private func placeholders(_ input: RuleInput) -> [Flag] {
        let tokens = input.tokens
        let closers: [String: String] = ["[": "]", "<": ">", "{": "}", "(": ")"]
        var flags: [Flag] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].kind == .punctuation, let closer = closers[tokens[index].lower] else {
                index += 1
                continue
            }
            var end = index + 1
            var words: [String] = []
            while end < tokens.count, end - index <= 8, tokens[end].lower != closer, tokens[end].kind != .newline {
                if tokens[end].kind == .word { words.append(tokens[end].lower) }
                end += 1
            }
            let closed = end < tokens.count && tokens[end].lower == closer
            // A parenthesis is a blank only when it says so ("(your name)"); brackets hold nothing else in a letter.
            let blank = words.contains { Words.blanks.contains($0) } && (closer != ")" || words.contains("your") && words.count <= 3)
            if closed, !words.isEmpty, blank {
                let written = input.analysis.text(tokens[index].start, tokens[end].end)
                flags.append(input.flag(.names, .error, "a template's blank is left in: replace \"\(written)\" with the real words", tokens: index, end))
                index = end + 1
            } else {
                index += 1
            }
        }
        if let signature = input.analysis.signature {
            let words = signature.filter { tokens[$0].kind == .word }
            // Unless it is the bracketed blank already found ("[Your Name]").
            if words.count == 2, tokens[words[0]].lower == "your", tokens[words[1]].lower == "name",
                !flags.contains(where: { $0.start <= tokens[words[0]].start && $0.end >= tokens[words[1]].end })
            {
                flags.append(input.flag(.names, .error, "the letter is signed \"Your Name\": put your own name under it", tokens: words[0], words[1]))
            }
        }
        return flags
    }

    /// A sign-off with no name under it ("Best regards," and nothing more): the reader cannot tell who wrote.
    private func unsigned(_ input: RuleInput) -> [Flag] {
        guard let closing = input.analysis.closing, input.analysis.signature == nil else { return [] }
        let tokens = input.tokens
        let words = closing.filter { tokens[$0].kind == .word }
        let phrase = words.map { tokens[$0].lower }.joined(separator: " ")
        guard Greeting.closings.contains(phrase), let first = words.first, let last = words.last else { return [] }
        let written = input.analysis.text(tokens[first].start, tokens[last].end)
        return [input.flag(.names, .error, "unsigned: put your name under \"\(written)\"", tokens: first, last)]
    }

    private func greeting(_ input: RuleInput, name: String) -> [Flag] {
        var seen = Set<String>()
        let expected = input.recipientWords.filter { seen.insert($0).inserted }
        guard let greeting = input.analysis.greeting else {
            return [input.missing(.names, .warning, "open by greeting \(name) by name, spelled as on their card")]
        }
        let tokens = input.tokens
        // "Dear Ma'am Maricel," (a form of address used in many countries) names Maricel.
        let words = greeting.nameWords.filter { !tokens[$0].tags.contains(.honorific) && !Words.formalAddress.contains(tokens[$0].lower) }
        if greeting.isGeneric || words.isEmpty {
            let first = greeting.nameWords.first ?? greeting.tokens.lowerBound
            let last = greeting.nameWords.last ?? max(greeting.tokens.lowerBound, greeting.tokens.upperBound - 1)
            // "Dear Sir," and "Dear Hiring Manager," greet nobody in particular when their name is known.
            return [input.flag(.names, .error, "a greeting to nobody in particular; greet \(name) by name, spelled as on their card", tokens: first, last)]
        }
        for index in words {
            let written = input.analysis.text(tokens[index].start, tokens[index].end)
            let clean = Self.plainApostrophes(written)
            if expected.contains(clean) || expected.map(Self.plainApostrophes).contains(clean) { continue }
            // "hi rose," in a message written all in lower case is a matter of register, not of the name.
            if clean == clean.lowercased(), expected.contains(where: { $0.lowercased() == clean }) { continue }
            let folded = Self.plain(NameWords.folded(clean))
            if let intended = expected.first(where: { NameWords.isNearMiss(clean, of: Self.plainApostrophes($0), loosely: true) }) {
                return [input.flag(.names, .error, "\"\(written)\" is not spelled as on their card: write \"\(intended)\"", tokens: index, index)]
            }
            // "Alvarez Ruiz" for "Álvarez-Ruiz": the parts are there but not as written.
            if expected.contains(where: { Self.plain(NameWords.folded($0)) == folded }) {
                return [input.flag(.names, .error, "\"\(written)\" is not written as on their card: write \"\(name)\"", tokens: index, index)]
            }
            return [input.flag(.names, .error, "the greeting names \"\(written)\", but this is to \(name)", tokens: index, index)]
        }
        // A hyphenated name split in two ("Alvarez Ruiz" for "Álvarez-Ruiz").
        return []
    }

    /// Near-misses of the recipient's and the company's names in the letter ("Github" for "GitHub").
    /// Each distinct word of the company's and the recipient's names once, with whose it is, and folded.
    private func expectedNames(_ input: RuleInput) -> (words: [(word: String, isCompany: Bool)], folded: [String]) {
        var expected: [(word: String, isCompany: Bool)] = []
        var foldedExpected: [String] = []
        var listed = Set<String>()
        for (word, folded) in zip(input.companyWords, input.companyFolded)
        where !Words.companySuffixes.contains(word.lowercased()) && word.count >= 3 && listed.insert(word).inserted {
            expected.append((word, true))
            foldedExpected.append(folded)
        }
        for (word, folded) in zip(input.recipientWords, input.recipientFolded) where word.count >= 3 && listed.insert(word).inserted {
            expected.append((word, false))
            foldedExpected.append(folded)
        }
        return (expected, foldedExpected)
    }

    private func spellings(_ input: RuleInput) -> [Flag] {
        // The message is written only for a finding.
        let (expected, foldedExpected) = expectedNames(input)
        guard !expected.isEmpty else { return [] }
        // The role's words ("Consultant" beside "Tata Consultancy") are written as the user wrote them.
        let roleWords = input.roleWords
        let exact = Set(expected.flatMap { entry -> [String] in
            let plain = Self.plainApostrophes(entry.word)
            return plain.hasSuffix("'s") ? [plain, String(plain.dropLast(2))] : [plain]
        } + roleWords)
        let counts = expected.map { $0.word.count }
        let lengths = Set(counts.flatMap { ($0 - 2)...($0 + 2) })
        // A near-miss folds to the same first letter as the name it misses: most capitalised words
        // are passed over by their first byte (one not in ASCII may fold to any letter).
        var firstBytes = [Bool](repeating: false, count: 256)
        for folded in foldedExpected { firstBytes[Int(folded.utf8.first ?? 0)] = true }
        for byte in 0x80...0xFF { firstBytes[byte] = true }
        var flags: [Flag] = []
        let tokens = input.tokens
        for sentence in input.sentences {
            var reported = false
            for (position, index) in sentence.words.enumerated() where !reported {
                let token = tokens[index]
                guard token.kind == .word, token.isCapitalized, firstBytes[Int(token.lower.utf8.first ?? 0)] else { continue }
                guard lengths.contains(Self.characterCount(token.lower)) || token.lower.utf8.last == 0x73 && token.lower.hasSuffix("s") else { continue }
                var word = Self.plainApostrophes(input.analysis.text(token.start, token.end))
                if word.hasSuffix("'s") { word = String(word.dropLast(2)) }
                let length = Self.characterCount(word)
                guard length >= 3, counts.contains(where: { abs($0 - length) <= 2 }), !exact.contains(word) else { continue }
                // An ordinary English word is never a misspelt name ("Thank" is not "Thanh").
                let isWord = !token.tags.isEmpty
                let mayBeTypo = !isWord && position > 0 && length >= 5
                let foldedWord = word.utf8.allSatisfy({ $0 < 0x80 }) ? word.lowercased() : NameWords.folded(word)
                for ((candidate, foldedCandidate), count) in zip(zip(expected, foldedExpected), counts) where abs(count - length) <= 2 {
                    let sameLetters = foldedWord == foldedCandidate
                    guard sameLetters || (mayBeTypo && foldedWord.utf8.first == foldedCandidate.utf8.first) else { continue }
                    let allowed = count >= 8 ? 2 : 1
                    let typo = mayBeTypo && word != candidate.word && NameWords.distance(foldedWord, foldedCandidate, limit: allowed) <= allowed
                    if sameLetters || typo {
                        let whole = (candidate.isCompany ? input.document.company : input.document.recipientName) ?? candidate.word
                        let what = candidate.isCompany ? "the company is written \"\(whole)\"" : "their name is written \"\(whole)\""
                        let fix = whole == candidate.word ? what : "write \"\(candidate.word)\" (\(what))"
                        flags.append(input.flag(.names, .error, "\"\(word)\" is not exact: \(fix)", tokens: index, index))
                        reported = true
                        break
                    }
                }
            }
        }
        return flags + companyVariants(input)
    }

    /// "Northwind Trading" for "Northwind Traders": the company's first word followed by a variant of its second.
    private func companyVariants(_ input: RuleInput) -> [Flag] {
        guard let company = input.document.company else { return [] }
        let words = input.companyWords.filter { !Words.companySuffixes.contains($0.lowercased()) }
        guard words.count >= 2 else { return [] }
        let first = words[0]
        let second = words[1]
        // Words are passed over by their lower-cased form; only one that could be the first word is read as written.
        let firstLower = Tokenizer.plainApostrophes(first.lowercased())
        let tokens = input.tokens
        for sentence in input.sentences {
            for (position, index) in sentence.words.enumerated() where position + 1 < sentence.count {
                let token = tokens[index]
                guard token.lower == firstLower, input.analysis.text(token.start, token.end) == first else { continue }
                let nextToken = tokens[sentence.words[position + 1]]
                var written = Self.plainApostrophes(input.analysis.text(nextToken.start, nextToken.end))
                if written.hasSuffix("'s") { written = String(written.dropLast(2)) }
                // "St. Brigid's" for "St. Brigid's Hospice": the possessive is the same word.
                let secondBase = second.hasSuffix("'s") || second.hasSuffix("’s") ? String(second.dropLast(2)) : second
                guard nextToken.isCapitalized, written != second, written != secondBase, written.count >= 4, second.count >= 4,
                    written.lowercased().prefix(4) == second.lowercased().prefix(4)
                else { continue }
                return [input.flag(.names, .error, "\"\(first) \(written)\" is not exact: the company is written \"\(company)\"", tokens: index, sentence.words[position + 1])]
            }
        }
        return []
    }

    static func plainApostrophes(_ text: String) -> String { Tokenizer.plainApostrophes(text) }

    /// The number of characters of `text`, counted from its bytes when they are all ASCII.
    static func characterCount(_ text: String) -> Int {
        for byte in text.utf8 where byte >= 0x80 { return text.count }
        return text.utf8.count
    }

    /// Letters only, for comparing names whatever their punctuation.
    static func plain(_ text: String) -> String { text.filter { $0.isLetter } }
}
