import Foundation

/// A calendar event for a thank-you's window, with alarms, for people who live in their calendar: it
/// starts when the thank-you may first leave and alarms then and a few hours before the deadline.
public enum ReminderCalendar {
    /// The event, as an iCalendar file (RFC 5545): CRLF lines folded at 75 octets, text escaped.
    /// - Parameters:
    ///   - people: the panel's names, said in the event.
    ///   - compose: what to do, in the words of the face that writes it (a command, a link).
    public static func ics(interview: Interview, people: [String], compose: String, now: Date) -> String {
        let window = ThankYouWindow(for: interview)
        let second = window.deadline.addingTimeInterval(-ReminderPolicy.hoursBeforeDeadline * 3_600)
        let who = people.isEmpty ? "your interviewers" : people.joined(separator: ", ")
        let lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Afterword//Thank-you reminder//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:afterword-thank-you-\(interview.storedID)-\(Int64(interview.startsAt.timeIntervalSince1970))@afterword.invalid",
            "DTSTAMP:\(utc(now))", "DTSTART:\(utc(window.earliest))", "DTEND:\(utc(window.earliest.addingTimeInterval(900)))",
            "SUMMARY:" + text("Thank-you notes: \(interview.company), \(interview.role)"),
            "DESCRIPTION:" + text("Thank \(who) for the interview, within 24 hours. \(compose)"),
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT0M", "DESCRIPTION:" + text("Write your thank-you notes to \(who)"), "END:VALARM",
            "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER;VALUE=DATE-TIME:\(utc(second))",
            "DESCRIPTION:" + text("A few hours left to thank \(who)"), "END:VALARM",
            "END:VEVENT", "END:VCALENDAR",
        ]
        return lines.map(folded).joined(separator: "\r\n") + "\r\n"
    }

    /// `20261126T190000Z`.
    static func utc(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    /// A TEXT value escaped: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11).
    static func text(_ value: String) -> String {
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

    /// A content line folded at 75 octets, never inside a character (RFC 5545 §3.1).
    static func folded(_ line: String) -> String {
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
}
