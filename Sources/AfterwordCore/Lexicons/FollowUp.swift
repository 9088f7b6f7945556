// Follow-up and status-check wording: a second message after the thank-you.
extension Lexicons {
    static let followUp = """
        follow up, followup, following up, followed up, follows up, folowing up, follwing up, followin up,
        folow up, follow upon
        """
    static let checkIn = """
        check in, checking in, checked in, circle back, circling back, circled back, touch base, touching base,
        touched base, touch bases, reach back out, reaching back out, checkin in, checkin, checkn in, loop back,
        looping back, looped back, reaching out again, reach out again, reaching out once more, reaching out once again,
        writing again, writing to you again, writing once more, checking in again, contacting you again,
        emailing again, emailing you again, hi again, hello again, i wrote on, i emailed you on, i emailed on,
        as i mentioned in my email, as mentioned in my email, as per my email, as per my last
        """
    static let nudge = """
        bump, bumping, nudge, nudging, ping, pinging, remind, reminder, chase, chasing, prod, poke, top of your inbox,
        back to the top, pester you, pestering you, bother you again, bothering you again, trouble you again
        """
    static let resend = """
        resend, resending, resent, re send, re sending, send again, sending again, sending this again, forward again,
        send it again, sending it again, second attempt, forwarding again, second email, second message,
        second note, third email, third message, another email, one more email, this second email
        """
    /// An earlier message ("my previous e-mail").
    static let previous = """
        previous, last, earlier, prior, original, first, recent, below, above, preceding
        """
}

// Words the follow-up readers ask about by name (``OnceRule``, ``ReceiptCheck``, ``Silence``).
extension Words {
    /// "make sure", "check that": making sure a message arrived.
    static let makingSure: WordList = "sure, ensure, check, checking, certain, confirm, verify, whether"
    static let checking: WordList = "make, ensure, check, checking, sure, see"
    /// Verbs of a message arriving.
    static let arrived: WordList = "reached, arrived, reach, arrive, received, got, landed, made, came, went"
    /// "it", "this": too vague to be a message by themselves.
    static let vagueMessage: WordList = "it, this"
    static let ours: WordList = "my, our"
    /// "the e-mail I sent".
    static let sentIt: WordList = "sent, wrote, emailed, e-mailed, forwarded, submitted"
    /// "my email below".
    static let placedBefore: WordList = "below, above, earlier"
    /// Papers of an application: pointing back at them is no follow-up.
    static let applicationPapers: WordList = "application, resume, cv, portfolio, card"
    /// "in case it got buried".
    static let lostMessage: WordList = "missed, buried, lost, spam, junk, overlooked, slipped"

