import Foundation

/// The text lines of iCalendar (RFC 5545) and vCard (RFC 6350) files as Afterword writes them.
public enum ContentLines {
    /// A TEXT value escaped: backslash, semicolon, comma and line breaks.
    public static func text(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r\n", "\r": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A content line folded at 75 octets, never inside a character.
    public static func folded(_ line: String) -> String {
        var result = ""
        var count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                result += "\r\n "
                count = 1
            }
            result.append(character)
            count += size
        }
        return result
    }

    /// The lines folded and ended with CRLF, as the file is written.
    public static func file(_ lines: [String]) -> String {
        lines.map(folded).joined(separator: "\r\n") + "\r\n"
    }

    /// A time in UTC as both formats write it: `20261126T190000Z`.
    public static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
