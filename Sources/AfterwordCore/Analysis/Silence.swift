/// Whether a sentence complains of no answer or tells of writing before: "I haven't heard back",
/// "still waiting to hear", "no response yet", "I have written twice and heard nothing", "two weeks
/// without a word". A chaser, whatever its words.
enum Silence {
    /// The (start, end) word positions of the complaint, when the sentence makes one.
    static func find(_ s: Sentence) -> (Int, Int)? {
        // Every complaint turns on a negation ("haven't heard", "no reply", "nobody"), a repetition
        // ("twice", "again", "three times") or waiting ("still", "silence").
        guard s.has([.negation, .chaser]) || s.lower.contains("times") else { return nil }
        for position in 0..<s.count {
            if let hit = notHeard(s, position) ?? stillWaiting(s, position) ?? noAnswer(s, position) ?? wroteAgain(s, position)
                ?? nobodyInTouch(s, position) ?? notArrived(s, position) ?? silence(s, position)
            {
                return hit
            }
        }
        return nil
    }

    /// "I haven't heard back", "have not received any reply", "heard nothing".
    private static func notHeard(_ s: Sentence, _ position: Int) -> (Int, Int)? {
        guard Words.hearing.contains(s.lower[position]), position + 1 < s.count else { return nil }
        let next = s.lower[position + 1]
        guard Words.heardWhat.contains(next) else { return nil }
        if next == "nothing" { return s.isNegated(position, window: 3) ? nil : (max(0, position - 2), position + 1) }
        if next == "a" || next == "any" {
            guard position + 2 < s.count, Words.answerNouns.contains(s.lower[position + 2]) else { return nil }
        }
        if next == "from", !(position + 2 < s.count && s.tags[position + 2].contains(.you)) { return nil }
        let still = s.first(Words.stillWords, in: max(0, position - 3)..<(position + 6)) != nil
        guard s.isNegated(position, window: 3) || still && s.isNegated(position, window: 4) else { return nil }
        return (max(0, position - 2), position + 1)
    }

    /// "still waiting", "still hoping to hear".
    private static func stillWaiting(_ s: Sentence, _ position: Int) -> (Int, Int)? {
        guard s.lower[position] == "still", position + 1 < s.count, Words.stillWaiting.contains(s.lower[position + 1]) else { return nil }
        return (position, position + 1)
    }

    /// "no response yet", "without a word", "without any reply".
    private static func noAnswer(_ s: Sentence, _ position: Int) -> (Int, Int)? {
        let word = s.lower[position]
        guard word == "no" || word == "without", position + 1 < s.count else { return nil }
        let noun = Words.answerNouns.contains(s.lower[position + 1]) ? position + 1
            : position + 2 < s.count && (s.lower[position + 1] == "a" || s.lower[position + 1] == "any") && Words.answerNouns.contains(s.lower[position + 2]) ? position + 2 : nil
        guard let noun else { return nil }
        // "no reply yet", "two weeks without a word": time has passed; "no reply needed" is fine.
        let waited = s.first(Words.stillWords, in: (noun + 1)..<(noun + 4)) != nil
            || (word == "without" && s.first(Words.timeSpans, in: 0..<position) != nil)
        return waited ? (position, noun) : nil
    }

    /// "I have written twice", "I emailed you again", "I'll try calling you again".
    private static func wroteAgain(_ s: Sentence, _ position: Int) -> (Int, Int)? {
        guard Words.wroteVerbs.contains(s.lower[position]), s.any(.me, in: max(0, position - 3)..<position),
            let again = s.first(Words.repeated, in: (position + 1)..<(position + 6))
        else { return nil }
        return (min(position, again), max(position, again))
    }

    /// "Nobody has been in touch", "no one has replied".
    private static func nobodyInTouch(_ s: Sentence, _ position: Int) -> (Int, Int)? {
        let word = s.lower[position]
        let nobody = word == "nobody" || (word == "no" && position + 1 < s.count && s.lower[position + 1] == "one")
        guard nobody, let heard = s.first(Words.gotInTouch, in: (position + 1)..<(position + 8)) else { return nil }
        return (position, heard)
    }

    /// "it seems it didn't reach you", "my e-mail never arrived".
    private static func notArrived(_ s: Sentence, _ position: Int) -> (Int, Int)? {
        guard Words.arrived.contains(s.lower[position]), s.isNegated(position, window: 3),
            s.any(.message, in: max(0, position - 5)..<position) || (position + 1 < s.count && s.tags[position + 1].contains(.you))
        else { return nil }
        return (max(0, position - 2), position)
    }

    /// "the silence since our meeting", "radio silence".
    private static func silence(_ s: Sentence, _ position: Int) -> (Int, Int)? {
        s.lower[position] == "silence" ? (max(0, position - 1), position) : nil
    }
}
