/// What a sentence asks the reader to send back, read from its meaning: how it asks (a request, a
/// question to them, a wish to know, or looking forward to it) and what it asks for (a reply, word
/// that a message arrived, where things stand, a decision, feedback).
///
/// AW-NOREPLY flags every request; AW-ONCE flags those that ask where things stand, whatever their
/// words ("do you have a sense of when you will decide?" checks the status as much as "any update?").
struct Request: Sendable, Equatable {
    /// What the reader is asked to send.
    enum Object: Sendable, Equatable {
        /// An answer of any kind ("please reply", "I look forward to your response").
        case reply
        /// Word that a message arrived ("please confirm you received this").
        case receipt
        /// Where the application or the search stands: an update, the timeline, next steps.
        case status
        /// The decision or its timing.
        case decision
        /// How the writer did in the interview.
        case feedback
    }

    /// How the sentence asks.
    enum Form: Sendable, Equatable {
        /// Asks outright: please, could you, let me know, a question to them, I'd like to know.
        case asked
        /// Looks forward to or hopes for the answer ("I look forward to your reply").
        case anticipated
    }

    var object: Object
    var form: Form
    /// Word positions in the sentence: where the request starts and where what it asks for ends.
    var from: Int
    var to: Int
    /// What is asked about is the progress or the timing of the search ("an update", "when you will
    /// decide", "whether the role has been filled"), not only its outcome ("let me know the outcome").
    var aboutProgress = false

    /// True when the sentence asks where the decision, the process or the timeline stands: a status check.
    var asksWhereThingsStand: Bool { form == .asked && aboutProgress && object != .receipt && object != .feedback }
}

extension Request {
    /// The request `s` makes of the reader, if it makes one.
    static func reading(_ s: Sentence) -> Request? {
        guard s.count > 0 else { return nil }
        let reader = RequestReader(s)
        guard var request = reader.request() ?? reader.statusQuestion() ?? reader.feedbackQuestion() ?? reader.directQuestion() else { return nil }
        // A question asks outright, whatever word it hangs on ("When can I expect to hear back?").
        if s.endsWithQuestion { request.form = .asked }
        // What was asked for, in the user's terms, when the words show it.
        if request.object != .receipt {
            let asked = (request.from..<(max(request.from, min(request.to, s.count - 1)) + 1)).clamped(to: 0..<s.count)
            if asked.contains(where: { Words.feedback.contains(s.lower[$0]) }) {
                request.object = .feedback
            } else if asked.contains(where: { Words.decision.contains(s.lower[$0]) }) {
                request.object = .decision
            }
            // What the request is about reaches past what it names to the end of its clause
            // ("revert on the status", "whether the shortlist for the second round has been finalised").
            let last = min(max(request.from, request.to), s.count - 1)
            let clauseEnd = ((last + 1)..<max(last + 1, min(s.count, last + 13))).first { s.clauseStart[$0] } ?? min(s.count, last + 13)
            let about = (request.from..<clauseEnd).clamped(to: 0..<s.count)
            // "…so I know this reached you" is about a message arriving, not about the search.
            let progress = about.contains { Words.progress.contains(s.lower[$0]) && !(s.tags[$0].contains(.receive) && s.any(.message, in: max(0, $0 - 2)..<$0)) }
            let timing = about.contains { asksWhen(s, $0) }
            request.aboutProgress = !reader.proposesMeeting && (request.aboutProgress || progress || timing || s.lower.contains("yet"))
        }
        return request
    }
}

extension Request {
    /// True when the "when" at `position` asks about the timing of the decision ("when you expect to
    /// decide", "when I might hear", "when will you decide?"), not for word once it is made ("let me
    /// know when you decide").
    static func asksWhen(_ s: Sentence, _ position: Int) -> Bool {
        guard s.lower[position] == "when", s.first(Words.decidingVerbs, in: (position + 1)..<(position + 8)) != nil else { return false }
        if position == 0 && s.endsWithQuestion { return true }
        let clauseEnd = ((position + 1)..<max(position + 1, min(s.count, position + 8))).first { s.clauseStart[$0] } ?? min(s.count, position + 8)
        return ((position + 1)..<clauseEnd).contains {
            Words.futureMarkers.contains(s.lower[$0]) || Words.timingVerbs.contains(s.lower[$0]) || s.lower[$0].hasSuffix("'ll")
        }
    }
}

