/// AW-ENJOYED — the note says you enjoyed speaking with them and learning about the company.
///
/// The method: "express how much you enjoyed speaking with them and learning more about the
/// company". A warning on a note card, a hint on an e-mail. See docs/etiquette.md.
struct EnjoyedRule: DocumentRule {
    func check(_ input: RuleInput) -> [Flag] {
        let enjoyed = input.sentences.contains { sentence in
            sentence.positions(.enjoy).contains { position in
                !sentence.isNegated(position) && sentence.any(.conversation, in: 0..<sentence.count)
            }
        }
        if !enjoyed {
            let severity: Severity = input.channel == .note ? .warning : .hint
            return [input.missing(.enjoyed, severity, "say how much you enjoyed speaking with them and learning more about the company")]
        }
        let learned = input.sentences.contains { $0.has(.learn) || $0.lower.contains("about") }
        if input.channel == .note, !learned {
            return [input.missing(.enjoyed, .hint, "mention what you enjoyed learning about the company")]
        }
        return []
    }
}
