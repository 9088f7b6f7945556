/// A message split into its parts (greeting, body sentences, closing, signature) with every word
/// tagged by the lexicons. Built once per draft in time linear in its length; every rule reads it.
struct MessageAnalysis: Sendable {
    /// The greeting: "Dear Ms. Chen," or "Hi Sarah," (even when the first sentence follows on the same
    /// line), or a bare "Frank,".
    struct GreetingPart: Sendable {
        /// Token range of the whole greeting, punctuation included.
        var tokens: Range<Int>
        /// Token indices of the words naming the person, honorifics included.
        var nameWords: [Int]
        /// The greeting names nobody in particular ("Dear Hiring Manager", "Hi team").
        var isGeneric: Bool
        /// The greeting opened with a salutation word ("Dear", "Hi"), not a bare name.
        var hasSalutation: Bool
    }

    let bytes: [UInt8]
    /// Where the letter's own text ends: the start of a quoted or forwarded message below it, or the end.
    let ownEnd: Int
    let tokens: [Token]
    let greeting: GreetingPart?
    /// Token range of the letter itself: after the greeting, before the closing.
    let letter: Range<Int>
    /// Token range of the sign-off line ("Best regards,"), when there is one.
    let closing: Range<Int>?
    /// Token range of what follows the sign-off (the sender's name, title, phone).
    let signature: Range<Int>?
    /// The sentences of the letter, postscripts included.
    let sentences: [Sentence]
    /// The draft is long enough for its rules to run on every core (``Parallel``).
    let isSplit: Bool

    /// - Parameters:
    ///   - recipientFolded: the words of the recipient's name, folded (``NameWords/folded(_:)``).
    ///   - memo: what the check read in earlier drafts (most words repeat: each distinct one is looked up once).
    ///   - splitFrom: the body length in bytes from which its reading is split over the cores.
    init(_ text: String, recipientFolded: [String], splitFrom: Int = Parallel.minimumBytes, memo: inout CheckMemo) {
        bytes = text.utf8.count <= Tokenizer.maxBytes ? Array(text.utf8) : Array(text.utf8.prefix(Tokenizer.maxBytes))
        // A quoted earlier message or a forwarded one below the letter is someone else's words: only
        // the letter is read.
        ownEnd = Self.quotedStart(bytes)
        let shares = ownEnd >= splitFrom ? Parallel.shares : 1
        isSplit = bytes.count >= splitFrom
        let tokens = Self.tokens(bytes, end: ownEnd, shares: shares, memo: &memo)
        let lexicon = Lexicon.shared
        self.tokens = tokens
        let lines = Self.lines(tokens)
        let recipientWords = Set(recipientFolded)
        greeting = Self.findGreeting(tokens, lines: lines, recipientWords: recipientWords)
        let (closing, signature, postscripts) = Self.findEnding(tokens, lines: lines, after: greeting?.tokens.upperBound ?? 0)
        self.closing = closing
        self.signature = signature
        let letterStart = greeting?.tokens.upperBound ?? 0
        let letterEnd = closing?.lowerBound ?? signature?.lowerBound ?? tokens.count
        letter = letterStart..<max(letterStart, letterEnd)
        var sentences = Self.sentences(tokens, in: letter, shares: shares, lexicon: lexicon)
        for range in postscripts { sentences += Self.sentences(tokens, in: range, lexicon: lexicon) }
        self.sentences = sentences
    }

