/// AW-ONCE (the wording part) — one thank-you; never a follow-up to check it arrived.
///
/// A second message to make sure the first arrived, or to ask where things stand, makes the
/// candidate an annoyance. The ledger enforces the sending part; this rule flags follow-up and
/// status-check wording in any draft: following up, checking in, circling back, bumping,
/// reminding, resending, asking whether an earlier message arrived, saying you have not heard back.
/// A plan to contact someone else about something they asked for is not a follow-up.
/// See docs/etiquette.md.
struct OnceRule: SentenceRule {
    static let followUp = "reads as a follow-up; send one thank-you and leave it at that (following up makes you an annoyance)"
    static let receipt = "checks whether an earlier message arrived; trust that it did and do not follow up"

    /// Nouns that make "follow-up" or "check-in" a description of something else ("a follow-up question").
    static let describedNouns: Set<String> = [
        "question", "questions", "interview", "interviews", "round", "rounds", "meeting", "meetings", "conversation",
        "discussion", "session", "visit", "appointment", "task", "tasks", "item", "items", "action", "actions",
        "project", "study", "care", "plan", "work", "exercise", "flow", "process", "desk", "time", "kiosk", "app",
        "feature", "page", "screen", "counter", "system", "times", "experience", "emails", "assignment", "survey",
        "form", "data", "rate", "rates", "procedure", "logic", "cadence", "tickets", "ticket", "sequence",
        "materials", "material", "resources", "notes", "links", "documents", "studies", "visits", "calls", "call",
        "format", "meetings", "ritual", "routine", "template", "templates", "workflow", "strategy", "emails",
    ]
    /// Whom a team follows up with as part of its work ("following up with customers").
    static let describedPeople: Set<String> = [
        "customers", "customer", "clients", "client", "users", "user", "patients", "patient", "leads", "lead",
        "candidates", "students", "parents", "families", "donors", "partners", "vendors", "suppliers", "every", "each",
        "them", "guests", "buyers", "accounts", "prospects", "members",
    ]
    /// Words that make a hyphenated "check-in" or "follow-up" a thing ("the weekly check-in").
    static let nounMarkers: Set<String> = [
        "the", "a", "weekly", "daily", "regular", "morning", "quick", "every", "each", "our", "their", "your", "monthly",
        "short", "brief", "structured", "informal", "formal", "one", "two", "that", "this", "any", "annual",
    ]
    /// Things a person may rightly be sent later: following up with these is not a status check.
    static let deliverables: Set<String> = [
        "references", "reference", "referees", "paperwork", "documents", "document", "forms", "portfolio", "samples",
        "sample", "transcript", "transcripts", "availability", "suggestion", "recommendation", "advice", "tip", "pointer",
        "reading", "book", "article", "certificates", "details", "information", "link", "links", "code", "repo",
        "slides", "deck", "writing", "materials", "examples", "recommendations",
    ]

    func check(_ s: Sentence, _ input: RuleInput) -> Flag? {
        for position in 0..<s.count {
            let tags = s.tags[position]
            if tags.contains(.followUp) || tags.contains(.checkIn) {
                if let flag = followUp(s, position, input) { return flag }
            } else if tags.contains(.nudge), let end = nudge(s, position) {
                return input.flag(.once, .error, Self.followUp, in: s, position, end)
            } else if tags.contains(.resend), !s.isNegated(position) {
                return input.flag(.once, .error, Self.followUp, in: s, position, s.phraseEnd[position] - 1)
            }
        }
        if let hit = Self.receiptCheck(s) {
            // "As per my previous mail" points back at an earlier message without asking whether it arrived.
            let pointsBack = (hit.0...max(hit.0, hit.1)).contains { $0 < s.count && (s.tags[$0].contains(.previous) || s.lower[$0] == "further") }
            return input.flag(.once, .error, pointsBack ? Self.followUp : Self.receipt, in: s, hit.0, hit.1)
        }
        if let hit = notHeardBack(s) { return input.flag(.once, .error, Self.followUp, in: s, hit.0, hit.1) }
        if let hit = statusCheck(s) { return input.flag(.once, .error, Self.followUp, in: s, hit.0, hit.1) }
        return nil
    }

