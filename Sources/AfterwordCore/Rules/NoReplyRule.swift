/// AW-NOREPLY — asks for no reply, no confirmation of receipt, no status update.
///
/// Interviewers rarely answer thank-yous, and a thank-you that asks for an answer ("please confirm
/// you received this", "I would appreciate an update on my candidacy", "I look forward to your
/// reply") turns thanks into pressure. See docs/etiquette.md.
///
/// A sentence breaks the rule when it *requests* (please, let me know, could you, I would
/// appreciate, awaiting, a question to them, a deadline) something that is *theirs to send*: a
/// reply, a confirmation that a message arrived, an update, a decision, the timeline. Negated
/// requests ("no need to reply") and offers ("let me know if you have any questions") are fine.
struct NoReplyRule: SentenceRule {
    static let reply = "asks for a reply; interviewers rarely answer thank-yous, and asking reads as pressure, so leave it at thanks"
    static let receipt = "asks them to confirm they received it; trust that it arrived and leave it at thanks"
    static let status = "asks for an update on your application; they will tell you when there is news, so leave it out"

    /// Things a request may be for, strongly: a reply, a decision, an update.
    static let answerWords: Set<String> = [
        "reply", "replies", "response", "responses", "answer", "answers", "revert", "decision", "decisions", "feedback",
        "verdict", "outcome", "update", "updates", "news", "result", "results", "confirmation", "acknowledgement",
        "acknowledgment", "word", "status", "timeline", "timeframe", "progress", "developments", "info",
    ]
    /// Hearing from them, which a thank-you may hope for, but not against a deadline.
    static let softTags: Tags = [.hearFrom]

    static let feedback = "asks for feedback on how you did; interviewers rarely give it in answer to a thank-you, so leave it at thanks"
    static let decision = "asks about their decision or its timing; they will tell you when there is news, so leave it out"

    /// Words that show a request is for feedback on the interview.
    static let feedbackWords: Set<String> = ["feedback", "thoughts", "think", "thought", "impressions", "opinion", "did", "performed", "fared", "went"]
    /// Words that show a request is for the decision or the timeline.
    static let decisionWords: Set<String> = [
        "decision", "decisions", "decide", "decided", "outcome", "verdict", "result", "results", "timeline", "timeframe",
        "selected", "shortlisted", "successful",
    ]

    func check(_ s: Sentence, _ input: RuleInput) -> Flag? {
        guard var flag = request(s, input) else { return nil }
        // Said in the user's terms: what was asked for (feedback, a decision), when the words show it.
        if flag.message != Self.receipt {
            let asked = s.words.indices.filter { input.tokens[s.words[$0]].start >= flag.start && input.tokens[s.words[$0]].end <= flag.end }
            if asked.contains(where: { Self.feedbackWords.contains(s.lower[$0]) }) {
                flag.message = Self.feedback
            } else if asked.contains(where: { Self.decisionWords.contains(s.lower[$0]) }) {
                flag.message = Self.decision
            }
        }
        return flag
    }

