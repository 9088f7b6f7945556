// Ordinary English words: never a misspelling of someone's name, never the end of a greeting's name.
extension Lexicons {
    static let common = """
        the, be, to, of, and, a, in, that, have, i, it, for, not, on, with, he, as, you, do, at, this, but, his, by,
        from, they, we, say, her, she, or, an, will, my, one, all, would, there, their, what, so, up, out, if, about,
        who, get, which, go, me, when, make, can, like, time, no, just, him, know, take, people, into, year, your,
        good, some, could, them, see, other, than, then, now, look, only, come, its, over, think, also, back, after,
        use, two, how, our, work, first, well, way, even, new, want, because, any, these, give, day, most, us, is,
        are, was, were, been, has, had, did, does, am, thank, thanks, thanking, thankful, again, once, hope, hoping,
        best, kind, kindest, warm, warmest, warmly, regards, sincerely, cheers, yours, truly, respectfully, cordially,
        gratefully, appreciate, appreciated, appreciating, pleasure, great, it's, i'm, i'd, i've, i'll, we're, you're,
        it was, really, very, much, many, enjoyed, enjoy, loved, love, learning, learned, meeting, speaking, talking,
        today, yesterday, tomorrow, this, since, while, during, before, hank, thank, frank, honestly, also, again,
        firstly, secondly, finally, lastly, additionally, furthermore, moreover, however, anyway, still, yes, yeah,
        sure, absolutely, definitely, certainly, truly, genuinely, sincerely, please, kindly, looking, forward,
        hello, hi, hey, dear, good, morning, afternoon, evening, greetings, respected, team, all, everyone, sir,
        madam, again, it, was, wonderful, nice, lovely, glad, happy, pleased, delighted, excited, thrilled, grateful,
        what, a, an, as, per, our, your, regarding, re, following, further, given, having, being, after, earlier,
        following, just, quick, quickly, short, brief, note, email, message, letter, card, interview, interviews,
        conversation, chat, call, role, position, job, company, opportunity, meeting, discussion, will, mark, grace,
        rose, guy, bill, will, summer, summers, best, bell, carter, miller, hope, joy, faith, dawn, april, may, june,
        august, art, bob, pat, sue, max, ray, jack, rich, sky, star, young, white, black, brown, green, gray, grey,
        long, short, king, page, ward, hall, wood, stone, hill, lane, field, rice, park, cook, baker, smith, hunter,
        fisher, mason, porter, taylor, turner, walker, chase, drew, gene, lee, nick, penny, sandy, woody, dusty, rusty,
        unfortunately, fortunately, thankfully, hopefully, ideally, personally, particularly, especially, overall,
        once, sorry, apologies, congratulations, congrats, welcome, nope, well, so, ps, p.s, p, s, sent, from, my,
        iphone, android, mobile, device, get, outlook, regards, cheers, ciao, take, care, talk, soon, later, speak,
        looking, forward, to, hearing, wishing, wish, wishes, luck, success, all, the, best, have, weekend, week,
        lovely, fantastic, nice, day, rest, your, enjoy
        """
}
