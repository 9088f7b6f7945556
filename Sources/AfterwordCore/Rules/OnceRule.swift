/// AW-ONCE (the wording part) — one thank-you; never a follow-up to check it arrived.
///
/// A second message to make sure the first arrived, or to ask where things stand, makes the
/// candidate an annoyance. The ledger enforces the sending part; this rule flags what a follow-up
/// does, whatever its words: following up, checking in, nudging, resending, asking whether an
/// earlier message arrived, complaining of no answer, and asking where the decision, the process or
/// the timeline stands ("do you have a sense of when you will decide?"). A plan to contact someone
/// else about something they asked for is not a follow-up. See docs/etiquette.md.
struct OnceRule: SentenceRule {
    static let followUp = "reads as a follow-up; send one thank-you and leave it at that (following up makes you an annoyance)"
    static let receipt = "checks whether an earlier message arrived; trust that it did and do not follow up"
    static let status = "asks where things stand, which is a status check; they will tell you when there is news, so leave it out"

    func check(_ reading: Reading, _ input: RuleInput) -> Flag? {
        let s = reading.sentence
        if let hit = followUpWords(s, input) { return input.flag(.once, .error, Self.followUp, in: s, hit.0, hit.1) }
        if let hit = ReceiptCheck.find(s) {
            // "As per my previous mail" points back at an earlier message without asking whether it arrived.
            let pointsBack = (hit.0...max(hit.0, hit.1)).contains { $0 < s.count && (s.tags[$0].contains(.previous) || s.lower[$0] == "further") }
            return input.flag(.once, .error, pointsBack ? Self.followUp : Self.receipt, in: s, hit.0, hit.1)
        }
        if let hit = Silence.find(s) ?? statusCheck(s) { return input.flag(.once, .error, Self.followUp, in: s, hit.0, hit.1) }
        if let request = reading.request, request.asksWhereThingsStand {
            return input.flag(.once, .error, Self.status, in: s, request.from, request.to)
        }
        return nil
    }

    /// Following up, checking in, nudging or resending: the (start, end) word positions.
    private func followUpWords(_ s: Sentence, _ input: RuleInput) -> (Int, Int)? {
        for position in 0..<s.count {
            let tags = s.tags[position]
            if tags.contains(.followUp) || tags.contains(.checkIn) {
                if isWritersFollowUp(s, position, input) {
                    let start = position > 0 && s.lower[position - 1] == "just" ? position - 1 : position
                    return (start, s.phraseEnd[position] - 1)
                }
            } else if tags.contains(.nudge), let end = nudge(s, position) {
                return (position, end)
            } else if tags.contains(.resend), !s.isNegated(position), !isNamingAThing(s, position, input) {
                return (position, s.phraseEnd[position] - 1)
            }
        }
        return nil
    }

    /// "the resend logic": before a plain noun the lexicons do not know, the word names a thing.
    private func isNamingAThing(_ s: Sentence, _ position: Int, _ input: RuleInput) -> Bool {
        let end = s.phraseEnd[position]
        return end < s.count && s.tags[end].isSubset(of: .technology) && !input.tokens[s.words[end]].isCapitalized
    }

    /// True when the follow-up or check-in at `position` is the writer's own, about this application.
    private func isWritersFollowUp(_ s: Sentence, _ position: Int, _ input: RuleInput) -> Bool {
        !isDescription(s, position, input) && !isSomeoneElses(s, position) && !isNegatedFollowUp(s, position) && !isDelivery(s, position)
    }

    /// "a follow-up question", "the check-in flow", "checking in at the desk": a thing described,
    /// not a follow-up — but "I'm sending this follow-up email" is one.
    private func isDescription(_ s: Sentence, _ position: Int, _ input: RuleInput) -> Bool {
        let end = s.phraseEnd[position]
        let next = end < s.count ? s.lower[end] : ""
        let writerBefore = s.any(.me, in: s.clauseStart(of: position)..<position) || s.lower.prefix(position).contains { Words.writerContracted.contains($0) }
        if Words.describedNouns.contains(next), !(writerBefore && Words.messageNouns.contains(next)) { return true }
        // "I received the follow-up email from HR": a message someone else sent (but "you got my follow-up" is mine).
        if position > 1, Words.othersMessage.contains(s.lower[position - 1]),
            s.any(.receive, in: min(max(s.clauseStart(of: position), position - 4), position - 1)..<(position - 1))
        {
            return true
        }
        let hyphenated = end - 1 > position && input.tokens[s.words[end - 1]].hyphenBefore
        // "the weekly check-in", "the Monday check-in".
        if hyphenated, position > 0, Words.nounMarkers.contains(s.lower[position - 1]) || s.tags[position - 1].contains(.calendar), !Words.aboutWords.contains(next) {
            return true
        }
        // "the mobile check-in rollout": before a plain noun (one the lexicons do not know, or a
        // concrete thing such as a rollout or a dashboard), a hyphenated check-in or follow-up names a thing.
        if hyphenated, end < s.count, s.tags[end].isSubset(of: .technology), !input.tokens[s.words[end]].isCapitalized,
            !Words.clauseGlue.contains(s.lower[end])
        {
            return true
        }
        // Checking in at a desk; following up with customers as a team's practice; "the way I check
        // in with my accounts": the writer's own clients.
        let with = end + 1 < s.count && Words.peopleDeterminers.contains(s.lower[end + 1]) ? end + 2 : end + 1
        return next == "at" || (next == "with" && with < s.count && Words.describedPeople.contains(s.lower[with]))
    }

