import AfterwordCore
import AfterwordIntake
import AfterwordStore
import Foundation

/// An interviewer's details as typed, before they are checked.
public struct InterviewerForm: Sendable {
    public var name: String?
    public var title: String?
    public var email: String?
    public var phone: String?
    public var address: String?
    public var company: String?
    /// "Ms.", "Dr.": how a formal greeting addresses them.
    public var honorific: String?
    /// What the user talked about with this person alone.
    public var notes: String?
    /// What their thank-you says the conversation was about: a phrase that finishes "our conversation about …".
    public var topic: String?

    public init(
        name: String? = nil, title: String? = nil, email: String? = nil, phone: String? = nil, address: String? = nil, company: String? = nil,
        honorific: String? = nil, notes: String? = nil, topic: String? = nil
    ) {
        self.name = name
        self.topic = topic
        self.honorific = honorific
        self.notes = notes
        self.title = title
        self.email = email
        self.phone = phone
        self.address = address
        self.company = company
    }
}

/// An interview as typed, before it is checked.
public struct InterviewForm: Sendable {
    public var company: String
    public var role: String
    /// `2026-11-26T14:00-05:00`, or without an offset in `timeZone`.
    public var at: String
    public var timeZone: String?
    public var format: String
    public var durationMinutes: Int
    public var notes: String
    /// What the user brings to the role, for the draft's fit line; blank for none.
    public var fit: String

    public init(
        company: String, role: String, at: String, timeZone: String?, format: String, durationMinutes: Int, notes: String, fit: String = ""
    ) {
        self.fit = fit
        self.company = company
        self.role = role
        self.at = at
        self.timeZone = timeZone
        self.format = format
        self.durationMinutes = durationMinutes
        self.notes = notes
    }
}

/// Names the fields of a form in a face's words: `--email` on the command line, `E-mail` on the web.
public typealias FieldLabel = @Sendable (_ field: String) -> String

extension Workspace {
    /// The people of one interview, or at one company, or everyone met, as vCard 4.0 for an address book.
    /// - Returns: the file's text and how many people it holds.
    public func interviewerCards(interviewId: Int64? = nil, company: String? = nil) throws -> (text: String, count: Int) {
        let store = try openStore()
        var people = try storeCall { try store.interviewers(company: company) }
        if let interviewId {
            _ = try storeCall { try store.interview(id: interviewId) }
            people = people.filter { $0.interviews.contains { $0.id == interviewId } }
        }
        guard !people.isEmpty else {
            throw UserError(
                interviewId.map { "interview #\($0) has nobody on its panel to export" }
                    ?? company.map { "nobody at \($0) is on record to export" } ?? "nobody is on record to export yet",
                remedy: .listInterviewers)
        }
        return (VCardWriter.cards(people, now: now), people.count)
    }

    /// The interview the form describes, checked; errors name the field by `label`.
    /// - Throws: one ``UserError`` naming every field in error (``UserError/fields`` has each one's message).
    public func interview(from form: InterviewForm, id: Int64? = nil, createdAt: Date? = nil, label: FieldLabel) throws -> Interview {
        var check = FormCheck()
        let company = check.field("company") { try Self.required(form.company, label("company"), example: "Acme") }
        let role = check.field("role") { try Self.required(form.role, label("role"), example: "Backend Engineer") }
        let format = check.field("format") { () throws -> InterviewFormat in
            guard let format = InterviewFormat(userInput: form.format) else {
                throw UserError("\(label("format")): \"\(form.format)\" is not a format; use on-site, video or phone")
            }
            return format
        }
        _ = check.field("duration") {
            guard (5...720).contains(form.durationMinutes) else {
                throw UserError("\(label("duration")): \(form.durationMinutes) minutes is not plausible; give the length in minutes (5–720)")
            }
        }
        var zone = try loadConfig().timeZone
        let tz = form.timeZone.flatMap(Self.blankToNil)
        if let tz {
            zone = check.field("tz") { () throws -> TimeZone in
                guard let named = TimeZone(identifier: tz) else {
                    throw UserError("\(label("tz")): \"\(tz)\" is not a time zone; write it like America/New_York")
                }
                return named
            } ?? zone
        }
        let when = check.field("at") { () throws -> (Date, TimeZone) in
            guard let parsed = ISO8601.parse(form.at, defaultZone: zone) else {
                throw UserError(
                    "\(label("at")): \"\(form.at)\" is not a date and time; write it like 2026-11-26T14:00-05:00 (or 2026-11-26T14:00 with \(label("tz")))")
            }
            return parsed
        }
        let fit = check.field("fit") { try Self.fitLine(form.fit, label: label("fit")) }
        _ = check.field("notes") { try Self.bounded(form.notes, label("notes"), limit: Self.notesLimit) }
        try check.finish()
        guard let company, let role, let format, let (start, writtenZone) = when else {
            throw UserError("the interview could not be read; check every field")
        }
        return Interview(
            id: id, company: company, role: role, startsAt: start, timeZone: (tz != nil ? zone : nil)?.identifier ?? writtenZone.identifier,
            durationMinutes: form.durationMinutes, format: format, notes: ControlCharacters.stripped(form.notes).trimmingCharacters(in: .whitespacesAndNewlines),
            fit: fit ?? nil, createdAt: createdAt ?? now)
    }

