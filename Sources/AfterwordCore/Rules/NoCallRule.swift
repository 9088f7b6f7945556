/// AW-NOCALL — never a call.
///
/// Interviewers do not want (nor have time) to take calls from everyone they interviewed. A
/// sentence breaks the rule when the writer offers to call ("I'll give you a ring Thursday"), asks
/// to be called ("feel free to call me on 07700 900123"), or proposes time to talk or meet again
/// ("let me know if we can find time to speak", "happy to jump on a quick call", "could we set up
/// 15 minutes next week?"). Calls as a topic ("the on-call rotation", "thank you for the phone
/// interview") are fine. See docs/etiquette.md.
struct NoCallRule: SentenceRule {
    static let message = "offers or asks for a call or another meeting; interviewers have no time for calls, so keep it to writing"
    static let number = "invites a call; leave your phone number out of a thank-you"


    func check(_ reading: Reading, _ input: RuleInput) -> Flag? {
        let s = reading.sentence
        if let hit = offerToCall(s) ?? askToBeCalled(s) ?? proposal(s, input) {
            return input.flag(.noCall, .error, Self.message, in: s, hit.0, hit.1)
        }
        if let hit = phoneNumber(s, input) {
            return input.flag(.noCall, .error, Self.number, in: s, hit.0, hit.1)
        }
        return nil
    }

    /// True when the word at `position` means a call, not a topic ("on-call", "call centre").
    private func isCall(_ s: Sentence, _ position: Int, input: RuleInput) -> Bool {
        guard s.tags[position].contains(.callNoun) || s.tags[position].contains(.callVerb) else { return false }
        if input.tokens[s.words[position]].hyphenBefore, position > 0, s.lower[position - 1] == "on" { return false }
        let end = s.phraseEnd[position]
        if end < s.count, Words.callTopicNouns.contains(s.lower[end]) { return false }
        // "a call for papers".
        if end + 1 < s.count, s.lower[end] == "for", Words.calledFor.contains(s.lower[end + 1]) { return false }
        // "made a call on the role" is a decision.
        if end < s.count, s.lower[end] == "on", position > 1, Words.makingVerbs.contains(s.lower[position - 2]) { return false }
        // A call that happened ("our call", "the phone interview") is no proposal; "a quick call" is.
        // "hop on the phone" is a proposal, whatever the article.
        if position >= 3, Words.hoppingOn.contains(s.lower[position - 3]), s.lower[position - 2] == "on" { return true }
        var back = position - 1
        while back >= 0, back >= position - 3 {
            if Words.pastDeterminers.contains(s.lower[back]) { return false }
            if Words.proposalDeterminers.contains(s.lower[back]) { break }
            back -= 1
        }
        if end < s.count, s.tags[end].contains(.talk) || Words.talkNouns.contains(s.lower[end]) { return true }
        return Words.callWords.contains(s.lower[position]) || s.phraseEnd[position] > position + 1
    }

    /// "I'll call you", "I will give you a ring", "we could phone you on Friday".
    private func offerToCall(_ s: Sentence) -> (Int, Int)? {
        for position in s.positions(.callVerb) where !s.isNegated(position) {
            // "I plan to phone the office".
            if position + 2 < s.count, Words.phoningVerbs.contains(s.lower[position]), Words.theOrYour.contains(s.lower[position + 1]),
                Words.callPlaces.contains(s.lower[position + 2]), s.any(.me, in: max(0, position - 4)..<position)
            {
                return (position, position + 2)
            }
            guard Words.callingVerbs.contains(s.lower[position])
                || s.lower[position].hasPrefix("call") || s.lower[position].hasPrefix("ring")
            else { continue }
            guard position + 1 < s.count, s.tags[position + 1].contains(.you) else { continue }
            if s.lower[position + 1] != "you" {
                guard position + 2 < s.count, Words.yourLine.contains(s.lower[position + 2]) else { continue }
            }
            let before = max(0, position - 4)..<position
            if s.any(.me, in: before), !s.has(.thanks) || s.any(.modal, in: before) {
                return (before.first { s.tags[$0].contains(.me) } ?? position, position + 1)
            }
        }
        // "I'll try to reach you by phone", "I'll contact you on your mobile".
        for position in 0..<s.count {
            // Told apart by the first byte before any prefix is compared: this reads every word.
            let first = s.lower[position].utf8.first
            guard first == 0x72 && s.lower[position].hasPrefix("reach") || first == 0x63 && s.lower[position].hasPrefix("contact") else { continue }
            guard position + 1 < s.count, s.lower[position + 1] == "you", s.any(.me, in: max(0, position - 4)..<position) else { continue }
            if let phone = s.first(Words.byPhone, in: (position + 2)..<(position + 5)) { return (position, phone) }
        }
        // "gimme a ring".
        for position in 0..<s.count where s.lower[position] == "gimme" {
            if let call = s.first(Words.gimme, in: (position + 1)..<(position + 4)) { return (position, call) }
        }
        // "I'll give you a ring", "let me give you a quick call".
        for position in 0..<s.count where s.lower[position] == "give" || s.lower[position] == "giving" {
            guard position + 1 < s.count, s.tags[position + 1].contains(.you) || s.lower[position + 1] == "me" || s.lower[position + 1] == "us" else { continue }
            if let call = (position + 2..<position + 6).clamped(to: 0..<s.count).first(where: { Words.giveACall.contains(s.lower[$0]) }),
                !s.isNegated(position)
            {
                return (position, call)
            }
        }
        return nil
    }

