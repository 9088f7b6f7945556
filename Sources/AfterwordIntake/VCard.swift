import AfterwordCore
import Foundation

/// A person from a business card or an address book, before it becomes an interviewer.
public struct Contact: Sendable, Equatable {
    public var name: String
    public var title: String?
    public var company: String?
    /// Every e-mail address, best first (work and preferred ahead of others).
    public var emails: [String]
    /// Every phone number, best first.
    public var phones: [String]
    /// Every postal address (lines separated by newlines), best first.
    public var addresses: [String]
    public var website: String?
    /// The honorific prefix of the structured name ("Ms.", "Dr."), for a formal greeting.
    public var honorific: String?
    /// The line the card started on, for messages.
    public var line: Int

    public init(
        name: String, title: String? = nil, company: String? = nil, emails: [String] = [], phones: [String] = [],
        addresses: [String] = [], website: String? = nil, line: Int = 0
    ) {
        self.name = name
        self.title = title
        self.company = company
        self.emails = emails
        self.phones = phones
        self.addresses = addresses
        self.website = website
        self.line = line
    }

    /// The contact as an interviewer record (best e-mail, phone and address).
    /// The contact as an interviewer: an honorific or a degree written into the name ("Dr. Priya Raman, PhD")
    /// is taken out of it, the honorific kept for the greeting.
    public func interviewer(createdAt: Date) -> Interviewer {
        let parts = PersonName.split(name)
        return Interviewer(
            name: parts.name, honorific: honorific ?? parts.honorific, title: title, company: company, email: emails.first,
            phone: phones.first, address: addresses.first, createdAt: createdAt)
    }
}

/// A reader for vCard 2.1, 3.0 and 4.0 (RFC 2425/2426/6350) as phones, Outlook, Google and macOS export them.
public enum VCardReader {
    /// Every card in the file.
    /// - Throws: ``IntakeError`` naming the file, the line and the property for a broken card.
    public static func contacts(in text: String, file: String) throws(IntakeError) -> [Contact] {
        let lines = try ContentLine.parse(text, file: file)
        var contacts: [Contact] = []
        var current: [ContentLine]?
        var beginLine = 0
        for line in lines {
            switch (line.name, line.value.trimmingCharacters(in: .whitespaces).uppercased()) {
            case ("BEGIN", "VCARD"):
                if current != nil {
                    throw IntakeError(
                        file: file, line: beginLine, field: "END:VCARD",
                        message: "the card that starts here has no END:VCARD before the next card; the file is truncated or damaged")
                }
                current = []
                beginLine = line.line
            case ("END", "VCARD"):
                guard let properties = current else {
                    throw IntakeError(file: file, line: line.line, field: "BEGIN:VCARD", message: "END:VCARD without BEGIN:VCARD")
                }
                contacts.append(try contact(from: properties, line: beginLine, file: file))
                current = nil
            default:
                current?.append(line)
            }
        }
        if current != nil {
            throw IntakeError(
                file: file, line: beginLine, field: "END:VCARD",
                message: "the card that starts here never ends (no END:VCARD); the file is truncated, export it again")
        }
        if contacts.isEmpty {
            throw IntakeError(file: file, line: 0, field: "BEGIN:VCARD", message: "no vCard in this file; export the contact as a .vcf card")
        }
        return contacts
    }

