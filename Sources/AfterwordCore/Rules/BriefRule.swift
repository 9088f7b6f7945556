/// AW-BRIEF — quick and to the point.
///
/// An e-mail body above 150 words is an error (a warning above 120); a note card above 100 (80).
/// See docs/etiquette.md.
struct BriefRule: DocumentRule {
    func check(_ input: RuleInput) -> [Flag] {
        let words = input.tokens.indices.filter { input.tokens[$0].kind == .word || input.tokens[$0].kind == .number }
        let (limit, warnAt, what) =
            input.channel == .email
            ? (EtiquetteLimits.emailMaxWords, EtiquetteLimits.emailWarnWords, "an e-mail")
            : (EtiquetteLimits.noteMaxWords, EtiquetteLimits.noteWarnWords, "a note card")
        guard words.count > warnAt else { return [] }
        let severity: Severity = words.count > limit ? .error : .warning
        let first = words[severity == .error ? limit : warnAt]
        return [
            input.flag(
                .brief, severity,
                "\(words.count) words is long for \(what); keep it quick and to the point (at most \(limit), ideally \(warnAt) or fewer)",
                tokens: first, first)
        ]
    }
}
