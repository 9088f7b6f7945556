import AfterwordCore
import AfterwordDelivery
import Foundation

/// What one run of the reminders did.
public enum RemindOutcome: Sendable, Equatable {
    /// No thank-you became due, and no deadline came near, since the last reminder.
    case nothingDue
    /// Some would be due, but reminders are off.
    case off(count: Int)
    /// Reminded of `count` thank-yous, by a desktop notification or an e-mail to yourself.
    case reminded(count: Int, by: RemindMode, title: String, body: String)
}

extension Workspace {
    /// Reminds the user, once each, of the thank-yous that became due and of those whose deadline is
    /// a few hours away (``ReminderPolicy``): a desktop notification where one can be shown, else an
    /// e-mail to themselves, as the `remind` setting says.
    ///
    /// Each reminder is recorded before it is shown, so that two runs at once never both give it; one
    /// that cannot be shown is forgotten again, for the next run.
    /// - Parameter next: how the face names what to do about one thank-you (the command, or the link).
    public func remind(next: (Remedy) -> String) async throws -> RemindOutcome {
        let config = try loadConfig()
        let store = try openStore()
        let clock = now
        let reminders = try storeCall {
            let dashboard = Dashboard(report: try store.status(now: clock, horizonDays: 3), now: clock)
            let given = try store.givenReminders(since: clock.addingTimeInterval(-86_400))
            return ReminderPolicy.reminders(dashboard, now: clock, given: given)
        }
        guard !reminders.isEmpty else { return .nothingDue }
        let mode = config[.remind]
        guard mode != .off else { return .off(count: reminders.count) }
        let claimed = Set(try storeCall { try store.claimReminders(reminders.map(\.key), now: clock) })
        let mine = reminders.filter { claimed.contains($0.key) }
        guard !mine.isEmpty else { return .nothingDue }
        let (title, body) = Self.reminderText(mine, now: clock, next: next)
        do {
            let way = try await showReminder(title: title, body: body, mode: mode, config: config)
            return .reminded(count: mine.count, by: way, title: title, body: body)
        } catch {
            try? store.releaseReminders(mine.map(\.key))
            throw error
        }
    }

    /// The reminder's title and lines: who, for which interview, how long is left, and what to do.
    static func reminderText(_ reminders: [ReminderPolicy.Reminder], now: Date, next: (Remedy) -> String) -> (String, String) {
        let names = reminders.map(\.entry.interviewer)
        let title =
            names.count == 1
            ? "Thank-you due: \(names[0])"
            : "\(names.count) thank-yous due: " + (names.count == 2 ? names.joined(separator: " and ") : "\(names[0]) and \(names.count - 1) others")
        var lines: [String] = []
        var composeOffered = Set<Int64>()
        for reminder in reminders {
            let entry = reminder.entry
            lines.append("\(entry.interviewer) — \(entry.company), \(entry.role): \(Wording.due(entry, now: now))")
            if let draft = entry.draftId {
                lines.append("  " + next(.reviewAndSend(draft: draft)))
            } else if composeOffered.insert(entry.interviewId).inserted {
                lines.append("  " + next(.composeDrafts(interview: entry.interviewId)))
            }
        }
        return (title, lines.joined(separator: "\n"))
    }

    /// Shows a reminder the way `mode` says; for `auto`, a desktop notification, else an e-mail.
    /// - Returns: the way it was shown.
    private func showReminder(title: String, body: String, mode: RemindMode, config: Config) async throws -> RemindMode {
        switch mode {
        case .desktop:
            try Self.notifyDesktop(title: title, body: body)
            return .desktop
        case .email, .off:  // (`remind` never shows anything when off)
            try await mailReminder(title: title, body: body, config: config)
            return .email
        case .auto:
            if (try? Self.notifyDesktop(title: title, body: body)) != nil { return .desktop }
            guard config.isSet(.email) else {
                throw UserError(
                    "a thank-you is due, and there is no way to remind you here: no desktop notifications can be shown and no e-mail address is set",
                    remedy: .setSetting("email", example: "you@example.com"))
            }
            try await mailReminder(title: title, body: body, config: config)
            return .email
        }
    }

    /// A desktop notification through `notify-send` (libnotify), which needs the session's message bus.
    static func notifyDesktop(title: String, body: String) throws {
        let command = "notify-send --app-name=Afterword --urgency=normal -- " + Keyring.quoted(title) + " " + Keyring.quoted(body)
        let output = try ChildProcess.run(command, input: nil, seconds: 10)
        guard output.status == 0 else {
            let said = String(decoding: output.standardError.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw UserError(
                output.status == 127
                    ? "no desktop notifications here: notify-send is not installed (install libnotify-bin), or set remind to email"
                    : "the desktop notification could not be shown (\(ControlCharacters.visible(said))); set remind to email to get an e-mail instead")
        }
    }

    /// The reminder as an e-mail from the user to themselves, through the configured way out.
    private func mailReminder(title: String, body: String, config: Config) async throws {
        let text = body + "\n\n— Afterword: one reminder when a thank-you falls due, one more a few hours before its deadline.\n"
        let outcome = try await mailToSelf(subject: title, body: text, config: config)
        guard case .accepted = outcome else {
            throw UserError("the reminder e-mail to \(config[.email] ?? "you") was not sent: \(Self.describe(outcome))")
        }
    }
}

extension Workspace {
    /// A calendar file for an interview's thank-you window, with an alarm when it opens and one a few
    /// hours before the deadline.
    /// - Parameter next: how the face names what to do (the command, or the link).
    public func reminderCalendar(interviewId: Int64, next: (Remedy) -> String) throws -> String {
        let store = try openStore()
        let detail = try storeCall { try store.interview(id: interviewId) }
        // Only those still to thank: a thank-you sent (or posted) needs no reminder.
        let waiting = try detail.interviewers.filter { person in
            try !storeCall { try store.messages(interviewId: interviewId, interviewerId: person.storedID) }.contains { $0.state == .sent && $0.openingId == nil }
        }
        guard !waiting.isEmpty || detail.interviewers.isEmpty else {
            throw UserError("everyone on interview #\(interviewId)'s panel has been thanked; there is nothing to remind you of", exitCode: 1)
        }
        return ReminderCalendar.ics(
            interview: detail.interview, people: waiting.map(\.name), compose: next(.composeDrafts(interview: interviewId)), now: now)
    }
}