    /// The tokens of `bytes` with their meanings. A long text is read in `shares` parts on every core,
    /// each cut just after a line break (``Tokenizer/tokenize(_:in:)``) and its words looked up in a
    /// memo of its own; the parts' words are then taken into `memo` in reading order, so every word
    /// gets the id it would have got read in one go.
    static func tokens(_ bytes: [UInt8], end: Int, shares: Int, memo: inout CheckMemo) -> [Token] {
        let cuts = lineCuts(bytes, end: end, shares: shares)
        guard !cuts.isEmpty else {
            var tokens = Tokenizer.tokenize(bytes, in: 0..<end)
            lookUp(&tokens, memo: &memo)
            return tokens
        }
        let ranges = zip([0] + cuts, cuts + [end]).map { $0..<$1 }
        let parts = Parallel.map(ranges.count) { part in
            var tokens = Tokenizer.tokenize(bytes, in: ranges[part])
            var partMemo = CheckMemo()
            lookUp(&tokens, memo: &partMemo)
            return (tokens: tokens, memo: partMemo)
        }
        var tokens: [Token] = []
        tokens.reserveCapacity(parts.reduce(0) { $0 + $1.tokens.count })
        for part in parts {
            let ids = memo.adopt(wordsOf: part.memo)
            let start = tokens.count
            tokens += part.tokens
            for index in start..<tokens.count where hasMeaning(tokens[index]) { tokens[index].id = ids[Int(tokens[index].id)] }
        }
        return tokens
    }

    /// Up to `shares - 1` offsets that cut `bytes[..<end]` into parts of about equal length, each just after a line break.
    static func lineCuts(_ bytes: [UInt8], end: Int, shares: Int) -> [Int] {
        var cuts: [Int] = []
        for share in 1..<max(1, shares) {
            var index = max(end / shares * share, cuts.last ?? 0)
            while index < end, bytes[index] != 0x0A { index += 1 }
            if index + 1 < end { cuts.append(index + 1) }
        }
        return cuts
    }

    /// Words, numbers and symbols are looked up in the lexicons; marks and line breaks are not.
    static func hasMeaning(_ token: Token) -> Bool { token.kind != .punctuation && token.kind != .newline }

    /// Gives each token that has a meaning its id, tags and phrase start from `memo`.
    static func lookUp(_ tokens: inout [Token], memo: inout CheckMemo) {
        for index in tokens.indices where hasMeaning(tokens[index]) {
            (tokens[index].id, tokens[index].tags, tokens[index].startsPhrase) = memo.meaning(of: tokens[index].lower)
        }
    }

    /// The ids of the words and numbers of the whole body, greeting and signature included.
    var wordIDs: [UInt32] { tokens.compactMap { $0.kind == .word || $0.kind == .number ? $0.id : nil } }

    /// The text of a byte range.
    func text(_ start: Int, _ end: Int) -> String {
        let lower = max(0, min(start, bytes.count))
        let upper = max(lower, min(end, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    // MARK: - Lines

    /// Token ranges of each line (newline tokens excluded).
    static func lines(_ tokens: [Token]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for (index, token) in tokens.enumerated() where token.kind == .newline {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<tokens.count)
        return lines
    }

    // MARK: - Quoted mail

    /// Where a quoted or forwarded message starts below the letter ("On Tue, … wrote:", "> …" lines
    /// to the end, "---------- Forwarded message ---------", "-----Original Message-----", an
    /// Outlook "From:" and "Sent:" pair), or the end of the text. One pass over the lines.
    static func quotedStart(_ bytes: [UInt8]) -> Int {
        var lines: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<bytes.count)
        // Each line without its surrounding blanks; most are told apart by their first byte alone.
        func trimmed(_ line: Range<Int>) -> Range<Int> {
            var lower = line.lowerBound
            var upper = line.upperBound
            while lower < upper, [0x20, 0x09, 0x0D].contains(bytes[lower]) { lower += 1 }
            while upper > lower, [0x20, 0x09, 0x0D].contains(bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range].prefix(300), as: UTF8.self).lowercased() }
        let heads = lines.map(trimmed)
        // The first line of the trailing block of "> " lines (blank lines allowed among them).
        var trailingQuote = lines.count
        for number in heads.indices.reversed() where !heads[number].isEmpty {
            guard bytes[heads[number].lowerBound] == 0x3E else { break }  // >
            trailingQuote = number
        }
        var seenText = false
        for (number, head) in heads.enumerated() where !head.isEmpty {
            defer { seenText = true }
            guard seenText else { continue }
            if number >= trailingQuote { return lines[number].lowerBound }
            let quoted: Bool
            switch bytes[head.lowerBound] | 0x20 {
            case 0x6F:  // "On Tue, 3 Mar 2026 at 10:02, Dana <dana@acme.com> wrote:"
                let line = text(head)
                quoted = line.hasPrefix("on ") && bytes[head].count >= 6 && String(decoding: bytes[head].suffix(6), as: UTF8.self).lowercased() == "wrote:"
            case 0x2D, 0x62:  // "---------- Forwarded message ---------", "-----Original Message-----", "Begin forwarded message:"
                let line = text(head)
                quoted = line.contains("forwarded message") || line.contains("original message")
            case 0x66:  // Outlook: "From: …" over "Sent: …"
                quoted = text(head).hasPrefix("from:") && number + 1 < heads.count
                    && ["sent:", "date:"].contains { text(heads[number + 1]).hasPrefix($0) }
            default:
                quoted = false
            }
            if quoted { return lines[number].lowerBound }
        }
        return bytes.count
    }

    // MARK: - Greeting

    /// Marks that stay with the sentence they close ("!!", "?!", ".\"").
    static let closingMarks: Set<String> = [".", "!", "?", "\"", "”", "’", "'", ")"]

    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e", "g", "i", "eg", "ie", "no", "approx",
        "dept", "inc", "ltd", "co", "corp", "mt", "ft", "a", "p", "m", "u", "s", "mx", "rev", "hon", "sra", "srta",
        "engr", "eng", "arch", "atty", "adv", "capt", "col", "maj", "gen", "lt", "cmdr", "dra", "dott", "ing",
    ]

