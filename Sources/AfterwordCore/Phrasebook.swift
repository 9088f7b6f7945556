/// The sentences drafts are built from, in several wordings so that each interviewer of a panel
/// gets their own note (AW-DISTINCT). Index `n` of every list goes to the `n`-th interviewer.
enum Phrasebook {
    static let emailThanks = [
        "Thank you for your time and for talking with me about the {role} role at {company}.",
        "I appreciated the time you gave me to discuss the {role} position, and I wanted to thank you for it.",
        "I am grateful that you made time in your day to interview me for the {role} opening at {company}.",
        "Many thanks for meeting with me and for walking me through what the {role} job involves.",
        "Thank you for the time you spent with me during my interview for the {role} position.",
    ]
    static let noteThanks = [
        "Thank you for taking the time to sit down with me to discuss the {role} position at {company}.",
        "Thank you for taking the time to sit down with me and talk about the {role} role.",
        "I am grateful that you took the time to sit down with me about the {role} opening.",
        "Many thanks for taking the time to sit down with me during my {role} interview.",
        "Thank you for setting aside time to sit down with me and answer my questions about the {role} role.",
    ]
    static let enjoyed = [
        "I enjoyed speaking with you and learning more about {company}.",
        "It was a pleasure to meet you and to learn more about how {company} works.",
        "I really enjoyed our conversation and came away knowing much more about {company}.",
        "Speaking with you was a highlight, and I learned a great deal about {company}.",
        "I enjoyed meeting you and hearing more about the people and the work at {company}.",
    ]
    /// Lines that carry a noun phrase from the user's notes ("the migration to Postgres").
    static let topicLines = [
        "I especially valued our discussion of {topic}.",
        "Our conversation about {topic} has stayed with me.",
        "What you said about {topic} gave me a lot to think about.",
        "Hearing your perspective on {topic} was especially useful.",
        "I appreciated the chance to talk through {topic} with you.",
    ]
    /// Lines that carry a whole sentence from the user's notes ("Dana showed me the on-call dashboard").
    static let noteLines = [
        "One moment I keep thinking about: {topic}.",
        "Something that stayed with me from our conversation: {topic}.",
        "A part of the interview I valued in particular: {topic}.",
        "What I will remember from our talk: {topic}.",
        "The detail that stood out most to me: {topic}.",
    ]
    static let lookForward = [
        "I look forward to hearing from you.",
        "I am looking forward to hearing from you about the next steps.",
        "I look forward to hearing from you when the time is right.",
        "I am looking forward to hearing from you.",
        "I look forward to hearing from you in due course.",
    ]
    static let closing = ["Best regards,", "Kind regards,", "With thanks,", "Sincerely,", "Warm regards,"]

    /// The `n`-th wording, cycling when a panel is larger than the list.
    static func pick(_ list: [String], _ position: Int, _ values: [String: String]) -> String {
        var text = list[position % list.count]
        for (key, value) in values { text = text.replacingOccurrences(of: "{\(key)}", with: value) }
        return text
    }
}

import Foundation
