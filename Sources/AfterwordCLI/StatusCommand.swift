import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword status`: the dashboard.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Who still needs a thank-you, on which channel, how many hours are left, and what was sent.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Show interviews of this many past days one by one.") var days: Int = 14

    func run() async throws {
        guard days > 0 else { throw UserError("--days must be a positive number of days") }
        let now = global.now
        let workspace = try global.workspace
        if output.json {
            try Console.json(try workspace.status(horizonDays: days))
            return
        }
        let board = try workspace.dashboard(horizonDays: days)
        if board.isEmpty, try workspace.interviews().isEmpty {
            Console.out(lines: [
                "Nothing recorded yet. Start with the interview you just had:",
                "  afterword interview add --company Acme --role \"Backend Engineer\" --at 2026-11-26T14:00-05:00",
                "  afterword interviewer add 1 --name \"Dana Whitfield\" --email dana@acme.com",
                "  afterword draft 1",
                "or import the calendar invite (afterword interview import invite.ics) and the business cards (afterword card import …).",
                "First, tell Afterword who you are: afterword config set name \"Your Name\" and afterword config set email you@example.com.",
            ])
            return
        }
        var lines: [String] = []
        lines.append("Needs a thank-you (\(board.due.count))")
        if board.due.isEmpty { lines.append("  nobody — all caught up") }
        for row in board.due {
            let entry = row.entry
            var draft = entry.draftId.map { "draft #\($0)" } ?? "no draft yet: afterword draft \(entry.interviewId)"
            if !row.brokenRules.isEmpty {
                let fix = Remedy.editDraft(interview: entry.interviewId, interviewer: entry.interviewerId).phrase
                draft += " (breaks \(row.brokenRules.map(\.rawValue).joined(separator: ", ")): \(fix))"
            }
            var failed = row.lastAttemptFailed ? ", last attempt failed" : ""
            if row.printedNotMailed, let draft = entry.draftId {
                failed += ", printed but not yet mailed: " + Remedy.recordPosted(draft: draft).phrase
            }
            lines.append(
                "  \(Wording.due(entry, now: now))  \(entry.interviewer) — \(entry.company), \(entry.role)  [\(entry.channel.rawValue)]  \(draft)\(failed)")
        }
        if !board.upcoming.isEmpty {
            lines.append("")
            lines.append("Upcoming (\(board.upcoming.count))")
            for entry in board.upcoming {
                let ends = entry.endsAt.map { Wording.shortDate($0, in: entry.zone) } ?? ""
                lines.append("  \(entry.interviewer) — \(entry.company), \(entry.role)  [\(entry.channel.rawValue)]  the interview ends \(ends)")
            }
        }
        if !board.withoutInterviewers.isEmpty {
            lines.append("")
            lines.append("Interviews with no interviewers recorded")
            for brief in board.withoutInterviewers {
                lines.append("  #\(brief.id) \(brief.company) — \(brief.role): afterword interviewer add \(brief.id) --name …")
            }
        }
        if !board.onItsWay.isEmpty {
            lines.append("")
            lines.append("On its way (\(board.onItsWay.count))")
            for row in board.onItsWay {
                let entry = row.entry
                var state = entry.state?.rawValue ?? ""
                if entry.state == .scheduled, let at = entry.scheduledAt { state += " for \(Wording.shortDate(at, in: entry.zone))" }
                var advice =
                    row.isUncertain
                    ? " — may have been delivered" + (row.note.map { "; Sent folder: \($0)" } ?? "") + "; "
                        + (entry.draftId.map { Remedy.resolveUncertain(draft: $0).phrase } ?? "")
                    : (row.note.map { " — \($0)" } ?? "")
                if row.isOverdueToLeave {
                    advice = " — \(Wording.overdueToLeave)" + (row.note.map { " (\($0))" } ?? "") + " — \(Remedy.sendDue.phrase)"
                }
                lines.append("  \(state)  \(entry.interviewer) — \(entry.company) [\(entry.channel.rawValue)]\(advice)")
            }
        }
        lines.append("")
        lines.append("Sent (\(board.sent.count))")
        if board.sent.isEmpty { lines.append("  none in the last \(Wording.count(days, "day"))") }
        for entry in board.sent {
            let when = entry.sentAt.map { Wording.shortDate($0, in: entry.zone) } ?? ""
            lines.append("  \(when)  \(entry.interviewer) — \(entry.company), \(entry.role) [\(entry.channel.rawValue)]")
        }
        if board.olderUnsent > 0 {
            lines.append("")
            lines.append(
                "\(Wording.count(board.olderUnsent, "interviewer")) from interviews older than \(days) days never got a thank-you.")
        }
        Console.out(lines.joined(separator: "\n"))
    }
}
