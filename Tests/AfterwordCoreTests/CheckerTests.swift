import Testing

@testable import AfterwordCore

/// Checks a body (and optional headers) and returns the rule ids found at `severity` or worse.
func rules(_ text: String, channel: Channel? = .email, to: String? = nil, company: String? = nil) -> [RuleID] {
    var document = Document.parse(text, path: "test", defaultChannel: channel)
    if let to { document.recipientName = to }
    if let company { document.company = company }
    return Checker().check(document).filter { $0.severity != .hint }.map(\.rule)
}

let goodEmail = """
    Subject: Thank you — Backend Engineer interview

    Dear Dana Whitfield,

    Thank you for your time today and for talking with me about the Backend Engineer role. I especially enjoyed \
    our discussion of the billing migration to Postgres.

    I enjoyed learning more about Acme, and I look forward to hearing from you.

    Best regards,
    Alex Doe
    """

/// The good e-mail with one sentence added to its first paragraph.
func goodEmail(adding sentence: String) -> String {
    goodEmail.replacingOccurrences(of: "to Postgres.", with: "to Postgres. \(sentence)")
}

@Suite struct NoReplyRuleTests {
    @Test("a request says what it asks for: feedback, the decision, or an update")
    func saysWhatIsAsked() {
        func message(_ sentence: String) -> String? {
            Checker().check(Document.parse(goodEmail(adding: sentence), path: "t")).first { $0.rule == .noReply }?.message
        }
        #expect(message("Would love to know how I did.")?.hasPrefix("asks for feedback") == true)
        #expect(message("I would appreciate knowing your timeline for a decision.")?.hasPrefix("asks about their decision") == true)
        #expect(message("Please let me know where things stand.")?.hasPrefix("asks for an update") == true)
    }

    @Test(
        "asking for a confirmation of receipt is AW-NOREPLY, however it is worded",
        arguments: [
            "Please confirm you received this.",
            "Could you confirm that you got my e-mail?",
            "pls let me know u received this",
            "Let me know you got this.",
            "Kindly acknowledge receipt of this message.",
            "I'm awaiting your reply.",
            "Please reply at your earliest convenience.",
            "Can you let me know if this reached you?",
            "A quick response would be appreciated.",
            "Let me know once you’ve read it.",
        ])
    func flagsReceiptRequests(sentence: String) {
        #expect(rules(goodEmail(adding: sentence)).contains(.noReply))
    }

    @Test("looking forward to hearing from them is not a request for a reply")
    func hearingFromYouIsFine() {
        #expect(!rules(goodEmail).contains(.noReply))
        #expect(!rules(goodEmail(adding: "Let me know if you have any questions about my portfolio.")).contains(.noReply))
    }
}

@Suite struct OnceRuleTests {
    @Test(
        "follow-up wording is AW-ONCE",
        arguments: [
            "Just circling back on this.",
            "I'm just following up on my previous email.",
            "Just checking in!",
            "Did you get my email from Monday?",
            "I wanted to make sure you received my thank-you note.",
            "Bumping this to the top of your inbox.",
            "In case you missed it, here it is again.",
            "I haven't heard back yet.",
            "Any updates on the role?",
            "Touching base about the position.",
        ])
    func flagsFollowUps(sentence: String) {
        #expect(rules(goodEmail(adding: sentence)).contains(.once))
    }

    @Test("a thank-you that does not follow anything up passes AW-ONCE")
    func plainThankYou() {
        #expect(!rules(goodEmail).contains(.once))
        #expect(!rules(goodEmail(adding: "The check-in flow you demoed was clever.")).contains(.once))
    }
}

@Suite struct NoCallRuleTests {
    @Test(
        "offering or asking for a call is AW-NOCALL",
        arguments: [
            "I'll call you tomorrow to discuss.",
            "Feel free to give me a call at 555-0100.",
            "Can we hop on a quick call next week?",
            "I would love to schedule a brief phone call.",
            "Could I phone you on Friday?",
            "Call me anytime.",
            "We could talk over the phone about it.",
        ])
    func flagsCalls(sentence: String) {
        #expect(rules(goodEmail(adding: sentence)).contains(.noCall))
    }

    @Test(
        "mentioning calls as a topic is not an invitation",
        arguments: [
            "Your description of the on-call rotation was very clear.",
            "Thank you again for the phone interview.",
            "It was a tough call to leave my last team, as I said.",
        ])
    func topicsAreFine(sentence: String) {
        #expect(!rules(goodEmail(adding: sentence)).contains(.noCall))
    }
}

@Suite struct ProperRuleTests {
    @Test("a sentence that begins with \"A\" is not shouting")
    func singleLetterCapital() {
        #expect(!rules(goodEmail(adding: "A highlight for me was the design review.")).contains(.proper))
    }