    /// A new interviewer from the form, checked; the company defaults to the interview's.
    /// - Throws: one ``UserError`` naming every field in error (``UserError/fields`` has each one's message).
    /// - Parameter others: the names of the rest of the panel, which the topic may not carry.
    public func newInterviewer(from form: InterviewerForm, company: String, others: [String] = [], label: FieldLabel) throws -> Interviewer {
        var check = FormCheck()
        let topic = check.field("topic") { try form.topic.flatMap { try Self.topic($0, others: others, label: label("topic")) } }
        let typedName = check.field("name") { try Self.required(form.name ?? "", label("name"), example: "Dana Whitfield") }
        let honorific = check.field("honorific") { try form.honorific.flatMap { try Self.honorific($0, label: label("honorific")) } }
        let own = try loadConfig()[.email]?.lowercased()
        let email = check.field("email") {
            try form.email.flatMap { typed in
                let email = try Self.checkedEmail(typed, label: label("email"))
                // The sender's own address is never someone they met: a thank-you would go to themselves.
                if let email, email.lowercased() == own {
                    throw UserError("\(label("email")): \(email) is your own address; give the interviewer's")
                }
                return email
            }
        }
        Self.checkLengths(form, &check, label: label)
        try check.finish()
        guard let typedName else { throw UserError("\(label("name")) cannot be empty") }
        let (typedHonorific, name) = PersonName.split(typedName)
        let region = try loadConfig()[.region]
        return Interviewer(
            name: name, honorific: (honorific ?? nil) ?? typedHonorific, title: form.title.flatMap(Self.blankToNil), company: form.company.flatMap(Self.blankToNil) ?? company,
            email: email ?? nil,
            phone: form.phone.flatMap(Self.blankToNil).map { PhoneNumber.e164($0, region: region) ?? $0 },
            address: form.address.map(Self.addressLines).flatMap(Self.blankToNil),
            notes: form.notes.flatMap(Self.blankToNil), topic: topic ?? nil, createdAt: now)
    }

    /// The interviewer with the fields the form gives changed, checked (a nil field stays as it was).
    /// - Throws: one ``UserError`` naming every field in error (``UserError/fields`` has each one's message).
    /// - Parameter others: the names of the people they sat on a panel with, which the topic may not carry.
    public func edited(_ person: Interviewer, with form: InterviewerForm, others: [String] = [], label: FieldLabel) throws -> Interviewer {
        var person = person
        var check = FormCheck()
        if let topic = form.topic, let checked = check.field("topic", { try Self.topic(topic, others: others, label: label("topic")) }) {
            person.topic = checked
        }
        if let name = form.name, let checked = check.field("name", { try Self.required(name, label("name"), example: "Dana Whitfield") }) {
            let parts = PersonName.split(checked)
            person.name = parts.name
            if form.honorific == nil, let honorific = parts.honorific { person.honorific = honorific }
        }
        if let email = form.email, let checked = check.field("email", { try Self.checkedEmail(email, label: label("email")) }) {
            person.email = checked
        }
        if let honorific = form.honorific, let checked = check.field("honorific", { try Self.honorific(honorific, label: label("honorific")) }) {
            person.honorific = checked
        }
        Self.checkLengths(form, &check, label: label)
        try check.finish()
        if let title = form.title { person.title = Self.blankToNil(title) }
        if let company = form.company { person.company = Self.blankToNil(company) }
        if let phone = form.phone {
            let region = try loadConfig()[.region]
            person.phone = Self.blankToNil(phone).map { PhoneNumber.e164($0, region: region) ?? $0 }
        }
        if let address = form.address { person.address = Self.blankToNil(Self.addressLines(address)) }
        if let notes = form.notes { person.notes = Self.blankToNil(notes) }
        return person
    }

    /// Interviews from a calendar invite's text: one per event, attendees as interviewers, stored in one transaction.
    public func importInvite(_ text: String, file: String, uid: String? = nil, company: String? = nil, role: String? = nil) throws
        -> [(Interview, [ImportOutcome])]
    {
        try storeInvite(try readInvite(text, file: file, uid: uid, company: company, role: role))
    }

