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
        // One connection for the report and every draft it checks.
        let workspace = try global.workspace.keepingStoreOpen()
        let report = try workspace.status(horizonDays: days)
        if output.json {
            try Console.json(report)
            return
        }
        var lines: [String] = []
        let upcoming = report.pending.filter { $0.isUpcoming(at: now) }
        let pending = report.pending.filter { !$0.isUpcoming(at: now) }
        lines.append("Needs a thank-you (\(pending.count))")
        if pending.isEmpty { lines.append("  nobody — all caught up") }
        for entry in pending {
            var draft = entry.draftId.map { "draft #\($0)" } ?? "no draft yet: afterword draft \(entry.interviewId)"
            let broken = try workspace.brokenRules(of: entry)
            if !broken.isEmpty {
                let fix = Remedy.editDraft(interview: entry.interviewId, interviewer: entry.interviewerId).phrase
                draft += " (breaks \(broken.map(\.rawValue).joined(separator: ", ")): \(fix))"
            }
            var failed = entry.state == .failed ? ", last attempt failed" : ""
            if entry.channel == .note, entry.printedAt != nil, entry.state == nil, let draft = entry.draftId {
                failed += ", printed but not yet mailed: " + Remedy.recordPosted(draft: draft).phrase
            }
            lines.append(
                "  \(Wording.due(entry, now: now))  \(entry.interviewer) — \(entry.company), \(entry.role)  [\(entry.channel.rawValue)]  \(draft)\(failed)")
        }
        if !upcoming.isEmpty {
            lines.append("")
            lines.append("Upcoming (\(upcoming.count))")
            for entry in upcoming {
                let ends = entry.endsAt.map { ISO8601.display($0, in: entry.timeZone.flatMap(TimeZone.init(identifier:)) ?? .current) } ?? ""
                lines.append("  \(entry.interviewer) — \(entry.company), \(entry.role)  [\(entry.channel.rawValue)]  the interview ends \(ends)")
            }
        }
        if !report.withoutInterviewers.isEmpty {
            lines.append("")
            lines.append("Interviews with no interviewers recorded")
            for brief in report.withoutInterviewers {
                lines.append("  #\(brief.id) \(brief.company) — \(brief.role): afterword interviewer add \(brief.id) --name …")
            }
        }
        if !report.inFlight.isEmpty {
            let notes = try workspace.ledgerNotes()
            lines.append("")
            lines.append("On its way (\(report.inFlight.count))")
            for entry in report.inFlight {
                var state = entry.state?.rawValue ?? ""
                if entry.state == .scheduled, let at = entry.scheduledAt { state += " for \(ISO8601.utc(at))" }
                let note = entry.draftId.flatMap { notes[$0] }
                var advice =
                    entry.state == .uncertain
                    ? " — may have been delivered" + (note.map { "; Sent folder: \($0)" } ?? "") + "; "
                        + (entry.draftId.map { Remedy.resolveUncertain(draft: $0).phrase } ?? "")
                    : (note.map { " — \($0)" } ?? "")
                if entry.isOverdueToLeave(at: now) {
                    advice = " — \(Wording.overdueToLeave)" + (note.map { " (\($0))" } ?? "") + " — \(Remedy.sendDue.phrase)"
                }
                lines.append("  \(state)  \(entry.interviewer) — \(entry.company) [\(entry.channel.rawValue)]\(advice)")
            }
        }
        lines.append("")
        lines.append("Sent (\(report.sent.count))")
        if report.sent.isEmpty { lines.append("  nothing yet") }
        for entry in report.sent {
            let when = entry.sentAt.map { ISO8601.utc($0) } ?? ""
            lines.append("  \(when)  \(entry.interviewer) — \(entry.company), \(entry.role) [\(entry.channel.rawValue)]")
        }
        if report.olderUnsent > 0 {
            lines.append("")
            lines.append("\(report.olderUnsent) older interviewer(s) never got a thank-you (older than \(days) days).")
        }
        Console.out(lines.joined(separator: "\n"))
    }
}