/// Reads one sentence for a request. Each step looks for one way of asking; the first that finds
/// one wins, in the order a careful reader would weigh them.
struct RequestReader {
    let s: Sentence
    /// Positions inside "hear from you", "look forward to next steps": hoping to hear is the recommended close.
    let soft: Set<Int>

    init(_ s: Sentence) {
        self.s = s
        var soft = Set<Int>()
        for position in s.positions([.hearFrom, .lookForward]) { soft.formUnion(position..<s.phraseEnd[position]) }
        self.soft = soft
    }

    /// A request found at word positions `from` through `to`.
    private func found(_ object: Request.Object, _ from: Int, _ to: Int, _ form: Request.Form = .asked) -> Request {
        Request(object: object, form: form, from: from, to: to)
    }

    func request() -> Request? {
        guard s.has([.reply, .status, .receive, .confirm, .informMe, .hearFrom, .wouldLike, .appreciate, .eager, .hope, .wait, .please])
        else { return nil }
        return receiptOrConfirmation() ?? openStatus() ?? embeddedQuestion() ?? deadline()
            ?? (0..<s.count).lazy.compactMap(atTrigger).first ?? questionAboutStatus()
    }

    // MARK: - What may be asked for

    /// True when the word at `position` is something theirs to send: a reply, an update, a decision.
    func isObject(_ position: Int, allowSoft: Bool = false) -> Bool {
        guard s.tags[position].contains(.reply) || s.tags[position].contains(.status) else { return false }
        if !allowSoft, soft.contains(position) { return false }
        if Words.doneReplying.contains(s.lower[position]) { return false }
        // "reply-all etiquette" names a thing.
        if position + 1 < s.count, s.lower[position + 1] == "all" { return false }
        // "happy to answer any questions" offers an answer.
        if s.lower[position] == "answer", s.first(Words.questionNouns, in: (position + 1)..<(position + 4)) != nil { return false }
        return !s.isNegated(position) && !isOwnUpdate(position)
    }

    /// The kind of answer a word asks for: a reply, or (for an update, a decision, the timeline) the status.
    private func object(at position: Int) -> Request.Object {
        s.tags[position].contains(.reply) && !s.tags[position].contains(.status) ? .reply : .status
    }

    // MARK: - Steps, in order

    /// "please confirm receipt", "let me know you got this", "reply at your convenience", "did you get my e-mail?".
    private func receiptOrConfirmation() -> Request? {
        if let hit = receiptRequest() { return found(.receipt, hit.0, hit.1) }
        // Asking them to confirm anything is asking for a reply ("Would you be so kind as to confirm the date?").
        if let position = s.positions(.confirm).first(where: { !s.isNegated($0) && isRequested($0) }) {
            return found(.reply, position, s.phraseEnd[position] - 1)
        }
        // "Reply at your convenience", "Revert with your feedback": a reply asked for outright.
        for position in s.positions(.reply) where s.clauseStart(of: position) == position || (position > 0 && s.tags[position - 1].contains(.please)) {
            guard Words.replyVerbs.contains(s.lower[position]), !s.isNegated(position) else { continue }
            return found(.reply, position, s.phraseEnd[position] - 1)
        }
        // "Did you get my last email?", "just wanted to check whether my note got through".
        if s.isQuestion, let hit = ReceiptCheck.find(s) { return found(.receipt, hit.0, hit.1) }
        return nil
    }

    /// "any news", "any update on my application", "any movement on your end": asking, unless offered or conditional.
    private func openStatus() -> Request? {
        for position in 0..<s.count where s.lower[position] == "any" && position + 1 < s.count {
            let object = Words.answers.contains(s.lower[position + 1]) || s.tags[position + 1].contains(.status) && !soft.contains(position + 1)
            let conditional = s.first(Words.conditionalGiving, in: max(0, position - 4)..<position) != nil
            if object, !conditional, !s.isNegated(position), !s.lower[position + 1].hasSuffix("ed") {
                return found(.status, position, s.phraseEnd[position + 1] - 1)
            }
        }
        return nil
    }

    /// "to see whether you have reached a decision", "hoping to hear what you thought". Following up
    /// or touching base "about where things stand" asks for the status as well.
    private func embeddedQuestion() -> Request? {
        let following = s.has([.followUp, .checkIn])
        guard isRequesting || following else { return nil }
        for position in 0..<s.count
        where Words.embeddedQuestion.contains(s.lower[position]) || (following && s.lower[position] == "where") || isHoping(toHear: position)
        {
            if let object = (position..<(position + 8)).clamped(to: 0..<s.count).first(where: { isObject($0) }), !isOffer(after: position) {
                // "hoping to hear good news" hopes; "I'd love to hear how it is going" asks.
                let hopes = s.lower[position] == "hear" && !s.has([.please, .wouldLike, .informMe]) && !s.isQuestion
                return found(.status, position, s.phraseEnd[object] - 1, hopes ? .anticipated : .asked)
            }
        }
        return nil
    }

