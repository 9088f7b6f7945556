/// A draft as `afterword check` reads it: optional header lines (`Subject:`, `To:`…), a blank line, the body.
public struct Document: Sendable {
    /// A header line and where it was.
    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
        public var line: Int
        /// 1-based column where the value starts.
        public var column: Int
    }

    /// The name shown in reports ("drafts/dana.txt", "<stdin>").
    public var path: String
    public var headers: [Header]
    public var channel: Channel
    /// The person the draft is to, as "Dana Whitfield" (no address), when known.
    public var recipientName: String?
    /// The recipient's e-mail address, when the `To:` header carries one.
    public var recipientEmail: String?
    public var company: String?
    /// The role interviewed for, when known (its words are never taken for shouting or a proper noun).
    public var role: String?
    public var subject: String?
    /// Where the subject is (its header line and column; line 0 when it came from an option).
    public var subjectLine: Int
    public var subjectColumn: Int = 1
    public var body: String
    /// The 1-based line number in the input where the body starts.
    public var bodyFirstLine: Int
    /// When the interview was and when the message leaves, when known: its time words are checked (AW-WHEN).
    public var occasion: Occasion?

    /// The header names the parser recognises; anything else on the first line starts the body.
    /// Folded lines kept per header; more is not a header a person wrote.
    static let maxHeaderContinuations = 64

    public static let knownHeaders: Set<String> = ["subject", "to", "cc", "from", "company", "channel", "date", "role"]

    /// Reads headers and body from the text of a draft.
    ///
    /// Header lines are recognised only at the very top and only for the names in ``knownHeaders``,
    /// so a body that starts "Dear Dana," is never mistaken for headers.
    public static func parse(_ text: String, path: String, defaultChannel: Channel? = nil) -> Document {
        let normalized =
            text.utf8.contains(0x0D) ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        var rest = Substring(normalized)
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        var headers: [Header] = []
        var continuations: [[String]] = []
        var index = 0
        // Header lines are read one at a time from the top; the body is the rest, never split into lines.
        while !rest.isEmpty || index == 0 {
            let newline = rest.utf8.firstIndex(of: 0x0A)
            let line = newline.map { rest[..<$0] } ?? rest
            let after = newline.map { rest[rest.utf8.index(after: $0)...] } ?? rest[rest.endIndex...]
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !headers.isEmpty {
                    index += 1
                    rest = after
                }
                break
            }
            if !headers.isEmpty, line.first == " " || line.first == "\t" {
                // A folded header line; a value is capped so that hostile input stays linear.
                if continuations[headers.count - 1].count < Self.maxHeaderContinuations {
                    continuations[headers.count - 1].append(line.trimmingBlanks())
                }
                index += 1
                rest = after
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { break }
            let name = line[..<colon].trimmingBlanks()
            guard knownHeaders.contains(name.lowercased()) else { break }
            let valuePart = line[line.index(after: colon)...]
            let value = valuePart.trimmingBlanks()
            let column = line.distance(from: line.startIndex, to: colon) + 2 + valuePart.prefix { $0 == " " || $0 == "\t" }.count
            headers.append(Header(name: name.lowercased(), value: value, line: index + 1, column: column))
            continuations.append([])
            index += 1
            rest = after
            if newline == nil { break }
        }
        for (position, parts) in continuations.enumerated() where !parts.isEmpty {
            headers[position].value = ([headers[position].value] + parts).joined(separator: " ")
        }
        var document = Document(
            path: path, headers: headers, channel: defaultChannel ?? .email, recipientName: nil,
            recipientEmail: nil, company: nil, role: nil, subject: nil, subjectLine: 0, body: String(rest), bodyFirstLine: index + 1)
        document.apply(headers, defaultChannel: defaultChannel)
        return document
    }

    /// Takes the subject, recipient, role, company and channel from the header lines.
    private mutating func apply(_ headers: [Header], defaultChannel: Channel?) {
        for header in headers {
            switch header.name {
            case "subject":
                subject = header.value
                subjectLine = header.line
                subjectColumn = header.column
            case "to":
                let (name, email) = Document.splitAddress(header.value)
                recipientName = name
                recipientEmail = email
            case "role":
                role = header.value.isEmpty ? nil : header.value
            case "company":
                company = header.value.isEmpty ? nil : header.value
            case "channel":
                if defaultChannel == nil, let named = Channel(rawValue: header.value.lowercased()) {
                    channel = named
                }
            default:
                break
            }
        }
        if defaultChannel == nil, !headers.contains(where: { $0.name == "channel" }), subject == nil,
            recipientName != nil, recipientEmail == nil
        {
            // A `To:` with a name and no address is a note card.
            channel = .note
        }
    }

    /// The same draft, known to be to `recipient` at `company` for `role` (as when the store composed it).
    public func addressed(to recipient: String, company: String, role: String) -> Document {
        var document = self
        document.recipientName = recipient
        document.company = company
        document.role = role
        return document
    }

    /// Splits `"Dana Whitfield" <dana@acme.com>` into its name and address.
    public static func splitAddress(_ value: String) -> (name: String?, email: String?) {
        var name = value
        var email: String?
        if let open = value.lastIndex(of: "<"), let close = value.lastIndex(of: ">"), open < close {
            email = value[value.index(after: open)..<close].trimmingBlanks()
            name = String(value[..<open])
        } else if value.utf8.contains(0x40), !value.utf8.contains(0x20) {
            return (nil, value)
        }
        name = name.trimmingBlanks()[...].trimming { $0 == "\"" }
        return (name.isEmpty ? nil : name, email?.isEmpty == true ? nil : email)
    }
}

import Foundation