    @Test(
        "cutesy or shouting text is AW-PROPER",
        arguments: [
            "I loved it!!", "Thanks so much 😊", "xoxo", "Yay, what a day.", "THANK YOU SO MUCH.", "It was super duper fun.",
            "Sooo glad we met.", "Have a great day :)", "Best wishes ★", "Great! Really great! Amazing!",
        ])
    func flagsCutesy(sentence: String) {
        #expect(rules(goodEmail(adding: sentence)).contains(.proper))
    }

    @Test("one finding per sentence, naming the sentence's other problems so one round of fixes finds them all")
    func oneFindingPerSentence() {
        let findings = Checker().check(Document.parse(goodEmail(adding: "Thx, it was gr8 lol!!"), path: "t")).filter { $0.rule == .proper }
        #expect(findings.count == 1)
        #expect(findings.first?.excerpt == "Thx")
        #expect(findings.first?.message.contains("this sentence also has \"gr8\", \"lol\"") == true, "\(findings)")
    }

    @Test("one exclamation mark and ordinary acronyms are fine")
    func restraintIsFine() {
        #expect(!rules(goodEmail(adding: "I learned a lot about your AWS and SQL setup!")).contains(.proper))
    }

    @Test("a note card mentioning scented stationery gets a warning")
    func stationery() {
        let note = "Dear Dana Whitfield,\n\nThank you for taking the time to sit down with me. I enjoyed speaking with you and learning about Acme. I chose a scented card for you.\n\nAlex"
        #expect(rules(note, channel: .note).contains(.proper))
    }
}

@Suite struct BriefRuleTests {
    func body(words: Int) -> String {
        "Dear Dana Whitfield,\n\nThank you for your time. I look forward to hearing from you. "
            + Array(repeating: "word", count: words - 16).joined(separator: " ") + ".\n\nBest,\nAlex"
    }

    @Test("the greeting, sign-off and signature are not counted, and a hyphenated word is one word")
    func countsTheLetter() {
        // 146 words of letter, "follow-up" among them, under a greeting and over a two-line signature.
        let letter = "Thank you for your time. I look forward to hearing from you. The follow-up question was good. "
            + Array(repeating: "word", count: 129).joined(separator: " ") + "."
        let text = "Dear Dana Whitfield,\n\n\(letter)\n\nWarm regards,\nJo Smith\nData Analyst, 555 0100"
        let findings = Checker().check(Document.parse(text, path: "t", defaultChannel: .email)).filter { $0.rule == .brief }
        #expect(findings.map(\.severity) == [.warning])
        #expect(findings.first?.message.contains("146 words") == true)
    }

    @Test("an e-mail over 150 words is an error, over 120 a warning")
    func emailLimits() {
        let long = Document.parse(body(words: 160), path: "t", defaultChannel: .email)
        let findings = Checker().check(long).filter { $0.rule == .brief }
        #expect(findings.map(\.severity) == [.error])
        let longish = Document.parse(body(words: 130), path: "t", defaultChannel: .email)
        #expect(Checker().check(longish).filter { $0.rule == .brief }.map(\.severity) == [.warning])
        #expect(!rules(body(words: 100)).contains(.brief))
    }

    @Test("a note over 100 words is an error, over 80 a warning")
    func noteLimits() {
        let long = Document.parse(body(words: 110), path: "t", defaultChannel: .note)
        #expect(Checker().check(long).filter { $0.rule == .brief }.map(\.severity) == [.error])
        let longish = Document.parse(body(words: 90), path: "t", defaultChannel: .note)
        #expect(Checker().check(longish).filter { $0.rule == .brief }.map(\.severity) == [.warning])
    }
}

@Suite struct ContentRuleTests {
    @Test("a draft that never thanks them is AW-THANKS")
    func noThanks() {
        #expect(rules("Dear Dana,\n\nI look forward to hearing from you about the role.\n\nAlex").contains(.thanks))
    }

    @Test("an e-mail that does not look forward to hearing from them is AW-LOOKFWD")
    func noLookForward() {
        #expect(rules("Dear Dana,\n\nThank you for your time today.\n\nAlex").contains(.lookForward))
    }

    @Test("a note that does not say the conversation was enjoyed is AW-ENJOYED")
    func noteWithoutEnjoyment() {
        #expect(rules("Dear Dana,\n\nThank you for taking the time to sit down with me.\n\nAlex", channel: .note).contains(.enjoyed))
    }

    @Test("a generic draft gets an AW-SPECIFIC hint, a specific one does not")
    func specific() {
        let generic = "Dear Dana,\n\nThank you for your time. I enjoyed learning more about the company and the role.\n\nAlex"
        let findings = Checker().check(Document.parse(generic, path: "t", defaultChannel: .email))
        #expect(findings.contains { $0.rule == .specific && $0.severity == .hint })
        let specific = Checker().check(Document.parse(goodEmail, path: "t"))
        #expect(!specific.contains { $0.rule == .specific })
    }
}

