/// AW-LOOKFWD — the e-mail says you look forward to hearing from them.
///
/// The method: "…and that you are looking forward to hearing from them". Hoping to hear from them
/// is the recommended close, not a request for a reply. Looking forward to the next step with them
/// says it too; vague anticipation ("keen on the road ahead", "excited about what could come
/// next", "reach out any time") does not. See docs/etiquette.md.
struct LookForwardRule: DocumentRule {
    func check(_ input: RuleInput) -> [Flag] {
        guard input.channel == .email else { return [] }
        if input.sentences.contains(where: Self.looksForward) { return [] }
        return [input.missing(.lookForward, .warning, "say you look forward to hearing from them")]
    }

    /// True when the sentence looks forward to hearing from them or to a next step with them.
    static func looksForward(_ s: Sentence) -> Bool {
        if s.positions(.hearFrom).contains(where: { !s.isNegated($0) }) { return true }
        return s.positions(.lookForward).contains { position in
            let after = s.phraseEnd[position]..<(s.phraseEnd[position] + 4)
            return !s.isNegated(position) && s.first(Words.vagueFuture, in: after) == nil
        }
    }
}
