// What a thank-you must not ask for: a reply, a confirmation of receipt, a status or a decision.
extension Lexicons {
    static let reply = """
        reply, respond, response, answer, revert, acknowledgement, acknowledgment, word back, get back, write back,
        hear back, feedback, rsvp, callback, call back, return my, reciprocate,
        reponse, responce, respone, repsonse, feeback, feedbak, feed back, replie, anwser, answr
        """
    /// Having received or seen a message.
    static let receive = """
        receive, received, receipt, recieve, recieved, rcvd, recvd, arrive, reach, reached, deliver, delivered,
        land, landed, get, got, gotten, see, saw, seen, read, come through, came through, go through, went through,
        make it, made it, get through, got through, open, opened, glance
        """
    static let confirm = """
        confirm, confirmation, acknowledge, acknowledgement, acknowledgment, verify, ack, validate
        """
    /// Messages: what a receipt check is about.
    static let message = """
        email, e-mail, emails, mail, message, msg, note, letter, card, thank you note, thank-you note,
        thank you email, thank-you email, inbox, mails, application, resume, cv, this, it, my note, text,
        correspondence, cover letter, portfolio, submission
        """
    /// The state of the candidate's application: what a status request asks for.
    static let status = """
        update, updates, status, news, decision, outcome, progress, result, results, timeline, timeframe, time frame,
        time line, verdict, development, developments, next steps, next step, where things stand, where i stand,
        where we stand, how things stand, how i did, how i performed, how i fared, where i stand, standing, word,
        the schedule for a decision, when a decision, shortlist, shortlisted, in the running, yes or no, either way,
        your thoughts, what you think, what you thought, how i did, how it went, how i went, how i got on,
        your impressions, your opinion, what you decide, what you decided, decide, made a call on, make a call on,
        how the search is going, how things are going, how the process is going, how things are progressing,
        anything new, movement, headway, hearing back, feedback, answer, info, what happens next, offer,
        hear something, hear anything, where my application stands, where my candidacy stands, stands,
        had a chance to, had the chance to, had time to look, where you are in the process, where you are with,
        where things are at, where it stands, how things turn out, how things turned out, how it turns out,
        how it all turns out, how things work out, how it works out, made it through, made it to the next,
        make it to the next, made the next round, make the next round, through to the next, progress to the next,
        progressed to the next, moved to the next, move to the next, moving to the next, advance to the next,
        advanced to the next, selected for the next, invited to the next, up date
        """
    /// The candidate's application and its process.
    static let candidacy = """
        application, candidacy, candidature, candidate, applicant, process, hiring process, recruitment,
        selection process, interview process, position, role, job, opening, vacancy, post, opportunity, hiring,
        profile, interview, interviews, search, decision, selection, shortlist
        """
}

// The state of a search, which a status question asks about in words that name no update.
extension Words {
    /// "filled", "still open", "decided", "moving along", "narrowed down": where a search stands.
    static let processStates: WordList = """
        filled, open, decided, deciding, finalised, finalized, finalising, finalizing, finished, wrapped, wrapping,
        concluded, completed, closed, closing, narrowed, narrowing, moving, progressing, progressed, considering,
        shortlisting, chosen, picked, hired, reached, made, stand, stands, standing, along, going, heading,
        advancing, proceeding, stage, point, status, remaining, still, available, date, estimated, gone, announced,
        landed, ended, where, drawn, compiled, agreed
        """
    /// What a search is made of, besides the words of the application itself.
    static let searchThings: WordList = "things, candidates, search, interviews, shortlist, offer, offers, everything, selection, choice, hiring"
    /// Before an asking word, a word that makes it a report of what was said ("I was curious").
    static let pastTelling: WordList = "was, were, had, asked"
    /// Words that open an embedded question after an asking word.
    static let questionOpeners: WordList = "whether, if, when, how, where, what"
}

// Asking to be told, and the words of a chaser: tags, so that a sentence without them is passed over.
extension Lexicons {
    /// Words that ask to know ("I wonder whether", "any idea when", "could you tell me how").
    static let askToKnow = """
        wonder, wondering, curious, idea, tell, share, know, clarify, indicate, sense
        """
    /// Words that a complaint of no answer or a second message turns on ("written twice", "still
    /// waiting", "the silence since").
    static let chaser = """
        twice, again, repeatedly, still, silence
        """
}
