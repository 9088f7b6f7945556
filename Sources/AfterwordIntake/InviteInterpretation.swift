import AfterwordCore
import Foundation

/// What an invite means for Afterword: which company, which role, who interviewed.
public struct InviteInterpretation: Sendable, Equatable {
    public var company: String?
    public var role: String
    public var format: InterviewFormat
    /// The people to thank: attendees without the user and without rooms and resources.
    public var interviewers: [Contact]
    /// The invite's organizer (often the hiring manager) when they are not among the attendees and
    /// not the user: someone to offer as an interviewer, not to add unasked.
    public var organizer: Contact?

    /// Free mail providers and calendar services: their domain says nothing about the company.
    static let genericDomains: Set<String> = [
        "gmail.com", "googlemail.com", "google.com", "calendar.google.com", "outlook.com", "hotmail.com", "live.com",
        "msn.com", "yahoo.com", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com",
        "gmx.com", "gmx.de", "web.de", "zoho.com", "fastmail.com", "hey.com", "yandex.ru", "mail.ru", "qq.com",
        "163.com", "zoom.us", "greenhouse.io", "lever.co", "ashbyhq.com", "calendly.com", "goodtime.io",
        "resource.calendar.google.com", "group.calendar.google.com",
    ]

    /// How much of a summary is read for the company and the role: real summaries are one short line,
    /// and the patterns below take time growing with the square of what they are given.
    static let longestSummary = 300

    /// Interprets an event; `ownEmails` are the user's addresses (never an interviewer).
    public init(_ event: InviteEvent, ownEmails: Set<String>) {
        let summaryRead = String(event.summary.prefix(Self.longestSummary))
        let own = Set(ownEmails.map { $0.lowercased() })
        let people = event.attendees.filter { attendee in
            guard attendee.kind == "INDIVIDUAL" || attendee.kind.isEmpty || attendee.kind == "UNKNOWN" else { return false }
            if let email = attendee.email?.lowercased() {
                if own.contains(email) { return false }
                if email.hasSuffix("resource.calendar.google.com") || email.hasSuffix("group.calendar.google.com") { return false }
            }
            guard !Self.isRoleAccount(name: attendee.name, email: attendee.email) else { return false }
            return attendee.email != nil || attendee.name != nil
        }
        var chosen = people
        if chosen.isEmpty, let organizer = event.organizer, !(organizer.email.map { own.contains($0.lowercased()) } ?? false),
            !Self.isRoleAccount(name: organizer.name, email: organizer.email)
        {
            chosen = [organizer]
        }
        interviewers = chosen.map { attendee in
            Contact(
                name: attendee.name.map(Self.displayName) ?? Self.name(fromEmail: attendee.email ?? ""),
                emails: attendee.email.map { [$0] } ?? [], line: event.line)
        }
        let chosenEmails = Set(chosen.compactMap { $0.email?.lowercased() })
        if let host = event.organizer, let email = host.email?.lowercased(), !own.contains(email), !chosenEmails.contains(email),
            !email.hasSuffix("calendar.google.com"), !Self.isRoleAccount(name: host.name, email: host.email)
        {
            organizer = Contact(name: host.name.map(Self.displayName) ?? Self.name(fromEmail: email), emails: [email], line: event.line)
        }
        let personNames = ([event.organizer] + event.attendees).compactMap { $0?.name?.lowercased() }
        let domains = ([event.organizer] + event.attendees).compactMap { $0?.email }
            .filter { !own.contains($0.lowercased()) }
            .compactMap { $0.split(separator: "@").last.map { String($0).lowercased() } }
        let domainCompany = domains.first { !Self.genericDomains.contains($0) && !$0.hasSuffix(".calendar.google.com") }
            .map(Self.company(fromDomain:))
        let summaryCompany = Self.company(inSummary: summaryRead, domainCompany: domainCompany).flatMap { candidate in
            personNames.contains { $0.contains(candidate.lowercased()) || candidate.lowercased().contains($0) } ? nil : candidate
        }
        company = summaryCompany ?? domainCompany
        let everyone = ([event.organizer] + event.attendees).compactMap { $0?.name }.flatMap { [$0, Self.displayName($0)] }
        role = Self.role(inSummary: summaryRead, company: company, people: everyone)
        let summary = summaryRead.lowercased()
        if event.isVideo {
            format = .video
        } else if summary.contains("phone") || event.location?.lowercased().contains("phone") == true {
            format = .phone
        } else {
            format = .onSite
        }
        for index in interviewers.indices where interviewers[index].company == nil { interviewers[index].company = company }
    }

