/// AW-NOREPLY — asks for no reply, no confirmation of receipt, no status update.
///
/// Interviewers rarely answer thank-yous, and a thank-you that asks for an answer ("please confirm
/// you received this", "I would appreciate an update on my candidacy", "I look forward to your
/// reply", "is the role still open?") turns thanks into pressure. See docs/etiquette.md.
///
/// A sentence breaks the rule when it *requests* something that is *theirs to send* (``Request``):
/// a reply, a confirmation that a message arrived, an update, a decision, feedback. Negated
/// requests ("no need to reply") and offers ("let me know if you have any questions") are fine.
struct NoReplyRule: SentenceRule {
    static let reply = "asks for a reply; interviewers rarely answer thank-yous, and asking reads as pressure, so leave it at thanks"
    static let receipt = "asks them to confirm they received it; trust that it arrived and leave it at thanks"
    static let status = "asks for an update on your application; they will tell you when there is news, so leave it out"
    static let feedback = "asks for feedback on how you did; interviewers rarely give it in answer to a thank-you, so leave it at thanks"
    static let decision = "asks about their decision or its timing; they will tell you when there is news, so leave it out"

    func check(_ reading: Reading, _ input: RuleInput) -> Flag? {
        guard let request = reading.request else { return nil }
        return input.flag(.noReply, .error, Self.message(request.object), in: reading.sentence, request.from, request.to)
    }

    /// What the finding says, in the user's terms, for what was asked for.
    static func message(_ object: Request.Object) -> String {
        switch object {
        case .reply: reply
        case .receipt: receipt
        case .status: status
        case .decision: decision
        case .feedback: feedback
        }
    }
}