    /// The request for an answer in `s`, if it makes one.
    private func request(_ s: Sentence, _ input: RuleInput) -> Flag? {
        guard s.has([.reply, .status, .receive, .confirm, .informMe, .hearFrom]) else { return nil }
        let soft = softPositions(s)
        func isObject(_ position: Int, allowSoft: Bool = false) -> Bool {
            guard s.tags[position].contains(.reply) || s.tags[position].contains(.status) else { return false }
            if !allowSoft, soft.contains(position) { return false }
            if ["updated", "answered", "responded", "replied"].contains(s.lower[position]) { return false }
            // "happy to answer any questions" offers an answer.
            if s.lower[position] == "answer", s.first(["question", "questions", "queries"], in: (position + 1)..<(position + 4)) != nil { return false }
            return !s.isNegated(position) && !isOwnUpdate(s, position)
        }
        let requesting = isRequesting(s)
        // A confirmation that a message arrived: "please confirm receipt", "let me know you got this".
        if let hit = receiptRequest(s) {
            return input.flag(.noReply, .error, Self.receipt, in: s, hit.0, hit.1)
        }
        // Asking them to confirm anything is asking for a reply ("Would you be so kind as to confirm the date?").
        if let position = s.positions(.confirm).first(where: { !s.isNegated($0) && isRequested(s, $0) }) {
            return input.flag(.noReply, .error, Self.reply, in: s, position, s.phraseEnd[position] - 1)
        }
        // "Reply at your convenience", "Revert with your feedback": a reply asked for outright.
        for position in s.positions(.reply) where s.clauseStart(of: position) == position || (position > 0 && s.tags[position - 1].contains(.please)) {
            guard ["reply", "respond", "revert", "answer", "write", "get"].contains(s.lower[position]), !s.isNegated(position) else { continue }
            return input.flag(.noReply, .error, Self.reply, in: s, position, s.phraseEnd[position] - 1)
        }
        // A question about an earlier message: "Did you get my last email?"
        if s.isQuestion, let hit = OnceRule.receiptCheck(s) {
            return input.flag(.noReply, .error, Self.receipt, in: s, hit.0, hit.1)
        }
        // "any news", "any update on my application", "any movement on your end": asking, unless offered or conditional.
        for position in 0..<s.count where s.lower[position] == "any" && position + 1 < s.count {
            let object = position + 1 < s.count && Self.answerWords.contains(s.lower[position + 1]) || s.tags[position + 1].contains(.status) && !soft.contains(position + 1)
            let conditional = s.first(["if", "should", "provide", "give", "share", "send"], in: max(0, position - 4)..<position) != nil
            if object, !conditional, !s.isNegated(position), !s.lower[position + 1].hasSuffix("ed") {
                return input.flag(.noReply, .error, Self.status, in: s, position, s.phraseEnd[position + 1] - 1)
            }
        }
        // "to see whether you have reached a decision", "hoping to hear what you thought".
        // Following up or touching base "about where things stand" asks for the status as well.
        let following = s.has([.followUp, .checkIn])
        if requesting || following {
            for position in 0..<s.count where ["whether", "if", "when", "how"].contains(s.lower[position]) || (following && s.lower[position] == "where")
                || (s.lower[position] == "hear" && position > 0 && s.lower[position - 1] == "to")
            {
                if let object = (position..<(position + 8)).clamped(to: 0..<s.count).first(where: { isObject($0) }), !isOffer(s, after: position) {
                    return input.flag(.noReply, .error, Self.status, in: s, position, s.phraseEnd[object] - 1)
                }
            }
        }
        // A deadline on hearing back: "hoping to hear back within the next week", "…before the 15th".
        if requesting, let deadline = s.positions(.deadline).first(where: { !s.isNegated($0) }) ?? dateDeadline(s),
            let object = s.tags.indices.first(where: { isObject($0, allowSoft: true) || (s.tags[$0].contains(.hearFrom) && !s.isNegated($0)) })
        {
            return input.flag(.noReply, .error, Self.reply, in: s, min(object, deadline), max(object, s.phraseEnd[deadline] - 1))
        }
        for trigger in 0..<s.count {
            let tags = s.tags[trigger]
            let lower = s.lower[trigger]
            var window: Range<Int>?
            if tags.contains(.please) || isModalYou(s, trigger) || isYouModal(s, trigger) {
                window = (trigger + 1)..<(trigger + 14)
            } else if tags.contains(.informMe), !s.isNegated(trigger) {
                // "keep me posted" and "get back to me" ask on their own.
                if ["keep", "get", "revert", "write", "drop", "shoot", "update", "reach"].contains(lower), !isOffer(s, after: trigger),
                    !isOwnSubject(s, trigger)
                {
                    return input.flag(.noReply, .error, lower == "keep" || lower == "update" ? Self.status : Self.reply, in: s, trigger, s.phraseEnd[trigger] - 1)
                }
                if !isOffer(s, after: trigger), let hit = letMeKnowObject(s, after: s.phraseEnd[trigger]) {
                    let aboutMeeting = s.tags[hit].contains(.timeSlot) || s.tags[hit].contains(.callNoun) || s.tags[hit].contains(.meeting) || s.tags[hit].contains(.talk)
                    return input.flag(.noReply, .error, aboutMeeting ? Self.reply : Self.status, in: s, trigger, hit)
                }
                // A bare "let me know" / "pls lmk" with nothing offered asks for an answer.
                if s.phraseEnd[trigger] >= s.count, !s.has(.offer), !s.lower.contains("if"), !s.lower.contains("should") {
                    return input.flag(.noReply, .error, Self.reply, in: s, trigger, s.phraseEnd[trigger] - 1)
                }
                window = s.phraseEnd[trigger]..<(s.phraseEnd[trigger] + 10)
            } else if tags.contains(.wait), !s.isNegated(trigger), !isOwnSubject(s, trigger, allowFirstPerson: true) {
                window = (trigger + 1)..<(trigger + 6)
                if let heard = s.first(Self.softTags, in: window ?? 0..<0) {
                    return input.flag(.noReply, .error, Self.reply, in: s, trigger, s.phraseEnd[heard] - 1)
                }
            } else if (tags.contains(.wouldLike) || (lower == "appreciate" && isRequestingAppreciate(s, trigger))) && !isOwnSubject(s, trigger, allowFirstPerson: true) {
                var after = s.phraseEnd[trigger]
                var knowing = after < s.count && ["knowing", "hearing"].contains(s.lower[after])
                if after < s.count, ["to", "knowing", "hearing"].contains(s.lower[after]) { after += 1 }
                if after < s.count, ["know", "hear", "find", "learn"].contains(s.lower[after]) {
                    after += 1
                    knowing = true
                }
                while after < s.count, ["roughly", "approximately", "exactly", "out", "more", "about", "briefly", "generally"].contains(s.lower[after]) { after += 1 }
                if knowing, let hit = letMeKnowObject(s, after: after), !isOffer(s, after: trigger) {
                    return input.flag(.noReply, .error, Self.status, in: s, trigger, hit)
                }
                window = s.phraseEnd[trigger]..<(s.phraseEnd[trigger] + 8)
            } else if tags.contains(.lookForward) || tags.contains(.hope) || tags.contains(.eager) || (tags.contains(.wait) && s.isNegated(trigger)) {
                // "I look forward to your reply", "hoping for a positive response": only firm answers count.
                let range = (s.phraseEnd[trigger])..<(s.phraseEnd[trigger] + 10)
                let plain: (Int) -> Bool = { position in
                    !soft.contains(position) && !(trigger + 1..<position).contains { s.tags[$0].contains(.negation) }
                }
                if let object = range.clamped(to: 0..<s.count).first(where: { Self.answerWords.contains(s.lower[$0]) && plain($0) }),
                    !s.isNegated(trigger) || tags.contains(.wait)
                {
                    return input.flag(.noReply, .error, Self.reply, in: s, trigger, object)
                }
                // "keen to know how I went", "hoping to find out whether I'm through".
                var after = s.phraseEnd[trigger]
                if after + 1 < s.count, s.lower[after] == "to", ["know", "find", "learn"].contains(s.lower[after + 1]) {
                    after += s.lower[after + 1] == "find" ? 3 : 2
                    if let hit = letMeKnowObject(s, after: after) { return input.flag(.noReply, .error, Self.status, in: s, trigger, hit) }
                }
                continue
            } else if lower == "would" || lower == "will", let help = ((trigger + 1)..<(trigger + 3)).clamped(to: 0..<s.count).first(where: { ["help", "helps"].contains(s.lower[$0]) }),
                let object = (0..<trigger).first(where: { isObject($0) })
            {
                // "a short note on where my application stands would really help me plan".
                return input.flag(.noReply, .error, Self.status, in: s, object, help)
            } else if lower == "would" || lower == "will", let help = ((trigger + 1)..<(trigger + 3)).clamped(to: 0..<s.count).first(where: { ["help", "helps"].contains(s.lower[$0]) }),
                let know = s.first(["know", "hear", "learn"], in: help..<(help + 6)), know > 0, s.lower[know - 1] == "to",
                let object = ((know + 1)..<(know + 6)).clamped(to: 0..<s.count).first(where: { isObject($0) })
            {
                // "It would help my planning to know the timeline".
                return input.flag(.noReply, .error, Self.status, in: s, trigger, object)
            } else if lower == "be", trigger > 0, ["would", "will", "'d"].contains(s.lower[trigger - 1]) || s.lower[trigger - 1].hasSuffix("'d"),
                let quality = ((trigger + 1)..<(trigger + 4)).clamped(to: 0..<s.count).first(where: { s.tags[$0].contains(.appreciate) || ["appreciated", "welcome", "welcomed"].contains(s.lower[$0]) }),
                ((trigger + 1)..<quality).allSatisfy({ ["much", "greatly", "very", "really", "most", "highly", "so", "truly", "sincerely", "deeply"].contains(s.lower[$0]) })
            {
                // "any news on the timeline would be great", "a quick reply would be appreciated".
                if let object = (0..<trigger).first(where: { isObject($0) }) {
                    return input.flag(.noReply, .error, Self.status, in: s, object, trigger + 1)
                }
                continue
            }
            guard let range = window else { continue }
            if let object = range.clamped(to: 0..<s.count).first(where: { isObject($0) }) {
                if isOffer(s, between: trigger, object) { continue }
                let message = s.tags[object].contains(.reply) && !s.tags[object].contains(.status) ? Self.reply : Self.status
                return input.flag(.noReply, .error, message, in: s, trigger, s.phraseEnd[object] - 1)
            }
        }
        // A question to them about the decision or an update: "Any news on the timeline?",
        // "When can I expect to hear back?", "Have you made a decision yet?".
        if s.isQuestion, let object = s.tags.indices.first(where: { isObject($0, allowSoft: true) || (s.tags[$0].contains(.hearFrom) && !s.isNegated($0) && s.has(.wait)) }),
            s.has([.you, .any, .wait]) || s.lower.contains("there") || s.lower.first == "when"
        {
            return input.flag(.noReply, .error, Self.status, in: s, 0, s.phraseEnd[object] - 1)
        }
        return nil
    }

