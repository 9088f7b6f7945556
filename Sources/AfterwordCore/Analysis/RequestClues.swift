/// The clues a request is read from: who asks whom, whether it is polite, offered, conditional or
/// negated, and what comes after "let me know".
extension RequestReader {
    /// True when the sentence asks for something: please, could you, let me know, I would appreciate,
    /// hoping, waiting, a question.
    var isRequesting: Bool {
        s.has([.please, .hope, .eager, .lookForward]) || s.isQuestion
            || s.positions(.wait).contains { !isOwnSubject($0, allowFirstPerson: true) }
            || s.positions(.informMe).contains { !isOwnSubject($0) }
            // "the question you asked about how I would decide" tells what they asked.
            || s.positions(.wouldLike).contains { !isOwnSubject($0, allowFirstPerson: true) && !Words.pastAsking.contains(s.lower[$0]) }
            || (0..<s.count).contains { isModalYou($0) || isYouModal($0) }
    }

    /// True when the word at `position` is asked for: please or a request before it in the sentence.
    func isRequested(_ position: Int) -> Bool {
        if position > 0, Words.beforeOwnVerb.contains(s.lower[position - 1]) && !(position > 1 && s.lower[position - 2] == "you") {
            if s.lower[position - 1] != "to" || !s.any([.please, .wouldLike, .modal], in: 0..<position) { return false }
        }
        if s.clauseStart(of: position) == position && position == 0 { return true }
        // "I'm happy to confirm that I am": the writer confirming, not asking.
        if let writer = (max(0, position - 4)..<position).last(where: { Words.writer.contains(s.lower[$0]) }),
            !s.any(.you, in: writer..<position)
        {
            return false
        }
        return s.any([.please, .wouldLike, .informMe], in: 0..<position)
            || (0..<position).contains { isModalYou($0) || isYouModal($0) }
            || (position > 0 && Words.softeners.contains(s.lower[position - 1]))
    }

    /// "if you could", "grateful if you would", "that you can": a request put politely.
    func isYouModal(_ position: Int) -> Bool {
        guard s.tags[position].contains(.you), position > 0, position + 1 < s.count, s.tags[position + 1].contains(.modal) else { return false }
        return Words.embeddingWords.contains(s.lower[position - 1])
    }

    /// "could you", "can you", "would you", "will you", "are you able to", "mind sending…".
    func isModalYou(_ position: Int) -> Bool {
        if position == 0, s.lower[0] == "mind", s.count > 1, s.lower[1].hasSuffix("ing") { return true }
        guard s.tags[position].contains(.modal), position + 1 < s.count,
            s.tags[position + 1].contains(.you) || Words.anyone.contains(s.lower[position + 1])
        else { return false }
        return !s.lower[position].hasPrefix("you")
    }

    /// "by Friday", "before the 15th", "by 5 pm": a date the answer is wanted by.
    func dateDeadline() -> Int? {
        for position in 0..<s.count where Words.deadlineWords.contains(s.lower[position]) {
            let next = ((position + 1)..<(position + 3)).clamped(to: 0..<s.count)
            if next.contains(where: { s.tags[$0].contains(.calendar) || s.lower[$0].first?.isNumber == true || Words.periodEnds.contains(s.lower[$0]) }) {
                return position
            }
        }
        return nil
    }

    /// "I'll keep you updated", "we will update you": the writer giving, not asking.
    func isOwnUpdate(_ position: Int) -> Bool {
        guard s.lower[position].hasPrefix("update") || s.lower[position] == "posted" else { return false }
        let before = max(0, position - 4)..<position
        let writer = s.first(Words.writerSubjects, in: before) != nil
        return writer && s.any(.you, in: before) || (writer && position + 1 < s.count && s.tags[position + 1].contains(.you))
    }

    /// True when the trigger's subject is the writer or someone else ("I expect", "our team expects").
    func isOwnSubject(_ position: Int, allowFirstPerson: Bool = false) -> Bool {
        // "I will revert", "we shall promptly update": the subject stands before the modal.
        var subject = position - 1
        var modal = false
        while subject > 0, s.tags[subject].contains(.modal) && !s.tags[subject].contains(.me) || Words.adverbsBeforeVerb.contains(s.lower[subject]) {
            modal = modal || s.tags[subject].contains(.modal)
            subject -= 1
        }
        guard subject >= 0, position > 0 else { return false }
        let previous = s.tags[subject]
        // "if you could keep me posted" asks them.
        if modal, previous.contains(.you) { return false }
        if previous.contains(.thirdParty) || previous.contains(.you) { return true }
        return !allowFirstPerson && previous.contains(.me) && !s.lower[subject].hasPrefix("me")
    }

