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
            "DTSTAMP:\(ContentLines.timestamp(now))", "DTSTART:\(ContentLines.timestamp(window.earliest))", "DTEND:\(ContentLines.timestamp(window.earliest.addingTimeInterval(900)))",
            "SUMMARY:" + ContentLines.text("Thank-you notes: \(interview.company), \(interview.role)"),
            "DESCRIPTION:" + ContentLines.text("Thank \(who) for the interview, by \(local(window.deadline, interview.zone)). \(compose)"),
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT0M", "DESCRIPTION:" + ContentLines.text("Write your thank-you notes to \(who)"), "END:VALARM",
            "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER;VALUE=DATE-TIME:\(ContentLines.timestamp(second))",
            "DESCRIPTION:" + ContentLines.text("A few hours left to thank \(who)"), "END:VALARM",
            "END:VEVENT", "END:VCALENDAR",
        ]
        return ContentLines.file(lines)
    }

    /// "Fri 27 Nov 15:00": a time as Today, `status` and the reminders show it, in the zone it happens in.
    public static func local(_ date: Date, _ zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "EEE d MMM HH:mm"
        return formatter.string(from: date)
    }
}