@Suite struct SubjectRuleTests {
    @Test("an empty or follow-up subject is an AW-SUBJECT error")
    func badSubjects() {
        for subject in ["", "Following up", "Checking in", "Re: just checking"] {
            let text = goodEmail.replacingOccurrences(
                of: "Subject: Thank you — Backend Engineer interview", with: "Subject: \(subject)")
            let findings = Checker().check(Document.parse(text, path: "t"))
            #expect(findings.contains { $0.rule == .subject && $0.severity == .error }, "subject \(subject)")
        }
    }

    @Test("a subject that does not say thank you gets a warning")
    func vagueSubject() {
        let text = goodEmail.replacingOccurrences(of: "Thank you — Backend Engineer interview", with: "Backend Engineer")
        #expect(Checker().check(Document.parse(text, path: "t")).contains { $0.rule == .subject && $0.severity == .warning })
    }

    @Test("one \"!\" in a subject is a warning; \"!!\" or an emoji there is an error")
    func subjectExclamation() {
        func proper(_ subject: String) -> [Severity] {
            let text = goodEmail.replacingOccurrences(of: "Thank you — Backend Engineer interview", with: subject)
            return Checker().check(Document.parse(text, path: "t")).filter { $0.rule == .proper }.map(\.severity)
        }
        #expect(proper("Thank you!") == [.warning])
        #expect(proper("Thank you!!") == [.error])
        #expect(proper("Thank you 🙏") == [.error])
    }
}

@Suite struct NamesRuleTests {
    @Test("a template's blank left in is AW-NAMES, once")
    func templateBlank() {
        func names(_ signature: String) -> [Finding] {
            let text = goodEmail.replacingOccurrences(of: "Alex Doe", with: signature)
            return Checker().check(Document.parse(text, path: "t")).filter { $0.rule == .names }
        }
        #expect(names("[Your Name]").map(\.excerpt) == ["[Your Name]"])
        #expect(names("Your Name").map(\.excerpt) == ["Your Name"])
    }

    @Test("a misspelt or wrong name in the greeting is AW-NAMES")
    func greeting() {
        #expect(rules(goodEmail.replacingOccurrences(of: "Dear Dana Whitfield", with: "Dear Dana Whitfeld"), to: "Dana Whitfield").contains(.names))
        #expect(rules(goodEmail.replacingOccurrences(of: "Dear Dana Whitfield", with: "Dear Priya"), to: "Dana Whitfield").contains(.names))
        #expect(rules(goodEmail.replacingOccurrences(of: "Dear Dana Whitfield", with: "Dear Hiring Manager"), to: "Dana Whitfield").contains(.names))
        #expect(rules(goodEmail.replacingOccurrences(of: "Dear Dana Whitfield", with: "Dear Zoe"), to: "Zoë Ångström").contains(.names))
        #expect(!rules(goodEmail, to: "Dana Whitfield").contains(.names))
        #expect(!rules(goodEmail.replacingOccurrences(of: "Dear Dana Whitfield", with: "Dear Dr. Whitfield"), to: "Dana Whitfield").contains(.names))
    }

    @Test("the greetings the composer writes pass: \"Dear Ms. Whitfield,\" and \"Dear Dana,\"")
    func composerGreetings() {
        for greeting in ["Dear Ms. Whitfield", "Dear Dana", "Dear Ms Whitfield"] {
            #expect(!rules(goodEmail.replacingOccurrences(of: "Dear Dana Whitfield", with: greeting), to: "Dana Whitfield").contains(.names))
        }
    }

    @Test("a sign-off with no name under it is an unsigned letter: AW-NAMES")
    func unsigned() {
        let unsigned = goodEmail.replacingOccurrences(of: "Best regards,\nAlex Doe", with: "Best regards,")
        let findings = Checker().check(Document.parse(unsigned, path: "test", defaultChannel: .email))
        #expect(findings.contains { $0.rule == .names && $0.severity == .error && $0.message.contains("unsigned") && $0.excerpt == "Best regards" })
        #expect(!rules(goodEmail).contains(.names))
        #expect(!rules(goodEmail.replacingOccurrences(of: "Best regards,\nAlex Doe", with: "Best, Alex")).contains(.names))
    }

    @Test("the company's name must be exact")
    func company() {
        #expect(rules(goodEmail.replacingOccurrences(of: "about Acme", with: "about Github"), company: "GitHub").contains(.names))
        #expect(!rules(goodEmail, company: "Acme").contains(.names))
    }