    /// Nouns that make "follow-up" or "check-in" a description of something else ("a follow-up question").
    static let describedNouns: WordList = """
        question, questions, interview, interviews, round, rounds, meeting, meetings, conversation, discussion, session,
        visit, appointment, task, tasks, item, items, action, actions, project, study, care, plan, work, exercise, flow,
        process, desk, time, kiosk, app, feature, page, screen, counter, system, times, experience, emails, assignment,
        survey, form, data, rate, rates, procedure, logic, cadence, tickets, ticket, sequence, materials, material,
        resources, notes, links, documents, studies, visits, calls, call, format, ritual, routine, template, templates,
        workflow, strategy
        """
    /// Whom a team follows up with as part of its work ("following up with customers").
    static let describedPeople: WordList = """
        customers, customer, clients, client, users, user, patients, patient, leads, lead, candidates, students, parents,
        families, donors, partners, vendors, suppliers, every, each, them, guests, buyers, accounts, prospects, members
        """
    /// Words that make a hyphenated "check-in" or "follow-up" a thing ("the weekly check-in").
    static let nounMarkers: WordList = """
        the, a, weekly, daily, regular, morning, quick, every, each, our, their, your, monthly, short, brief, structured,
        informal, formal, one, two, that, this, any, annual
        """
    /// Things a person may rightly be sent later: following up with these is not a status check.
    static let deliverables: WordList = """
        references, reference, referees, paperwork, documents, document, forms, portfolio, samples, sample, transcript,
        transcripts, availability, suggestion, recommendation, advice, tip, pointer, reading, book, article,
        certificates, details, information, link, links, code, repo, slides, deck, writing, materials, examples,
        recommendations
        """
    /// Messages the writer sends: "this follow-up email" is one.
    static let messageNouns: WordList = "email, emails, message, note, letter, mail"
    /// The writer as the subject, contracted.
    static let writerContracted: WordList = "i'm, i'll, i've, i'd"
    /// Determiners of a message someone else sent ("the follow-up email from HR").
    static let othersMessage: WordList = "the, a, an, their, his, her, this, that"
    /// After a hyphenated follow-up, words that make it the writer's own ("a follow-up on my application").
    static let aboutWords: WordList = "on, regarding, about, re, to, with, from, for, email, message, note, mail"
    /// After a hyphenated check-in, words that end the phrase rather than name a thing.
    static let clauseGlue: WordList = "regarding, concerning, re, after, since, as, because, now, here, today, and, but, so"
    /// Possessives and quantifiers before the people one follows up with ("with my accounts").
    static let peopleDeterminers: WordList = "my, our, their, his, her, all, new"
    /// Groups whose practice a sentence may describe ("how the team follows up").
    static let groups: WordList = """
        team, teams, company, staff, who, they, everyone, department, officers, nurses, managers, engineers, support,
        approach, process
        """
    /// "I liked how your officers…": words that open a description of someone's practice.
    static let describing: WordList = "how, when, whenever, that, where"
    /// Words before a follow-up that keep the writer as its subject ("I wanted to follow up", "just
    /// checking in", "I am following up"); any other word there is someone else doing it ("pupils check in").
    static let beforeOwnFollowUp: WordList = """
        to, just, am, are, is, was, were, be, been, kindly, quickly, briefly, simply, also, again, and, now, hereby,
        politely, respectfully, gently, therefore, so, quick, please, pls, plz, wanted, want, will, would, could, can,
        might, may, shall, should, let, me, i, we, i'm, i'll, i'd, i've, we're, we'll, we'd, am, also, only, again
        """
    /// Possessives of someone else.
    static let theirs: WordList = "your, their, his, her"
    /// Words of asking someone to send a thing.
    static let askedFor: WordList = "asked, requested, suggested, recommended, mentioned, offered"

    /// Nudging words and what may follow or precede them ("bumping this", "a gentle reminder").
    static let nudgeAlone: WordList = "top, back, pester, pestering, bother, bothering, trouble"
    static let bumped: WordList = "this, my, it, up, the, thread, email, message"
    static let reminderKinds: WordList = "gentle, friendly, quick, polite, kind, just, a, small, brief, this"
    static let pinged: WordList = "you, again, this, once, the, it"
    static let pingKinds: WordList = "gentle, friendly, quick, a, just, little"
    static let chased: WordList = "up, this, my, the, you"

    /// "I haven't heard back", "no response yet": hearing and what was not heard.
    static let hearing: WordList = "heard, hear, received, gotten, got, had"
    static let heardWhat: WordList = "back, anything, from, a, any, nothing"
    static let answerNouns: WordList = "reply, response, answer, update, word, news, feedback, acknowledgement, acknowledgment"
    static let stillWaiting: WordList = "waiting, hoping, awaiting"
    static let stillWords: WordList = "yet, still, so"
    /// Writing more than once ("I have written twice").
    static let wroteVerbs: WordList = """
        written, wrote, emailed, e-mailed, messaged, contacted, write, email, message, contact, calling, call, ring,
        phone, phoning, ringing, emailing, writing, texting, text, reached
        """
    /// "Nobody has been in touch": getting in touch.
    static let gotInTouch: WordList = "touch, replied, responded, answered, contacted, called, emailed, back, reached"
    static let repeated: WordList = "twice, again, repeatedly, times"
    /// "any updates?": what "any" asks for.
    static let updateNouns: WordList = "update, updates, news, word, progress, developments"
    /// Words of asking about the status ("checking on the status").
    static let statusAsking: WordList = "check, checking, inquire, enquire, inquiring, enquiring, wondering, wonder, curious, ask, asking"
}

extension Words {
    /// Spans of time a chaser counts ("two weeks without a word").
    static let timeSpans: WordList = "days, weeks, week, months, month, fortnight, while, times, twice, again"
}

extension Words {
    /// Words that make a subject line a follow-up ("Status of my application", "Checking in").
    static let followUpSubject: WordList = "status, checking, update, updates, reminder, news"
}
