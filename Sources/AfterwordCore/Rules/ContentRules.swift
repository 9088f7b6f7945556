/// AW-THANKS — thanks them for their time.
///
/// An e-mail thanks them for their time; a note thanks them for taking the time to sit down with
/// you. See docs/etiquette.md.
struct ThanksRule: DocumentRule {
    func check(_ input: RuleInput) -> [Flag] {
        let tokens = input.tokens
        guard tokens.contains(where: { $0.kind == .word && $0.tags.contains(.thanks) }) else {
            let how = input.channel == .note ? "thank them for taking the time to sit down with you" : "thank them for their time"
            return [input.missing(.thanks, .error, "never says thank you; \(how)")]
        }
        guard tokens.contains(where: { $0.kind == .word && $0.tags.contains(.conversation) }) else {
            return [input.missing(.thanks, .hint, "say what the thanks is for: their time and the conversation")]
        }
        return []
    }
}

/// AW-LOOKFWD — the e-mail says you look forward to hearing from them.
///
/// See docs/etiquette.md.
struct LookForwardRule: DocumentRule {
    func check(_ input: RuleInput) -> [Flag] {
        guard input.channel == .email else { return [] }
        if input.sentences.contains(where: { $0.has([.lookForward, .hearFrom]) }) { return [] }
        return [input.missing(.lookForward, .warning, "say you look forward to hearing from them")]
    }
}

/// AW-ENJOYED — the note says you enjoyed speaking with them and learning about the company.
///
/// See docs/etiquette.md.
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
