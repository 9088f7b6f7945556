import Foundation

/// A person's address with an optional display name.
public struct Mailbox: Sendable, Equatable {
    public var name: String?
    public var address: String

    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }
}

/// An RFC 5322 message with a UTF-8 text/plain body in quoted-printable (RFC 2045), non-ASCII
/// names and subjects as RFC 2047 encoded-words, and no way for a name or subject to inject a header.
public struct MailMessage: Sendable, Equatable {
    public var from: Mailbox
    public var to: [Mailbox]
    public var subject: String
    public var date: Date
    /// The sender's time zone, for the Date header.
    public var zone: TimeZone
    /// Without angle brackets: `uuid@example.com`.
    public var messageId: String
    public var body: String

    public init(from: Mailbox, to: [Mailbox], subject: String, date: Date, zone: TimeZone, messageId: String, body: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.zone = zone
        self.messageId = messageId
        self.body = body
    }

    /// A fresh Message-ID on the sender's domain.
    public static func makeMessageId(from address: String, unique: UUID = UUID()) -> String {
        let domain = address.split(separator: "@").last.map(String.init) ?? "afterword.invalid"
        return "\(unique.uuidString.lowercased())@\(HeaderText.safe(domain).replacingOccurrences(of: " ", with: ""))"
    }

    /// The message as bytes with CRLF line ends, ready for SMTP DATA, sendmail or an .eml file.
    public func rendered() -> [UInt8] {
        var lines: [String] = []
        lines.append(HeaderText.fold("From: " + HeaderText.mailbox(from)))
        lines.append(HeaderText.fold("To: " + to.map(HeaderText.mailbox).joined(separator: ", ")))
        lines.append(HeaderText.fold("Subject: " + HeaderText.unstructured(subject, offset: 9)))
        lines.append("Date: " + Self.rfc5322Date(date, zone: zone))
        lines.append("Message-ID: <\(messageId)>")
        lines.append("MIME-Version: 1.0")
        lines.append("Content-Type: text/plain; charset=UTF-8")
        lines.append("Content-Transfer-Encoding: quoted-printable")
        lines.append("X-Mailer: Afterword")
        let head = lines.joined(separator: "\r\n")
        return Array((head + "\r\n\r\n" + QuotedPrintable.encode(body)).utf8)
    }

    /// `Thu, 26 Nov 2026 14:00:00 -0500`, computed without a DateFormatter (this runs once per message).
    static func rfc5322Date(_ date: Date, zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let local = Int((date.timeIntervalSince1970).rounded(.down)) + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let seconds = local - days * 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[((days % 7) + 7) % 7]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let sign = offset < 0 ? "-" : "+"
        let zoneText = sign + two(abs(offset) / 3600) + two(abs(offset) % 3600 / 60)
        return "\(weekday), \(two(day)) \(months[month - 1]) \(year) \(two(seconds / 3600)):\(two(seconds % 3600 / 60)):\(two(seconds % 60)) \(zoneText)"
    }
}

/// Header values made safe and encoded.
enum HeaderText {
    /// Control characters (CR and LF among them) become spaces; runs of space collapse.
    static func safe(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let control = scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029
            if control || scalar == " " {
                if !lastWasSpace, !result.isEmpty { result.append(" ") }
                lastWasSpace = true
            } else {
                result.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// `"Whitfield, Dana" <dana@acme.com>`, or an encoded-word name.
    static func mailbox(_ mailbox: Mailbox) -> String {
        let address = safe(mailbox.address).replacingOccurrences(of: " ", with: "").filter { $0 != "<" && $0 != ">" && $0 != "," }
        guard let raw = mailbox.name, case let name = safe(raw), !name.isEmpty else { return "<\(address)>" }
        // Text that looks like an encoded-word ("=?…") is encoded itself, or a reader would decode it.
        if name.unicodeScalars.allSatisfy({ $0.isASCII }), !name.contains("=?") {
            let atext = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "!#$%&'*+-/=?^_`{|}~ "))
            if name.unicodeScalars.allSatisfy({ atext.contains($0) }) { return "\(name) <\(address)>" }
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\" <\(address)>"
        }
        return encodedWords(name, offset: 6).joined(separator: " ") + " <\(address)>"
    }

    /// An unstructured value (Subject): as is when ASCII, else encoded-words.
    static func unstructured(_ text: String, offset: Int) -> String {
        let value = safe(text)
        if value.unicodeScalars.allSatisfy({ $0.isASCII }), !value.contains("=?") { return value }
        return encodedWords(value, offset: offset).joined(separator: "\r\n ")
    }

    /// `=?UTF-8?B?…?=` words of at most 75 characters, never splitting a character (RFC 2047 §5).
    static func encodedWords(_ text: String, offset: Int) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        // 39 bytes make 52 base64 characters: a 64-character word, so that "Subject: " and a word stay within 78.
        let maxBytes = 39
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > maxBytes, !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }

    /// Folds a header line at spaces so that no line passes 78 characters where a space allows.
    static func fold(_ line: String) -> String {
        guard line.count > 78, !line.contains("\r\n") else { return line }
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count > 78 {
                lines.append(current)
                current = String(word)
            } else {
                current += " " + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\r\n ")
    }
}

/// Quoted-printable for a UTF-8 text body (RFC 2045 §6.7): lines of at most 76 characters.
public enum QuotedPrintable {
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    public static func encode(_ text: String) -> String {
        var output: [UInt8] = []
        let bytes = Array(text.utf8)
        output.reserveCapacity(bytes.count + bytes.count / 8 + 16)
        var length = 0
        var index = 0
        func put(_ piece: [UInt8]) {
            if length + piece.count > 75 {
                output += [UInt8(ascii: "="), 13, 10]
                length = 0
            }
            output += piece
            length += piece.count
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 13 || byte == 10 {
                // CR, LF or CRLF: one hard line break.
                if byte == 13, index + 1 < bytes.count, bytes[index + 1] == 10 { index += 1 }
                output += [13, 10]
                length = 0
                index += 1
                continue
            }
            let nextIsBreak = index + 1 >= bytes.count || bytes[index + 1] == 10 || bytes[index + 1] == 13
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !nextIsBreak)
            put(literal ? [byte] : [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]])
            index += 1
        }
        if !(output.count >= 2 && output[output.count - 2] == 13 && output[output.count - 1] == 10) { output += [13, 10] }
        return String(decoding: output, as: UTF8.self)
    }
}