    /// Positions inside "hear from you", "hear about next steps": hoping to hear is the recommended close.
    private func softPositions(_ s: Sentence) -> Set<Int> {
        var soft = Set<Int>()
        for position in s.positions(.hearFrom) { soft.formUnion(position..<s.phraseEnd[position]) }
        // "look forward to next steps" and "discussing next steps" are fine: they do not ask.
        for position in s.positions(.lookForward) { soft.formUnion(position..<s.phraseEnd[position]) }
        return soft
    }

    /// True when the sentence asks for something: please, could you, let me know, I would appreciate,
    /// hoping, waiting, a question.
    private func isRequesting(_ s: Sentence) -> Bool {
        s.has([.please, .informMe, .hope, .wait, .eager, .lookForward]) || s.isQuestion
            // "the question you asked about how I would decide" tells what they asked.
            || s.positions(.wouldLike).contains { !isOwnSubject(s, $0, allowFirstPerson: true) }
            || (0..<s.count).contains { isModalYou(s, $0) || isYouModal(s, $0) }
    }

    /// True when the word at `position` is asked for: please or a request before it in the sentence.
    private func isRequested(_ s: Sentence, _ position: Int) -> Bool {
        if position > 0, ["for", "i", "we", "can", "to"].contains(s.lower[position - 1]) && !(position > 1 && s.lower[position - 2] == "you") {
            if s.lower[position - 1] != "to" || !s.any([.please, .wouldLike, .modal], in: 0..<position) { return false }
        }
        if s.clauseStart(of: position) == position && position == 0 { return true }
        // "I'm happy to confirm that I am": the writer confirming, not asking.
        if let writer = (max(0, position - 4)..<position).last(where: { ["i", "we", "i'm", "i'd", "i'll", "we'd", "we're"].contains(s.lower[$0]) }),
            !s.any(.you, in: writer..<position)
        {
            return false
        }
        return s.any([.please, .wouldLike, .informMe], in: 0..<position)
            || (0..<position).contains { isModalYou(s, $0) || isYouModal(s, $0) }
            || (position > 0 && ["just", "simply", "kindly"].contains(s.lower[position - 1]))
    }

