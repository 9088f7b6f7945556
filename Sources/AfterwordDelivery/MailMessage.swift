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

    /// `Thu, 26 Nov 2026 14:00:00 -0500`.
    static func rfc5322Date(_ date: Date, zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
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
        if name.unicodeScalars.allSatisfy({ $0.isASCII }) {
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
        if value.unicodeScalars.allSatisfy({ $0.isASCII }) { return value }
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
    public static func encode(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var output: [String] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            var encoded = ""
            var length = 0
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !isLast)
                let piece = literal ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
                if length + piece.count > 75 {
                    encoded += "=\r\n"
                    length = 0
                }
                encoded += piece
                length += piece.count
            }
            output.append(encoded)
        }
        var joined = output.joined(separator: "\r\n")
        if !joined.hasSuffix("\r\n") { joined += "\r\n" }
        return joined
    }
}
