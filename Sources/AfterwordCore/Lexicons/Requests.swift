// Words that turn a sentence into a request, and the things a thank-you must not request.
extension Lexicons {
    /// Politeness markers of a request.
    static let please = """
        please, pls, plz, plse, pleaae, kindly, kindy
        """
    static let modal = """
        can, could, would, will, may, might, shall, should, wud, cud, must
        """
    /// Wishing for something to happen.
    static let hope = """
        hope, hoping, hopeful, hopefully, wish, trust, pray, fingers crossed
        """
    /// Waiting for something from them.
    static let wait = """
        wait, await, awaiting, expect, anticipate, anticipation, look out for, standing by, eye on my inbox,
        watching my inbox, watch my inbox, checking my inbox, keep an eye out, keeping an eye out
        """
    static let eager = """
        eager, eagerly, keen, anxious, anxiously, excited, impatient
        """
    static let appreciate = """
        appreciate, grateful, thankful, obliged, great, nice, helpful, wonderful, good, lovely, ideal, fantastic, amazing,
        useful, valuable, welcome, brilliant, perfect
        """
    /// Asking them to tell the writer something.
    static let informMe = """
        let me know, let us know, letting me know, letting us know, lmk, let me knw, pls lmk, telling me, email me,
        drop me an email, send me an email, flick me an email, shoot me an email, message me, send me a message,
        drop me a message, ping me, let me kno, let me kno, tell me, inform me, update me, advise me, advise, notify me, keep me posted,
        keep me updated, keep me informed, keep me in the loop, keep me apprised, drop me a line, drop me a note,
        shoot me a note, send me a note, send me a line, get back to me, get back to us, get back, revert, revert back,
        write back, write me back, hear back, share with me, fill me in, clue me in, loop me in, reach back, tell us,
        let me hear, give me a heads up, give me a shout, give me an idea, enlighten me, do the needful
        """
    /// Wanting something: a request when what is wanted is theirs to give.
    static let wouldLike = """
        i'd like, i'd love, i'd appreciate, i'd be grateful, i'd welcome, i'd be happy, i'd really appreciate,
        i'd really like, i'd really love, we'd love, we'd like, we'd appreciate, i'd be glad, i'd be thankful,
        i would really appreciate, i would be thankful, wanna, would like, would love, would be grateful, would appreciate, would welcome, would be happy, want to know,
        wanted to know, need to know, like to know, love to know, like to ask, want to ask, wanted to ask,
        curious to know, wondering, wonder, wondered, inquire, enquire, ask, request, requesting,
        would be pleased, i'd be pleased, would be delighted, i'd be delighted, will be glad, will be pleased,
        will be grateful, will be thankful, shall be glad, shall be grateful, shall be pleased, would be glad
        """
    static let questionWords = """
        when, whether, where, how, what, if, which
        """
    static let negation = """
        no, not, never, nor, neither, without, none, nothing, needn't, dont, doesnt, didnt, wont, cant, cannot,
        shouldnt, isnt, nobody
        """
    /// Determiners of an open request ("any news", "an update").
    static let any = """
        any, an, a, some, your, the, further, more
        """
    /// Deadlines that turn hoping into pressing.
    static let deadline = """
        asap, soonest, promptly, urgently, earliest convenience, at the earliest, earliest reply,
        at your earliest, as soon as possible, as soon as you can, as early as possible, by tomorrow, by monday,
        by tuesday, by wednesday, by thursday, by friday, by saturday, by sunday, by the end of, by end of,
        by eod, by eow, by cob, by close of business, end of the week, end of this week, end of week, eod, eow, cob,
        within the next, within a week, within the week, within a few days, within two, within 48, within 24, within 3,
        within three, within five, within 5, within 7, within seven, within 2, within ten, within 10,
        by next week, in the next few days, by tomorrow, at the earliest
        """
    /// Offers of more information ("let me know if you need anything else"): not requests for a reply.
    static let offer = """
        questions, question, need, needs, anything, further information, more information, additional information,
        further details, more details, clarification, clarify, help, assist, provide, send over, anything else, else,
        happy to, glad to,
        could be of, can be of, feel free, would like me, want me, like me to, wish me, require, requires, required
        """
}