    @Test("in a panel, a note that carries another interviewer's name is AW-NAMES")
    func panelNames() {
        let dana = Document.parse("To: Dana Whitfield\nCompany: Acme\n\nDear Dana Whitfield,\n\nThank you for your time. Priya and you were great.\n\nAlex", path: "dana.txt")
        let priya = Document.parse("To: Priya Natarajan\nCompany: Acme\n\nDear Priya Natarajan,\n\nThanks for taking the time to sit down with me about the data platform.\n\nAlex", path: "priya.txt")
        let results = Checker().check([dana, priya])
        #expect(results[0].contains { $0.rule == .names && $0.excerpt == "Priya" })
        #expect(!results[1].contains { $0.rule == .names })
    }
}

@Suite struct DistinctRuleTests {
    /// Word ids as a check gives them (``Token/id``): equal words, equal ids.
    func wordIDs(_ words: [String]) -> [UInt32] {
        var ids: [String: UInt32] = [:]
        for word in ["a", "b", "c", "d", "e"] + (0..<40).map({ "w\($0)" }) { ids[word] = UInt32(ids.count) }
        return words.map { ids[$0] ?? UInt32.max }
    }

    @Test("two near-identical notes to one company are AW-DISTINCT, different ones are not")
    func nearDuplicates() {
        let body = "Thank you for taking the time to sit down with me about the Backend Engineer role. I enjoyed speaking with you and learning more about Acme and its billing platform.\n\nBest regards,\nAlex"
        let a = Document.parse("To: Dana Whitfield\nCompany: Acme\n\nDear Dana Whitfield,\n\n" + body, path: "a.txt")
        let b = Document.parse("To: Priya Natarajan\nCompany: Acme\n\nDear Priya Natarajan,\n\n" + body, path: "b.txt")
        let c = Document.parse("To: Priya Natarajan\nCompany: Other\n\nDear Priya Natarajan,\n\n" + body, path: "c.txt")
        let results = Checker().check([a, b])
        #expect(results[0].contains { $0.rule == .distinct } && results[1].contains { $0.rule == .distinct })
        #expect(!Checker().check([a, c]).joined().contains { $0.rule == .distinct })
    }

    @Test("the shared-shingle index finds exactly the pairs above the threshold that comparing all pairs finds")
    func similarPairsAreExact() {
        var generator = SystemRandomNumberGenerator()
        let vocabulary = (0..<40).map { "w\($0)" }
        var above = 0
        for _ in 0..<20 {
            let base = (0..<30).map { _ in vocabulary.randomElement(using: &generator) ?? "w0" }
            let texts = (0..<25).map { _ in
                let rate = Int.random(in: 0..<5, using: &generator)
                return base.map { Int.random(in: 0..<30, using: &generator) < rate ? vocabulary.randomElement(using: &generator) ?? "w1" : $0 }
            }
            var table = ShingleTable()
            let sets = texts.map { table.shingles(wordIDs($0)) }
            var brute: [String] = []
            for a in sets.indices {
                for b in sets.indices where b > a {
                    let shared = Set(sets[a].sorted).intersection(sets[b].sorted).count
                    let similarity = Shingles.similarity(shared: shared, sets[a].sorted.count, sets[b].sorted.count)
                    if similarity > 0.6 { brute.append("\(a)-\(b) \(similarity)") }
                }
            }
            let found = Shingles.similarPairs(sets, above: 0.6).map { "\($0.first)-\($0.second) \($0.similarity)" }
            #expect(found == brute)
            above += brute.count
        }
        #expect(above > 0, "the random panels held near-duplicates to find")
    }

    @Test("Jaccard similarity of 3-shingles; a text shorter than a shingle is one shingle of all its words")
    func shingles() {
        var table = ShingleTable()
        let words = { (text: String) in wordIDs(text.split(separator: " ").map(String.init)) }
        let a = table.shingles(words("a b c d"))
        let b = table.shingles(words("a b c e"))
        #expect(Shingles.similarPairs([a, b], above: 0).map(\.similarity) == [1.0 / 3.0])
        #expect(Shingles.similarPairs([a, a], above: 0).map(\.similarity) == [1])
        let short = [words("a b"), words("a b"), words("a b c"), words("a")].map { table.shingles($0) }
        #expect(Shingles.similarPairs(short, above: 0).map { "\($0.first)-\($0.second)" } == ["0-1"])
    }
}

@Suite struct PositionTests {
    @Test("findings point at the offending words by line and column, headers included")
    func positions() {
        let text = "Subject: Thank you — Backend Engineer interview\n\nDear Dana,\n\nThank you! Please confirm you received this.\n"
        let finding = Checker().check(Document.parse(text, path: "t")).first { $0.rule == .noReply }
        #expect(finding?.line == 5)
        #expect(finding?.column == 19)
        #expect(finding?.excerpt == "confirm you received")
    }
}
