// Calls, meetings and time together: a thank-you never asks for them.
extension Lexicons {
    static let callNouns = """
        call, calls, phone call, phone, phonecall, telephone, ring, buzz, video call, zoom, zoom call, teams call,
        facetime, skype, whatsapp, google meet, hangout, hangouts, conference call, quick call, phone chat, bell,
        tinkle, number, mobile, cell, cellphone, voice call, callback, telephonic, telephonically, catch up call
        """
    static let callVerbs = """
        call, phone, ring, dial, buzz, telephone, text, whatsapp, facetime, skype, zoom, reach, contact
        """
    /// Talking together.
    static let talk = """
        talk, speak, chat, discuss, connect, catch up, sync, converse, touch base, continue the conversation,
        continue our conversation, continue the discussion, continue our discussion, have a word, go over, run through,
        walk through, pick your brain, pick your brains, debrief
        """
    /// Meeting in person or online.
    static let meeting = """
        meet, meeting, coffee, lunch, breakfast, dinner, drink, drinks, tea, virtual coffee, meetup, get-together,
        session, follow up meeting, appointment, one on one, swing by, pop in, drop by, stop by, pop by, drop in,
        come by, catch up, meet up
        """
    static let timeSlot = """
        time, minutes, mins, min, slot, moment, availability, calendar, half hour, an hour, 15, 20, 30, 10, 5, few minutes,
        window, diary
        """
    /// Making time happen.
    static let arrange = """
        schedule, set up, setup, arrange, book, find, grab, organise, organize, plan, fix, line up, hop on, jump on,
        get on, hop on a, jump on a, squeeze in, carve out, pencil in, put something in, have, do, block, make time,
        free up, get together
        """
    static let available = """
        available, free, reachable, contactable
        """
}

