/// AW-BRIEF — quick and to the point.
///
/// Seed: "Quick and to the point and leave it at that."
struct BriefRule: DocumentRule {
    func check(_ input: RuleInput) -> [Finding] {
        let words = input.words
        let (limit, warnAt, what) =
            input.channel == .email
            ? (EtiquetteLimits.emailMaxWords, EtiquetteLimits.emailWarnWords, "an e-mail")
            : (EtiquetteLimits.noteMaxWords, EtiquetteLimits.noteWarnWords, "a note card")
        guard words.count > warnAt else { return [] }
        let severity: Severity = words.count > limit ? .error : .warning
        let first = words[severity == .error ? limit : warnAt]
        let range = first.range.lowerBound..<words[words.count - 1].range.upperBound
        var finding = input.finding(
            .brief, severity,
            "\(words.count) words is long for \(what); keep it quick and to the point (at most \(limit), ideally \(warnAt) or fewer)",
            at: range)
        finding.length = first.text.count
        finding.excerpt = first.text
        return [finding]
    }
}
