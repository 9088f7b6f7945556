/// The etiquette linter: every rule that can be judged from the text of drafts (docs/etiquette.md).
///
/// Each draft is analysed once (``MessageAnalysis``: its greeting, sentences, closing and
/// signature, every word tagged by the lexicons); each rule is a predicate over that analysis.
public struct Checker: Sendable {
    static let documentRules: [any DocumentRule] = [
        BriefRule(), ThanksRule(), LookForwardRule(), EnjoyedRule(), ProperRule(), NamesRule(), SpecificRule(), SubjectRule(),
    ]
    static let sentenceRules: [any SentenceRule] = [NoReplyRule(), OnceRule(), NoCallRule()]

    /// What every rule finds in one draft. The sentence rules read each sentence in turn, all of them
    /// while it is at hand, rather than each rule walking a long draft again.
    ///
    /// A long draft's rules run on every core: each document rule is one part and the sentences are
    /// read in a few runs, the parts' findings joined in the order one thread would have found them.
    static func flags(_ input: RuleInput) -> [Flag] {
        guard input.analysis.isSplit else {
            return documentRules.flatMap { $0.check(input) } + sentenceFlags(input, 0..<input.sentences.count)
        }
        let runs = Parallel.parts(of: input.sentences.count, count: sentenceRuns)
        let jobs = documentRules.indices.flatMap { rule in (0..<documentRules[rule].parts).map { (rule: rule, part: $0) } }
        let found = Parallel.map(jobs.count + runs.count) { job in
            job < jobs.count
                ? documentRules[jobs[job].rule].check(input, part: jobs[job].part) : sentenceFlags(input, runs[job - jobs.count])
        }
        var flags: [Flag] = []
        var next = 0
        for rule in documentRules {
            flags += rule.combine(Array(found[next..<(next + rule.parts)]), input)
            next += rule.parts
        }
        return flags + found[jobs.count...].flatMap { $0 }
    }

    /// How many runs of sentences a long draft's sentence rules are split into: enough for the
    /// cores to share the work evenly while the document rules run.
    static let sentenceRuns = 8

    /// What the sentence rules find in the sentences at `positions`, sentence by sentence.
    static func sentenceFlags(_ input: RuleInput, _ positions: Range<Int>) -> [Flag] {
        var flags: [Flag] = []
        for sentence in input.sentences[positions] {
            let reading = Reading(sentence)
            for rule in sentenceRules {
                if let flag = rule.check(reading, input) { flags.append(flag) }
            }
        }
        return flags
    }

    /// Body length in bytes from which a draft's check runs on every core.
    let splitFrom: Int

    public init() { splitFrom = Parallel.minimumBytes }

    /// A checker that splits a draft's check over the cores from `splitFrom` bytes (`Int.max`: never),
    /// to compare the two paths.
    init(splitFrom: Int) { self.splitFrom = splitFrom }

    /// Findings for one draft, in reading order.
    public func check(_ document: Document) -> [Finding] {
        check([document])[0]
    }

    /// Findings for several drafts; drafts to the same company are also compared with each other
    /// (AW-DISTINCT, and AW-NAMES for a note that carries another interviewer's name).
    /// - Returns: one list of findings per document, in the same order.
    public func check(_ documents: [Document]) -> [[Finding]] {
        var memo = CheckMemo()
        let inputs = documents.map { RuleInput($0, splitFrom: splitFrom, memo: &memo) }
        var flags = inputs.map(Self.flags)
        for group in Self.companyGroups(documents) where group.count > 1 {
            PanelRules.check(group.map { inputs[$0] }) { position, flag in
                flags[group[position]].append(flag)
            }
        }
        return zip(inputs, flags).map { input, flags in
            let when = input.document.occasion.map { WhenRule.check(input.document, occasion: $0) } ?? []
            return Self.capped((Self.place(flags, in: input) + when).sortedByPosition())
        }
    }

    /// Most findings one rule reports on one draft; the last one shown says how many more there are.
    static let maxFindingsPerRule = 5

    /// At most ``maxFindingsPerRule`` findings of each rule: a draft that repeats one mistake gets it
    /// pointed out a few times, not a flood.
    static func capped(_ findings: [Finding]) -> [Finding] {
        var counts: [RuleID: Int] = [:]
        for finding in findings { counts[finding.rule, default: 0] += 1 }
        guard counts.values.contains(where: { $0 > maxFindingsPerRule }) else { return findings }
        var seen: [RuleID: Int] = [:]
        var kept: [Finding] = []
        for var finding in findings {
            let index = seen[finding.rule, default: 0] + 1
            seen[finding.rule] = index
            guard index <= maxFindingsPerRule else { continue }
            let total = counts[finding.rule] ?? 0
            if index == maxFindingsPerRule, total > maxFindingsPerRule {
                finding.message += " (and \(total - maxFindingsPerRule) more like this further on)"
            }
            kept.append(finding)
        }
        return kept
    }

    /// Findings with their line, column and excerpt, all positions mapped in one pass.
    static func place(_ flags: [Flag], in input: RuleInput) -> [Finding] {
        let bytes = input.analysis.bytes
        let inBody = flags.filter { $0.placed == nil }
        let positions = TextPositions(bytes, firstLine: input.document.bodyFirstLine).positions(of: inBody.map(\.start))
        var findings = flags.compactMap(\.placed)
        for (flag, position) in zip(inBody, positions) {
            let excerpt = input.analysis.text(flag.start, flag.end)
            findings.append(
                Finding(
                    rule: flag.rule, severity: flag.severity, message: flag.message, line: position.line,
                    column: position.column, length: excerpt.count, excerpt: excerpt.isEmpty ? nil : excerpt))
        }
        return findings
    }

    /// Indices of documents grouped by company (case- and accent-blind); documents with no company form one group.
    static func companyGroups(_ documents: [Document]) -> [[Int]] {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        // Most drafts of a run name one of a few companies: each spelling is folded once.
        var keys: [String: String] = [:]
        for (index, document) in documents.enumerated() {
            let key = document.company.map { company in
                keys[company] ?? {
                    let key = NameWords.folded(company).trimmingBlanks()
                    keys[company] = key
                    return key
                }()
            } ?? ""
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        return order.compactMap { groups[$0] }
    }
}