    /// Stores what ``readInvite(_:file:uid:company:role:)`` read, in one transaction.
    public func storeInvite(_ records: [(Interview, [Interviewer])]) throws -> [(Interview, [ImportOutcome])] {
        let store = try openStore()
        return try storeCall { try store.importInterviews(records) }
    }

    /// The interviews an invite's text describes, with their interviewers, checked but not stored.
    public func readInvite(_ text: String, file: String, uid: String? = nil, company: String? = nil, role: String? = nil) throws
        -> [(Interview, [Interviewer])]
    {
        let config = try loadConfig()
        var events: [InviteEvent]
        do {
            events = try InviteReader.events(in: text, file: file, floatingZone: config.timeZone ?? TimeZone.current)
        } catch {
            throw UserError(error.description)
        }
        if let uid {
            events = events.filter { $0.uid == uid }
            guard !events.isEmpty else { throw UserError("\(file): no event with UID \(uid)", remedy: .importEveryEvent) }
        }
        let own = Set((config[.email] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let ownName = config[.name].flatMap(Self.blankToNil).map(Self.comparable)
        guard !own.isEmpty || ownName != nil else {
            throw UserError(
                "\(file): set your e-mail address or name first, so that you are not imported as one of your own interviewers",
                remedy: .setSetting("email", example: "you@example.com"))
        }
        var records: [(Interview, [Interviewer])] = []
        for event in events {
            var meaning = InviteInterpretation(event, ownEmails: own)
            // The user under another address is still the user: their name is matched too.
            if let ownName { meaning.interviewers.removeAll { Self.comparable($0.name) == ownName } }
            guard let companyName = company.flatMap(Self.blankToNil) ?? meaning.company else {
                throw UserError(
                    "\(file):\(event.line): SUMMARY: cannot tell the company from \"\(event.summary)\" or the e-mail addresses", remedy: .giveCompany)
            }
            let people = try meaning.interviewers.map { contact -> Interviewer in
                var contact = contact
                contact.company = companyName
                return try interviewer(contact, config: config, file: file)
            }
            // An invite's texts are kept without control characters: SQLite would cut them at a NUL.
            let interview = Interview(
                company: Self.oneLine(companyName), role: Self.oneLine(role.flatMap(Self.blankToNil) ?? meaning.role),
                startsAt: event.start, timeZone: event.timeZone.identifier, durationMinutes: event.durationMinutes,
                format: meaning.format, inviteDetails: event.description.map(ControlCharacters.stripped).flatMap(Self.blankToNil),
                createdAt: now)
            records.append((interview, people))
        }
        return records
    }

    /// Interviewers from every card of a vCard file's text, merged with people already known.
    public func importCards(_ text: String, file: String, interviewId: Int64?) throws -> [ImportOutcome] {
        try storeCards(try readCards(text, file: file), interviewId: interviewId)
    }

    /// The interviewers a vCard file's text holds, checked but not stored.
    public func readCards(_ text: String, file: String) throws -> [Interviewer] {
        let contacts: [Contact]
        do {
            contacts = try VCardReader.contacts(in: text, file: file)
        } catch {
            throw UserError(error.description)
        }
        let config = try loadConfig()
        return try contacts.map { try interviewer($0, config: config, file: file) }
    }

    /// Stores what ``readCards(_:file:)`` read, merged with people already known, in one transaction.
    public func storeCards(_ people: [Interviewer], interviewId: Int64?) throws -> [ImportOutcome] {
        let store = try openStore()
        return try storeCall { try store.importInterviewers(people, toInterview: interviewId) }
    }

    /// Saves a person read from a business card, seated on `interviewId` when given.
    public func saveScanned(_ contact: Contact, file: String, interviewId: Int64?) throws -> [ImportOutcome] {
        var contact = contact
        let store = try openStore()
        if contact.company == nil, let interviewId {
            contact.company = try storeCall { try store.interview(id: interviewId) }.interview.company
        }
        let person = try interviewer(contact, config: try loadConfig(), file: file)
        return try storeCall { try store.importInterviewers([person], toInterview: interviewId) }
    }

    /// A contact as an interviewer: e-mail checked and its domain lower-cased, phone in E.164 when possible.
    /// A name with a line break or a control character is refused, as `interviewer add` refuses it;
    /// control characters in the other fields are dropped.
    func interviewer(_ contact: Contact, config: Config, file: String) throws -> Interviewer {
        let place = "\(file)\(contact.line > 0 ? ":\(contact.line)" : "")"
        if contact.name.contains(where: \.isNewline) || ControlCharacters.first(in: contact.name) != nil {
            throw UserError(
                "\(place): FN: the name \"\(ControlCharacters.visible(contact.name.replacingOccurrences(of: "\n", with: "\\n")))\" contains a line break or a control character; correct it in the card and import again")
        }
        var person = contact.interviewer(createdAt: now)
        person.title = person.title.map(Self.oneLine)
        person.company = person.company.map(Self.oneLine)
        person.phone = person.phone.map(Self.oneLine)
        person.address = person.address.map(ControlCharacters.stripped)
        if let email = person.email {
            guard EmailAddress.isPlausible(email.trimmingCharacters(in: .whitespaces)) else {
                throw UserError(
                    "\(place): EMAIL: \"\(ControlCharacters.visible(email))\" (card of \(contact.name)) is not an e-mail address; correct it in the card and import again")
            }
            person.email = EmailAddress.normalized(email)
        }
        if let phone = person.phone { person.phone = PhoneNumber.e164(phone, region: config[.region]) ?? phone }
        return person
    }

    /// A name as compared with another: case, accents and spacing aside.
    static func comparable(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Every free-text field of a person within its length.
    static func checkLengths(_ form: InterviewerForm, _ check: inout FormCheck, label: FieldLabel) {
        _ = check.field("title") { try bounded(form.title, label("title"), limit: lineLimit) }
        _ = check.field("company") { try bounded(form.company, label("company"), limit: lineLimit) }
        _ = check.field("phone") { try bounded(form.phone, label("phone"), limit: 60) }
        _ = check.field("address") { try bounded(form.address, label("address"), limit: 2_000) }
        _ = check.field("notes") { try bounded(form.notes, label("notes"), limit: notesLimit) }
    }

    /// A required one-line text, trimmed, or a clear error naming the field.
    public static func required(_ value: String, _ field: String, example: String) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw UserError("\(field) cannot be empty; for example \(field) \"\(example)\"") }
        guard !trimmed.contains(where: { $0.isNewline || ($0.asciiValue.map { $0 < 32 } ?? false) }) else {
            throw UserError("\(field) cannot contain line breaks or control characters")
        }
        try bounded(trimmed, field, limit: lineLimit)
        return trimmed
    }

    /// Longest one-line field (a name, a title, a company, a role), in characters.
    public static let lineLimit = 200
    /// Longest notes, in characters.
    public static let notesLimit = 20_000

    /// Refuses a field longer than `limit` characters, saying how long it is and what fits.
    static func bounded(_ value: String?, _ field: String, limit: Int) throws {
        guard let value, value.count > limit else { return }
        throw UserError("\(field) is \(value.count) characters long; at most \(limit) fit, so shorten it")
    }

    /// A typed honorific ("Ms.", "Dr"), one short word; nil when blank.
    public static func honorific(_ value: String, label: String) throws -> String? {
        guard let trimmed = blankToNil(value) else { return nil }
        guard trimmed.count <= 20, !trimmed.contains(where: { $0.isWhitespace || $0.isNumber || ($0.asciiValue.map { $0 < 32 } ?? false) }) else {
            throw UserError("\(label): \"\(value)\" is not an honorific; write it like Ms., Mr., Dr. or Mx. (or leave it out)")
        }
        return trimmed
    }

    /// The fit as typed, checked as a phrase that finishes "my experience with …"; nil when blank.
    public static func fitLine(_ value: String, label: String) throws -> String? {
        guard let trimmed = blankToNil(value) else { return nil }
        do {
            _ = try Fit.read(trimmed)
        } catch {
            throw UserError("\(label): \(error.message)")
        }
        return trimmed
    }

    /// A topic as typed, checked as a phrase that finishes "our conversation about …"; nil when blank.
    public static func topic(_ value: String, others: [String], label: String) throws -> String? {
        guard let trimmed = blankToNil(value) else { return nil }
        do {
            return try Topic.read(trimmed, others: others)?.text
        } catch {
            throw UserError("\(label): \(error.message)")
        }
    }

    /// A typed e-mail address, checked and with its domain lower-cased; nil when blank.
    public static func checkedEmail(_ value: String, label: String) throws -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard EmailAddress.isPlausible(trimmed) else {
            throw UserError("\(label): \"\(value)\" is not an e-mail address; write it like dana@acme.com")
        }
        return EmailAddress.normalized(trimmed)
    }

    /// The text on one line: line breaks become spaces, control characters are dropped.
    static func oneLine(_ text: String) -> String {
        ControlCharacters.stripped(text).split(separator: "\n").joined(separator: " ")
    }

    /// The text trimmed and without control characters, or nil when blank.
    public static func blankToNil(_ text: String) -> String? {
        let trimmed = ControlCharacters.stripped(text).trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// "1 Main St; Springfield" → two lines.
    public static func addressLines(_ text: String) -> String {
        text.replacingOccurrences(of: "\\n", with: "\n").split(whereSeparator: { $0 == ";" || $0 == "\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
