// What a thank-you should say: thanks, enjoyment, what was learned, looking forward.
extension Lexicons {
    static let thanks = """
        thank, thanks, thanking, thankful, thx, thanx, thnx, tnx, ty, tysm, tyvm, grateful, gratitude, appreciate,
        appreciated, appreciation, appreciative, many thanks, cheers for, much obliged, thank-you, thankyou, merci,
        gracias, danke, kudos for
        """
    static let enjoy = """
        enjoy, enjoyed, enjoying, enjoyable, pleasure, glad, delighted, delight, loved, love, great, wonderful, nice,
        fascinating, interesting, insightful, valued, happy, fun, privilege, honour, honor, highlight, pleased,
        excellent, fantastic, lovely, terrific, inspiring, engaging, stimulating, refreshing, energizing, energising,
        informative, rewarding, memorable, good, thrilled, impressed, amazing, brilliant, superb, exciting, excited,
        treat, fruitful, productive, thoughtful, warm, welcoming, appreciated, valuable, enlightening, illuminating
        """
    static let conversation = """
        speak, speaking, spoke, talk, talking, talked, meet, meeting, met, learn, learning, learned, learnt,
        chat, chatting, chatted, conversation, conversations, discuss, discussing, discussed, discussion, hear,
        hearing, heard, getting to know, get to know, visit, visiting, interview, interviewing, interviewed, time,
        exchange, dialogue, session, tour, day, afternoon, morning, call, connect, connecting, sit down, sitting down,
        sat down, walkthrough, presentation, insights, insight, perspective, explaining, sharing, showing, introduction
        """
    static let learn = """
        learn, learning, learned, learnt, hear about, hearing about, heard about, know about, knowing about,
        more about, understand, understanding, insight into, insights into, discover, discovering, discovered,
        find out, finding out, found out, see how, seeing how, saw how, explore, exploring, glimpse
        """
    static let lookForward = """
        look forward, looking forward, looks forward, look forward to, await hearing, looking fwd, look fwd,
        excited about the next, excited for the next, excited to hear, eager to hear, keen to hear, hope to hear,
        hoping to hear, hope to be in touch, look forward to hearing, hope to speak, hope to talk, hope to work,
        excited to continue, excited about next steps, next steps, the next stage, the next step, the next round
        """
    /// Hearing from them: the recommended close, not a demand.
    static let hearFrom = """
        hear from you, hearing from you, heard from you, hear from your, hearing from your, hear back, hearing back,
        hear more, hear about next steps, hearing about next steps, hear about the next steps,
        hearing about the next steps, hear from the team, hearing from the team
        """
}

// Words the gratitude rules ask about by name.
extension Words {
    /// What a thank-you may thank them for besides the conversation itself.
    static let occasions: WordList = "opportunity, chance, consideration, welcome, hospitality, invitation, panel, onsite, screening, having, earlier"
    /// After "look forward to", a future too vague to be a look-forward to hearing from them.
    static let vagueFuture: WordList = "road, future, whatever, possibilities, journey, adventure, chapter, ahead, unknown"
    /// Words that end what a thanks is for ("…after we spoke").
    static let subordinators: WordList = "after, before, when, since, while, once"
    /// Words after which something learned about them follows ("about", "how your crew…").
    static let learnedThings: WordList = "about, how, on, into"
    /// Verbs of enjoying what was done together.
    static let enjoying: WordList = "enjoy, enjoyed, enjoying, loved, pleasure, privilege, treat"
    /// Enthusiasm that is about the role or the place, not the conversation, unless it says so.
    static let enthusiasm: WordList = "thrilled, excited, exciting, impressed, struck, inspiring, inspired, amazing, energizing, energising"
}