    /// "call me", "feel free to ring me", "reach me on my mobile", "text me".
    private func askToBeCalled(_ s: Sentence) -> (Int, Int)? {
        for position in 0..<(max(0, s.count - 1)) where s.tags[position].contains(.callVerb) && Words.callMe.contains(s.lower[position]) {
            let next = s.lower[position + 1]
            guard next == "me" || next == "us" else { continue }
            if s.isNegated(position, window: 3) { continue }
            if s.lower[position] == "reach" || s.lower[position] == "contact" {
                // "reach me at 07700…", "contact me on my mobile": only with a phone.
                let after = (position + 2)..<(position + 6)
                guard after.clamped(to: 0..<s.count).contains(where: { Words.phoneWords.contains(s.lower[$0]) || isDigits(s, $0) }) else { continue }
            }
            return (position, position + 1)
        }
        // "I am available on the number below", "on my mobile any time".
        if s.has([.available]) || s.first(Words.reaching, in: 0..<s.count) != nil {
            for position in 0..<s.count where Words.numberWords.contains(s.lower[position]) {
                let around = max(0, position - 2)..<(position + 2)
                if s.first(Words.pointedNumber, in: around) != nil { return (max(0, position - 2), position) }
            }
        }
        return nil
    }

    /// A run of three or more digits: part of a phone number.
    private func isDigits(_ s: Sentence, _ position: Int) -> Bool {
        s.lower[position].allSatisfy(\.isNumber) && s.lower[position].count >= 3
    }

    /// "could we set up a call", "let me know if we can find time to speak", "happy to jump on a call",
    /// "I'd love to grab a coffee and chat more", "are you free for a quick chat next week?".
    private func proposal(_ s: Sentence, _ input: RuleInput) -> (Int, Int)? {
        guard s.has([.callNoun, .talk, .meeting, .timeSlot]) else { return nil }
        guard let trigger = firstProposal(s) else { return nil }
        // Drinks, coffee or lunch offered anywhere in the sentence ("Drinks after work sometime would be lovely").
        let companyWords = Set(input.companyWords.map { $0.lowercased() })
        if let social = (0..<s.count).first(where: {
            Words.refreshments.contains(s.lower[$0]) && !s.isNegated($0, window: 3)
                && !companyWords.contains(s.lower[$0]) && ($0 == 0 || Words.beforeRefreshment.contains(s.lower[$0 - 1]))
        }),
            s.first(Words.thanking, in: max(0, social - 3)..<social) == nil
        {
            return (min(trigger, social), max(trigger, social))
        }
        for position in 0..<s.count where position > trigger {
            let tags = s.tags[position]
            let word = s.lower[position]
            if s.isNegated(position, window: 3) { continue }
            // A call ("a quick call", "hop on a call").
            if isCall(s, position, input: input) || (Words.chatting.contains(word) && position > 0 && Words.proposalDeterminers.contains(s.lower[position - 1])) {
                let end = s.phraseEnd[position]
                if word == "video" || word == "teams", end < s.count, !Words.callOrChat.contains(s.lower[end]) { continue }
                return (trigger, end - 1)
            }
            // Time to talk ("find time to speak", "15 minutes to chat", "a slot next week").
            if tags.contains(.timeSlot) {
                let rest = (position + 1)..<(position + 5)
                if s.any([.talk, .meeting, .callNoun], in: rest) || s.first(Words.comingDays, in: rest) != nil && s.any(.arrange, in: max(0, position - 4)..<position) {
                    return (trigger, (rest.clamped(to: 0..<s.count).first { s.tags[$0].contains([.talk]) || s.tags[$0].contains(.meeting) } ?? position))
                }
            }
            // Meeting or talking again ("meet again", "chat more", "grab a coffee").
            if tags.contains(.meeting) || tags.contains(.talk) {
                let end = s.phraseEnd[position]
                let wantsMore = (end..<(end + 3)).clamped(to: 0..<s.count).contains { Words.more.contains(s.lower[$0]) }
                    || (end + 1 < s.count && Words.byMeans.contains(s.lower[end]) && s.tags[end + 1].contains(.callNoun))
                    || (end + 2 < s.count && Words.overOn.contains(s.lower[end]) && s.tags[end + 2].contains(.callNoun))
                let social = Words.social.contains(word)
                let another = position > 0 && Words.another.contains(s.lower[position - 1])
                let continuation = s.phraseEnd[position] > position + 1 && ["continue"].contains(word)
                if wantsMore || social || continuation || another {
                    return (trigger, end - 1)
                }
            }
        }
        return nil
    }

