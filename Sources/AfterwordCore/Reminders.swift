import Foundation

/// AW-PROMPT, kept without the user thinking of it: a reminder when a thank-you becomes due, and one
/// more a few hours before its deadline; never twice for the same deadline.
public enum ReminderPolicy {
    /// The second reminder comes this many hours before the deadline.
    public static let hoursBeforeDeadline = 4.0

    /// Which reminder is said for one seat.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The interview is over: the thank-you can be written now.
        case due
        /// The deadline is a few hours away and nothing has gone out.
        case deadline
    }

    /// What makes a reminder once: the seat, the kind and the deadline it is about.
    public struct Key: Hashable, Sendable {
        public var interviewId: Int64
        public var interviewerId: Int64
        public var kind: Kind
        public var deadline: Date

        public init(interviewId: Int64, interviewerId: Int64, kind: Kind, deadline: Date) {
            self.interviewId = interviewId
            self.interviewerId = interviewerId
            self.kind = kind
            self.deadline = deadline
        }
    }

    /// One reminder to give: the row it is about and its key.
    public struct Reminder: Sendable, Equatable {
        public var kind: Kind
        public var entry: StatusEntry
        public var key: Key { Key(interviewId: entry.interviewId, interviewerId: entry.interviewerId, kind: kind, deadline: entry.deadline) }
    }

    /// The reminders to give at `now` for the dashboard's due rows, leaving out those already `given`.
    ///
    /// A row within the last ``hoursBeforeDeadline`` hours gets the deadline reminder (alone, when the
    /// first was never given: one reminder says it all); an earlier one the "due" reminder; an overdue
    /// one none (Today and `status` still show it).
    public static func reminders(_ dashboard: Dashboard, now: Date, given: Set<Key>) -> [Reminder] {
        dashboard.due.compactMap { row in
            guard let hours = row.entry.hoursLeft, hours >= 0 else { return nil }
            let kind: Kind = hours <= hoursBeforeDeadline ? .deadline : .due
            let reminder = Reminder(kind: kind, entry: row.entry)
            return given.contains(reminder.key) ? nil : reminder
        }
    }
}
