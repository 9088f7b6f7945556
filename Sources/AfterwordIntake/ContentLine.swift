import Foundation

/// One logical line of a vCard or iCalendar file: `group.NAME;PARAM=value:VALUE` (RFC 2425, 6350, 5545).
public struct ContentLine: Sendable, Equatable {
    public var group: String?
    /// Upper-cased property name.
    public var name: String
    /// Upper-cased parameter names with their values (a bare 2.1 parameter such as `WORK` is stored under `TYPE`).
    public var parameters: [(name: String, values: [String])]
    /// The raw value, still escaped and encoded as in the file.
    public var value: String
    /// The physical line the property started on (1-based).
    public var line: Int

    public static func == (lhs: ContentLine, rhs: ContentLine) -> Bool {
        lhs.group == rhs.group && lhs.name == rhs.name && lhs.value == rhs.value && lhs.line == rhs.line
            && lhs.parameters.map(\.name) == rhs.parameters.map(\.name)
            && lhs.parameters.map(\.values) == rhs.parameters.map(\.values)
    }

    /// All values of a parameter, split on commas, upper-cased for TYPE-like parameters.
    public func parameter(_ name: String) -> [String] {
        parameters.filter { $0.name == name }.flatMap(\.values)
    }

    /// The TYPE values in every form (`TYPE=work,pref`, `TYPE=WORK;TYPE=PREF`, bare `WORK`), lower-cased.
    public var types: Set<String> {
        Set(parameter("TYPE").flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    }

    /// Splits a file into content lines: unfolds continuation lines (space or tab), joins
    /// quoted-printable soft line breaks, and strips a UTF-8 byte-order mark.
    /// - Throws: ``IntakeError`` for a line with no `:` separator.
    public static func parse(_ text: String, file: String) throws(IntakeError) -> [ContentLine] {
        var source = text
        if source.hasPrefix("\u{FEFF}") { source.removeFirst() }
        let physical = source.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        // `quotedPrintable` is decided once, when the line's name and parameters are complete (its first
        // ":" has arrived): unfolding stays linear however many continuation lines a property has.
        var logical: [(text: String, line: Int, quotedPrintable: Bool?)] = []
        var index = 0
        while index < physical.count {
            let raw = physical[index]
            if let first = raw.first, first == " " || first == "\t", !logical.isEmpty {
                let last = logical.count - 1
                logical[last].text += raw.dropFirst()
                if logical[last].quotedPrintable == nil, raw.contains(":") {
                    logical[last].quotedPrintable = isQuotedPrintable(logical[last].text)
                }
            } else if raw.contains(where: { !$0.isWhitespace }) {
                let text = String(raw)
                logical.append((text, index + 1, text.contains(":") ? isQuotedPrintable(text) : nil))
            }
            // Quoted-printable soft line breaks: a value ending in "=" continues on the next physical line.
            if let last = logical.indices.last, logical[last].quotedPrintable == true {
                while index + 1 < physical.count, logical[last].text.utf8.last == UInt8(ascii: "=") {
                    index += 1
                    logical[last].text.unicodeScalars.removeLast()
                    logical[last].text += physical[index].drop { $0 == " " || $0 == "\t" }
                }
            }
            index += 1
        }
        return try logical.map { entry throws(IntakeError) in try parseLine(entry.text, line: entry.line, file: file) }
    }

    private static func isQuotedPrintable(_ line: String) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        return line[..<colon].uppercased().contains("QUOTED-PRINTABLE")
    }

    static func parseLine(_ text: String, line: Int, file: String) throws(IntakeError) -> ContentLine {
        // Name and parameters end at the first ':' outside double quotes.
        var inQuotes = false
        var separator: String.Index?
        for index in text.indices {
            let character = text[index]
            if character == "\"" { inQuotes.toggle() }
            if character == ":", !inQuotes {
                separator = index
                break
            }
        }
        guard let separator else {
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            throw IntakeError(
                file: file, line: line, field: String(text.prefix { $0 != ";" }).uppercased(),
                message: "\"\(shown)\" is not a NAME:value line; the file looks damaged, export it again")
        }
        let head = text[..<separator]
        let value = String(text[text.index(after: separator)...])
        var parts: [String] = []
        var current = ""
        inQuotes = false
        for character in head {
            if character == "\"" { inQuotes.toggle() }
            if character == ";", !inQuotes {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        var nameWithGroup = parts.removeFirst()
        var group: String?
        if let dot = nameWithGroup.lastIndex(of: ".") {
            group = String(nameWithGroup[..<dot])
            nameWithGroup = String(nameWithGroup[nameWithGroup.index(after: dot)...])
        }
        var parameters: [(name: String, values: [String])] = []
        for part in parts where !part.isEmpty {
            if let equals = part.firstIndex(of: "=") {
                let name = part[..<equals].trimmingCharacters(in: .whitespaces).uppercased()
                let values = splitParameterValues(String(part[part.index(after: equals)...]))
                parameters.append((name, values))
            } else {
                let bare = part.trimmingCharacters(in: .whitespaces).uppercased()
                switch bare {
                case "QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT": parameters.append(("ENCODING", [bare]))
                default: parameters.append(("TYPE", [bare]))
                }
            }
        }
        return ContentLine(
            group: group, name: nameWithGroup.trimmingCharacters(in: .whitespaces).uppercased(), parameters: parameters,
            value: value, line: line)
    }

    /// `a,"b,c",d` → ["a", "b,c", "d"].
    private static func splitParameterValues(_ text: String) -> [String] {
        var values: [String] = []
        var current = ""
        var inQuotes = false
        for character in text {
            if character == "\"" {
                inQuotes.toggle()
            } else if character == ",", !inQuotes {
                values.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        values.append(current)
        return values.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

/// Escaping and structure of property values.
enum PropertyValue {
    /// Undoes `\,` `\;` `\:` `\\` `\n` `\N`.
    static func unescape(_ text: Substring) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "n", "N": result.append("\n")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }

    /// Splits a structured value on unescaped `separator` and unescapes each component.
    static func components(_ text: String, separator: Character = ";") -> [String] {
        var parts: [Substring] = []
        var start = text.startIndex
        var escaping = false
        for index in text.indices {
            let character = text[index]
            if escaping {
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == separator {
                parts.append(text[start..<index])
                start = text.index(after: index)
            }
        }
        parts.append(text[start...])
        return parts.map { unescape($0).trimmingCharacters(in: .whitespaces) }
    }
}