    private func followUp(_ s: Sentence, _ position: Int, _ input: RuleInput) -> Flag? {
        let end = s.phraseEnd[position]
        let next = end < s.count ? s.lower[end] : ""
        // "a follow-up question", "the check-in flow": a description, not a follow-up — but
        // "I'm sending this follow-up email" is one.
        let writerBefore = s.any(.me, in: s.clauseStart(of: position)..<position) || s.lower.prefix(position).contains { ["i'm", "i'll", "i've", "i'd"].contains($0) }
        if Self.describedNouns.contains(next), !(writerBefore && ["email", "emails", "message", "note", "letter", "mail"].contains(next)) { return nil }
        // "I received the follow-up email from HR": a message someone else sent (but "you got my follow-up" is mine).
        if position > 1, ["the", "a", "an", "their", "his", "her", "this", "that"].contains(s.lower[position - 1]),
            s.any(.receive, in: min(max(s.clauseStart(of: position), position - 4), position - 1)..<(position - 1))
        {
            return nil
        }
        let hyphenated = end - 1 > position && input.tokens[s.words[end - 1]].hyphenBefore
        if hyphenated, position > 0, Self.nounMarkers.contains(s.lower[position - 1]),
            !["on", "regarding", "about", "re", "to", "with", "from", "for", "email", "message", "note", "mail"].contains(next)
        {
            return nil
        }
        // "the mobile check-in rollout": before a plain noun (one the lexicons do not know, or a
        // concrete thing such as a rollout or a dashboard), a hyphenated check-in or follow-up names a thing.
        if hyphenated, end < s.count, s.tags[end].isSubset(of: .technology), !input.tokens[s.words[end]].isCapitalized,
            !["regarding", "concerning", "re", "after", "since", "as", "because", "now", "here", "today", "and", "but", "so"].contains(s.lower[end])
        {
            return nil
        }
        // Checking in at a desk; following up with customers as a team's practice.
        // "the way I check in with my accounts": the writer's own clients.
        let with = end + 1 < s.count && ["my", "our", "their", "his", "her", "all", "new"].contains(s.lower[end + 1]) ? end + 2 : end + 1
        if next == "at" || (next == "with" && with < s.count && Self.describedPeople.contains(s.lower[with])) { return nil }
        // "how the team follows up on action items": someone else's practice.
        if position > 0, s.tags[position - 1].contains(.thirdParty) || ["team", "teams", "company", "staff", "who", "they", "everyone", "department", "officers", "nurses", "managers", "engineers"].contains(s.lower[position - 1]) {
            return nil
        }
        let clause = s.clauseStart(of: position)..<position
        // "I liked how your officers … follow up on repairs": the writer tells of someone else's practice.
        if let me = clause.last(where: { s.tags[$0].contains(.me) }),
            let how = ((me + 1)..<position).first(where: { ["how", "when", "whenever", "that", "where"].contains(s.lower[$0]) }),
            ((how + 1)..<position).contains(where: { s.tags[$0].contains(.you) || s.tags[$0].contains(.thirdParty) })
        {
            return nil
        }
        if !s.any(.me, in: clause), clause.contains(where: { s.tags[$0].contains(.you) || s.tags[$0].contains(.thirdParty) || ["team", "company", "staff", "department", "support", "everyone", "approach", "process"].contains(s.lower[$0]) }) {
            return nil
        }
        // Someone else followed up or checked in ("you followed up", "thanks for checking in with me").
        if position > 0 {
            let previous = s.tags[position - 1]
            if previous.contains(.you) || previous.contains(.thirdParty) && !s.lower[position - 1].hasPrefix("i") { return nil }
            if s.lower[position - 1] == "for", s.any(.thanks, in: 0..<position) { return nil }
            if ["your", "their", "his", "her"].contains(s.lower[position - 1]) { return nil }
        }
        if position > 0, s.tags[position - 1].contains(.negation) || (position > 1 && s.tags[position - 2].contains(.negation) && s.lower[position - 2] != "don't" && s.lower[position - 1] != "mind") {
            return nil
        }
        // A plan to send someone what they asked for ("I'll follow up with the recruiter about my references").
        let rest = end..<(end + 14)
        let withOther = end < s.count && s.lower[end] == "with" && end + 1 < s.count && !s.tags[end + 1].contains(.you)
        let askedFor = s.first(["asked", "requested", "suggested", "recommended", "mentioned", "offered"], in: rest) != nil
        let deliverable = rest.clamped(to: 0..<s.count).contains { Self.deliverables.contains(s.lower[$0]) }
        if deliverable && (withOther || askedFor || s.lower[end] == "on" || s.lower[end] == "with") && !s.has(.status) { return nil }
        if withOther && askedFor { return nil }
        let start = position > 0 && s.lower[position - 1] == "just" ? position - 1 : position
        return input.flag(.once, .error, OnceRule.followUp, in: s, start, end - 1)
    }

