/// AW-ONCE (the wording part) — one thank-you; never a follow-up to check it arrived.
///
/// Seed: "do not follow-up on your e-mail to make sure they received it - you will become an annoyance".
/// The ledger enforces the sending part; this rule flags follow-up wording in any draft.
struct OnceRule: DocumentRule {
    static let followUp =
        "reads as a follow-up; send one thank-you and leave it at that (following up makes you an annoyance)"
    static let receipt =
        "checks whether an earlier message arrived; do not follow up to make sure they received it"

    static let phrases: [PhraseRule] = [
        PhraseRule("\\bjust (?:wanted to |want to |writing to |a quick note to |a note to )?follow(?:ing)? up\\b", .error, followUp),
        PhraseRule(
            "\\b(?:wanted|want|writing|write|am writing|reaching out|reach out|a quick note|a note|a line) to follow up\\b",
            .error, followUp),
        PhraseRule(
            "\\bfollow(?:ing|ed)? up (?:on|regarding|about|re|with you on|with you about|with you regarding) (?:my|your|the) (?:\(Phrase.previous) |earlier )?\(Phrase.message)\\b",
            .error, followUp),
        PhraseRule("\\bfollow(?:ing)? up to (?:see|check|make sure|ensure|confirm|ask|find out)\\b", .error, followUp),
        PhraseRule("\\bfollow(?:ing)? up (?:again|once more|one more time)\\b", .error, followUp),
        PhraseRule(
            "\\bfollow(?:ing)? up (?:on|regarding|about|after|from) (?:our|the|my|yesterday's|today's)\\b",
            .warning, "reads like a follow-up; open by thanking them instead"),
        PhraseRule("^follow(?:ing)? up\\b", .error, followUp),
        PhraseRule("\\b(?:just |quickly |briefly )?check(?:ing)? in\\b", .error, followUp),
        PhraseRule("\\bcircl(?:e|ed|ing) back\\b", .error, followUp),
        PhraseRule("\\btouch(?:ing)? base\\b", .error, followUp),
        PhraseRule("\\bbump(?:ing|ed)? (?:this|my|it|up|the thread)\\b", .error, followUp),
        PhraseRule("\\b(?:top of your inbox|back to the top)\\b", .error, followUp),
        PhraseRule("\\bping(?:ing|ed)? (?:you )?(?:again|once more)\\b", .error, followUp),
        PhraseRule("\\b(?:gentle|friendly|quick|kind|polite) (?:reminder|nudge)\\b", .error, followUp),
        PhraseRule("\\b(?:as a|this is a) reminder\\b", .error, followUp),
        PhraseRule(
            "\\b(?:did|have|has|had) you (?:\\w+ )?(?:get|got|gotten|receive|received|see|seen|read|had a chance to (?:read|see|look at|review|open)|been able to (?:read|see|review)) (?:my|the|our) (?:\(Phrase.previous) )?(?:\\w+ )?\(Phrase.message)\\b",
            .error, receipt),
        PhraseRule(
            "\\b(?:did|has|have) (?:my|the) (?:\(Phrase.previous) )?(?:\\w+ )?\(Phrase.message)s? (?:\(Phrase.arrived)|reach you|get to you)\\b",
            .error, receipt),
        PhraseRule(
            "\\b(?:make sure|making sure|ensure|ensuring|check|checking|wondering|wonder|wondered|curious) (?:that |if |whether )?(?:you (?:have |had |did |\\w+ )?\(Phrase.received)|(?:my|the) (?:\\w+ )?\(Phrase.message) (?:has |had )?\(Phrase.arrived))\\b",
            .error, receipt),
        PhraseRule(
            "\\b(?:in case|if) (?:you )?(?:missed|did not see|did not get|did not receive|never got|never received|have not seen|have not received)\\b",
            .error, receipt),
        PhraseRule(
            "\\b(?:as per|per|regarding|re|further to|following|in reference to) my (?:\(Phrase.previous)|earlier) \(Phrase.message)\\b",
            .error, receipt),
        PhraseRule("\\bmy (?:\(Phrase.previous)) (?:\\w+ )?\(Phrase.message)\\b", .error, receipt),
        PhraseRule(
            "\\b(?:resend|resending|resent|re-send|re-sending|sending (?:this|it|my \\w+) again|send (?:this|it) again|one more time|second (?:email|message|attempt|note)|trying again)\\b",
            .error, followUp),
        PhraseRule(
            "\\b(?:have not|has not|had not|not yet|never|did not) (?:yet )?(?:heard back|heard from you|heard anything|gotten a (?:reply|response)|received a (?:reply|response)|got a (?:reply|response))\\b",
            .error, followUp),
        PhraseRule("\\bany (?:update|updates|news|word|progress)\\b", .error, followUp),
        PhraseRule("\\bstill (?:waiting|waiting to hear|hoping to hear)\\b", .error, followUp),
    ]

    func check(_ input: RuleInput) -> [Finding] {
        input.findings(.once, Self.phrases)
    }
}
