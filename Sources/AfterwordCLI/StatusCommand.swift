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
        let store = try global.openStore()
        let upcoming = report.pending.filter { $0.isUpcoming(at: now) }
        let pending = report.pending.filter { !$0.isUpcoming(at: now) }
        lines.append("Needs a thank-you (\(pending.count))")
        if pending.isEmpty { lines.append("  nobody — all caught up") }
        for entry in pending {
            var draft = entry.draftId.map { "draft #\($0)" } ?? "no draft yet: afterword draft \(entry.interviewId)"
            if let errors = try Self.errors(entry, store: store) {
                draft += " (breaks \(errors): fix it with `afterword draft \(entry.interviewId) --interviewer \(entry.interviewerId) --edit`)"
            }
            var failed = entry.state == .failed ? ", last attempt failed" : ""
            if entry.channel == .note, entry.printedAt != nil, entry.state == nil, let draft = entry.draftId {
                failed += ", printed but not yet mailed: `afterword note mailed \(draft)` once posted"
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
            lines.append("")
            lines.append("On its way (\(report.inFlight.count))")
            for entry in report.inFlight {
                var state = entry.state?.rawValue ?? ""
                if entry.state == .scheduled, let at = entry.scheduledAt { state += " for \(ISO8601.utc(at))" }
                var advice =
                    entry.state == .uncertain
                    ? " — may have been delivered: check your Sent folder, then `afterword send \(entry.draftId ?? 0) --resolve delivered|not-delivered`"
                    : ""
                if entry.isOverdueToLeave(at: now) { advice = " — \(Wording.overdueToLeave)" }
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

    /// The rules an entry's draft breaks ("AW-NAMES, AW-THANKS"), or nil when it breaks none.
    static func errors(_ entry: StatusEntry, store: AppDatabase) throws -> String? {
        guard let id = entry.draftId else { return nil }
        let draft = try store.draft(id: id)
        let findings = Workspace.findings(
            text: draft.text, channel: draft.channel, source: "draft #\(id)", recipient: entry.interviewer, company: entry.company,
            role: entry.role)
        let rules = Set(findings.filter { $0.severity == .error }.map(\.rule.rawValue)).sorted()
        return rules.isEmpty ? nil : rules.joined(separator: ", ")
    }
}
