/// AW-SUBJECT — an e-mail's subject says what it is.
///
/// "Thank you — Backend Engineer interview", never an empty subject or one that calls the
/// thank-you a follow-up ("Following up", "Checking in", "Any update?"). See docs/etiquette.md.
struct SubjectRule: DocumentRule {
    /// What a subject line's text says, read once per distinct subject of a check (``CheckMemo``).
    struct Reading: Sendable {
        /// Blank, or "(no subject)".
        let isEmpty: Bool
        let isFollowUp: Bool
        let saysThanks: Bool
        let wordCount: Int
        /// Characters of the subject without its surrounding blanks.
        let length: Int
        /// How many "!" it holds.
        let exclamations: Int
        /// Holds an emoji or a decorative symbol.
        let isDecorated: Bool
        /// Eight or more letters, all upper-case.
        let isShouting: Bool

        init(_ subject: String, memo: inout CheckMemo) {
            let trimmed = subject.trimmingBlanks()
            isEmpty = trimmed.isEmpty || (trimmed.utf8.count == 12 && trimmed.lowercased() == "(no subject)")
            let analysis = MessageAnalysis(trimmed, recipientFolded: [], memo: &memo)
            let words = analysis.tokens.filter { $0.kind == .word }
            let sentence = analysis.sentences.first
            isFollowUp = words.contains { !$0.tags.isDisjoint(with: [.followUp, .checkIn, .nudge, .resend]) }
                || (sentence?.has([.followUp, .checkIn, .nudge, .resend]) ?? false)
                || words.contains { Words.followUpSubject.contains($0.lower) }
                || words.map(\.lower).starts(with: ["did", "you"])
            saysThanks = words.contains { $0.tags.contains(.thanks) }
            wordCount = words.count
            length = trimmed.count
            exclamations = trimmed.utf8.count { $0 == 0x21 }
            isDecorated = trimmed.unicodeScalars.contains { ProperRule.decoration($0) != nil }
            let letters = trimmed.filter(\.isLetter)
            isShouting = letters.count >= 8 && letters.allSatisfy(\.isUppercase)
        }
    }

    func check(_ input: RuleInput) -> [Flag] {
        // A note card has no subject line to judge.
        guard input.channel == .email, let subject = input.document.subject, let reading = input.subject else { return [] }
        let document = input.document
        func flag(_ severity: Severity, _ message: String, rule: RuleID = .subject) -> Flag {
            Flag(
                placed: Finding(
                    rule: rule, severity: severity, message: message, line: max(1, document.subjectLine),
                    column: document.subjectColumn, length: subject.count, excerpt: subject.isEmpty ? nil : subject))
        }
        let example = "\"Thank you — \(document.role ?? "Backend Engineer") interview\""
        guard !reading.isEmpty else {
            return [flag(.error, "empty subject; say what it is, e.g. \(example)")]
        }
        var flags: [Flag] = []
        if reading.isFollowUp {
            flags.append(flag(.error, "a follow-up subject; say what it is, e.g. \(example)"))
        } else if !reading.saysThanks {
            flags.append(flag(.warning, "the subject does not say it is a thank-you; e.g. \(example)"))
        } else if reading.wordCount <= 2 {
            flags.append(flag(.warning, "say what the thanks is for, e.g. \(example)"))
        }
        if reading.length > EtiquetteLimits.subjectMaxCharacters {
            flags.append(flag(.warning, "a subject over \(EtiquetteLimits.subjectMaxCharacters) characters gets cut off; shorten it"))
        }
        if reading.isDecorated || reading.exclamations > EtiquetteLimits.maxExclamations {
            flags.append(flag(.error, "no \"!!\", emoji or symbols in a subject line", rule: .proper))
        } else if reading.exclamations > 0, input.tokens.contains(where: { $0.kind == .punctuation && $0.lower == "!" }) {
            // One "!" is allowed in a whole message: one in the subject and one in the letter make two.
            flags.append(flag(.error, "one \"!\" in the subject and another in the letter is gushing; drop the one in the subject", rule: .proper))
        } else if reading.exclamations > 0 {
            // One "!" is allowed in a message; in the subject it still reads better as a plain statement.
            flags.append(flag(.warning, "a subject reads better without \"!\"", rule: .proper))
        }
        if reading.isShouting {
            flags.append(flag(.error, "an ALL-CAPS subject is shouting; use sentence case", rule: .proper))
        }
        return flags
    }
}