    /// "to hear" followed by what is to be heard, not by a report ("it was good to hear that you…").
    private func isHoping(toHear position: Int) -> Bool {
        s.lower[position] == "hear" && position > 0 && s.lower[position - 1] == "to" && !(position + 1 < s.count && s.lower[position + 1] == "that")
    }

    /// A deadline on hearing back: "hoping to hear back within the next week", "…before the 15th".
    private func deadline() -> Request? {
        guard isRequesting, let deadline = s.positions(.deadline).first(where: { !s.isNegated($0) }) ?? dateDeadline(),
            let object = s.tags.indices.first(where: { isObject($0, allowSoft: true) || (s.tags[$0].contains(.hearFrom) && !s.isNegated($0)) })
        else { return nil }
        // "Kindly intimate me on the status … at your earliest convenience" asks; "I hope to hear back by Friday" hopes.
        let asks = s.has([.please, .informMe, .wouldLike]) || (0..<s.count).contains { isModalYou($0) || isYouModal($0) }
        return found(.reply, min(object, deadline), max(object, s.phraseEnd[deadline] - 1), asks ? .asked : .anticipated)
    }

    /// A question to them about the decision or an update: "Any news on the timeline?", "When can I
    /// expect to hear back?", "Have you made a decision yet?".
    private func questionAboutStatus() -> Request? {
        guard s.isQuestion,
            let object = s.tags.indices.first(where: { isObject($0, allowSoft: true) || (s.tags[$0].contains(.hearFrom) && !s.isNegated($0) && s.has(.wait)) }),
            s.has([.you, .any, .wait]) || s.lower.contains("there") || s.lower.first == "when"
        else { return nil }
        return found(.status, 0, s.phraseEnd[object] - 1)
    }

    /// A question about where the search stands in words that name no update: "Is the position
    /// still open?", "Where are you in the hiring process?", "I wonder how things are moving along",
    /// "Any idea when I might hear?".
    func statusQuestion() -> Request? {
        guard let ask = askingPosition(), let state = processState(after: ask) else { return nil }
        var request = found(.status, min(ask, state), max(ask, state))
        request.aboutProgress = true
        return request
    }

    /// "What did the panel think of my take-home?", "How did I do?": a question about how the writer did.
    func feedbackQuestion() -> Request? {
        guard s.endsWithQuestion, let asked = s.first(Words.feedback, in: 0..<s.count), s.any(.me, in: 0..<s.count) else { return nil }
        return found(.feedback, 0, asked)
    }

    /// "Could we hop on a call?", "Would you have fifteen minutes next week?": a question that proposes
    /// a meeting (AW-NOCALL's business), not one about the search.
    var proposesMeeting: Bool {
        s.has([.callNoun, .callVerb, .meeting, .talk]) && s.first(Words.proposing, in: 0..<s.count) != nil
    }

    /// Any other question put to the reader ("Is the role fully remote?"): a question asks for an answer.
    func directQuestion() -> Request? {
        // "Could we hop on a call?" proposes a meeting: AW-NOCALL's business.
        // "Who knew runbooks could be so interesting?" muses; a question to them names them or the role.
        let opening = (0..<s.count).last { s.clauseStart[$0] } ?? 0
        let addressed = s.has(.you) || [0, opening].contains { s.tags[$0].contains(.modal) || Words.auxiliaries.contains(s.lower[$0]) }
        // "You asked me why…?" reports; "One thing I forgot to ask: would the role…?" asks.
        let lastClause = (0..<s.count).last { s.clauseStart[$0] } ?? 0
        guard s.endsWithQuestion, addressed, !proposesMeeting,
            s.first(Words.reportedAsking, in: lastClause..<s.count) == nil
        else { return nil }
        return found(.reply, 0, s.count - 1)
    }

