/// AW-LOOKFWD — the e-mail says you look forward to hearing from them.
///
/// The method: "…and that you are looking forward to hearing from them". Hoping to hear from them
/// is the recommended close, not a request for a reply. See docs/etiquette.md.
struct LookForwardRule: DocumentRule {
    func check(_ input: RuleInput) -> [Flag] {
        guard input.channel == .email else { return [] }
        if input.sentences.contains(where: { $0.has([.lookForward, .hearFrom]) }) { return [] }
        return [input.missing(.lookForward, .warning, "say you look forward to hearing from them")]
    }
}