    /// How many lines of a letterhead or an address block may stand above the greeting.
    static let letterheadLines = 10

    /// The greeting: on the first line, or below a letterhead or address block of short lines
    /// ("Alex Doe", "12 Elm Street", "Boston, MA 02116", a date).
    static func findGreeting(_ tokens: [Token], lines: [Range<Int>], recipientWords: Set<String>) -> GreetingPart? {
        // A bare name on the first line ("Ms. Rosalind Pryce, MSN") may head an address block above
        // the real greeting: it greets only when no salutation follows the block.
        var bareName: GreetingPart?
        for (number, line) in lines.lazy.filter({ !$0.isEmpty }).prefix(letterheadLines).enumerated() {
            // Below a letterhead, a bare "Boston," is a line of the address: only a salutation or
            // the recipient's name opens the letter there.
            if let greeting = greeting(tokens, line: line, recipientWords: recipientWords) {
                if greeting.hasSalutation { return greeting }
                if number == 0 {
                    bareName = greeting
                } else if bareName == nil, greeting.nameWords.contains(where: { recipientWords.contains(NameWords.folded(tokens[$0].lower)) }) {
                    return greeting
                }
            }
            guard isLetterheadLine(tokens, line) else { return bareName }
        }
        return bareName
    }

    /// A short line of a letterhead or an address: a few words, no question or exclamation.
    static func isLetterheadLine(_ tokens: [Token], _ line: Range<Int>) -> Bool {
        let words = line.filter { tokens[$0].kind == .word || tokens[$0].kind == .number }
        return words.count <= 8 && !line.contains { tokens[$0].lower == "?" || tokens[$0].lower == "!" }
            && !line.contains { tokens[$0].tags.contains(.thanks) || tokens[$0].tags.contains(.salutation) }
    }

