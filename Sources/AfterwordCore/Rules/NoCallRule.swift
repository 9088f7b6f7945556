/// AW-NOCALL — never a call.
///
/// Seed: "they do not want (nor have time to) take calls from everyone that they have completed interviews with".
struct NoCallRule: DocumentRule {
    static let message = "offers or asks for a call; interviewers do not have time to take calls, keep it to writing"
    static let callWord = "(?:call|phone|ring|telephone|dial|buzz)"

    static let phrases: [PhraseRule] = [
        PhraseRule(
            "\\b(?:i|we) (?:will|would|could|can|shall|might|may|am going to|are going to|plan to|want to|wanted to|would like to|would love to|hope to|intend to|will try to|can try to)? ?(?:\\w+ )?\(callWord) (?:you|your)\\b",
            .error, message),
        PhraseRule(
            "\\b(?:can|could|may|shall|should|might) (?:i|we) (?:\\w+ )?\(callWord) (?:you|your)\\b", .error, message),
        PhraseRule(
            "\\b(?:give|gave|giving) (?:you|me|us) a (?:quick |brief |short )?(?:call|ring|buzz|phone call|bell|shout)\\b",
            .error, message),
        PhraseRule(
            "\\b(?:hop|jump|get|hopping|jumping|getting) on (?:a|the|another) (?:quick |brief |short |follow up |phone |video |15 minute |15-minute |30 minute )*(?:call|phone)\\b",
            .error, message),
        PhraseRule(
            "\\b(?:schedule|set up|setup|arrange|book|have|do|organize|organise|plan|grab|find time for) (?:a|another|one more|the|some time for a) (?:quick |brief |short |follow up |phone |video |15 minute |15-minute |30 minute )*(?:call|phone call|phone chat|chat on the phone)\\b",
            .error, message),
        PhraseRule("\\b(?:call|phone|ring|text|buzz) me\\b", .error, message),
        PhraseRule("\\b(?:talk|speak|chat|connect|catch up) (?:on|over|by) (?:the )?phone\\b", .error, message),
        PhraseRule(
            "\\b(?:reach|contact) me (?:at|on|via) (?:\\+|\\d|\\( ?\\d|my phone|phone|this number)",
            .error, "invites a call; give your e-mail, not your phone number"),
        PhraseRule("\\bcall (?:sometime|anytime|any time|whenever)\\b", .error, message),
    ]

    func check(_ input: RuleInput) -> [Finding] {
        input.findings(.noCall, Self.phrases)
    }
}