    /// "if you could", "grateful if you would", "that you can": a request put politely.
    private func isYouModal(_ s: Sentence, _ position: Int) -> Bool {
        guard s.tags[position].contains(.you), position > 0, position + 1 < s.count, s.tags[position + 1].contains(.modal) else { return false }
        return ["if", "that", "whether"].contains(s.lower[position - 1])
    }

    /// "by Friday", "before the 15th", "by 5 pm": a date the answer is wanted by.
    private func dateDeadline(_ s: Sentence) -> Int? {
        for position in 0..<s.count where ["by", "before", "until"].contains(s.lower[position]) {
            let next = ((position + 1)..<(position + 3)).clamped(to: 0..<s.count)
            if next.contains(where: { s.tags[$0].contains(.calendar) || s.lower[$0].first?.isNumber == true || ["end", "close", "eod", "cob"].contains(s.lower[$0]) }) {
                return position
            }
        }
        return nil
    }

    /// "could you", "can you", "would you", "will you", "are you able to".
    private func isModalYou(_ s: Sentence, _ position: Int) -> Bool {
        if position == 0, s.lower[0] == "mind", s.count > 1, s.lower[1].hasSuffix("ing") { return true }
        guard s.tags[position].contains(.modal), position + 1 < s.count,
            s.tags[position + 1].contains(.you) || ["someone", "anyone", "somebody", "anybody"].contains(s.lower[position + 1])
        else { return false }
        return !s.lower[position].hasPrefix("you")
    }

