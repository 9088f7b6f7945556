/// AW-SPECIFIC — mentions one specific thing from the conversation.
///
/// Careers advice (beyond the seed): a note that could have gone to anyone is soon forgotten.
/// A draft counts as specific when it names something (a proper noun mid-sentence that is not the
/// recipient, the company or the role) or talks about a topic in words that are not the generic
/// vocabulary of thank-you notes.
struct SpecificRule: DocumentRule {
    static let topicMarker = Pattern(
        "\\b(?:discussion of|discussing|discussed|talked about|talking about|talk about|conversation about|conversation on|learning about|learned about|hearing about|heard about|hearing how|mentioned|mention of|your (?:point|insight|insights|perspective|description|explanation|take|thoughts|view|story|example) (?:on|of|about|regarding)|especially|particularly|in particular|the part about|regarding|your work on|your team's work on|working on|walked me through|showed me|described|explained|about|through|perspective on|view on|take on|thinking about)\\b"
    )
    static let generic: Set<String> = [
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "about", "your", "my", "our", "their",
        "you", "me", "we", "us", "it", "this", "that", "these", "those", "how", "what", "why", "is", "are", "was",
        "were", "be", "at", "as", "by", "more", "much", "so", "very", "really", "all", "its", "his", "her", "them",
        "company", "companies", "role", "roles", "position", "positions", "job", "jobs", "opportunity",
        "opportunities", "team", "teams", "culture", "organization", "organisation", "work", "working", "everything",
        "things", "thing", "business", "department", "mission", "values", "vision", "goals", "interview", "process",
        "day", "future", "people", "office", "firm", "group", "time", "conversation", "discussion", "today",
        "yesterday", "great", "wonderful", "interesting", "exciting", "there", "here", "i", "am", "will", "would",
        "can", "could", "which", "who", "also", "including", "such", "some", "many", "other", "new", "current",
        "responsibilities", "duties", "expectations", "environment", "growth", "skills", "experience", "background",
    ]
    static let calendarWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "dear", "best",
        "regards", "sincerely", "thank", "thanks", "warm", "kind", "hello", "hi", "mr", "mrs", "ms", "dr",
    ]

    func check(_ input: RuleInput) -> [Finding] {
        let known = Set(
            [input.document.company, input.document.recipientName, input.document.role,
             input.document.subject]
                .compactMap { $0 }.flatMap { NameWords.words(of: $0) }.map { $0.lowercased() })
        let letter = input.letterRange
        let tokens = input.normalized.tokens.filter { letter.contains($0.range.lowerBound) }[...]
        if hasProperNoun(tokens, known: known) || hasTopic(tokens, input: input, known: known) { return [] }
        return [
            input.missing(
                .specific, .hint,
                "mention one specific thing from your conversation so they remember you (afterword draft uses your interview notes)"
            )
        ]
    }

    private func hasProperNoun(_ tokens: ArraySlice<Token>, known: Set<String>) -> Bool {
        var sentenceStart = true
        for token in tokens {
            if !token.isWord {
                if ".?!:;\u{2014}".contains(token.text) { sentenceStart = true }
                continue
            }
            defer { sentenceStart = false }
            guard !sentenceStart, let first = token.text.first, first.isUppercase, token.text != "I" else { continue }
            let lower = token.text.lowercased()
            let stem = lower.hasSuffix("'s") || lower.hasSuffix("’s") ? String(lower.dropLast(2)) : lower
            if !known.contains(stem), !Self.calendarWords.contains(stem) { return true }
        }
        return false
    }

    private func hasTopic(_ tokens: ArraySlice<Token>, input: RuleInput, known: Set<String>) -> Bool {
        let lowerBound = tokens.first?.range.lowerBound ?? 0
        let upperBound = tokens.last?.range.upperBound ?? 0
        for match in input.normalized.matches(Self.topicMarker) where match.lowerBound >= lowerBound && match.upperBound <= upperBound {
            let following = tokens.filter { $0.range.lowerBound >= match.upperBound }.prefix { $0.isWord || ",-:".contains($0.text) }
            let content = following.prefix(8).filter {
                $0.isWord && !Self.generic.contains($0.normalized) && !known.contains($0.text.lowercased())
                    && $0.text.count >= 3
            }
            if !content.isEmpty { return true }
        }
        return false
    }
}

