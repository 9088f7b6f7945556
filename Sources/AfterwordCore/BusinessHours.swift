import Foundation

/// When a thank-you may land in the recipient's inbox (AW-PROMPT): their business hours, never at 2 a.m.
public struct BusinessHours: Sendable, Equatable {
    /// First hour of the working day, local time.
    public var opens = 9
    /// The hour the working day ends, local time.
    public var closes = 17
    /// Working days, as Calendar weekdays (1 = Sunday … 7 = Saturday).
    public var workdays: Set<Int> = [2, 3, 4, 5, 6]

    public init() {}

    /// The first moment at or after `date` that falls in business hours in `zone`.
    public func nextSlot(atOrAfter date: Date, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var candidate = date
        for _ in 0..<14 {
            let day = calendar.startOfDay(for: candidate)
            let opening = calendar.date(bySettingHour: opens, minute: 0, second: 0, of: day) ?? day
            let closing = calendar.date(bySettingHour: closes, minute: 0, second: 0, of: day) ?? day
            if workdays.contains(calendar.component(.weekday, from: day)) {
                if candidate < opening { return opening }
                if candidate < closing { return candidate }
            }
            candidate = calendar.date(byAdding: .day, value: 1, to: day) ?? day.addingTimeInterval(86_400)
        }
        return date
    }

    /// True when `date` is within business hours in `zone`.
    public func contains(_ date: Date, in zone: TimeZone) -> Bool {
        nextSlot(atOrAfter: date, in: zone) == date
    }
}

/// When to send one thank-you: now, or a scheduled slot.
public struct SendPlan: Sendable, Equatable {
    public var at: Date
    /// True when the slot is after the AW-PROMPT deadline (the best that business hours allow).
    public var isLate: Bool

    /// The next slot in the recipient's business hours that is not hasty (AW-PROMPT), or, when business
    /// hours would make it late, the first moment that is not hasty.
    /// - Parameters:
    ///   - zone: the recipient's zone: the interview's, else the user's.
    public init(for interview: Interview, now: Date, zone: TimeZone? = nil, hours: BusinessHours = BusinessHours()) {
        let window = ThankYouWindow(for: interview)
        let start = max(now, window.earliest)
        let slot = hours.nextSlot(atOrAfter: start, in: zone ?? interview.zone)
        // Never later than the due time shown: when business hours end before it (a Friday evening
        // interview), the thank-you leaves on time rather than on Monday.
        if slot > window.deadline, start <= window.deadline {
            at = start
        } else {
            at = slot
        }
        isLate = at > window.deadline
    }
}
