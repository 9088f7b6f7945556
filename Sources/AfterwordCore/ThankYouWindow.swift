import Foundation

/// When a thank-you should leave (AW-PROMPT).
///
/// Careers advice (beyond docs/etiquette.md): sent soon, not hastily — not in the first minutes after the
/// interview, within 24 hours of it (after a Friday interview, the same day).
public struct ThankYouWindow: Sendable, Equatable, Codable {
    /// Before this it looks hasty.
    public var earliest: Date
    /// After this it is late.
    public var deadline: Date

    public init(for interview: Interview) {
        self.init(for: interview, in: interview.zone)
    }

    /// The window, with the interview's zone already looked up (the dashboard computes thousands).
    public init(for interview: Interview, in zone: TimeZone) {
        let end = interview.endsAt
        earliest = end.addingTimeInterval(TimeInterval(EtiquetteLimits.promptCoolDownMinutes * 60))
        var deadline = end.addingTimeInterval(TimeInterval(EtiquetteLimits.promptHours * 3600))
        // Local day arithmetic without a Calendar: 1970-01-01 was a Thursday.
        let offset = TimeInterval(zone.secondsFromGMT(for: interview.startsAt))
        let localDay = ((interview.startsAt.timeIntervalSince1970 + offset) / 86_400).rounded(.down)
        let weekday = (Int(localDay) % 7 + 7 + 4) % 7  // 0 = Sunday … 5 = Friday
        if weekday == 5 {
            let endOfDay = Date(timeIntervalSince1970: (localDay + 1) * 86_400 - offset)
            deadline = min(deadline, max(endOfDay, earliest.addingTimeInterval(3600)))
        }
        self.deadline = deadline
    }

    /// Hours from `now` to the deadline (negative when overdue).
    public func hoursLeft(at now: Date) -> Double { deadline.timeIntervalSince(now) / 3600 }
}
