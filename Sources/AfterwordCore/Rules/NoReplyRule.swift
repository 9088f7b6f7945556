/// AW-NOREPLY — asks for no reply and no confirmation of receipt.
///
/// Seed: "Do not expect a reply because you probably won't get one and do not follow-up on your
/// e-mail to make sure they received it."
struct NoReplyRule: DocumentRule {
    static let confirm =
        "asks them to confirm receipt; the seed says do not expect a reply, so leave it out"
    static let reply = "asks for a reply; the seed says do not expect one, so leave it at thanks"

    static let phrases: [PhraseRule] = [
        PhraseRule(
            "\\b(?:confirm|confirming|confirmation|acknowledge|acknowledging|acknowledgement|acknowledgment|verify)\\b"
                + Phrase.gap(60) + "\\b(?:\(Phrase.received)|receipt|\(Phrase.arrived)|delivered)\\b",
            .error, confirm),
        PhraseRule(
            "\\b(?:let me know|tell me|inform me|drop me a (?:line|note)|send me a (?:quick )?(?:note|line|reply|word)|give me a (?:heads up|sign))\\b"
                + Phrase.gap(50) + "\\b(?:you (?:have |had |did |\\w+ )?\(Phrase.received)|"
                + "(?:it|this|that|my \\w+|the \\w+|\(Phrase.message)) (?:has |have |had |did )?\(Phrase.arrived))\\b",
            .error, confirm),
        PhraseRule(
            "\\b(?:please|kindly)? ?(?:send|give)? ?(?:me )?(?:a )?(?:quick )?(?:read receipt|delivery receipt|confirmation of receipt)\\b",
            .error, confirm),
        PhraseRule(
            "\\b(?:await|awaiting|awaits|wait for|waiting for|waiting on|expect|expecting|hope to get|hope to receive|hoping to get|hoping for)\\s(?:your|a|an|the|any)\\s(?:\\w+ )?(?:reply|replies|response|responses|answer|confirmation|acknowledgement|acknowledgment|word back)\\b",
            .error, reply),
        PhraseRule(
            "\\b(?:please|kindly|do) (?:reply|respond|write back|get back to me|answer|revert|get back)\\b",
            .error, reply),
        PhraseRule(
            "\\b(?:can|could|would|will) you (?:please |kindly |just |quickly )?(?:reply|respond|write back|get back to me|answer me|confirm|let me know)\\b",
            .error, reply),
        PhraseRule(
            "\\b(?:reply|respond|get back to me|write back|hear back)\\b" + Phrase.gap(30)
                + "\\b(?:as soon as possible|at your earliest convenience|soon|when you (?:can|get a chance)|by (?:monday|tuesday|wednesday|thursday|friday|tomorrow|end of day|eod|the end of))",
            .error, reply),
        PhraseRule(
            "\\b(?:reply|response|confirmation|acknowledgement|acknowledgment|answer)\\b" + Phrase.gap(20)
                + "\\b(?:would be|is) (?:much |greatly |very much )?appreciated\\b",
            .error, reply),
        PhraseRule(
            "\\b(?:i would|i will|i) (?:appreciate|love|like|welcome) (?:a|an|your) (?:quick |short |brief )?(?:reply|response|confirmation|acknowledgement|acknowledgment|answer)\\b",
            .error, reply),
        PhraseRule(
            "\\blook(?:ing)? forward to (?:your|a|receiving your|getting your) (?:quick |prompt |timely )?(?:reply|response|answer)\\b",
            .warning, "expects a reply; say you look forward to hearing from them instead"),
    ]

    func check(_ input: RuleInput) -> [Finding] {
        input.findings(.noReply, Self.phrases)
    }
}
