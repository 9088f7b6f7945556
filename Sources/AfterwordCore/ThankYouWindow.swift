import Foundation

/// When a thank-you should leave (AW-PROMPT).
///
/// Careers advice (beyond the seed): sent soon, not hastily — not in the first minutes after the
/// interview, within 24 hours of it (after a Friday interview, the same day).
public struct ThankYouWindow: Sendable, Equatable, Codable {
    /// Before this it looks hasty.
    public var earliest: Date
    /// After this it is late.
    public var deadline: Date

    public init(for interview: Interview) {
        let end = interview.endsAt
        earliest = end.addingTimeInterval(TimeInterval(EtiquetteLimits.promptCoolDownMinutes * 60))
        var deadline = end.addingTimeInterval(TimeInterval(EtiquetteLimits.promptHours * 3600))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = interview.zone
        if calendar.component(.weekday, from: interview.startsAt) == 6,
            let endOfDay = calendar.date(byAdding: DateComponents(day: 1), to: calendar.startOfDay(for: interview.startsAt))
        {
            deadline = min(deadline, max(endOfDay, earliest.addingTimeInterval(3600)))
        }
        self.deadline = deadline
    }

    /// Hours from `now` to the deadline (negative when overdue).
    public func hoursLeft(at now: Date) -> Double { deadline.timeIntervalSince(now) / 3600 }
}
