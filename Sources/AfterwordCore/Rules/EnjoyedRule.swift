/// AW-ENJOYED — the note says you enjoyed speaking with them and learning about the company.
///
/// The method: "express how much you enjoyed speaking with them and learning more about the
/// company". It is the conversation that was enjoyed: "thrilled by the role" or "struck by the
/// team's energy" does not say so. A warning on a note card, a hint on an e-mail. See docs/etiquette.md.
struct EnjoyedRule: DocumentRule {
    func check(_ input: RuleInput) -> [Flag] {
        guard input.sentences.contains(where: Self.enjoyedTheConversation) else {
            let severity: Severity = input.channel == .note ? .warning : .hint
            return [input.missing(.enjoyed, severity, "say how much you enjoyed speaking with them and learning more about the company")]
        }
        // "learning about…", "hearing how your crew…", "our discussion on…": something learned about them.
        let learned = input.sentences.contains { $0.has([.learn, .topicMarker]) || $0.first(Words.learnedThings, in: 0..<$0.count) != nil }
        if input.channel == .note, !learned {
            return [input.missing(.enjoyed, .hint, "mention what you enjoyed learning about the company")]
        }
        return []
    }

    /// "I enjoyed our conversation", "it was a pleasure meeting you", "our chat was great": a word of
    /// enjoying next to the conversation it enjoys, in one clause. Enthusiasm ("thrilled", "impressed")
    /// counts only when the conversation follows it ("thrilled to meet you").
    static func enjoyedTheConversation(_ s: Sentence) -> Bool {
        s.positions(.enjoy).contains { position in
            guard !s.isNegated(position) else { return false }
            let clause = s.clauseStart(of: position)
            let reach = Words.enthusiasm.contains(s.lower[position]) ? 3 : 7
            let after = (position + 1)..<(position + reach)
            let before = max(clause, position - 4)..<position
            let enthused = Words.enthusiasm.contains(s.lower[position])
            if s.any(.conversation, in: after) || (!enthused && s.any(.conversation, in: before)) { return true }
            // "I enjoyed digging into the SDK with you": enjoying what was done together, but not the role.
            return Words.enjoying.contains(s.lower[position]) && !s.any(.candidacy, in: (position + 1)..<(position + 4))
        }
    }
}
