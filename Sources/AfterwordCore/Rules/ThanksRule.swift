/// AW-THANKS — thanks them for their time.
///
/// An e-mail thanks them for their time; a note thanks them for taking the time to sit down with
/// you. The method: "thank them for their time". See docs/etiquette.md.
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
