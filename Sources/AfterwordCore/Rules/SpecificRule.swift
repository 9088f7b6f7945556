/// AW-SPECIFIC — mentions one specific thing from the conversation.
///
/// A note that could have gone to anyone is soon forgotten. A draft is specific when it names a
/// concrete thing discussed: a project, a product, a technology, a named team or an event — a
/// proper noun mid-sentence that is not the recipient, the company, the role or the sender, a known
/// technology, or content words after "we discussed", "your work on", "especially". The job title
/// and the vocabulary every thank-you shares ("the role", "next steps") never count, nor do the
/// writer's own school and past ("my degree from Georgia Tech").
/// See docs/etiquette.md.
struct SpecificRule: DocumentRule {
    func check(_ input: RuleInput) -> [Flag] {
        var known = Set((input.companyWords + input.recipientWords + input.roleWords + input.subjectWords).map { $0.lowercased() })
        let tokens = input.tokens
        for range in [input.analysis.signature, input.analysis.greeting?.tokens, input.analysis.closing].compactMap({ $0 }) {
            for index in range where tokens[index].kind == .word { known.insert(tokens[index].lower) }
        }
        for sentence in input.sentences where isSpecific(sentence, tokens: tokens, known: known) { return [] }
        return [
            input.missing(
                .specific, .hint,
                "mention one specific thing from your conversation so they remember you (give this person a topic, and the draft says it)")
        ]
    }

    /// Tags of words that never make a note specific.
    static let vague: Tags = [
        .generic, .candidacy, .status, .conversation, .enjoy, .thanks, .lookForward, .learn, .you, .me, .modal, .hope,
        .calendar, .honorific, .appreciate, .eager, .please, .salutation, .any, .pastEvent, .negation, .timeSlot,
        .hearFrom, .wouldLike,
    ]

    /// True when the word at `position` stands in a clause about the writer's own schooling or past
    /// ("my degree from Georgia Tech", "as a Purdue graduate"): not something from the conversation.
    static func isOwnBackground(_ s: Sentence, _ position: Int) -> Bool {
        let start = s.clauseStart(of: position)
        var end = position + 1
        while end < s.count, !s.clauseStart[end] { end += 1 }
        return s.first(Words.background, in: start..<end) != nil
    }

    private func isSpecific(_ s: Sentence, tokens: [Token], known: Set<String>) -> Bool {
        for (position, index) in s.words.enumerated() {
            let token = tokens[index]
            guard token.kind == .word else { continue }
            // A known technology, or a proper noun or an acronym in mid-sentence ("the Kiruna rollout",
            // "your GraphQL gateway"); looked up among the known names only then.
            let midSentence = position > 0 && !s.clauseStart[position]
            let specific = token.tags.contains(.technology)
                || (midSentence && token.isCapitalized && token.lower != "i" && token.tags.isDisjoint(with: Self.vague.union(.common)))
                || (token.isAllCaps && token.lower.count >= 2 && token.lower != "i" && token.tags.isDisjoint(with: Self.vague))
            // "<Company>", "[Project]": a template's blank is no detail.
            let bracketed = index > 0 && tokens[index - 1].kind == .punctuation && Words.openingBrackets.contains(tokens[index - 1].lower)
            guard specific, !bracketed, !known.contains(token.lower), !Self.isOwnBackground(s, position) else { continue }
            let stem = token.lower.hasSuffix("'s") ? String(token.lower.dropLast(2)) : token.lower
            if known.contains(stem) { continue }
            return true
        }
        // Content words after a topic marker ("we discussed how you shard the ledger").
        for marker in s.positions(.topicMarker) {
            // What follows the marker up to the end of its clause ("about the position, and I left…" ends at the comma).
            let start = min(s.phraseEnd[marker], s.count)
            let end = ((start + 1)..<max(start + 1, min(s.count, start + 8))).first { s.clauseStart[$0] } ?? start + 8
            for position in (start..<end).clamped(to: 0..<s.count) {
                let token = tokens[s.words[position]]
                if token.kind == .word, token.lower.utf8.count >= 4, token.tags.isDisjoint(with: Self.vague), !token.tags.contains(.common),
                    token.lower.count >= 4, !known.contains(token.lower)
                {
                    return true
                }
            }
        }
        return false
    }
}