// Words the call rule asks about by name (``NoCallRule``).
extension Words {
    /// After "call for": what a call for papers asks for, not a phone call.
    static let calledFor: WordList = "papers, proposals, abstracts, submissions, applications, volunteers, entries, nominations, speakers, talks"
    /// Nouns after "call" or "phone" that make it a topic ("call centre", "phone interview", "callback function", "call for papers").
    static let callTopicNouns: WordList = """
        center, centre, centers, centres, rotation, rotations, schedule, duty, log, logs, stack, site, sites, graph,
        volume, volumes, quality, routing, flow, data, recording, recordings, transcript, transcripts, script, scripts,
        handling, queue, queues, metrics, analytics, interview, screen, screening, sign, option, options, chain, tree,
        bill, plan, plans, number, numbers, app, system, systems, records, notes, summary, sales, agents, agent, list,
        lists, sheet, action, review, reviews, function, functions, hell, handler, handlers, api, url, webhook
        """
    /// Words before a call that make it a proposal ("a quick call", "another call").
    static let proposalDeterminers: WordList = """
        a, an, another, quick, brief, short, one, some, 15, 10, 20, 30, minute
        """
    /// Words before a call that make it one that happened ("our call", "the phone interview").
    static let pastDeterminers: WordList = """
        our, the, this, that, today's, yesterday's, your, last, my, their
        """
    /// Food and drink offered together: "grab a coffee", "drinks after work".
    static let refreshments: WordList = """
        coffee, lunch, breakfast, dinner, drink, drinks, tea, meetup
        """
    /// Visiting and social time: always a proposal when offered.
    static let social: WordList = """
        coffee, lunch, breakfast, dinner, drink, drinks, tea, meetup, swing, pop, drop, stop, come
        """
    /// Words that carry a wish for more conversation ("talk more", "meet again").
    static let more: WordList = """
        more, further, again, sometime, soon, anytime, any, next, offline, over, in, this, later, another, personally, properly, briefly, quickly
        """
    /// "made a call on the role".
    static let makingVerbs: WordList = """
        make, made, making, makes
        """
    /// "hop on the phone".
    static let hoppingOn: WordList = """
        hop, jump, get, hopping, jumping
        """
    /// Talk after a call word ("a call discussion").
    static let talkNouns: WordList = """
        discussion, conversation, chat
        """
    /// Words that are a call by themselves.
    static let callWords: WordList = """
        call, calls, phone, ring, zoom, facetime, skype, hangout, buzz, video, teams, phonecall, callback
        """
    /// Verbs of phoning.
    static let phoningVerbs: WordList = """
        phone, call, ring, telephone
        """
    /// "the office", "your line".
    static let theOrYour: WordList = """
        the, your
        """
    /// Places one phones: "phone the office".
    static let callPlaces: WordList = """
        office, team, line, desk, reception
        """
    /// Verbs of calling someone.
    static let callingVerbs: WordList = """
        call, phone, ring, dial, buzz, telephone, calling, phoning, ringing, facetime, skype, zoom, whatsapp
        """
    /// "call your office", "ring your mobile".
    static let yourLine: WordList = """
        office, line, desk, phone, mobile, number, cell, extension, team
        """
    /// "reach you by phone".
    static let byPhone: WordList = """
        phone, telephone, mobile, cell, call, zoom, video
        """
    /// "gimme a ring".
    static let gimme: WordList = """
        call, ring, buzz, bell, shout
        """
    /// "give you a ring".
    static let giveACall: WordList = """
        call, ring, buzz, bell, shout, tinkle, phone
        """
    /// "call me", "reach me".
    static let callMe: WordList = """
        call, phone, ring, text, buzz, whatsapp, dial, telephone, reach, contact, reached, contacted
        """
    /// Where a phone is meant.
    static let phoneWords: WordList = """
        phone, mobile, cell, number, cellphone, whatsapp, telephone
        """
    /// Reaching someone.
    static let reaching: WordList = """
        reach, reached, contact, contacted
        """
    /// Where a number is.
    static let numberWords: WordList = """
        number, mobile, cell, phone, whatsapp
        """
    /// "the number below", "my mobile".
    static let pointedNumber: WordList = """
        below, above, my, this, same
        """
    /// "grab a coffee", "over lunch".
    static let beforeRefreshment: WordList = """
        a, for, grab, over, some, get, have, quick, and, or, virtual
        """
    /// "thanks for the coffee".
    static let thanking: WordList = """
        thank, thanks, for
        """
    /// "a quick chat".
    static let chatting: WordList = """
        chat, catch
        """
    /// "video call", "Teams chat".
    static let callOrChat: WordList = """
        call, chat
        """
    /// When a proposed slot falls.
    static let comingDays: WordList = """
        next, this, sometime, tomorrow, monday, tuesday, wednesday, thursday, friday
        """
    /// "by phone", "over Zoom".
    static let byMeans: WordList = """
        by, on, over
        """
    /// "over a call".
    static let overOn: WordList = """
        over, on
        """
    /// "another chat".
    static let another: WordList = """
        another, second, further, follow
        """
    /// After "let me know" in a proposal.
    static let afterLetMeKnow: WordList = """
        if, when, whether, a, what, your
        """
    /// "happy to…".
    static let willing: WordList = """
        happy, glad, keen, eager
        """
    /// Wanting to know, not to meet.
    static let askingWords: WordList = """
        ask, inquire, enquire, request, requesting, wonder, wondering, wondered
        """
    /// "I am available".
    static let beingAvailable: WordList = """
        i, we, am, are, be, is, i'm, we're, you're
        """
    /// "hope we", "hope to".
    static let weOrTo: WordList = """
        we, to
        """
    /// A question that proposes: "are you free…".
    static let questionOpeningProposal: WordList = """
        are, is, would, do, any
        """
    /// Words that make a number an invitation to call.
    static let numberInvites: WordList = """
        reach, contact, number, mobile, cell, whatsapp, text, tel
        """
}
