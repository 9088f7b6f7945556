import AfterwordApp
import AfterwordCore
import Hummingbird

/// The dashboard: `afterword status` in a browser.
struct TodayController: Sendable {
    let site: Site

    /// GET / — who still needs a thank-you, with the hours left of the 24; what is on its way and what was sent.
    func today(_ request: Request, context: some RequestContext) async throws -> Response {
        let workspace = site.workspace
        let zone = site.userZone
        let report = try workspace.openStore().status(now: workspace.now, horizonDays: 14)
        let pending = report.pending.map { entry in
            values([
                "interviewId": entry.interviewId, "interviewerId": entry.interviewerId, "interviewer": entry.interviewer,
                "company": entry.company, "role": entry.role, "channel": entry.channel == .email ? "e-mail" : "note card",
                "draftId": entry.draftId, "urgency": Wording.urgency(entry.hoursLeft ?? 0).trimmingCharacters(in: .whitespaces),
                "overdue": (entry.hoursLeft ?? 0) < 0 ? true : nil, "failed": entry.state == .failed ? true : nil,
                "printedNotMailed": entry.channel == .note && entry.printedAt != nil && entry.state == nil ? true : nil,
            ])
        }
        let inFlight = report.inFlight.map { entry in
            values([
                "state": entry.state?.rawValue, "when": entry.scheduledAt.map { site.display($0, in: zone) }, "draftId": entry.draftId,
                "interviewer": entry.interviewer, "company": entry.company, "channel": entry.channel == .email ? "e-mail" : "note card",
                "uncertain": entry.state == .uncertain ? true : nil,
            ])
        }
        let sent = report.sent.map { entry in
            values([
                "when": entry.sentAt.map { site.display($0, in: zone) }, "draftId": entry.draftId, "interviewer": entry.interviewer,
                "company": entry.company, "role": entry.role, "channel": entry.channel == .email ? "e-mail" : "note card",
            ])
        }
        let empty = report.withoutInterviewers.map { ["id": $0.id, "company": $0.company, "role": $0.role] as [String: Any] }
        return try site.page(
            "today", title: "Today", tab: .today,
            values([
                "pending": pending, "pendingCount": pending.count, "hasPending": pending.isEmpty ? nil : true,
                "inFlight": inFlight, "inFlightCount": inFlight.count, "hasInFlight": inFlight.isEmpty ? nil : true,
                "sent": sent, "sentCount": sent.count, "withoutInterviewers": empty, "hasWithoutInterviewers": empty.isEmpty ? nil : true,
                "olderUnsent": report.olderUnsent > 0 ? report.olderUnsent : nil,
            ]), request: request)
    }
}