    /// The first place the writer proposes something: "could we", "let's", "let me know if we can", "happy to",
    /// "I'd love to", "are you free", "I'm available", "feel free to", a question to them.
    private func firstProposal(_ s: Sentence) -> Int? {
        var found: [Int] = []
        for position in 0..<s.count where found.isEmpty {
            let word = s.lower[position]
            let tags = s.tags[position]
            let next = position + 1 < s.count ? s.lower[position + 1] : ""
            if tags.contains(.modal), !s.isNegated(position, window: 1),
                !s.any([.enjoy, .thanks], in: max(0, position - 4)..<position)
            {
                found.append(position)
            }
            else if (word == "how" || word == "what") && next == "about" { found.append(position) }
            else if word == "let's" || word == "lets" || (word == "let" && next == "us") { found.append(position) }
            else if tags.contains(.informMe), s.phraseEnd[position] < s.count, Words.afterLetMeKnow.contains(s.lower[s.phraseEnd[position]]) { found.append(position) }
            else if Words.willing.contains(word), next == "to" { found.append(position) }
            else if tags.contains(.wouldLike), !tags.contains(.question), !Words.askingWords.contains(word) { found.append(position) }
            else if tags.contains(.available), position > 0, Words.beingAvailable.contains(s.lower[position - 1]) { found.append(position) }
            else if word == "feel", next == "free" { found.append(position) }
            else if tags.contains(.please) { found.append(position) }
            else if tags.contains(.hope), s.any(.me, in: max(0, position - 2)..<position), s.first(Words.weOrTo, in: (position + 1)..<(position + 2)) != nil { found.append(position) }
            else if s.isQuestion, tags.contains(.modal), position + 1 < s.count, s.tags[position + 1].contains(.you) { found.append(position) }
            else if s.isQuestion, Words.questionOpeningProposal.contains(word), position == 0 { found.append(position) }
            else if word == "open" && next == "to" { found.append(position) }
            else if word == "if", position + 1 < s.count, s.tags[position + 1].contains(.you) { found.append(position) }
        }
        return found.first
    }

    /// A phone number offered in the letter ("you can reach me on 07700 900123").
    private func phoneNumber(_ s: Sentence, _ input: RuleInput) -> (Int, Int)? {
        var run = 0
        var start = 0
        for position in 0..<s.count {
            let word = s.lower[position]
            var digits = 0
            for byte in word.utf8 where byte >= 0x30 && byte <= 0x39 { digits += 1 }
            if digits > 0, digits == word.utf8.count || (digits >= 3 && digits * 2 >= word.utf8.count) {
                if run == 0 { start = position }
                run += digits
                if run >= 7 {
                    let invites = s.has([.callVerb, .callNoun, .available])
                        || s.lower.contains { word in Words.numberInvites.contains(prefixOf: word) }
                    return invites ? (start, position) : nil
                }
            } else {
                run = 0
            }
        }
        return nil
    }
}
