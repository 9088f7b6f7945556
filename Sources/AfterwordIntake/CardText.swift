import AfterwordCore
import Foundation

/// A field read from a business card, with how sure the reader is.
public struct ScannedField: Sendable, Equatable {
    public var value: String
    /// 0…1: 0.9 for a pattern match (e-mail), lower for guesses from layout.
    public var confidence: Double
}

/// What a business card's text says, field by field.
public struct ScannedCard: Sendable, Equatable {
    public var name: ScannedField?
    public var title: ScannedField?
    public var company: ScannedField?
    public var email: ScannedField?
    public var phone: ScannedField?
    public var website: ScannedField?
    public var address: ScannedField?

    /// The card as a contact, when it has a name.
    public var contact: Contact? {
        guard let name else { return nil }
        return Contact(
            name: name.value, title: title?.value, company: company?.value, emails: email.map { [$0.value] } ?? [],
            phones: phone.map { [$0.value] } ?? [], addresses: address.map { [$0.value] } ?? [], website: website?.value)
    }
}

/// Reads the text of a business card (typed, pasted, or from OCR) by patterns and layout, not position alone.
public enum CardTextReader {
    static let email = Pattern("[\\p{L}0-9._%+'-]+@[\\p{L}0-9.-]+\\.[\\p{L}]{2,}")
    static let website = Pattern("(?i)\\b(?:https?://)?(?:www\\.)?[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|org|net|io|co|ai|dev|de|uk|fr|eu|us|ca|app|tech)(?:/[^\\s]*)?\\b")
    static let phone = Pattern("(?:\\+\\s?)?(?:\\(?\\d[\\d\\s().-]{6,}\\d)")
    static let titleWords: Set<String> = [
        "engineer", "engineering", "manager", "director", "recruiter", "recruiting", "head", "lead", "vp", "vice",
        "president", "officer", "partner", "developer", "designer", "analyst", "specialist", "coordinator",
        "consultant", "scientist", "architect", "founder", "co-founder", "ceo", "cto", "cfo", "coo", "talent", "hr",
        "people", "principal", "senior", "staff", "associate", "acquisition", "sourcer", "product", "chief",
        "administrator", "executive", "owner", "counsel", "attorney", "professor", "teacher", "nurse", "editor",
    ]
    static let companyWords: Set<String> = [
        "inc", "inc.", "llc", "ltd", "ltd.", "gmbh", "corp", "corp.", "corporation", "co.", "company", "labs", "group",
        "technologies", "technology", "systems", "solutions", "software", "ag", "sa", "plc", "bv", "partners",
        "consulting", "studio", "studios", "bank", "university", "institute", "analytics", "industries", "holdings",
    ]
    static let streetWords: Set<String> = [
        "st", "st.", "street", "ave", "ave.", "avenue", "rd", "rd.", "road", "blvd", "blvd.", "boulevard", "suite",
        "ste", "ste.", "floor", "fl", "fl.", "lane", "ln", "way", "drive", "dr.", "court", "ct", "place", "pl", "square",
        "sq", "parkway", "pkwy", "highway", "hwy", "straße", "strasse", "str.", "weg", "platz", "rue", "via", "box",
        "building", "plaza", "terrace", "circle", "unit",
    ]

    /// The longest line read as a field: no card prints a longer one, and the patterns take time
    /// growing with the square of a line's length.
    static let longestLine = 200

    /// The postcode shapes: US "IL 62701", DE/FR "10115 Berlin", UK "SW1A 1AA", CA "M5V 2T6".
    static let postcodes = [
        "\\b[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?\\b", "\\b\\d{5}\\s+[A-ZÄÖÜ][\\p{L}]+", "\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}\\b",
        "\\b[A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d\\b",
    ].map(Pattern.init)