    static func contact(from properties: [ContentLine], line: Int, file: String) throws(IntakeError) -> Contact {
        var formatted: String?
        var structured: String?
        var contact = Contact(name: "", line: line)
        var emails: [(String, Int)] = []
        var phones: [(String, Int)] = []
        var addresses: [(String, Int)] = []
        for property in properties {
            switch property.name {
            case "PHOTO", "LOGO", "SOUND", "KEY":
                continue
            case "FN":
                formatted = try text(property, file: file)
            case "N":
                let parts = PropertyValue.components(try decoded(property, file: file))
                // family; given; additional; prefixes; suffixes (the honorific prefix is left out of the name)
                let ordered = [parts[safe: 1], parts[safe: 2], parts[safe: 0], parts[safe: 4]]
                structured = ordered.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
                if let prefix = parts[safe: 3]?.trimmingCharacters(in: .whitespaces), !prefix.isEmpty { contact.honorific = prefix }
            case "ORG":
                let units = PropertyValue.components(try decoded(property, file: file)).filter { !$0.isEmpty }
                contact.company = units.first
            case "TITLE":
                contact.title = try text(property, file: file)
            case "EMAIL":
                let address = try text(property, file: file)
                guard !address.isEmpty else { continue }
                emails.append((address, try rank(property, file: file)))
            case "TEL":
                var number = try text(property, file: file)
                if number.lowercased().hasPrefix("tel:") { number = String(number.dropFirst(4)) }
                guard !number.isEmpty else { continue }
                phones.append((number, try rank(property, file: file)))
            case "ADR":
                let parts = PropertyValue.components(try decoded(property, file: file)).map {
                    $0.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                }
                let lines = PostalAddress.lines(
                    box: parts[safe: 0], extended: parts[safe: 1], street: parts[safe: 2], locality: parts[safe: 3],
                    region: parts[safe: 4], postalCode: parts[safe: 5], country: parts[safe: 6])
                if !lines.isEmpty { addresses.append((lines.joined(separator: "\n"), try rank(property, file: file))) }
            case "URL":
                if contact.website == nil { contact.website = try text(property, file: file) }
            default:
                continue
            }
        }
        guard let name = [formatted, structured].compactMap({ $0?.trimmingCharacters(in: .whitespaces) }).first(where: { !$0.isEmpty })
        else {
            throw IntakeError(
                file: file, line: line, field: "FN",
                message: "this card has no name (neither FN nor N); add the person's name in your contacts and export again")
        }
        contact.name = name
        contact.emails = emails.sorted { $0.1 > $1.1 }.map(\.0)
        contact.phones = phones.sorted { $0.1 > $1.1 }.map(\.0)
        contact.addresses = addresses.sorted { $0.1 > $1.1 }.map(\.0)
        return contact
    }

    /// Work and preferred entries first.
    /// - Throws: ``IntakeError`` for a `PREF` that is not a number from 1 to 100 (RFC 6350 §5.3).
    static func rank(_ property: ContentLine, file: String) throws(IntakeError) -> Int {
        let types = property.types
        var score = 0
        if types.contains("pref") || property.parameter("PREF").contains(where: { $0 == "1" }) { score += 2 }
        if types.contains("work") || types.contains("internet") && types.contains("work") { score += 1 }
        if let text = property.parameter("PREF").first {
            guard let pref = Int(text), (1...100).contains(pref) else {
                throw IntakeError(
                    file: file, line: property.line, field: "\(property.name);PREF",
                    message: "PREF=\(text.prefix(40)) is not a preference from 1 to 100; correct it in your contacts and export again")
            }
            score += max(0, 3 - pref)
        }
        if types.contains("home") { score -= 1 }
        if types.contains("fax") { score -= 3 }
        return score
    }

    /// The value decoded from its transfer encoding and charset, still escaped.
    static func decoded(_ property: ContentLine, file: String) throws(IntakeError) -> String {
        let encoding = property.parameter("ENCODING").first?.uppercased()
        let charsetName = property.parameter("CHARSET").first
        var charset: String.Encoding = .utf8
        if let charsetName {
            guard let known = TextEncoding.encoding(named: charsetName) else {
                throw IntakeError(
                    file: file, line: property.line, field: property.name,
                    message: "unknown character set \"\(charsetName)\"; export the card as UTF-8")
            }
            charset = known
        }
        guard encoding == "QUOTED-PRINTABLE" else { return property.value }
        guard let bytes = TextEncoding.quotedPrintable(property.value) else {
            throw IntakeError(
                file: file, line: property.line, field: property.name,
                message: "broken quoted-printable sequence (an \"=\" not followed by two hex digits); export the card again")
        }
        guard let text = String(data: Data(bytes), encoding: charset) else {
            throw IntakeError(
                file: file, line: property.line, field: property.name,
                message: "the value is not valid \(charsetName ?? "UTF-8") text; export the card again as UTF-8")
        }
        return text
    }

    /// A plain-text property, decoded and unescaped.
    static func text(_ property: ContentLine, file: String) throws(IntakeError) -> String {
        PropertyValue.unescape(Substring(try decoded(property, file: file))).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