    /// Words of a shared mailbox's name or address: a recruiting team, a scheduler, a no-reply sender.
    static let mailboxWords: Set<String> = [
        "hr", "recruiting", "recruitment", "talent", "careers", "jobs", "hiring", "noreply", "no-reply", "donotreply",
        "scheduling", "scheduler", "interviews", "calendar", "staffing", "notifications",
    ]

    /// True for a shared mailbox rather than a person ("Larimer County HR Recruiting", careers@…,
    /// no-reply@…): it organizes interviews, it does not sit on the panel, and a letter to it greets nobody.
    static func isRoleAccount(name: String?, email: String?) -> Bool {
        let nameWords = (name ?? "").lowercased().split { !$0.isLetter && $0 != "-" }.map(String.init)
        if nameWords.contains(where: { mailboxWords.contains($0) || $0 == "team" || $0 == "department" }) { return true }
        let local = (email ?? "").lowercased().split(separator: "@").first.map(String.init) ?? ""
        let parts = local.split { ".-_+".contains($0) }.map(String.init)
        return parts.contains(where: mailboxWords.contains)
            || ["recruiting", "careers", "noreply", "no-reply", "donotreply", "do-not-reply", "hiring", "talent"].contains(where: local.contains)
    }

    /// "Natarajan, Priya" (as Outlook and directories write it) → "Priya Natarajan".
    static func displayName(_ name: String) -> String {
        let parts = name.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[1].contains("."),
            !["jr", "sr", "ii", "iii", "phd", "md"].contains(parts[1].lowercased())
        else { return name }
        return "\(parts[1]) \(parts[0])"
    }

