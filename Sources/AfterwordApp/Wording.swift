import AfterwordCore
import Foundation

/// Phrases both faces show the same way.
public enum Wording {
    /// "5h left", "overdue by 3h" (AW-PROMPT).
    public static func urgency(_ hours: Double) -> String {
        if hours >= 0 {
            let whole = String(Int(hours.rounded(.down)))
            return String(repeating: " ", count: max(0, 4 - whole.count)) + whole + "h left of \(EtiquetteLimits.promptHours)"
        }
        let late = -hours
        return late < 48 ? "overdue by \(Int(late.rounded(.up)))h" : "overdue by \(Int((late / 24).rounded(.down)))d"
    }

    /// Where a thank-you stands against AW-PROMPT: "upcoming", "due by Fri 23:59 (5h left)", "overdue by 3h".
    public static func due(_ entry: StatusEntry, now: Date) -> String {
        if entry.isUpcoming(at: now) { return "upcoming" }
        let hours = entry.hoursLeft ?? 0
        guard hours >= 0 else { return urgency(hours) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = entry.timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone.current
        formatter.dateFormat = "EEE HH:mm"
        // A deadline at midnight (after a Friday interview) is the end of that day: "Fri 23:59".
        let calendar = Calendar(identifier: .gregorian)
        var atMidnight = calendar
        atMidnight.timeZone = formatter.timeZone
        let midnight = atMidnight.dateComponents([.hour, .minute], from: entry.deadline)
        let shown = midnight.hour == 0 && midnight.minute == 0 ? entry.deadline.addingTimeInterval(-60) : entry.deadline
        return "due by \(formatter.string(from: shown)) (\(Int(hours.rounded(.down)))h left)"
    }

    /// "Thu 26 Nov 14:00": a date as Today and the command line show it, in the zone it happens in.
    public static func shortDate(_ date: Date, in zone: TimeZone) -> String {
        ReminderCalendar.local(date, zone)
    }

    /// "3 Dec", or "3 Dec 2025" in another year than `now`'s: a day named in passing.
    public static func day(_ date: Date, in zone: TimeZone, now: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = calendar.component(.year, from: date) == calendar.component(.year, from: now) ? "d MMM" : "d MMM yyyy"
        return formatter.string(from: date)
    }

    /// "2 openings at Acme wait: you interviewed there on 26 Nov and your application is still open."
    public static func heldBack(_ held: NewOpenings.HeldBack, in zone: TimeZone, now: Date) -> String {
        "\(count(held.openings, "opening")) at \(held.company) \(held.openings == 1 ? "waits" : "wait"): you interviewed there on "
            + "\(day(held.interviewedAt, in: zone, now: now)) and your application is still open (openings there show \(NewOpenings.openApplicationDays) days after)."
    }

    /// "1 thank-you", "3 thank-yous": a count with its noun written out.
    public static func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? noun : plural ?? noun + "s")"
    }

    /// What to tell the user about a scheduled thank-you whose time has passed.
    public static let overdueToLeave = "overdue to leave"

    /// "e-mail dana@acme.com" or "note (no postal address yet)".
    public static func channel(of interviewer: Interviewer) -> String {
        switch interviewer.channel {
        case .email: return "e-mail \(interviewer.email ?? "")"
        case .note: return interviewer.address == nil ? "note (no postal address yet)" : "note by post"
        }
    }
}
