/// AW-BRIEF — quick and to the point.
///
/// An e-mail body above 150 words is an error (a warning above 120); a note card above 100 (80).
/// The letter's words are counted as a word processor counts them: the greeting, the sign-off
/// and the signature are not part of it, and "follow-up" is one word. See docs/etiquette.md.
struct BriefRule: DocumentRule {
    func check(_ input: RuleInput) -> [Flag] {
        let tokens = input.tokens
        var words: [Int] = []
        for sentence in input.sentences {
            for index in sentence.words where !tokens[index].hyphenBefore { words.append(index) }
        }
        let (limit, warnAt, what) =
            input.channel == .email
            ? (EtiquetteLimits.emailMaxWords, EtiquetteLimits.emailWarnWords, "an e-mail")
            : (EtiquetteLimits.noteMaxWords, EtiquetteLimits.noteWarnWords, "a note card")
        guard words.count > warnAt else { return [] }
        let severity: Severity = words.count > limit ? .error : .warning
        let first = words[severity == .error ? limit : warnAt]
        let shown = severity == .error ? limit : warnAt
        return [
            input.flag(
                .brief, severity,
                "the letter runs to \(words.count) words, long for \(what); keep it quick and to the point (at most \(limit), ideally \(warnAt) or fewer; word \(shown + 1) is here)",
                tokens: first, first)
        ]
    }
}
