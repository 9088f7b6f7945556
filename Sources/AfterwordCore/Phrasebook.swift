/// The sentences drafts are built from, ten wordings of each so that every member of a panel of
/// up to ten gets their own note (AW-DISTINCT), and larger panels a different mix.
///
/// Every slot holds a value of a known shape, so that each sentence is grammatical whatever fills it:
/// `{topic}` a noun phrase the user confirmed (``Topic``), `{fit}` a noun phrase that starts with "my"
/// (``Fit``), `{role}` a job title that reads as one (``Phrasebook/roleTitle(_:)``), `{when}` the
/// interview's day as seen when the letter leaves ("today", "yesterday", "on Friday"; ``Occasion``),
/// `{met}` how they met ("meeting with me", "speaking with me") and `{sitDown}` ("sit down with me" only
/// in person). A line names the company as `{company}`; when the sentence before it already did, its
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
            "Thank you for {met} {when} about the {role} role at {company}.",
            without: "Thank you for {met} {when} about the {role} role."),
        Line("I appreciated the time you gave me {when} to discuss the {role} position, and I wanted to thank you for it."),
        Line(
            "I am grateful that you made time in your day to interview me for the {role} opening at {company}.",
            without: "I am grateful that you made time in your day to interview me for the {role} opening."),
        Line("Many thanks for {met} {when} and for walking me through what the {role} job involves."),
        Line("Thank you for the time you spent with me {when} during my interview for the {role} position."),
        Line("Thank you for {met} about the {role} role and for being so generous with your time."),
        Line("I wanted to thank you for your time {when} and for everything you told me about the {role} position."),
        Line(
            "Thank you for taking the time to interview me for the {role} role at {company}.",
            without: "Thank you for taking the time to interview me for the {role} role."),
        Line("I am grateful for the time you took {when} to talk with me about the {role} opening on your team."),
        Line("Thank you for our conversation {when} about the {role} role and for the time you set aside for it."),
    ]
    static let noteThanks: [Line] = [
        Line(
            "Thank you for taking the time to {sitDown} {when} to discuss the {role} position at {company}.",
            without: "Thank you for taking the time to {sitDown} {when} to discuss the {role} position."),
        Line("Thank you for taking the time to {sitDown} and to share what the {role} role involves."),
        Line("I am grateful that you took the time to {sitDown} to discuss the {role} opening."),
        Line("Many thanks for taking the time to {sitDown} during my {role} interview."),
        Line("Thank you for setting aside time {when} to {sitDown} and answer my questions about the {role} role."),
        Line("Thank you for taking the time to {sitDown} and describe the {role} position."),
        Line("I wanted to thank you for taking the time to {sitDown} to talk through the {role} role."),
        Line("Thank you for the time you took {when} to {sitDown} and walk me through the {role} position."),
        Line("I appreciated you taking the time to {sitDown} and to explain the {role} opening."),
        Line("Thank you so much for taking the time to {sitDown} for the {role} interview."),
    ]
    static let enjoyed: [Line] = [
        Line(
            "I enjoyed speaking with you and learning more about {company}.",
            without: "I enjoyed speaking with you and learning more about your team."),
        Line(
            "It was a pleasure to speak with you and to hear more about your role at {company}.",
            without: "It was a pleasure to speak with you and to hear more about your role on the team."),
        Line(
            "I really enjoyed our conversation and came away knowing much more about {company}.",
            without: "I really enjoyed our conversation and came away knowing much more about your team."),
        Line(
            "Speaking with you was a highlight, and I learned a great deal about {company}.",
            without: "Speaking with you was a highlight, and I learned a great deal about your work."),
        Line(
            "I enjoyed talking with you and hearing more about the people and the work at {company}.",
            without: "I enjoyed talking with you and hearing more about the people and the work on your team."),
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
            "Talking with you was a pleasure, and I learned a lot about life at {company}.",
            without: "Talking with you was a pleasure, and I learned a lot about life on your team."),
    ]
    /// Lines for the confirmed topic: a noun phrase after "about" or "of", never opening the sentence.
    static let topicLines: [Line] = [
        Line("I especially valued our conversation about {topic}."),
        Line("I came away with a lot to think about from our discussion of {topic}."),
        Line("I appreciated the chance to talk about {topic}."),
        Line("I especially enjoyed talking about {topic}."),
        Line("I am still thinking about our discussion of {topic}."),
        Line("I was glad we had time to talk about {topic}."),
        Line("Our exchange about {topic} was especially useful to me."),
        Line("I found our discussion of {topic} especially interesting."),
        Line("It was a pleasure to talk with you about {topic}."),
        Line("Our conversation about {topic} was the part I valued most."),
    ]
    /// Lines for the user's fit: `{fit}` is a noun phrase that starts with "my".
    static let fitLines: [Line] = [
        Line("I believe {fit} would let me contribute to the team from the start."),
        Line("I hope {fit} can be useful to your team."),
        Line("I think {fit} would be a good match for the role."),
        Line("I would be glad to bring {fit} to the team."),
        Line("Our conversation made me more confident that {fit} would serve the team well."),
        Line("I left thinking about how {fit} could help the team."),
        Line("I believe {fit} would serve the role well."),
        Line("I would welcome the chance to put {fit} to work on your team."),
        Line("I came away sure that {fit} would be useful in the role."),
        Line("I think {fit} would help me make a quick start in the role."),
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
        "All the best,", "With best regards,", "Many thanks,", "Warmest regards,",
    ]

    /// The sentences of one message, in order, grouped in paragraphs.
    enum Part: Sendable {
        case thanks, topic, fit, enjoyed, lookForward
    }

    /// The shapes an e-mail takes, so that a panel's messages are not the same letter reworded.
    static let emailShapes: [[[Part]]] = [
        [[.thanks, .topic, .fit], [.enjoyed, .lookForward]],
        [[.thanks], [.topic, .fit, .enjoyed], [.lookForward]],
        [[.enjoyed, .thanks], [.topic, .fit], [.lookForward]],
        [[.thanks, .enjoyed], [.topic, .fit, .lookForward]],
        [[.thanks, .topic, .fit], [.enjoyed], [.lookForward]],
    ]
    /// The shapes of a note card: short, one or two paragraphs.
    static let noteShapes: [[[Part]]] = [
        [[.thanks, .enjoyed, .topic, .fit]],
        [[.thanks, .topic, .fit], [.enjoyed]],
        [[.enjoyed, .thanks], [.topic, .fit]],
    ]

    /// The wording of one list for the panel member at `position`: each at its own index up to the
    /// list's length; beyond it the lists are shifted by different amounts (`slot`), so that the mix differs.
    static func index(_ position: Int, count: Int, slot: Int) -> Int {
        (position + slot * (position / count)) % count
    }

    /// The line with its placeholders filled. Every placeholder sits inside a sentence, never at its start.
    static func fill(_ line: Line, companyJustNamed: Bool, _ values: [String: String]) -> String {
        var text =
            companyJustNamed
            ? (line.without ?? line.text.replacingOccurrences(of: "{company}", with: "your team")) : line.text
        if values["role"] == nil {
            // No usable title: "the position", "my interview".
            for noun in ["role", "position", "opening", "job"] {
                text = text.replacingOccurrences(of: "the {role} \(noun)", with: "the position")
            }
            text = text.replacingOccurrences(of: "{role} interview", with: "interview")
        }
        // A note card is read days after it is written: it names no day.
        if values["when"] == nil { text = text.replacingOccurrences(of: " {when}", with: "") }
        // "Hartwell Electric Co." ends its sentence with its own full stop.
        if let company = values["company"], company.hasSuffix(".") { text = text.replacingOccurrences(of: "{company}.", with: "{company}") }
        for (key, value) in values { text = text.replacingOccurrences(of: "{\(key)}", with: value) }
        return text
    }

    /// The role as a title that reads in "the … role": "Backend Engineer"; nil when it does not
    /// ("Senior Engineer, Payments (Remote)", "Final round"), and the letter says "the position".
    static func roleTitle(_ role: String) -> String? {
        // "Nurse Manager, Med-Surg (Nights) - Final round" is a Nurse Manager: the title comes first.
        var head = ""
        var depth = 0
        for character in role {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 { head.append(character) }
        }
        for stop in [",", " - ", " – ", " — ", "|", ":", " / "] {
            if let range = head.range(of: stop) { head = String(head[..<range.lowerBound]) }
        }
        var words = head.split(whereSeparator: \.isWhitespace).map(String.init)
        while let last = words.last?.lowercased(), ["role", "position", "opening", "job", "interview"].contains(last) {
            words.removeLast()
        }
        if let first = words.first?.lowercased(), ["a", "an", "the"].contains(first) { words.removeFirst() }
        guard (1...8).contains(words.count) else { return nil }
        let text = words.joined(separator: " ")
        let lower = text.lowercased()
        // A round's name is not a job title ("Research Scientist Speech Technical Deep Dive").
        guard !text.contains(where: { "(),/|:;[]{}<>@#!?\"“”*=~_".contains($0) }), !text.contains(" - "), !text.contains("–"),
            !text.contains("—"),
            ![
                "interview", "round", "screen", "call", "chat", "loop", "onsite", "meeting", "panel", "invitation", "updated",
                "dive", "demo", "presentation", "superday", "debrief", "sync", "intro", "final", "virtual", "follow-up",
            ]
            .contains(where: { word in lower.split(separator: " ").contains { $0 == word } })
        else { return nil }
        return text
    }
}