    /// Where the sentence starts asking the reader: a question to them, or a wish to know that opens
    /// an embedded question ("I wonder whether…", "could you tell me how…", "any idea when…").
    private func askingPosition() -> Int? {
        if s.isQuestion, !s.has(.offer) { return 0 }
        guard s.has([.askToKnow, .wouldLike, .modal]) else { return nil }
        for position in 0..<s.count where !s.tags[position].isDisjoint(with: [.askToKnow, .wouldLike]) || isModalYou(position) {
            if position > 0, Words.pastTelling.contains(s.lower[position - 1]) || Words.pastAsking.contains(s.lower[position]) { continue }
            // "Thank you for taking the time to share what the role involves" thanks; it does not ask.
            if s.any(.thanks, in: 0..<position) { continue }
            let question = (position + 1)..<(position + 6)
            if let opens = s.first(Words.questionOpeners, in: question), !isOffer(after: opens), !s.isNegated(position) {
                return position
            }
        }
        return nil
    }

    /// The word after `start` that names the state of the search: a state ("filled", "still open",
    /// "decided", "moving along") of the hiring process, the role or the candidates, or of "things";
    /// or hearing from them at a time ("when I might hear").
    private func processState(after start: Int) -> Int? {
        let rest = start..<s.count
        let process = rest.contains { s.tags[$0].contains(.candidacy) || Words.searchThings.contains(s.lower[$0]) }
        if process, let state = rest.first(where: { Words.processStates.contains(s.lower[$0]) && !s.isNegated($0) }) { return state }
        if let when = s.first(["when"], in: rest), let decides = s.first(Words.decidingVerbs, in: (when + 1)..<(when + 8)) {
            return decides
        }
        if let state = rest.first(where: { isObject($0) && !soft.contains($0) }), s.any(.you, in: rest) || process { return state }
        return nil
    }

    // MARK: - A word that asks

    /// What one step of reading from a trigger word found: a request, a span to look for what is
    /// asked for, or nothing.
    private enum Step {
        case found(Request)
        case window(Range<Int>)
        case nothing
    }

    /// The request the word at `trigger` makes (please, could you, let me know, awaiting, I'd like…).
    private func atTrigger(_ trigger: Int) -> Request? {
        let step = politeRequest(trigger) ?? askingToBeTold(trigger) ?? waiting(trigger) ?? wanting(trigger)
            ?? anticipating(trigger) ?? wouldHelp(trigger) ?? wouldBeWelcome(trigger) ?? .nothing
        switch step {
        case .found(let request): return request
        case .nothing: return nil
        case .window(let range):
            guard let object = range.clamped(to: 0..<s.count).first(where: { isObject($0) }), !isOffer(between: trigger, object),
                !(s.tags[object].contains(.reply) && isOffer(after: object))
            else { return nil }
            return found(self.object(at: object), trigger, s.phraseEnd[object] - 1)
        }
    }

    /// "please…", "could you…", "if you could…".
    private func politeRequest(_ trigger: Int) -> Step? {
        guard s.tags[trigger].contains(.please) || isModalYou(trigger) || isYouModal(trigger) else { return nil }
        return .window((trigger + 1)..<(trigger + 14))
    }

    /// "let me know when…", "keep me posted", "get back to me".
    private func askingToBeTold(_ trigger: Int) -> Step? {
        guard s.tags[trigger].contains(.informMe), !s.isNegated(trigger) else { return nil }
        let word = s.lower[trigger]
        let end = s.phraseEnd[trigger]
        // "keep me posted" and "get back to me" ask on their own.
        if Words.askingOnItsOwn.contains(word), !isOffer(after: trigger), !isOwnSubject(trigger) {
            return .found(found(word == "keep" || word == "update" ? .status : .reply, trigger, end - 1))
        }
        if !isOffer(after: trigger), let hit = toldObject(after: end) {
            let aboutMeeting = !s.tags[hit].isDisjoint(with: [.timeSlot, .callNoun, .meeting, .talk])
            return .found(found(aboutMeeting ? .reply : .status, trigger, hit))
        }
        // A bare "let me know" / "pls lmk" with nothing offered asks for an answer ("Please let me
        // know, as I look after my mother on Sundays").
        let bare = end >= s.count || (s.clauseStart[end] && Words.because.contains(s.lower[end]))
        if bare, !s.has(.offer), !s.lower.contains("if"), !s.lower.contains("should") {
            return .found(found(.reply, trigger, end - 1))
        }
        return .window(end..<(end + 10))
    }

    /// "awaiting your reply", "I expect to hear from you".
    private func waiting(_ trigger: Int) -> Step? {
        guard s.tags[trigger].contains(.wait), !s.isNegated(trigger), !isOwnSubject(trigger, allowFirstPerson: true) else { return nil }
        let window = s.phraseEnd[trigger]..<(s.phraseEnd[trigger] + 6)
        if let heard = s.first(.hearFrom, in: window) { return .found(found(.reply, trigger, s.phraseEnd[heard] - 1, .anticipated)) }
        return .window(window)
    }

