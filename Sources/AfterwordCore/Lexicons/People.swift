// Who a sentence is about: the writer, the reader, someone else.
extension Lexicons {
    static let you = """
        you, your, yours, yourself, yourselves, u, ur, yu, ya, yall, y'all, youre, you're, thee
        """
    static let me = """
        i, me, my, mine, myself, we, us, our, ours, ourselves, im, ive
        """
    /// Someone other than the reader.
    static let thirdParty = """
        recruiter, recruiters, recruiting, hr, coordinator, talent, agency, agent, headhunter, he, she, they, him,
        her, them, his, hers, colleague, colleagues, manager, assistant, referee, referees, references, reference,
        scheduler, people team, people ops, human resources, ta, sourcer
        """
    static let honorifics = """
        mr, mrs, ms, miss, mx, dr, prof, professor, sir, madam, madame, herr, frau, mme, mlle, mister, dame, lady,
        lord, rev, hon, sr, sra, srta, dott, ing, engr, eng, arch, atty, adv, capt, col, maj, gen, lt, cmdr, pr,
        dra, sir/madam, fr, father, pastor, rabbi, imam, sgt, judge, councilmember, councillor, mayor, coach, sister,
        reverend
        """
    static let salutation = """
        dear, hello, hi, hey, heya, hiya, greetings, good morning, good afternoon, good evening, good day, respected,
        howdy, yo, hallo, hullo, bonjour, hola, namaste, morning, afternoon, evening, to, attn, attention, hii, hiii,
        heyy, dearest, salutations, ahoy
        """
    /// Greetings that name nobody in particular.
    static let genericAddressee = """
        hiring manager, hiring team, team, all, everyone, everybody, sir, madam, sir or madam, sir/madam,
        to whom it may concern, whom it may concern, there, folks, friend, friends, recruiter, interviewer,
        interviewers, panel, committee, you, guys, you all, colleagues, gentlemen, ladies, ladies and gentlemen,
        search committee, selection committee, hiring committee, recruitment team, talent team, team members
        """
}

// Words the greeting reader asks about by name (``MessageAnalysis``).
extension Words {
    /// Marks between a salutation and the name ("Hello, Dana"), besides a comma.
    static let greetingMarks: WordList = "—, –, -, :"
    /// Marks that end a greeting, besides a comma.
    static let greetingEnds: WordList = ":, !, —, –, -, ;, ."
    static let timesOfDay: WordList = "morning, afternoon, evening, day"
    /// Salutations that greet only before a name or an addressee.
    static let addressingWords: WordList = "to, attn, attention"
    /// Words of a generic addressee ("the hiring manager", "to whom it may concern").
    static let addresseeWords: WordList = """
        the, or, and, whom, it, may, concern, members, of, hiring, manager, recruitment, talent, search, selection,
        committee, acquisition, people
        """
    /// Words that make an addressee a role.
    static let roleAddressees: WordList = "manager, committee, recruiter, recruiters, concern"
}
