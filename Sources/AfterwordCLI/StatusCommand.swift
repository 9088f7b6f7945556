import AfterwordApp
import AfterwordCore
import AfterwordStore
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
        let report = try global.openStore().status(now: now, horizonDays: days)
        if output.json {
            try Console.json(report)
            return
        }
        var lines: [String] = []
        lines.append("Needs a thank-you (\(report.pending.count))")
        if report.pending.isEmpty { lines.append("  nobody — all caught up") }
        for entry in report.pending {
            let draft = entry.draftId.map { "draft #\($0)" } ?? "no draft yet: afterword draft \(entry.interviewId)"
            var failed = entry.state == .failed ? ", last attempt failed" : ""
            if entry.channel == .note, entry.printedAt != nil, entry.state == nil, let draft = entry.draftId {
                failed += ", printed but not yet mailed: `afterword note mailed \(draft)` once posted"
            }
            lines.append(
                "  \(Wording.urgency(entry.hoursLeft ?? 0))  \(entry.interviewer) — \(entry.company), \(entry.role)  [\(entry.channel.rawValue)]  \(draft)\(failed)")
        }
        if !report.withoutInterviewers.isEmpty {
            lines.append("")
            lines.append("Interviews with no interviewers recorded")
            for brief in report.withoutInterviewers {
                lines.append("  #\(brief.id) \(brief.company) — \(brief.role): afterword interviewer add \(brief.id) --name …")
            }
        }
        if !report.inFlight.isEmpty {
            lines.append("")
            lines.append("On its way (\(report.inFlight.count))")
            for entry in report.inFlight {
                var state = entry.state?.rawValue ?? ""
                if entry.state == .scheduled, let at = entry.scheduledAt { state += " for \(ISO8601.utc(at))" }
                let advice =
                    entry.state == .uncertain
                    ? " — may have been delivered: check your Sent folder, then `afterword send \(entry.draftId ?? 0) --resolve delivered|not-delivered`"
                    : ""
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
