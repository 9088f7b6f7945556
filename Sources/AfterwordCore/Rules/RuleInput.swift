/// Everything a rule needs to judge one draft, computed once.
struct RuleInput: Sendable {
    let document: Document
    let analysis: MessageAnalysis
    /// The words of the recipient's name, the company, the role and the subject (``NameWords/words(of:)``).
    let recipientWords: [String]
    let companyWords: [String]
    let roleWords: [String]
    let subjectWords: [String]
    /// The recipient's and the company's words, case- and accent-blind (``NameWords/folded(_:)``).
    let recipientFolded: [String]
    let companyFolded: [String]

    /// What the subject line's words say, when there is one.
    let subject: SubjectRule.Reading?

    /// - Parameter memo: what the check read in earlier drafts.
    /// - Parameter splitFrom: the body length in bytes from which the check is split over the cores.
    init(_ document: Document, splitFrom: Int = Parallel.minimumBytes, memo: inout CheckMemo) {
        self.document = document
        recipientWords = memo.words(of: document.recipientName)
        companyWords = memo.words(of: document.company)
        roleWords = memo.words(of: document.role)
        subjectWords = memo.words(of: document.subject)
        recipientFolded = recipientWords.map { memo.folded($0) }
        companyFolded = companyWords.map { memo.folded($0) }
        subject = document.subject.map { memo.reading(ofSubject: $0) }
        analysis = MessageAnalysis(document.body, recipientFolded: recipientFolded, splitFrom: splitFrom, memo: &memo)
    }

    var channel: Channel { document.channel }
    var tokens: [Token] { analysis.tokens }
    var sentences: [Sentence] { analysis.sentences }

    /// A finding about the words from token `first` through token `last`.
    func flag(_ rule: RuleID, _ severity: Severity, _ message: String, tokens first: Int, _ last: Int) -> Flag {
        Flag(rule: rule, severity: severity, message: message, start: tokens[first].start, end: tokens[max(first, last)].end)
    }

    /// A finding about the words of `sentence` from word position `from` through `to`.
    func flag(_ rule: RuleID, _ severity: Severity, _ message: String, in sentence: Sentence, _ from: Int, _ to: Int) -> Flag {
        let last = min(max(from, to), sentence.count - 1)
        return flag(rule, severity, message, tokens: sentence.words[from], sentence.words[last])
    }

    /// A finding about something the body lacks, placed at its first word.
    func missing(_ rule: RuleID, _ severity: Severity, _ message: String) -> Flag {
        let start = tokens.first { $0.kind != .newline }?.start ?? 0
        return Flag(rule: rule, severity: severity, message: message, start: start, end: start)
    }
}

/// A finding as a rule reports it: by byte range in the body, or already placed (a header's).
struct Flag: Sendable {
    var rule: RuleID
    var severity: Severity
    var message: String
    var start: Int
    var end: Int
    /// A finding outside the body (the subject line), with its position already known.
    var placed: Finding?

    init(rule: RuleID, severity: Severity, message: String, start: Int, end: Int) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.start = start
        self.end = end
    }

    init(placed: Finding) {
        self.init(rule: placed.rule, severity: placed.severity, message: placed.message, start: 0, end: 0)
        self.placed = placed
    }
}

/// One etiquette rule that judges a single draft.
///
/// A rule that reads a draft in several independent passes may name them as parts: a long draft's
/// parts then run on different cores, and ``combine(_:_:)`` joins what they found.
protocol DocumentRule: Sendable {
    func check(_ input: RuleInput) -> [Flag]
    /// How many independent parts the rule's check has (1 for most rules).
    var parts: Int { get }
    /// What part `part` (of ``parts``) finds.
    func check(_ input: RuleInput, part: Int) -> [Flag]
    /// The rule's findings from what each of its parts found, in part order.
    func combine(_ found: [[Flag]], _ input: RuleInput) -> [Flag]
}

extension DocumentRule {
    var parts: Int { 1 }
    func check(_ input: RuleInput, part: Int) -> [Flag] { check(input) }
    func combine(_ found: [[Flag]], _ input: RuleInput) -> [Flag] { found.flatMap { $0 } }
}

/// One sentence with what it asks of the reader, read once for every sentence rule.
struct Reading: Sendable {
    let sentence: Sentence
    /// What the sentence asks the reader to send back, if anything.
    let request: Request?

    init(_ sentence: Sentence) {
        self.sentence = sentence
        request = Request.reading(sentence)
    }
}

/// A rule that reads the letter sentence by sentence and reports at most one finding per sentence.
protocol SentenceRule: DocumentRule {
    func check(_ reading: Reading, _ input: RuleInput) -> Flag?
}

extension SentenceRule {
    func check(_ input: RuleInput) -> [Flag] {
        input.sentences.compactMap { check(Reading($0), input) }
    }
}
