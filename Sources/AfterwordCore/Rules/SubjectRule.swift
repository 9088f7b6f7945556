/// AW-SUBJECT — an e-mail's subject says what it is.
///
/// "Thank you — Backend Engineer interview", never an empty subject or one that calls the
/// thank-you a follow-up ("Following up", "Checking in", "Any update?"). See docs/etiquette.md.
struct SubjectRule: DocumentRule {
    func check(_ input: RuleInput) -> [Flag] {
        guard let subject = input.document.subject else { return [] }
        let document = input.document
        func flag(_ severity: Severity, _ message: String, rule: RuleID = .subject) -> Flag {
            Flag(
                placed: Finding(
                    rule: rule, severity: severity, message: message, line: max(1, document.subjectLine),
                    column: document.subjectColumn, length: subject.count, excerpt: subject.isEmpty ? nil : subject))
        }
        let example = "\"Thank you — \(document.role ?? "Backend Engineer") interview\""
        let trimmed = subject.trimmingBlanks()
        guard !trimmed.isEmpty, trimmed.lowercased() != "(no subject)" else {
            return [flag(.error, "empty subject; say what it is, e.g. \(example)")]
        }
        let analysis = MessageAnalysis(trimmed, recipientFolded: [])
        let words = analysis.tokens.filter { $0.kind == .word }
        let sentence = analysis.sentences.first
        var flags: [Flag] = []
        let followUp = words.contains { !$0.tags.isDisjoint(with: [.followUp, .checkIn, .nudge, .resend]) }
            || (sentence?.has([.followUp, .checkIn, .nudge, .resend]) ?? false)
            || words.contains { ["status", "checking", "update", "updates", "reminder"].contains($0.lower) }
            || words.map(\.lower).starts(with: ["did", "you"])
        if followUp {
            flags.append(flag(.error, "a follow-up subject; say what it is, e.g. \(example)"))
        } else if !words.contains(where: { $0.tags.contains(.thanks) }) {
            flags.append(flag(.warning, "the subject does not say it is a thank-you; e.g. \(example)"))
        } else if words.count <= 2 {
            flags.append(flag(.warning, "say what the thanks is for, e.g. \(example)"))
        }
        if trimmed.count > EtiquetteLimits.subjectMaxCharacters {
            flags.append(flag(.warning, "a subject over \(EtiquetteLimits.subjectMaxCharacters) characters gets cut off; shorten it"))
        }
        if trimmed.utf8.contains(0x21) || trimmed.unicodeScalars.contains(where: { ProperRule.decoration($0) != nil }) {
            flags.append(flag(.error, "no \"!\", emoji or symbols in a subject line", rule: .proper))
        }
        let letters = trimmed.filter(\.isLetter)
        if letters.count >= 8, letters.allSatisfy(\.isUppercase) {
            flags.append(flag(.error, "an ALL-CAPS subject is shouting; use sentence case", rule: .proper))
        }
        return flags
    }
}