    /// "I'll keep you updated", "we will update you": the writer giving, not asking.
    private func isOwnUpdate(_ s: Sentence, _ position: Int) -> Bool {
        guard s.lower[position].hasPrefix("update") || s.lower[position] == "posted" else { return false }
        let before = max(0, position - 4)..<position
        let writer = s.first(["i", "we", "i'll", "we'll", "i'd", "we'd"], in: before) != nil
        return writer && s.any(.you, in: before) || (writer && position + 1 < s.count && s.tags[position + 1].contains(.you))
    }

    /// True when the trigger's subject is the writer or someone else ("I expect", "our team expects").
    private func isOwnSubject(_ s: Sentence, _ position: Int, allowFirstPerson: Bool = false) -> Bool {
        guard position > 0 else { return false }
        let previous = s.tags[position - 1]
        if previous.contains(.thirdParty) { return true }
        if previous.contains(.you) { return true }
        return !allowFirstPerson && previous.contains(.me) && !s.lower[position - 1].hasPrefix("me")
    }

    /// "I would appreciate an update", "I'd appreciate any feedback": appreciating in advance.
    private func isRequestingAppreciate(_ s: Sentence, _ position: Int) -> Bool {
        if position > 0, s.tags[position - 1].contains(.modal) || s.lower[position - 1].hasSuffix("'d") { return true }
        guard position + 1 < s.count else { return false }
        return ["any", "an", "a", "some", "it", "hearing"].contains(s.lower[position + 1])
    }

    /// "let me know if you have any questions", "…if I can provide anything else": an offer.
    private func isOffer(_ s: Sentence, after position: Int) -> Bool {
        let range = s.phraseEnd[position]..<(s.phraseEnd[position] + 8)
        // "…as I haven't seen anything from HR yet" offers nothing.
        guard let offer = range.clamped(to: 0..<s.count).first(where: { s.tags[$0].contains(.offer) && !s.isNegated($0, window: 3) }) else { return false }
        let status = range.clamped(to: 0..<s.count).first { Self.answerWords.contains(s.lower[$0]) }
        return status.map { $0 > offer } ?? true
    }

    private func isOffer(_ s: Sentence, between start: Int, _ end: Int) -> Bool {
        guard end > start + 1 else { return false }
        return s.any(.offer, in: (start + 1)..<end) && !["please"].contains(s.lower[start])
    }

    /// After "let me know": "when a decision is made", "whether I was successful", "where things stand",
    /// "if we can find time to speak".
    private func letMeKnowObject(_ s: Sentence, after start: Int) -> Int? {
        guard start < s.count else { return nil }
        let range = start..<(start + 12)
        if s.any(.status, in: range), let hit = s.first(.status, in: range), !s.isNegated(hit) { return s.phraseEnd[hit] - 1 }
        if let hit = s.first([.timeSlot, .callNoun, .meeting], in: start..<(start + 6)) { return hit }
        guard ["when", "whether", "if", "how", "what", "where", "which"].contains(s.lower[start]) else { return nil }
        if let hit = s.first([.timeSlot, .callNoun, .meeting, .talk, .candidacy], in: range) { return hit }
        // "whether I'm through", "if my references have been contacted", "which areas I should work on":
        // about the writer's chances.
        if let me = s.first(.me, in: (start + 1)..<(start + 4)), !s.any(.offer, in: start..<(start + 8)) { return me }
        if let hit = s.first(["successful", "selected", "progressing", "progress", "proceed", "proceeding", "moving", "shortlisted", "considered", "running", "chosen", "advance", "advancing", "next"], in: range) {
            return hit
        }
        return nil
    }

    /// A request to confirm that a message arrived, as (trigger, object) positions.
    private func receiptRequest(_ s: Sentence) -> (Int, Int)? {
        for position in s.positions(.confirm) where !s.isNegated(position) {
            let imperative = isRequested(s, position)
                || (s.lower[position].hasPrefix("confirmation") && s.has([.please, .wouldLike, .appreciate, .wait]))
            guard imperative else { continue }
            if let object = s.first(.receive, in: (position + 1)..<(position + 7)) { return (position, object) }
            if let object = s.first(["receipt", "arrival", "delivery"], in: (position + 1)..<(position + 4)) { return (position, object) }
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