    /// The greeting that `line` holds, if it is one.
    static func greeting(_ tokens: [Token], line: Range<Int>, recipientWords: Set<String>) -> GreetingPart? {
        guard tokens[line.lowerBound].kind == .word else { return nil }
        let (afterSalutation, hasSalutation) = salutation(tokens, line: line, recipientWords: recipientWords)
        var index = afterSalutation
        // Skip a comma or dash after the salutation ("Hello, Dana").
        while index < line.upperBound, tokens[index].kind == .punctuation, tokens[index].lower == "," || Words.greetingMarks.contains(tokens[index].lower) { index += 1 }
        let nameStart = index
        var isGeneric = false
        var nameWords: [Int]
        if let addressee = genericAddressee(tokens, from: nameStart, line: line, recipientWords: recipientWords) {
            nameWords = addressee
            isGeneric = true
            index = (addressee.last ?? nameStart) + 1
        } else {
            (nameWords, index) = names(tokens, from: nameStart, line: line, recipientWords: recipientWords, hasSalutation: hasSalutation)
        }
        // The greeting ends at its punctuation (a comma, colon, "!" or dash) or at the end of the line.
        var end = index
        if end < line.upperBound, tokens[end].kind == .punctuation, tokens[end].lower == "," || Words.greetingEnds.contains(tokens[end].lower) {
            end += 1
        } else if end < line.upperBound {
            // Text follows with no punctuation: only a salutation makes this a greeting ("Hi Sarah thank you…").
            guard hasSalutation, !nameWords.isEmpty || end == nameStart else { return nil }
        }
        if !hasSalutation {
            // A bare name opens a note only when a comma follows it directly ("Frank, I appreciate…").
            guard !nameWords.isEmpty, nameWords.count <= 4, end > index, tokens[index].lower == "," else { return nil }
            let honorificOrKnown = nameWords.contains { tokens[$0].tags.contains(.honorific) || recipientWords.contains(NameWords.folded(tokens[$0].lower)) }
            let plainNames = nameWords.allSatisfy { !tokens[$0].tags.contains(.common) }
            guard honorificOrKnown || plainNames else { return nil }
        }
        return GreetingPart(tokens: line.lowerBound..<end, nameWords: nameWords, isGeneric: isGeneric, hasSalutation: hasSalutation)
    }

    /// Where the name starts after a salutation ("Dear", "Good morning", "To"), and whether there was one.
    static func salutation(_ tokens: [Token], line: Range<Int>, recipientWords: Set<String>) -> (Int, Bool) {
        let index = line.lowerBound
        let first = tokens[index]
        // "Good" greets only as part of "Good morning" (a phrase of the lexicon, not a salutation by itself).
        guard first.tags.contains(.salutation) || first.lower == "good" else { return (index, false) }
        let next = index + 1 < line.upperBound ? tokens[index + 1] : nil
        if first.lower == "good" {
            let isTwoWord = next.map { Words.timesOfDay.contains($0.lower) } == true
            return isTwoWord ? (index + 2, true) : (index, false)
        }
        // "To" and "Attention" open a greeting only before a name or an addressee ("To whom it may
        // concern", "To Maria,").
        if Words.addressingWords.contains(first.lower) {
            let names = next.map {
                $0.tags.contains(.honorific) || $0.tags.contains(.genericAddressee) || $0.lower == "whom" || $0.lower == "the"
                    || ($0.isCapitalized && (recipientWords.contains(NameWords.folded($0.lower)) || !$0.tags.contains(.common)))
            } == true
            return names ? (index + 1, true) : (index, false)
        }
        return (index + 1, true)
    }

    /// The words of a generic addressee ("hiring manager", "team", "to whom it may concern"), when the
    /// greeting names a role rather than a person.
    static func genericAddressee(_ tokens: [Token], from start: Int, line: Range<Int>, recipientWords: Set<String>) -> [Int]? {
        var probe = start
        var addressee: [Int] = []
        while probe < line.upperBound, addressee.count < 7 {
            let token = tokens[probe]
            if token.kind == .word, token.tags.contains(.genericAddressee) || Words.addresseeWords.contains(token.lower) {
                addressee.append(probe)
                probe += 1
            } else if token.kind == .punctuation, token.lower == "/" {
                probe += 1
            } else {
                break
            }
        }
        // "Hiring Manager", "Search Committee": a role, not a name, even where no word of it is listed alone.
        let namesARole = addressee.contains { tokens[$0].tags.contains(.genericAddressee) || Words.roleAddressees.contains(tokens[$0].lower) }
        guard !addressee.isEmpty, namesARole,
            !addressee.contains(where: { recipientWords.contains(NameWords.folded(tokens[$0].lower)) && tokens[$0].isCapitalized })
        else { return nil }
        return addressee
    }

