/// The sentences drafts are built from, ten wordings of each so that every member of a panel of
/// up to ten gets their own note (AW-DISTINCT), and larger panels a different mix.
///
/// A line names the company as `{company}`; when the sentence before it already did, its
/// `without` wording is used, so that no two sentences in a row repeat the company.
enum Phrasebook {
    /// One wording, and the same thought without the company's name.
    struct Line: Sendable {
        var text: String
        var without: String?

        init(_ text: String, without: String? = nil) {
            self.text = text
            self.without = without
        }
    }

    static let emailThanks: [Line] = [
        Line(
            "Thank you for your time today and for talking with me about the {role} role at {company}.",
            without: "Thank you for your time today and for talking with me about the {role} role."),
        Line("I appreciated the time you gave me to discuss the {role} position, and I wanted to thank you for it."),
        Line(
            "I am grateful that you made time in your day to interview me for the {role} opening at {company}.",
            without: "I am grateful that you made time in your day to interview me for the {role} opening."),
        Line("Many thanks for meeting with me and for walking me through what the {role} job involves."),
        Line("Thank you for the time you spent with me during my interview for the {role} position."),
        Line("Thank you for meeting with me about the {role} role and for being so generous with your time."),
        Line("I wanted to thank you for your time and for everything you told me about the {role} position."),
        Line(
            "Thank you for taking the time to interview me for the {role} role at {company}.",
            without: "Thank you for taking the time to interview me for the {role} role."),
        Line("I am grateful for the time you took to talk with me about the {role} opening on your team."),
        Line("Thank you for our conversation about the {role} role and for the time you set aside for it."),
    ]
    static let noteThanks: [Line] = [
        Line(
            "Thank you for taking the time to sit down with me to discuss the {role} position at {company}.",
            without: "Thank you for taking the time to sit down with me to discuss the {role} position."),
        Line("Thank you for taking the time to sit down with me and talk about the {role} role."),
        Line("I am grateful that you took the time to sit down with me about the {role} opening."),
        Line("Many thanks for taking the time to sit down with me during my {role} interview."),
        Line("Thank you for setting aside time to sit down with me and answer my questions about the {role} role."),
        Line("Thank you for taking the time to sit down with me and tell me about the {role} position."),
        Line("I wanted to thank you for taking the time to sit down with me about the {role} role."),
        Line("Thank you for the time you took to sit down with me and talk through the {role} position."),
        Line("I appreciated you taking the time to sit down with me about the {role} opening."),
        Line("Thank you so much for taking the time to sit down with me for the {role} interview."),
    ]
    static let enjoyed: [Line] = [
        Line(
            "I enjoyed speaking with you and learning more about {company}.",
            without: "I enjoyed speaking with you and learning more about your team."),
        Line(
            "It was a pleasure to meet you and to learn more about how {company} works.",
            without: "It was a pleasure to meet you and to learn more about how your team works."),
        Line(
            "I really enjoyed our conversation and came away knowing much more about {company}.",
            without: "I really enjoyed our conversation and came away knowing much more about your team."),
        Line(
            "Speaking with you was a highlight, and I learned a great deal about {company}.",
            without: "Speaking with you was a highlight, and I learned a great deal about your work."),
        Line(
            "I enjoyed meeting you and hearing more about the people and the work at {company}.",
            without: "I enjoyed meeting you and hearing more about the people and the work on your team."),
        Line(
            "I was glad to hear about your team's work at {company}, and I enjoyed our conversation.",
            without: "I was glad to hear about your team's work, and I enjoyed our conversation."),
        Line(
            "Our conversation was a real pleasure, and it taught me a lot about {company}.",
            without: "Our conversation was a real pleasure, and it taught me a lot about how your team works."),
        Line(
            "I enjoyed learning about {company} from someone who knows it so well.",
            without: "I enjoyed learning about your team from someone who knows it so well."),
        Line(
            "It was good to talk with you and to learn what working at {company} is like.",
            without: "It was good to talk with you and to learn what working on your team is like."),
        Line(
            "Meeting you was a pleasure, and I learned a lot about life at {company}.",
            without: "Meeting you was a pleasure, and I learned a lot about life on your team."),
    ]
    /// Lines that carry a noun phrase from the notes ("the migration to Postgres", "the dashboard you showed me").
    static let phraseLines: [Line] = [
        Line("I especially valued our conversation about {topic}."),
        Line("{Topic} has stayed with me since we spoke."),
        Line("I keep coming back to {topic}."),
        Line("I appreciated the chance to hear about {topic}."),
        Line("Learning about {topic} was a highlight for me."),
        Line("I am still thinking about {topic}."),
        Line("It was good to get a closer look at {topic}."),
        Line("Our talk about {topic} gave me a clear picture of the work."),
        Line("I found {topic} especially interesting."),
        Line("{Topic} was the part of our conversation I valued most."),
    ]
    /// Lines that carry a clause with I, we or you as its subject ("you asked about my Kafka work").
    static let clauseLines: [Line] = [
        Line("I keep thinking back to when {topic}."),
        Line("A highlight for me was when {topic}."),
        Line("I especially enjoyed the part of our conversation where {topic}."),
        Line("I appreciated that {topic}."),
        Line("It stayed with me that {topic}."),
        Line("I was glad that {topic}."),
        Line("One part I valued in particular was when {topic}."),
        Line("I still think about the moment {topic}."),
        Line("It meant a lot to me that {topic}."),
        Line("I came away glad that {topic}."),
    ]
    /// Lines that carry a statement about something else ("the team is moving to Kubernetes").
    static let statementLines: [Line] = [
        Line("I was interested to hear that {topic}."),
        Line("It was good to learn that {topic}."),
        Line("I was glad to hear that {topic}."),
        Line("It was interesting to learn that {topic}."),
        Line("I came away intrigued that {topic}."),
        Line("I was struck to learn that {topic}."),
        Line("It stayed with me that {topic}."),
        Line("I found it interesting that {topic}."),
        Line("I was encouraged to hear that {topic}."),
        Line("It was great to hear that {topic}."),
    ]
    /// The user's fit, right after the line about the conversation, linking the two ("that work").
    static let fitAfterTopic: [Line] = [
        Line("I believe {fit} would let me contribute to that work from the start."),
        Line("That is where I think {fit} would be most useful to the team."),
        Line("It is the kind of problem where {fit} would let me help quickly."),
        Line("I would be glad to bring {fit} to work like that."),
        Line("I think {fit} would be a good match for that work."),
        Line("It made me think about how {fit} could help there."),
        Line("It is exactly where {fit} would be useful."),
        Line("I came away thinking that {fit} would suit that work well."),
        Line("I hope {fit} could help with exactly that kind of work."),
        Line("That work is where {fit} would count most."),
    ]
    /// The user's fit when the notes gave nothing to link it to.
    static let fitAlone: [Line] = [
        Line("I believe {fit} would let me contribute to the team from the start."),
        Line("Our conversation made me more confident that {fit} would serve the team well."),
        Line("I left thinking about how {fit} could help the team."),
        Line("I would be glad to bring {fit} to the team."),
        Line("I think {fit} would be a good match for the role."),
    ]
    /// The user's fit written as a sentence of their own ("I ran Kafka at scale for five years").
    static let fitClause: [Line] = [
        Line("{Fit}, and I would be glad to bring that to the team."),
        Line("{Fit}, so the role feels like a natural next step for me."),
        Line("{Fit}, which I would be glad to put to work for the team."),
    ]
    static let lookForward: [Line] = [
        Line("I look forward to hearing from you."),
        Line("I am looking forward to hearing from you about the next steps."),
        Line("I look forward to hearing from you when the time is right."),
        Line("I am looking forward to hearing from you."),
        Line("I look forward to hearing from you in due course."),
        Line("I look forward to hearing from you about what comes next."),
        Line("I look forward to hearing from you whenever it suits you."),
        Line("I remain very interested in the role and look forward to hearing from you."),
        Line("With thanks again, I look forward to hearing from you."),
        Line("Thank you again, and I look forward to hearing from you."),
    ]
    static let closing = [
        "Best regards,", "Kind regards,", "With thanks,", "Sincerely,", "Warm regards,", "Best wishes,",
        "All the best,",
        "With best regards,", "Many thanks,", "Warmest regards,",
    ]

