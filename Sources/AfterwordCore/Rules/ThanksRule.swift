/// AW-THANKS — thanks them for their time.
///
/// An e-mail thanks them for their time; a note thanks them for taking the time to sit down with
/// you. The method: "thank them for their time". Thanks that appear only as the sign-off ("Thanks,"
/// above the name) or that thank them only for something else ("thanks for the coffee") are not the
/// thank-you. See docs/etiquette.md.
struct ThanksRule: DocumentRule {
    func check(_ input: RuleInput) -> [Flag] {
        let how = input.channel == .note ? "thank them for taking the time to sit down with you" : "thank them for their time"
        let thanking = input.sentences.filter { s in s.positions(.thanks).contains { !s.isNegated($0) } }
        guard !thanking.isEmpty else {
            return [input.missing(.thanks, .error, "never thanks them in the letter (a \"Thanks\" above your name is a sign-off); \(how)")]
        }
        if thanking.contains(where: { Self.thanksForTheirTime($0) }) { return [] }
        if thanking.allSatisfy({ Self.thanksForSomethingElse($0) }) {
            return [input.missing(.thanks, .error, "thanks them only for something else; \(how)")]
        }
        return [input.missing(.thanks, .hint, "say what the thanks is for: their time and the conversation")]
    }

    /// "Thank you for your time", "I appreciated meeting you", "thanks again for the interview".
    static func thanksForTheirTime(_ s: Sentence) -> Bool {
        var range = 0..<s.count
        // "Thanks for sending the job description after we spoke": what the thanks is for ends at "after".
        if let thanks = s.positions(.thanks).first, let object = s.first(["for"], in: (thanks + 1)..<(thanks + 5)) {
            let end = ((object + 1)..<s.count).first { s.clauseStart[$0] || Words.subordinators.contains(s.lower[$0]) } ?? s.count
            range = 0..<end
        }
        return s.any([.conversation, .calendar], in: range) || s.first(Words.occasions, in: range) != nil
    }

    /// "Thanks for the coffee", "thank you for considering my application": what follows "for" is
    /// not the conversation.
    static func thanksForSomethingElse(_ s: Sentence) -> Bool {
        guard let thanks = s.positions(.thanks).first, let object = s.first(["for"], in: (thanks + 1)..<(thanks + 5)) else { return false }
        let end = ((object + 1)..<s.count).first { s.clauseStart[$0] || Words.subordinators.contains(s.lower[$0]) } ?? s.count
        return !s.any([.conversation, .calendar], in: object..<end) && s.first(Words.occasions, in: object..<end) == nil
    }
}