    /// Honorifics and capitalised name words, at most five, stopping at an ordinary word; and the position after them.
    static func names(_ tokens: [Token], from start: Int, line: Range<Int>, recipientWords: Set<String>, hasSalutation: Bool) -> ([Int], Int) {
        var nameWords: [Int] = []
        var index = start
        while index < line.upperBound, nameWords.count < 5 {
            let token = tokens[index]
            if token.kind == .punctuation {
                // "Ms." keeps going; "O'Neill" and "Álvarez-Ruiz" are single tokens already.
                if token.lower == ".", let last = nameWords.last, tokens[last].tags.contains(.honorific) || tokens[last].lower.count == 1 {
                    index += 1
                    continue
                }
                break
            }
            guard token.kind == .word else { break }
            let known = recipientWords.contains(NameWords.folded(token.lower))
            let nameLike = token.isCapitalized && (!token.tags.contains(.common) || known || token.tags.contains(.honorific))
                && !token.tags.contains(.thanks)
            guard token.tags.contains(.honorific) || nameLike || (known && hasSalutation) else { break }
            nameWords.append(index)
            index += 1
        }
        return (nameWords, index)
    }

    // MARK: - Closing and signature

    /// How many lines from the end a sign-off is looked for.
    static let closingSearchLines = 8

    static func findEnding(_ tokens: [Token], lines: [Range<Int>], after start: Int)
        -> (closing: Range<Int>?, signature: Range<Int>?, postscripts: [Range<Int>])
    {
        var candidates: [Range<Int>] = []
        for line in lines.reversed() where !line.isEmpty && line.lowerBound >= start {
            candidates.append(line)
            if candidates.count >= closingSearchLines { break }
        }
        // Postscripts after the signature are part of the letter.
        var postscripts: [Range<Int>] = []
        var psStart: Int?
        for line in candidates.reversed() where isPostscript(tokens, line) {
            psStart = line.lowerBound
            break
        }
        if let psStart {
            postscripts.append(psStart..<(lines.last?.upperBound ?? tokens.count))
        }
        for line in candidates where psStart.map({ line.lowerBound < $0 }) ?? true {
            if isClosing(tokens, line) {
                let signatureEnd = psStart ?? tokens.count
                let afterLine = min(line.upperBound + 1, signatureEnd)
                return (line, afterLine < signatureEnd ? afterLine..<signatureEnd : nil, postscripts)
            }
        }
        // No sign-off: a last line that is only a name ("Jordan Lee", "— Jordan") is the signature.
        let beforePostscript = candidates.filter { line in psStart.map { line.lowerBound < $0 } ?? true }
        if let last = beforePostscript.first,
            isNameLine(tokens, last), candidates.count > 1
        {
            return (nil, last.lowerBound..<(psStart ?? tokens.count), postscripts)
        }
        return (nil, nil, postscripts)
    }

    static func isPostscript(_ tokens: [Token], _ line: Range<Int>) -> Bool {
        let words = line.filter { tokens[$0].kind == .word }.prefix(2).map { tokens[$0].lower }
        guard let first = words.first else { return false }
        return first == "ps" || (first == "p" && words.count > 1 && words[1] == "s")
    }

    /// A short line that is a sign-off ("Best regards,", "Thanks again,", "Kind regards, Jordan").
    static func isClosing(_ tokens: [Token], _ line: Range<Int>) -> Bool {
        let words = line.filter { tokens[$0].kind == .word }.map { tokens[$0].lower }
        guard !words.isEmpty, words.count <= 7 else { return false }
        let hasSentenceEnd = line.contains { [".", "?"].contains(tokens[$0].lower) }
        for length in stride(from: min(5, words.count), through: 1, by: -1) {
            let phrase = words.prefix(length).joined(separator: " ")
            guard Greeting.closings.contains(phrase) else { continue }
            // What follows on the line may only be a name after a comma ("Best, Jordan").
            if length == words.count { return !hasSentenceEnd || words.count <= 3 }
            let rest = line.filter { tokens[$0].kind == .word }.dropFirst(length)
            let commaAfter = line.contains { tokens[$0].lower == "," || tokens[$0].lower == "—" || tokens[$0].lower == "-" }
            return commaAfter && !hasSentenceEnd && rest.allSatisfy { tokens[$0].isCapitalized }
        }
        return false
    }