    /// Reads the fields of a card from its text; lines longer than ``longestLine`` are left out.
    public static func read(_ text: String) -> ScannedCard {
        var card = ScannedCard()
        var lines = text.replacingOccurrences(of: "\r", with: "\n").split(separator: "\n")
            .filter { $0.count <= longestLine }
            .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "|•·")) }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var used = Set<Int>()
        // E-mail: the surest field.
        for (index, line) in lines.enumerated() {
            if let found = first(email, in: line) {
                card.email = ScannedField(value: EmailAddress.normalized(found), confidence: 0.95)
                if line.count <= found.count + 12 { used.insert(index) }
                break
            }
        }
        // Phones: labelled lines first, fax never.
        var phones: [(String, Double)] = []
        for (index, line) in lines.enumerated() where !used.contains(index) {
            let lower = line.lowercased()
            guard !lower.contains("fax"), let number = first(phone, in: line.replacingOccurrences(of: card.email?.value ?? "\u{0}", with: "")),
                number.filter(\.isNumber).count >= 7, !looksLikePostcodeLine(line)
            else { continue }
            let labelled = ["tel", "phone", "mobile", "cell", "direct", "office", "t:", "m:", "p:", "t ", "m "].contains { lower.hasPrefix($0) }
            phones.append((number.trimmingCharacters(in: .whitespaces), labelled ? 0.9 : 0.7))
            if line.filter(\.isLetter).count <= 10 { used.insert(index) }
        }
        if let best = phones.max(by: { $0.1 < $1.1 }) { card.phone = ScannedField(value: best.0, confidence: best.1) }
        // Website.
        for (index, line) in lines.enumerated() where !used.contains(index) && !line.contains("@") {
            if let site = first(website, in: line), site.contains(".") {
                card.website = ScannedField(value: site, confidence: 0.85)
                used.insert(index)
                break
            }
        }
        lines = lines.map { $0 }
        // Address: street-like lines and the postcode line after them.
        var addressLines: [Int] = []
        for (index, line) in lines.enumerated() where !used.contains(index) {
            let words = Set(line.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init))
            let streetish = line.first(where: \.isNumber) != nil && !words.isDisjoint(with: streetWords)
            if streetish || looksLikePostcodeLine(line) || (line.lowercased().contains("p.o. box")) {
                addressLines.append(index)
            }
        }
        if !addressLines.isEmpty {
            let value = addressLines.map { lines[$0] }.joined(separator: "\n")
            card.address = ScannedField(value: value, confidence: addressLines.count >= 2 ? 0.8 : 0.6)
            used.formUnion(addressLines)
        }
        // Title and company by their words; the name by its shape and the e-mail.
        let localPart = card.email?.value.split(separator: "@").first.map { String($0).lowercased() } ?? ""
        let domainName = card.email.map { InviteInterpretation.company(fromDomain: String($0.value.split(separator: "@").last ?? "")) }
        var nameCandidates: [(Int, Double)] = []
        for (index, line) in lines.enumerated() where !used.contains(index) {
            let words = line.split(separator: " ").map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
            if card.title == nil, !words.filter({ titleWords.contains($0) }).isEmpty, line.filter(\.isNumber).isEmpty {
                card.title = ScannedField(value: line, confidence: 0.75)
                used.insert(index)
                continue
            }
            if card.company == nil,
                !Set(words).isDisjoint(with: companyWords)
                    || (domainName.map { NameKey.fold(line).contains(NameKey.fold($0)) } ?? false)
            {
                card.company = ScannedField(value: line, confidence: 0.8)
                used.insert(index)
                continue
            }
            let tokens = line.split(separator: " ")
            if (2...4).contains(tokens.count), line.filter(\.isNumber).isEmpty,
                tokens.allSatisfy({ $0.first?.isUppercase == true || $0.count <= 3 })
            {
                let folded = NameKey.fold(line)
                let matchesEmail = !localPart.isEmpty && tokens.contains { localPart.contains(NameKey.fold(String($0))) && $0.count >= 3 }
                nameCandidates.append((index, matchesEmail ? 0.9 : (folded.isEmpty ? 0.3 : 0.6)))
            }
        }
        if let best = nameCandidates.max(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }) {
            card.name = ScannedField(value: lines[best.0], confidence: best.1)
        }
        if card.company == nil, let domainName, !InviteInterpretation.genericDomains.contains(String(card.email?.value.split(separator: "@").last ?? "")) {
            card.company = ScannedField(value: domainName, confidence: 0.5)
        }
        return card
    }

    static func looksLikePostcodeLine(_ line: String) -> Bool {
        postcodes.contains { first($0, in: line) != nil }
    }

    static func first(_ pattern: Pattern, in text: String) -> String? {
        guard let match = pattern.regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range, in: text)
        else { return nil }
        return String(text[range])
    }
}

/// Comparing names case- and accent-blind.
enum NameKey {
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).filter(\.isLetter)
    }
}
