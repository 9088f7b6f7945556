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

// Words the register and names rules ask about by name (``ProperRule``, ``NamesRule``).
extension Words {
    /// Upper-case words that are names of things, not shouting (matched lower-cased).
    static let acronyms: WordList = """
        hipaa, oauth, graphql, mysql, nosql, faang, scrum, nasdaq, unicef, ascii, posix, linux, unix, cobol, fortran,
        cuda, nvidia, cisco, devops, http, https, html, json, rest, yaml, soap, nasa, nato, crud, gdpr, grpc, ajax,
        fpga, asic, rfid, saml, okta, ieee, swift, iban, ccpa, finra, usmle, toefl, ielts, osha, fema, noaa, asap,
        msft, aapl, goog, amzn, bert, llms, rlhf, prince, agile, safe, ikea, lego, unesco, who, nhs, irs, fbi, cia,
        bbc, cnn, mba, cfa, cpa, pmp, cissp, itil, covid, saas, paas, iaas, kpis, okrs, star, smart, raci, swot,
        pest, moscow, fico, sap, emea, apac, latam, dach, solid, todo, readme
        """
    /// The pronoun "I" and its contractions.
    static let firstPersonI: WordList = """
        i, i'm, i'd, i've, i'll, im, ive
        """
    /// Before "4" standing for "for": "thx 4".
    static let thanksBefore4: WordList = """
        thx, thanks, thank, ty, thnx, thanx, grateful, tysm, appreciate
        """
    /// After "4" standing for "for": "4 the interview".
    static let after4: WordList = """
        the, u, ur, your, you, me, all, this, that
        """
    /// Two-letter words that shout in capitals ("SO grateful").
    static let emphaticPairs: WordList = """
        so, my, be, do, go, oh
        """
    /// Before "2" standing for "to": "nice 2 meet u".
    static let before2: WordList = """
        nice, great, good, gr8, look, talk, chat, meet, forward, want, going, need, love, like, able, hope, excited,
        happy, glad
        """
    /// After "2" standing for "to".
    static let after2: WordList = """
        meet, see, talk, chat, hear, u, you, work, join, be, learn, speak
        """
    /// Endings of English words that acronyms rarely have.
    static let englishEndings: WordList = """
        ly, ing, ed, tion, sion, ful, ous, ble, est, ive, ness, ment, ary, ity
        """
    /// Legal-form words that are not part of how people write a company's name.
    static let companySuffixes: WordList = """
        inc, corp, corporation, llc, ltd, limited, co, gmbh, ag, sa, plc, bv, the, and, of, group, company
        """
    /// Polite forms of address that are not names.
    static let formalAddress: WordList = """
        sir, madam, madame, ma'am, maam, sir/madam
        """
    /// What a template's blanks are called: a bracketed blank holding one of these was never filled in.
    static let blanks: WordList = """
        name, names, company, position, title, role, job, interviewer, interviewer's, recruiter, date, day, topic,
        skill, skills, detail, organization, organisation, team, department, field, industry, manager, first, last,
        signature, x, xx, xxx
        """
}

extension Words {
    static let articles: WordList = "the, a, an, our, your, their, this, that"
    /// Short function words that, in capitals after an article, are an acronym ("the HIS module").
    static let functionWords: WordList = "his, her, who, it, was, is, us, our, one, all, any, can, may, sit, has, had, its, for, and"
}
