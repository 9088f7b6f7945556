/// The word lists the checker reads, one file per list. Each list is data: one or more entries per
/// line separated by commas, `#` starts a comment, an entry of several words is a phrase.
/// Inflections are found by lemmatisation, so a verb is listed once ("reply" finds "replied").
enum Lexicons {
    static let all: [(Tags, String)] = [
        (.thanks, thanks), (.enjoy, enjoy), (.conversation, conversation), (.learn, learn),
        (.lookForward, lookForward), (.hearFrom, hearFrom),
        (.reply, reply), (.receive, receive), (.confirm, confirm), (.message, message), (.status, status),
        (.candidacy, candidacy), (.callNoun, callNouns), (.callVerb, callVerbs), (.talk, talk), (.meeting, meeting),
        (.timeSlot, timeSlot), (.arrange, arrange), (.followUp, followUp), (.checkIn, checkIn), (.nudge, nudge),
        (.resend, resend), (.please, please), (.modal, modal), (.hope, hope), (.wait, wait), (.eager, eager),
        (.appreciate, appreciate), (.informMe, informMe), (.negation, negation), (.you, you),
        (.me, me), (.thirdParty, thirdParty), (.deadline, deadline), (.textSpeak, textSpeak), (.cutesy, cutesy),
        (.informalGreeting, informalGreeting), (.stationery, stationery), (.salutation, salutation),
        (.honorific, honorifics), (.common, common), (.previous, previous), (.offer, offer), (.generic, generic),
        (.technology, technology), (.topicMarker, topicMarker), (.calendar, calendar), (.any, any),
        (.pastEvent, pastEvent), (.genericAddressee, genericAddressee), (.wouldLike, wouldLike),
        (.available, available), (.question, questionWords), (.profanity, profanity),
        (.askToKnow, askToKnow), (.chaser, chaser),
    ]
}