    /// `dana.whitfield@acme.com` → "Dana Whitfield".
    static func name(fromEmail email: String) -> String {
        let local = email.split(separator: "@").first.map(String.init) ?? email
        return local.split(whereSeparator: { ".-_+".contains($0) }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }

    /// `mail.acme-robotics.co.uk` → "Acme Robotics".
    static func company(fromDomain domain: String) -> String {
        var labels = domain.split(separator: ".").map(String.init)
        let secondLevel: Set<String> = ["co", "com", "org", "net", "ac", "gov", "edu"]
        if labels.count >= 3, secondLevel.contains(labels[labels.count - 2]) { labels.removeLast() }
        if labels.count >= 2 { labels.removeLast() }
        let name = labels.last ?? domain
        return name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    static let interviewWords = Pattern(
        "(?i)\\b(?:(?:final|first|second|third|technical|onsite|on-site|virtual|video|phone|panel|hiring manager|behavioral|behavioural|system design|coding)\\s+)*(?:interview|screen|screening|chat|call|round|loop|panel|onsite|on-site)s?\\b"
    )

    /// "Interview: Backend Engineer at Acme", "Acme <> Alex — Backend Engineer", "Acme | Onsite interview".
    static let roleWords: Set<String> = [
        "engineer", "analyst", "designer", "manager", "developer", "scientist", "architect", "lead", "director",
        "intern", "associate", "consultant", "specialist", "coordinator", "administrator", "officer", "researcher",
    ]

    /// Up to four capitalised words: a company name as people write it.
    static let capitalized = "[A-Z][\\p{L}0-9&.'-]*(?:\\s+[A-Z][\\p{L}0-9&.'-]*){0,3}"

    static func company(inSummary summary: String, domainCompany: String?) -> String? {
        // (pattern, trusted): "X - …" is as often a role as a company, so it needs the e-mail domain to agree.
        let patterns: [(String, Bool)] = [
            ("(?i)\\b(?:at|@)\\s+(\(capitalized))\\s*(?:$|[-–—|:(,])", true),
            ("(?i)\\binterview(?:ing)?\\s+with\\s+(\(capitalized))\\s*(?:$|[-–—|:(,])", true),
            ("^(\(capitalized))\\s*(?:<>|\\||:| x )", true),
            // "Acme Corp – Backend Engineer panel": trusted when what follows the dash is a role or an interview.
            ("^(\(capitalized))\\s*(?:–|—| - )(?=.*\\b(?i:interview|screen|panel|onsite|round|engineer|analyst|designer|manager|developer|scientist|architect|lead|director|intern|associate|consultant|specialist|coordinator|administrator|officer|researcher))", true),
            ("^(\(capitalized))\\s*(?:–|—| - )", false),
        ]
        for (source, trusted) in patterns {
            guard let regex = try? NSRegularExpression(pattern: source),
                let match = regex.firstMatch(in: summary, range: NSRange(summary.startIndex..., in: summary)),
                let range = Range(match.range(at: 1), in: summary)
            else { continue }
            let candidate = summary[range].trimmingCharacters(in: .whitespaces)
            let lowered = candidate.lowercased()
            if lowered.contains("interview") || ["invitation", "updated invitation", "re", "fwd", "zoom", "teams"].contains(lowered)
                || !Set(lowered.split(separator: " ").map(String.init)).isDisjoint(with: roleWords)
            {
                continue
            }
            // "Acme Corp" and the domain's "Acmecorp" agree: compare letters only.
            if !trusted, let domainCompany {
                let letters = lowered.filter(\.isLetter)
                let domainLetters = domainCompany.lowercased().filter(\.isLetter)
                guard domainLetters.hasPrefix(letters) || letters.hasPrefix(domainLetters) else { continue }
            }
            return candidate
        }
        return nil
    }

    /// The role: the summary without the company, the "interview" words and the noise around them.
    static func role(inSummary summary: String, company: String?, people: [String]) -> String {
        var text = summary
        for prefix in ["Invitation:", "Updated invitation:", "Invitation from", "Fwd:", "FW:", "Re:"] {
            if text.lowercased().hasPrefix(prefix.lowercased()) { text = String(text.dropFirst(prefix.count)) }
        }
        if let at = text.range(of: " @ ", options: .backwards), text[at.upperBound...].contains("(") || text[at.upperBound...].contains("20") {
            text = String(text[..<at.lowerBound])  // Google's "… @ Thu 26 Nov 2026 2pm (EST)"
        }
        if let company { text = text.replacingOccurrences(of: company, with: " ", options: .caseInsensitive) }
        for person in people where person.count >= 3 {
            text = text.replacingOccurrences(of: person, with: " ", options: .caseInsensitive)
        }
        text = interviewWords.regex.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
        for word in [" at ", " with ", " for ", "<>", " x ", "|", ":", "–", "—", " - ", "(", ")"] {
            text = text.replacingOccurrences(of: word, with: " ", options: .caseInsensitive)
        }
        let words = text.split(whereSeparator: \.isWhitespace).filter { !["at", "with", "for", "-", "&", "and"].contains($0.lowercased()) }
        let role = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,.-"))
        return role.isEmpty ? summary.trimmingCharacters(in: .whitespaces) : role
    }
}

/// A compiled pattern.
struct Pattern: @unchecked Sendable {
    let regex: NSRegularExpression

    init(_ source: String) {
        do { regex = try NSRegularExpression(pattern: source) } catch { preconditionFailure("\(error)") }
    }
}
