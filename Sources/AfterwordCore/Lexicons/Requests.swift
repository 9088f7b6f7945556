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
        asap, soonest, promptly, urgently, urgent, earliest convenience, at the earliest, earliest reply,
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