    /// "bumping this", "a gentle reminder", "pinging you again", "chasing up": the end position.
    private func nudge(_ s: Sentence, _ position: Int) -> Int? {
        let word = s.lower[position]
        let next = position + 1 < s.count ? s.lower[position + 1] : ""
        let previous = position > 0 ? s.lower[position - 1] : ""
        if s.isNegated(position, window: 2) { return nil }
        switch word {
        case "top", "back", "pester", "pestering", "bother", "bothering", "trouble":
            return s.phraseEnd[position] - 1
        case _ where word.hasPrefix("bump"):
            return ["this", "my", "it", "up", "the", "thread", "email", "message"].contains(next) ? position + 1 : nil
        case _ where word.hasPrefix("remind"):
            if ["gentle", "friendly", "quick", "polite", "kind", "just", "a", "small", "brief", "this"].contains(previous) || ["you", "that"].contains(next) {
                return next == "you" ? position + 1 : position
            }
            return nil
        case _ where word.hasPrefix("ping") || word.hasPrefix("nudg") || word.hasPrefix("poke") || word.hasPrefix("prod"):
            return ["you", "again", "this", "once", "the", "it"].contains(next) || ["gentle", "friendly", "quick", "a", "just", "little"].contains(previous)
                ? position + (next.isEmpty ? 0 : 1) : nil
        case _ where word.hasPrefix("chas"):
            return ["up", "this", "my", "the", "you"].contains(next) ? position + 1 : nil
        default:
            return nil
        }
    }

    /// "Did you get my last email?", "did my note reach you", "in case you missed it", "my previous message".
    static func receiptCheck(_ s: Sentence) -> (Int, Int)? {
        // "wanted to make sure it reached you", "not sure it arrived", "to check that my note got through".
        for position in s.positions(.receive) where position > 0 {
            let before = max(0, position - 5)..<position
            let checking = s.first(["sure", "ensure", "check", "checking", "certain", "confirm", "verify", "whether"], in: before)
            let object = s.any([.message], in: before) || (position + 1 < s.count && s.tags[position + 1].contains(.you))
            let received = ["reached", "arrived", "reach", "arrive", "received", "got", "landed", "made", "came", "went"].contains(s.lower[position])
            if let checking, object, received, !s.tags[position].contains(.confirm) { return (checking, position) }
        }
        // A question to them about a message: "Did you get my e-mail?", "Have you had a chance to read my note?"
        if s.isQuestion || s.has([.wouldLike]) || s.first(["make", "ensure", "check", "checking", "sure", "see"], in: 0..<s.count) != nil {
            for position in s.positions(.receive) where !s.isNegated(position) {
                let before = max(0, position - 5)..<position
                let after = (position + 1)..<(position + 5)
                let you = s.any(.you, in: before) || (s.tags[position].contains(.receive) && s.any(.you, in: after) && s.any(.message, in: before))
                let message = s.positions(.message).contains { ($0 > position && $0 < position + 5 || ($0 < position && $0 >= position - 4)) && !["it", "this"].contains(s.lower[$0]) }
                    || (s.any(.message, in: after) && s.any(.previous, in: after))
                let ownMessage = s.first(["my", "our"], in: max(0, position - 7)..<(position + 4)) != nil
                if you && message && ownMessage { return (max(0, before.lowerBound), position) }
                if !you, message, ownMessage, s.any(.you, in: after) { return (max(0, position - 3), position + 1) }
            }
        }
        // "in case you missed it", "in case my note got buried".
        if let position = s.first(["case"], in: 0..<s.count), position > 0, s.lower[position - 1] == "in",
            let hit = s.first(["missed", "buried", "lost", "spam", "junk", "overlooked", "slipped"], in: (position + 1)..<(position + 7))
                ?? s.first(.receive, in: (position + 1)..<(position + 6)).flatMap({ s.isNegated($0) ? $0 : nil })
        {
            return (position - 1, hit)
        }
        // "my previous e-mail", "as per my last message", "further to my note".
        // "my email below", "my note from last week".
        for position in s.positions(.message) where position > 0 && ["my", "our"].contains(s.lower[position - 1]) && position + 1 < s.count {
            if ["below", "above", "earlier"].contains(s.lower[position + 1]) && !["application", "resume", "cv", "portfolio"].contains(s.lower[position]) {
                return (position - 1, position + 1)
            }
        }
        for position in s.positions(.previous) where position > 0 && ["my", "our"].contains(s.lower[position - 1]) {
            let next = (position + 1)..<(position + 3)
            if let message = next.clamped(to: 0..<s.count).first(where: { s.tags[$0].contains(.message) && !["it", "this", "application", "resume", "cv", "portfolio", "card"].contains(s.lower[$0]) }) {
                return (position - 1, message)
            }
        }
        if let position = s.first(["further"], in: 0..<s.count), position + 2 < s.count, s.lower[position + 1] == "to",
            ["my", "our"].contains(s.lower[position + 2])
        {
            return (position, position + 2)
        }
        return nil
    }