    /// The sentences of one message, in order, grouped in paragraphs.
    enum Part: Sendable {
        case thanks, specific, fit, enjoyed, lookForward
    }

    /// The shapes an e-mail takes, so that a panel's messages are not the same letter reworded.
    static let emailShapes: [[[Part]]] = [
        [[.thanks, .specific, .fit], [.enjoyed, .lookForward]],
        [[.thanks], [.specific, .fit, .enjoyed], [.lookForward]],
        [[.enjoyed, .thanks], [.specific, .fit], [.lookForward]],
        [[.thanks, .enjoyed], [.specific, .fit, .lookForward]],
        [[.thanks, .specific, .fit], [.enjoyed], [.lookForward]],
    ]
    /// The shapes of a note card: short, one or two paragraphs.
    static let noteShapes: [[[Part]]] = [
        [[.thanks, .enjoyed, .specific, .fit]],
        [[.thanks, .specific, .fit], [.enjoyed]],
        [[.enjoyed, .thanks], [.specific, .fit]],
    ]

    /// The wording of one list for the panel member at `position`: each at its own index up to the
    /// list's length; beyond it the lists are shifted by different amounts (`slot`), so that the mix differs.
    static func index(_ position: Int, count: Int, slot: Int) -> Int {
        (position + slot * (position / count)) % count
    }

    /// The line with its placeholders filled; `{Topic}` and `{Fit}` begin a sentence.
    static func fill(_ line: Line, companyJustNamed: Bool, _ values: [String: String]) -> String {
        var text =
            companyJustNamed
            ? (line.without ?? line.text.replacingOccurrences(of: "{company}", with: "your team")) : line.text
        for (key, value) in values {
            text = text.replacingOccurrences(of: "{\(key)}", with: value)
            let capitalizedKey = key.prefix(1).uppercased() + key.dropFirst()
            text = text.replacingOccurrences(
                of: "{\(capitalizedKey)}", with: value.prefix(1).uppercased() + value.dropFirst())
        }
        return text
    }
}