    /// "I would appreciate an update", "I'd appreciate any feedback": appreciating in advance.
    func isRequestingAppreciate(_ position: Int) -> Bool {
        if position > 0, s.tags[position - 1].contains(.modal) || s.lower[position - 1].hasSuffix("'d") { return true }
        guard position + 1 < s.count else { return false }
        return Words.appreciatedThings.contains(s.lower[position + 1])
    }

    /// "let me know if you have any questions", "…if I can provide anything else": an offer.
    func isOffer(after position: Int) -> Bool {
        let range = s.phraseEnd[position]..<(s.phraseEnd[position] + 8)
        // "…as I haven't seen anything from HR yet" offers nothing.
        guard let offer = range.clamped(to: 0..<s.count).first(where: { s.tags[$0].contains(.offer) && !s.isNegated($0, window: 3) }) else { return false }
        let status = range.clamped(to: 0..<s.count).first { Words.answers.contains(s.lower[$0]) }
        return status.map { $0 > offer } ?? true
    }

    func isOffer(between start: Int, _ end: Int) -> Bool {
        guard end > start + 1, s.lower[start] != "please" else { return false }
        // "happy to help" offers; "happy to receive a response" wants one.
        return ((start + 1)..<end).contains { position in
            s.tags[position].contains(.offer)
                && !(position + 2 < s.count && s.lower[position + 1] == "to" && (s.tags[position + 2].contains(.receive) || Words.learningVerbs.contains(s.lower[position + 2])))
        }
    }

    /// After "let me know": "when a decision is made", "whether I was successful", "where things stand",
    /// "if we can find time to speak". The position of what they are asked to tell.
    func toldObject(after start: Int) -> Int? {
        guard start < s.count else { return nil }
        let range = start..<(start + 12)
        if s.any(.status, in: range), let hit = s.first(.status, in: range), !s.isNegated(hit) { return s.phraseEnd[hit] - 1 }
        if let hit = s.first([.timeSlot, .callNoun, .meeting], in: start..<(start + 6)) { return hit }
        guard s.tags[start].contains(.question) else { return nil }
        if let hit = s.first([.timeSlot, .callNoun, .meeting, .talk, .candidacy], in: range) { return hit }
        // "whether I'm through", "if my references have been contacted", "which areas I should work on":
        // about the writer's chances.
        if let me = s.first(.me, in: (start + 1)..<(start + 4)), !s.any(.offer, in: start..<(start + 8)) { return me }
        return s.first(Words.progressing, in: range)
    }

    /// A request to confirm that a message arrived, as (trigger, object) positions.
    func receiptRequest() -> (Int, Int)? {
        for position in s.positions(.confirm) where !s.isNegated(position) {
            let imperative = isRequested(position)
                || (s.lower[position].hasPrefix("confirmation") && s.has([.please, .wouldLike, .appreciate, .wait]))
            guard imperative else { continue }
            if let object = s.first(.receive, in: (position + 1)..<(position + 7)) { return (position, object) }
            if let object = s.first(Words.receiptNouns, in: (position + 1)..<(position + 4)) { return (position, object) }
        }
        // "let me know you got this", "tell me if it arrived", "let me know once you've read it".
        for position in s.positions(.informMe) where !s.isNegated(position) {
            let range = s.phraseEnd[position]..<(s.phraseEnd[position] + 6)
            for index in range.clamped(to: 0..<s.count) where s.tags[index].contains(.receive) {
                let subjectIsYou = s.any(.you, in: max(range.lowerBound, index - 3)..<index)
                let subjectIsMessage = s.any(.message, in: max(range.lowerBound, index - 3)..<index)
                let reachesYou = index + 1 < s.count && s.tags[index + 1].contains(.you)
                if subjectIsYou || subjectIsMessage || reachesYou { return (position, index) }
            }
        }
        // "read receipt", "delivery receipt" requested.
        if let position = s.first(["read", "delivery"], in: 0..<s.count), position + 1 < s.count, s.lower[position + 1] == "receipt",
            s.has([.please, .wouldLike, .appreciate, .modal])
        {
            return (position, position + 1)
        }
        return nil
    }
}