// Words the request reader asks about by name (``RequestReader``).
extension Words {
    /// What a request may ask for outright: a reply, a decision, an update.
    static let answers: WordList = """
        thoughts, pointers, impressions, reply, replies, response, responses, answer, answers, revert, decision, decisions, feedback, verdict, outcome,
        update, updates, news, result, results, confirmation, acknowledgement, acknowledgment, word, status, timeline,
        timeframe, progress, developments, info,
        # misspelt and hyphenated as people type them
        reponse, responce, respone, feed-back, feeback, feedbak, desicion, descision, updte, udpate
        """
    /// Words that show a request is about the progress or timing of the search, not only its outcome.
    static let progress: WordList = """
        status, update, updates, up-date, progress, progressing, progressed, timeline, timeframe, stand, stands,
        standing, stage, steps, developments, development, going, along, filled, open, finished, wrap,
        where, news, word, movement, headway, long, far, loop, posted, available, estimated, moved,
        gone, already, considering, remaining, narrowed, narrowing, interviewing, finalised, finalized, reached,
        coming, drawn, landed
        """
    /// Verbs of the decision or its coming, after "when" ("when you will decide", "when I might hear").
    static let decidingVerbs: WordList = """
        decide, decided, deciding, decision, pick, choose, select, hire, finalise, finalize, make, made, reach,
        announce, announced, fill, filled, wrap, conclude, finish, hear, know, expect, expected, go, out, move, settle,
        settled, picked, chosen, finalised, finalized, reached, get, getting, back, respond, contact,
        proceed
        """
    /// Asking in the past tense: a report of the interview ("I asked about the timeline"), not a request.
    static let pastAsking: WordList = "asked, inquired, enquired, queried"
    /// Words after which a question is one someone else asked ("you asked me why…").
    static let reportedAsking: WordList = "asked, ask, wondered, question, we, shall, about"
    /// Words of proposing to meet ("could we", "shall I", "would you be open to", "do you have time").
    static let proposing: WordList = """
        we, us, shall, open, available, free, time, minutes, coffee, hop, jump, schedule, arrange, set, swing,
        fifteen, ten, twenty, sometime, catch-up, possible
        """
    /// Words before a noun: "my current trust" is an organisation, not trusting.
    static let nounDeterminers: WordList = "my, the, a, an, our, your, their, this, that, current, his, her"
    /// Words that give a reason after a request ("let me know, as…").
    static let because: WordList = "as, since, because, so"
    /// Verbs that open a yes-or-no question ("Is the role remote?").
    static let auxiliaries: WordList = "is, are, was, were, do, does, did, has, have, had"
    /// Adverbs between a subject and its verb ("I will promptly revert").
    static let adverbsBeforeVerb: WordList = "also, then, promptly, soon, gladly, certainly, definitely"
    /// Verbs that are about timing by themselves ("when a decision is expected").
    static let timingVerbs: WordList = "expect, expects, expected, expecting, anticipate, anticipated, plan, plans, planned, estimate, intend, intends"
    /// Words that put a decision in the future: "when you will decide", "when I might hear".
    static let futureMarkers: WordList = """
        will, would, might, may, could, can, shall, should, expect, expecting, plan, planning, likely, hope, hoping,
        intend, going, anticipate, reckon, estimate, roughly, approximately
        """
    /// Words that show a request is for feedback on the interview.
    static let feedback: WordList = "feedback, feed, feeback, feedbak, thoughts, think, thought, impressions, opinion, did, performed, fared, went"
    /// Words that show a request is for the decision or the timeline.
    static let decision: WordList = """
        decision, decisions, decide, decided, outcome, verdict, result, results, timeline, timeframe, selected,
        shortlisted, successful, filled, desicion, descision
        """
    /// An answer already given, not asked for.
    static let doneReplying: WordList = "updated, answered, responded, replied"
    static let questionNouns: WordList = "question, questions, queries"
    /// Verbs that ask for a reply when they open a clause ("Reply at your convenience").
    static let replyVerbs: WordList = "reply, respond, revert, answer, write, get"
    /// Before "any news": the writer offering or supposing, not asking ("if you need any information").
    static let conditionalGiving: WordList = "if, should, provide, give, share, send"
    /// Words that open an embedded question ("to see whether…").
    static let embeddedQuestion: WordList = "whether, if, when, how"
    /// "keep me posted", "get back to me": asking on their own.
    static let askingOnItsOwn: WordList = "keep, get, revert, write, drop, shoot, update, reach"
    static let knowingForms: WordList = "knowing, hearing"
    /// Verbs of coming to know.
    static let learningVerbs: WordList = "know, hear, find, learn"
    /// Words between "I'd like to know" and what is to be known.
    static let hedges: WordList = "roughly, approximately, exactly, out, more, about, briefly, generally"
    static let welcomed: WordList = "appreciated, welcome, welcomed"
    static let intensifiers: WordList = "much, greatly, very, really, most, highly, so, truly, sincerely, deeply"
    /// Words before a verb that make the writer its subject ("for confirming", "I confirm").
    static let beforeOwnVerb: WordList = "for, i, we, can, to"
    /// The writer as the subject.
    static let writer: WordList = "i, we, i'm, i'd, i'll, we'd, we're"
    static let writerSubjects: WordList = "i, we, i'll, we'll, i'd, we'd"
    /// Words that soften an imperative ("just confirm").
    static let softeners: WordList = "just, simply, kindly"
    /// "if you could", "that you can".
    static let embeddingWords: WordList = "if, that, whether"
    static let anyone: WordList = "someone, anyone, somebody, anybody"
    /// "by Friday", "before the 15th".
    static let deadlineWords: WordList = "by, before, until"
    static let periodEnds: WordList = "end, close, eod, cob"
    /// What one appreciates in advance ("appreciate any feedback").
    static let appreciatedThings: WordList = "any, an, a, some, it, hearing"
    /// The writer's chances after "let me know whether…".
    static let progressing: WordList = """
        successful, selected, progressing, progress, proceed, proceeding, moving, shortlisted, considered, running,
        chosen, advance, advancing, next
        """
    static let receiptNouns: WordList = "receipt, arrival, delivery"
}