    /// A line holding only a name: one to four capitalised words, perhaps after a dash.
    static func isNameLine(_ tokens: [Token], _ line: Range<Int>) -> Bool {
        let words = line.filter { tokens[$0].kind == .word }
        let marks = line.filter { tokens[$0].kind != .word }
        guard (1...4).contains(words.count), words.allSatisfy({ tokens[$0].isCapitalized }) else { return false }
        return marks.allSatisfy { ["-", "—", "–", ".", ","].contains(tokens[$0].lower) }
            && !words.contains { tokens[$0].tags.contains(.thanks) }
    }

    // MARK: - Sentences

    /// The sentences of a token range. A long range is read in `shares` parts on every core, each cut
    /// at the first line break of a blank line: a sentence always ends there, and the part after it
    /// reads on from there exactly as one pass over the whole range does.
    static func sentences(_ tokens: [Token], in range: Range<Int>, shares: Int, lexicon: Lexicon) -> [Sentence] {
        var cuts: [Int] = []
        for share in 1..<max(1, shares) {
            var index = max(range.lowerBound + range.count / shares * share, (cuts.last ?? range.lowerBound) + 1)
            while index + 1 < range.upperBound, tokens[index].kind != .newline || tokens[index + 1].kind != .newline { index += 1 }
            if index + 1 < range.upperBound { cuts.append(index) }
        }
        guard !cuts.isEmpty else { return sentences(tokens, in: range, lexicon: lexicon) }
        let parts = zip([range.lowerBound] + cuts, cuts + [range.upperBound]).map { $0..<$1 }
        return Parallel.map(parts.count) { sentences(tokens, in: parts[$0], lexicon: lexicon) }.flatMap { $0 }
    }

    /// Splits a token range into sentences at ". ! ?" (not after "Mr." or "e.g."), at blank lines and
    /// before bullet lines.
    static func sentences(_ tokens: [Token], in range: Range<Int>, lexicon: Lexicon) -> [Sentence] {
        var sentences: [Sentence] = []
        var start = range.lowerBound
        var index = range.lowerBound
        func emit(_ end: Int) {
            if end > start, (start..<end).contains(where: { tokens[$0].kind == .word || tokens[$0].kind == .number }) {
                sentences.append(Sentence(tokens: tokens, range: start..<end, lexicon: lexicon))
            }
            start = end
        }
        while index < range.upperBound {
            let token = tokens[index]
            switch token.kind {
            case .punctuation where token.lower == "." || token.lower == "!" || token.lower == "?" || token.lower == "…":
                if token.lower == ".", index > range.lowerBound {
                    let previous = tokens[index - 1]
                    let next = index + 1 < range.upperBound ? tokens[index + 1] : nil
                    let decimal = previous.kind == .number && next?.kind == .number && next?.start == token.end
                    let abbreviation = previous.kind == .word && previous.end == token.start && abbreviations.contains(previous.lower)
                        && next.map { $0.kind != .newline } ?? false
                    // A dot between two words with no space is inside a web address or a file name ("acme.com/jobs").
                    let joined = previous.end == token.start && next.map { $0.start == token.end && ($0.kind == .word || $0.kind == .number) } ?? false
                    if decimal || abbreviation || joined {
                        index += 1
                        continue
                    }
                }
                // Keep closing quotes and repeated marks with the sentence ("!!", "?!", ".\"").
                var end = index + 1
                while end < range.upperBound, tokens[end].kind == .punctuation, tokens[end].start == tokens[end - 1].end,
                    Self.closingMarks.contains(tokens[end].lower)
                {
                    end += 1
                }
                emit(end)
                index = end
            case .newline:
                let next = index + 1
                let blank = next < range.upperBound && tokens[next].kind == .newline
                let bullet = next < range.upperBound && ["-", "*", "•", "–", "—"].contains(tokens[next].lower)
                if blank || bullet || next >= range.upperBound { emit(index) }
                index += 1
            default:
                index += 1
            }
        }
        emit(range.upperBound)
        return sentences
    }
}
