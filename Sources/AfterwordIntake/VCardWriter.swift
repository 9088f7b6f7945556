import AfterwordCore
import Foundation

/// People as vCard 4.0 (RFC 6350), for an address book (Thunderbird, Apple Contacts, Google Contacts):
/// name, title, company, e-mail, phone, postal address, and a note of when and where they were met.
public enum VCardWriter {
    /// The cards of `people`, each with the interviews they sat on (for the note), in one file.
    /// - Parameter now: the time written as each card's revision.
    public static func cards(_ people: [InterviewerDetail], now: Date) -> String {
        ContentLines.file(people.flatMap { card($0, now: now) })
    }

    /// One card's lines, unfolded.
    static func card(_ detail: InterviewerDetail, now: Date) -> [String] {
        let person = detail.interviewer
        let text = ContentLines.text
        var lines = ["BEGIN:VCARD", "VERSION:4.0", "PRODID:-//Afterword//Interviewers//EN"]
        lines.append("UID:urn:uuid:\(uuid(for: person))")
        lines.append("FN:" + text(person.name))
        let name = structured(person.name)
        lines.append("N:" + [name.family, name.given, "", person.honorific ?? "", name.suffix].map(text).joined(separator: ";"))
        if let company = person.company ?? detail.interviews.last?.company, !company.isEmpty { lines.append("ORG:" + text(company)) }
        if let title = person.title, !title.isEmpty { lines.append("TITLE:" + text(title)) }
        if let email = person.email, !email.isEmpty { lines.append("EMAIL;TYPE=work:" + text(email)) }
        if let phone = person.phone, !phone.isEmpty { lines.append("TEL;TYPE=work;VALUE=text:" + text(phone)) }
        if let address = person.address, !address.isEmpty {
            // The address as typed, its lines as the street (the parts are not known one by one), and as the label.
            lines.append("ADR;TYPE=work;LABEL=\"\(label(address))\":;;" + text(address) + ";;;;")
        }
        let met = detail.interviews.sorted { $0.startsAt < $1.startsAt }.map { interview in
            "\(interview.role) interview at \(interview.company), \(day(interview))"
        }
        var note = met.isEmpty ? [] : ["Met: " + met.joined(separator: "; ") + "."]
        if let notes = person.notes, !notes.isEmpty { note.append(notes) }
        if !note.isEmpty { lines.append("NOTE:" + text(note.joined(separator: "\n"))) }
        lines.append("REV:" + ContentLines.timestamp(now))
        lines.append("END:VCARD")
        return lines
    }

    /// Words after a name that are not part of it ("Jr.", "III", "PhD").
    static let suffixes: Set<String> = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md", "m.d.", "esq", "esq."]
    /// Words that begin a family name ("van der Berg", "de la Cruz").
    static let particles: Set<String> = ["van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "dos", "das", "ter", "ten", "bin", "al"]

    /// The name's parts as a vCard's N has them: the family name (with its particles), the given names,
    /// and a suffix; one word is a given name alone.
    static func structured(_ name: String) -> (family: String, given: String, suffix: String) {
        var words = name.split(whereSeparator: \.isWhitespace).map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
        var suffix: [String] = []
        while words.count > 1, let last = words.last, suffixes.contains(last.lowercased()) {
            suffix.insert(last, at: 0)
            words.removeLast()
        }
        guard words.count > 1 else { return ("", words.joined(separator: " "), suffix.joined(separator: " ")) }
        var start = words.count - 1
        while start > 1, particles.contains(words[start - 1].lowercased()) { start -= 1 }
        return (words[start...].joined(separator: " "), words[..<start].joined(separator: " "), suffix.joined(separator: " "))
    }

    /// A stable UUID for the person (the same card each export), from their record's id and creation time.
    static func uuid(for person: Interviewer) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "afterword-interviewer-\(person.id ?? 0)-\(person.createdAt.timeIntervalSince1970)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16).leftPadded(to: 16) + String(hash.byteSwapped, radix: 16).leftPadded(to: 16)
        let characters = Array(hex)
        // Version 8 (custom), variant 10: a UUID readers accept.
        return String(characters[0..<8]) + "-" + String(characters[8..<12]) + "-8" + String(characters[13..<16]) + "-a"
            + String(characters[17..<20]) + "-" + String(characters[20..<32])
    }

    /// A parameter value in quotes: no quote, and line breaks as `^n` (RFC 6868).
    static func label(_ address: String) -> String {
        address.replacingOccurrences(of: "^", with: "^^").replacingOccurrences(of: "\"", with: "^'").split(whereSeparator: \.isNewline)
            .joined(separator: "^n")
    }

    /// "26 Nov 2026", in the interview's zone.
    static func day(_ interview: Interview) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = interview.zone
        formatter.dateFormat = "d MMM yyyy"
        return formatter.string(from: interview.startsAt)
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