    /// "I haven't heard back", "still waiting to hear", "no response yet".
    private func notHeardBack(_ s: Sentence) -> (Int, Int)? {
        for position in 0..<s.count {
            let word = s.lower[position]
            if word == "heard" || word == "hear" || word == "received" || word == "gotten" || word == "got" || word == "had" {
                let next = position + 1 < s.count ? s.lower[position + 1] : ""
                guard ["back", "anything", "from", "a", "any"].contains(next) else { continue }
                if next == "a" || next == "any" {
                    guard position + 2 < s.count, ["reply", "response", "answer", "update", "word", "news"].contains(s.lower[position + 2]) else { continue }
                }
                if next == "from", !(position + 2 < s.count && s.tags[position + 2].contains(.you)) { continue }
                if s.isNegated(position, window: 3) || s.first(["yet", "still"], in: max(0, position - 3)..<(position + 6)) != nil && s.isNegated(position, window: 4) {
                    return (max(0, position - 2), position + 1)
                }
            }
            if word == "still", position + 1 < s.count, ["waiting", "hoping", "awaiting"].contains(s.lower[position + 1]) {
                return (position, position + 1)
            }
            if word == "no", position + 1 < s.count, ["reply", "response", "word", "news", "answer"].contains(s.lower[position + 1]),
                s.first(["yet", "so", "still"], in: (position + 2)..<(position + 5)) != nil
            {
                return (position, position + 1)
            }
        }
        return nil
    }

    /// "any updates?", "checking on the status of my application", "wondering about the status".
    private func statusCheck(_ s: Sentence) -> (Int, Int)? {
        for position in s.positions(.any) where s.lower[position] == "any" && position + 1 < s.count {
            let next = s.lower[position + 1]
            if ["update", "updates", "news", "word", "progress", "developments"].contains(next), s.isQuestion || s.count <= 6 {
                return (position, position + 1)
            }
        }
        for position in 0..<s.count where s.lower[position] == "status" {
            let before = max(0, position - 6)..<position
            let after = (position + 1)..<(position + 5)
            let asking = s.first(["check", "checking", "inquire", "enquire", "inquiring", "enquiring", "wondering", "wonder", "curious"], in: before) != nil
                || s.isQuestion
            let mine = s.any(.candidacy, in: after) || s.first(["my", "our"], in: after) != nil
            if asking && mine && !s.isNegated(position) { return (before.first { s.tags[$0].contains(.wouldLike) || ["check", "checking", "inquire", "enquire", "wondering", "ask", "asking"].contains(s.lower[$0]) } ?? position, position) }
        }
        return nil
    }
}
