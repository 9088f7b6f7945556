import Foundation

/// AW-SUBJECT — an e-mail's subject says what it is.
///
/// Careers advice (beyond the seed): "Thank you — Backend Engineer interview", never a bare
/// "Following up" or an empty subject.
struct SubjectRule: DocumentRule {
    static let followUp = Pattern(
        "\\b(?:following up|follow up|checking in|check in|circling back|touching base|reminder|just checking|any update|any updates|did you get|did you receive|resend|resending|bump|nudge|status)\\b"
    )
    static let thanks = Pattern(anyOf: ["thank", "thanks", "thank you", "appreciation", "grateful", "gratitude"])

    func check(_ input: RuleInput) -> [Finding] {
        guard let subject = input.document.subject else { return [] }
        let document = input.document
        let line = max(1, document.subjectLine)
        let column = document.subjectColumn
        func finding(_ severity: Severity, _ message: String, rule: RuleID = .subject) -> Finding {
            Finding(
                rule: rule, severity: severity, message: message, line: line, column: column, length: subject.count,
                excerpt: subject.isEmpty ? nil : subject)
        }
        let example = "\"Thank you — \(document.role ?? "Backend Engineer") interview\""
        let trimmed = subject.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.lowercased() != "(no subject)" else {
            return [finding(.error, "empty subject; say what it is, e.g. \(example)")]
        }
        let normalized = NormalizedText(Array(trimmed))
        var found: [Finding] = []
        if normalized.contains(Self.followUp) {
            found.append(finding(.error, "a follow-up subject; say what it is, e.g. \(example)"))
        } else if !normalized.contains(Self.thanks) {
            found.append(finding(.warning, "the subject does not say it is a thank-you; e.g. \(example)"))
        } else if normalized.tokens.filter(\.isWord).count <= 2 {
            found.append(finding(.warning, "say what the thanks is for, e.g. \(example)"))
        }
        if trimmed.count > EtiquetteLimits.subjectMaxCharacters {
            found.append(
                finding(.warning, "a subject over \(EtiquetteLimits.subjectMaxCharacters) characters gets cut off; shorten it"))
        }
        if trimmed.contains("!") || trimmed.contains(where: { ProperRule.decoration($0) != nil }) {
            found.append(finding(.error, "no \"!\", emoji or symbols in a subject line", rule: .proper))
        }
        let letters = trimmed.filter(\.isLetter)
        if letters.count >= 8, letters.allSatisfy(\.isUppercase) {
            found.append(finding(.error, "an ALL-CAPS subject is shouting; use sentence case", rule: .proper))
        }
        return found
    }
}
