/// Whether a sentence asks if an earlier message arrived or points back at one: "Did you get my
/// last email?", "did my note reach you", "in case you missed it", "as per my previous message".
enum ReceiptCheck {
    /// The (start, end) word positions of the check, when the sentence makes one.
    static func find(_ s: Sentence) -> (Int, Int)? {
        makingSure(s) ?? questionAboutMessage(s) ?? inCase(s) ?? pointingBack(s)
    }

    /// "wanted to make sure it reached you", "not sure it arrived", "to check that my note got through".
    private static func makingSure(_ s: Sentence) -> (Int, Int)? {
        for position in s.positions(.receive) where position > 0 {
            let before = max(0, position - 5)..<position
            let checking = s.first(Words.makingSure, in: before)
            let object = s.any([.message], in: before) || (position + 1 < s.count && s.tags[position + 1].contains(.you))
            if let checking, object, Words.arrived.contains(s.lower[position]), !s.tags[position].contains(.confirm) { return (checking, position) }
        }
        return nil
    }

    /// A question to them about a message: "Did you get my e-mail?", "Have you had a chance to read my note?"
    private static func questionAboutMessage(_ s: Sentence) -> (Int, Int)? {
        guard s.isQuestion || s.has([.wouldLike]) || s.first(Words.checking, in: 0..<s.count) != nil else { return nil }
        for position in s.positions(.receive) where !s.isNegated(position) {
            let before = max(0, position - 5)..<position
            let after = (position + 1)..<(position + 5)
            let you = s.any(.you, in: before) || (s.any(.you, in: after) && s.any(.message, in: before))
            let message = s.positions(.message).contains { ($0 > position && $0 < position + 5 || ($0 < position && $0 >= position - 4)) && !Words.vagueMessage.contains(s.lower[$0]) }
                || (s.any(.message, in: after) && s.any(.previous, in: after))
            // "my e-mail", "the e-mail I sent last Monday".
            let ownMessage = s.first(Words.ours, in: max(0, position - 7)..<(position + 4)) != nil
                || s.first(Words.sentIt, in: (position + 1)..<(position + 6)).map { s.any(.me, in: max(0, $0 - 2)..<$0) } == true
            if you && message && ownMessage { return (max(0, before.lowerBound), position) }
            if !you, message, ownMessage, s.any(.you, in: after) { return (max(0, position - 3), position + 1) }
        }
        return nil
    }

    /// "in case you missed it", "in case my note got buried".
    private static func inCase(_ s: Sentence) -> (Int, Int)? {
        guard let position = s.first(["case"], in: 0..<s.count), position > 0, s.lower[position - 1] == "in",
            let hit = s.first(Words.lostMessage, in: (position + 1)..<(position + 7))
                ?? s.first(.receive, in: (position + 1)..<(position + 6)).flatMap({ s.isNegated($0) ? $0 : nil })
        else { return nil }
        return (position - 1, hit)
    }

    /// "my previous e-mail", "as per my last message", "further to my note", "my email below".
    private static func pointingBack(_ s: Sentence) -> (Int, Int)? {
        for position in s.positions(.message) where position > 0 && Words.ours.contains(s.lower[position - 1]) && position + 1 < s.count {
            if Words.placedBefore.contains(s.lower[position + 1]) && !Words.applicationPapers.contains(s.lower[position]) {
                return (position - 1, position + 1)
            }
        }
        for position in s.positions(.previous) where position > 0 && Words.ours.contains(s.lower[position - 1]) {
            let next = (position + 1)..<(position + 3)
            if let message = next.clamped(to: 0..<s.count).first(where: {
                s.tags[$0].contains(.message) && !Words.vagueMessage.contains(s.lower[$0]) && !Words.applicationPapers.contains(s.lower[$0])
            }) {
                return (position - 1, message)
            }
        }
        if let position = s.first(["further"], in: 0..<s.count), position + 2 < s.count, s.lower[position + 1] == "to",
            Words.ours.contains(s.lower[position + 2])
        {
            return (position, position + 2)
        }
        return nil
    }
}