    /// "how the team follows up", "you followed up", "thanks for checking in with me": someone else's.
    private func isSomeoneElses(_ s: Sentence, _ position: Int) -> Bool {
        if position > 0, s.tags[position - 1].contains(.thirdParty) || Words.groups.contains(s.lower[position - 1]) { return true }
        // "where pupils check in with an adult": a plain noun as the subject is someone else.
        if position > 0, !s.clauseStart[position], s.lower[position - 1].hasSuffix("s"), !Words.beforeOwnFollowUp.contains(s.lower[position - 1]),
            s.tags[position - 1].isSubset(of: .technology)
        {
            return true
        }
        let clause = s.clauseStart(of: position)..<position
        // "Your question about how I would follow up on a failed deploy": what was asked in the interview.
        if let how = s.first(Words.describing, in: max(0, position - 4)..<position), s.first(Words.questionNouns, in: 0..<how) != nil || s.first(Words.pastAsking, in: 0..<how) != nil {
            return true
        }
        // "I liked how your officers … follow up on repairs": the writer tells of someone else's practice.
        if let me = clause.last(where: { s.tags[$0].contains(.me) }),
            let how = ((me + 1)..<position).first(where: { Words.describing.contains(s.lower[$0]) }),
            ((how + 1)..<position).contains(where: { s.tags[$0].contains(.you) || s.tags[$0].contains(.thirdParty) })
        {
            return true
        }
        if !s.any(.me, in: clause), clause.contains(where: { s.tags[$0].contains(.you) || s.tags[$0].contains(.thirdParty) || Words.groups.contains(s.lower[$0]) }) {
            return true
        }
        guard position > 0 else { return false }
        let previous = s.tags[position - 1]
        if previous.contains(.you) || previous.contains(.thirdParty) && !s.lower[position - 1].hasPrefix("i") { return true }
        if s.lower[position - 1] == "for", s.any(.thanks, in: 0..<position) { return true }
        return Words.theirs.contains(s.lower[position - 1])
    }

    /// "I won't follow up", "no need to check in" ("don't mind checking in" still checks in).
    private func isNegatedFollowUp(_ s: Sentence, _ position: Int) -> Bool {
        guard position > 0 else { return false }
        return s.tags[position - 1].contains(.negation)
            || (position > 1 && s.tags[position - 2].contains(.negation) && s.lower[position - 2] != "don't" && s.lower[position - 1] != "mind")
    }

    /// A plan to send someone what they asked for ("I'll follow up with the recruiter about my references").
    private func isDelivery(_ s: Sentence, _ position: Int) -> Bool {
        let end = s.phraseEnd[position]
        let rest = end..<(end + 14)
        let withOther = end < s.count && s.lower[end] == "with" && end + 1 < s.count && !s.tags[end + 1].contains(.you)
        let askedFor = s.first(Words.askedFor, in: rest) != nil
        let deliverable = rest.clamped(to: 0..<s.count).contains { Words.deliverables.contains(s.lower[$0]) }
        let onOrWith = end < s.count && (s.lower[end] == "on" || s.lower[end] == "with")
        return deliverable && (withOther || askedFor || onOrWith) && !s.has(.status) || withOther && askedFor
    }

    /// "bumping this", "a gentle reminder", "pinging you again", "chasing up": the end position.
    private func nudge(_ s: Sentence, _ position: Int) -> Int? {
        let word = s.lower[position]
        let next = position + 1 < s.count ? s.lower[position + 1] : ""
        let previous = position > 0 ? s.lower[position - 1] : ""
        if s.isNegated(position, window: 2) { return nil }
        if Words.nudgeAlone.contains(word) { return s.phraseEnd[position] - 1 }
        if word.hasPrefix("bump") { return Words.bumped.contains(next) ? position + 1 : nil }
        if word.hasPrefix("remind") {
            guard Words.reminderKinds.contains(previous) || next == "you" || next == "that" else { return nil }
            return next == "you" ? position + 1 : position
        }
        if word.hasPrefix("ping") || word.hasPrefix("nudg") || word.hasPrefix("poke") || word.hasPrefix("prod") {
            guard Words.pinged.contains(next) || Words.pingKinds.contains(previous) else { return nil }
            return position + (next.isEmpty ? 0 : 1)
        }
        if word.hasPrefix("chas") { return Words.chased.contains(next) ? position + 1 : nil }
        return nil
    }

    /// "any updates?", "checking on the status of my application", "wondering about the status".
    private func statusCheck(_ s: Sentence) -> (Int, Int)? {
        for position in s.positions(.any) where s.lower[position] == "any" && position + 1 < s.count {
            if Words.updateNouns.contains(s.lower[position + 1]), s.isQuestion || s.count <= 6 { return (position, position + 1) }
        }
        for position in 0..<s.count where s.lower[position] == "status" {
            let before = max(0, position - 6)..<position
            let after = (position + 1)..<(position + 5)
            let asking = s.first(Words.statusAsking, in: before) != nil || s.isQuestion
            let mine = s.any(.candidacy, in: after) || s.first(Words.ours, in: after) != nil
            if asking && mine && !s.isNegated(position) {
                return (before.first { s.tags[$0].contains(.wouldLike) || Words.statusAsking.contains(s.lower[$0]) } ?? position, position)
            }
        }
        return nil
    }
}