    /// "I'd like to know the timeline", "I would appreciate knowing where things stand".
    private func wanting(_ trigger: Int) -> Step? {
        let wants = s.tags[trigger].contains(.wouldLike) || (s.lower[trigger] == "appreciate" && isRequestingAppreciate(trigger))
        guard wants, !isOwnSubject(trigger, allowFirstPerson: true), !Words.pastAsking.contains(s.lower[trigger]) else { return nil }
        var after = s.phraseEnd[trigger]
        var knowing = after < s.count && Words.knowingForms.contains(s.lower[after])
        if after < s.count, s.lower[after] == "to" || Words.knowingForms.contains(s.lower[after]) { after += 1 }
        if after < s.count, Words.learningVerbs.contains(s.lower[after]) {
            after += 1
            knowing = true
        }
        while after < s.count, Words.hedges.contains(s.lower[after]) { after += 1 }
        if knowing, let hit = toldObject(after: after), !isOffer(after: trigger) { return .found(found(.status, trigger, hit)) }
        return .window(s.phraseEnd[trigger]..<(s.phraseEnd[trigger] + 8))
    }

    /// "I look forward to your reply", "hoping for a positive response": only firm answers count;
    /// "keen to know how I went" wants the status.
    private func anticipating(_ trigger: Int) -> Step? {
        let tags = s.tags[trigger]
        guard !tags.isDisjoint(with: [.lookForward, .hope, .eager]) || (tags.contains(.wait) && s.isNegated(trigger)) else { return nil }
        if trigger > 0, Words.nounDeterminers.contains(s.lower[trigger - 1]), tags.contains(.hope) { return .nothing }
        let range = (s.phraseEnd[trigger])..<(s.phraseEnd[trigger] + 10)
        let plain: (Int) -> Bool = { position in
            !soft.contains(position) && !(trigger + 1..<position).contains { s.tags[$0].contains(.negation) }
        }
        if let object = range.clamped(to: 0..<s.count).first(where: { Words.answers.contains(s.lower[$0]) && plain($0) }),
            !s.isNegated(trigger) || tags.contains(.wait)
        {
            return .found(found(.reply, trigger, object, .anticipated))
        }
        // "keen to know how I went", "hoping to find out whether I'm through".
        var after = s.phraseEnd[trigger]
        if after + 1 < s.count, s.lower[after] == "to", Words.learningVerbs.contains(s.lower[after + 1]), s.lower[after + 1] != "hear" {
            after += s.lower[after + 1] == "find" ? 3 : 2
            if let hit = toldObject(after: after) { return .found(found(.status, trigger, hit)) }
        }
        return .nothing
    }

    /// "a short note on where my application stands would really help me plan", "it would help my
    /// planning to know the timeline".
    private func wouldHelp(_ trigger: Int) -> Step? {
        guard s.lower[trigger] == "would" || s.lower[trigger] == "will",
            let help = ((trigger + 1)..<(trigger + 3)).clamped(to: 0..<s.count).first(where: { s.lower[$0] == "help" || s.lower[$0] == "helps" })
        else { return nil }
        if let object = (0..<trigger).first(where: { isObject($0) }) { return .found(found(.status, object, help)) }
        if let know = s.first(Words.learningVerbs, in: help..<(help + 6)), know > 0, s.lower[know - 1] == "to",
            let object = ((know + 1)..<(know + 6)).clamped(to: 0..<s.count).first(where: { isObject($0) })
        {
            return .found(found(.status, trigger, object))
        }
        return nil
    }

    /// "any news on the timeline would be great", "a quick reply would be appreciated".
    private func wouldBeWelcome(_ trigger: Int) -> Step? {
        guard s.lower[trigger] == "be", trigger > 0, s.lower[trigger - 1] == "would" || s.lower[trigger - 1] == "will" || s.lower[trigger - 1].hasSuffix("'d"),
            let quality = ((trigger + 1)..<(trigger + 4)).clamped(to: 0..<s.count)
                .first(where: { s.tags[$0].contains(.appreciate) || Words.welcomed.contains(s.lower[$0]) }),
            ((trigger + 1)..<quality).allSatisfy({ Words.intensifiers.contains(s.lower[$0]) })
        else { return nil }
        guard let object = (0..<trigger).first(where: { isObject($0) }) else { return .nothing }
        return .found(found(.status, object, trigger + 1))
    }
}
