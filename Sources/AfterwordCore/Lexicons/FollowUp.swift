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
