/// AW-THANKS — thanks them for their time.
///
/// Seed: "send a quick e-mail to thank them for their time"; for a note, "thanking the interviewer for
/// taking the time to sit down with you".
struct ThanksRule: DocumentRule {
    static let thanks = Pattern(
        anyOf: [
            "thank", "thanks", "thanking", "thankful", "grateful", "gratitude", "appreciate", "appreciated",
            "appreciation", "appreciative", "many thanks",
        ])
    static let time = Pattern(
        anyOf: [
            "time", "meeting", "meet", "met", "speaking", "speak", "spoke", "talking", "talk", "conversation",
            "interview", "interviewing", "sit down", "sitting down", "sat down", "chat", "chatting", "discussion",
            "opportunity", "hospitality", "consideration", "insight", "insights", "call", "visit",
        ])

    func check(_ input: RuleInput) -> [Finding] {
        guard input.normalized.contains(Self.thanks) else {
            let how =
                input.channel == .note
                ? "thank them for taking the time to sit down with you" : "thank them for their time"
            return [input.missing(.thanks, .error, "never says thank you; \(how)")]
        }
        guard input.normalized.contains(Self.time) else {
            return [input.missing(.thanks, .hint, "say what the thanks is for: their time and the conversation")]
        }
        return []
    }
}

/// AW-LOOKFWD — the e-mail says you look forward to hearing from them.
///
/// Seed: "thank them for their time and that you are looking forward to hearing from them".
struct LookForwardRule: DocumentRule {
    static let lookForward = Pattern(
        "\\b(?:look|looking|looks) forward to (?:hearing|learning|speaking|talking|the next|next steps|continuing|connecting|working|meeting|any news|news)\\b"
            + "|\\b(?:hope|hoping|eager|excited|keen|glad|happy) to hear\\b|\\bhear(?:ing)? from you\\b")

    func check(_ input: RuleInput) -> [Finding] {
        guard input.channel == .email, !input.normalized.contains(Self.lookForward) else { return [] }
        return [input.missing(.lookForward, .warning, "say you look forward to hearing from them")]
    }
}

/// AW-ENJOYED — the note says you enjoyed speaking with them and learning about the company.
///
/// Seed: "express how much you enjoyed speaking with them and learning more about the company".
struct EnjoyedRule: DocumentRule {
    static let enjoyed = Pattern(
        "\\b(?:enjoy|enjoyed|enjoying|enjoyable|pleasure|glad|delighted|loved|great|wonderful|nice|fascinating|interesting|insightful|valued|happy|fun|privilege|honou?r|highlight)\\b"
            + Phrase.gap(80)
            + "\\b(?:speak|talk|meet|learn|chat|conversation|discuss|hear|getting to know|visit)\\w*"
            + "|\\b(?:speaking|talking|meeting|chatting|conversation|learning|discussion)\\b" + Phrase.gap(60)
            + "\\b(?:was|were|is) (?:a |an |truly |really |very |so )?(?:pleasure|great|wonderful|delight|privilege|enjoyable|insightful|fascinating|highlight|fun)")
    static let learning = Pattern("\\blearn\\w*\\b|\\b(?:hear|hearing|heard|know|knowing|more) (?:more )?about\\b")

    func check(_ input: RuleInput) -> [Finding] {
        if !input.normalized.contains(Self.enjoyed) {
            let severity: Severity = input.channel == .note ? .warning : .hint
            return [
                input.missing(
                    .enjoyed, severity, "say how much you enjoyed speaking with them and learning more about the company")
            ]
        }
        if input.channel == .note, !input.normalized.contains(Self.learning) {
            return [input.missing(.enjoyed, .hint, "mention what you enjoyed learning about the company")]
        }
        return []
    }
}
