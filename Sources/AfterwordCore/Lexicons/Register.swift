// The register of a professional thank-you: no text-speak, nothing cutesy, plain stationery.
extension Lexicons {
    /// Abbreviations from texting and chat.
    static let textSpeak = """
        thx, thanx, thnx, tnx, tx, ty, tysm, tyvm, u, ur, urs, pls, plz, plse, lmk, btw, imo, imho, idk, idc, gr8, b4,
        cu, cya, ttyl, brb, tbh, ngl, rn, kk, gonna, wanna, gotta, lemme, gimme, cuz, coz, bcoz, bcuz, ppl, abt,
        hv, luv, nite, tmrw, tmr, tmrow, 2moro, 2day, 2nite, l8r, l8er, m8, sry, srry, omw, np, nvm, wbu, hbu,
        yw, ofc, obvs, prolly, thnks, thks, thanq, tq, ttys, dunno, ya, r, n, pl, wud, cud, shud, wat, wen, bcz
        """
    static let cutesy = """
        xoxo, xoxox, xoxoxo, xo, xx, xxx, hugs, hug, yay, yayy, yayyy, woohoo, woo, wooo, yippee, yippie, hehe,
        heehee, teehee, haha, hahaha, lol, lmao, rofl, omg, omgosh, bff, bestie, besties, cutie, smiley, kisses,
        muah, mwah, toodles, awesomesauce, yummy, squee, whee, yass, yas, hooray, hurray, smooches, bestest, xd,
        super duper, super-duper, pretty please, hugs and kisses, big hugs, so so so, love you, sending love,
        sending hugs, lots of love, you rock, you guys rock, you're the best, you are the best, best day ever,
        cherry on top, big thanks, hun, hon, sweetie, darling, xoxoxo, woot, w00t, uwu, owo, tee hee, ha ha
        """
    static let informalGreeting = """
        hey, heya, hiya, yo, sup, howdy, hullo, heyy, heyyy, hii, hiii, wassup, whatsup, ahoy, hey there
        """
    static let stationery = """
        scented, perfumed, glitter, glittery, sparkly, sparkles, cartoon, cartoons, stickers, sticker, confetti,
        rainbow, unicorn, unicorns, kitten, kittens, puppies, emoji card, scratch and sniff
        """
}

// Swearing, mild or worse: never in a letter to an interviewer.
extension Lexicons {
    static let profanity = """
        damn, damned, dammit, damnit, goddamn, goddamned, crap, crappy, hell, hellish, shit, shitty, bullshit,
        fuck, fucking, fucked, effing, ass, arse, asshole, arsehole, badass, bastard, bitch, bitchy, piss, pissed,
        freaking, frickin, friggin, frigging, wtf, omfg, bollocks, heck
        """
}
