import AfterwordApp
import Foundation
import Hummingbird

/// The dashboard: `afterword status` in a browser.
struct TodayController: Sendable {
    let site: Site
    /// The most pressing rows shown at first; the rest behind "Show all".
    static let firstRows = 100

    /// GET / — who still needs a thank-you, with the hours left of the 24; what is on its way and what was sent.
    func today(_ request: Request, context: some RequestContext) async throws -> Response {
        let workspace = site.workspace
        let zone = site.userZone
        let all = request.uri.queryParameters["all"] != nil
        let now = workspace.now
        let key = PageCache.Key(minute: Int64((now.timeIntervalSince1970 / 60).rounded(.down)), zone: zone.identifier, all: all)
        let flash = Flash.read(request)
        if flash == nil, let cached = try site.today.page(key, revision: { try workspace.revision() }) {
            return Self.response(cached)
        }
        let revision = try workspace.revision()
        let report = try workspace.status(horizonDays: 14)
        // Interviews not yet over are upcoming, not due; of the rest, those still within the 24 hours first
        // (the nearest deadline first), then the overdue, the most recent first.
        let upcoming = report.pending.filter { $0.isUpcoming(at: now) }
        let due = report.pending.filter { !$0.isUpcoming(at: now) }
        let ordered = due.filter { ($0.hoursLeft ?? 0) >= 0 } + due.filter { ($0.hoursLeft ?? 0) < 0 }.reversed()
        let shown = all ? ordered[...] : ordered.prefix(Self.firstRows)
        let pending = try shown.map { entry in
            let errors = try workspace.brokenRules(of: entry).map(\.rawValue).joined(separator: ", ")
            return TodayPage.Pending(
                interviewId: entry.interviewId, interviewerId: entry.interviewerId, interviewer: entry.interviewer,
                company: entry.company, role: entry.role, channel: entry.channel.label,
                draftId: entry.draftId, urgency: Wording.due(entry, now: now).trimmingCharacters(in: .whitespaces),
                errors: errors.isEmpty ? nil : errors,
                overdue: (entry.hoursLeft ?? 0) < 0, failed: entry.state == .failed,
                printedNotMailed: entry.channel == .note && entry.printedAt != nil && entry.state == nil)
        }
        let notes = report.inFlight.isEmpty ? [:] : try workspace.ledgerNotes()
        let inFlight = report.inFlight.map { entry in
            TodayPage.InFlight(
                state: entry.state?.rawValue, when: entry.scheduledAt.map { site.display($0, in: zone) }, draftId: entry.draftId,
                interviewer: entry.interviewer, company: entry.company, channel: entry.channel.label,
                uncertain: entry.state == .uncertain,
                overdueToLeave: entry.isOverdueToLeave(at: now) ? "\(Wording.overdueToLeave) — \(Remedy.sendDue.link.text)" : nil,
                note: entry.draftId.flatMap { notes[$0] }.map { entry.state == .uncertain ? "Your Sent folder: \($0)" : $0 })
        }
        let sent = report.sent.map { entry in
            TodayPage.Sent(
                when: entry.sentAt.map { site.display($0, in: zone) }, draftId: entry.draftId, interviewer: entry.interviewer,
                company: entry.company, role: entry.role, channel: entry.channel.label)
        }
        // New openings where someone may remember you (AW-REMEMBER).
        let openings = try Self.recentOpenings(workspace, now: now).map { OpeningsController.row($0, site: site) }
        let empty = report.withoutInterviewers.map { TodayPage.Unstaffed(id: $0.id, company: $0.company, role: $0.role) }
        let page = TodayPage(
            firstRun: try workspace.interviews().isEmpty,
            pending: pending, pendingCount: due.count,
            hiddenCount: due.count > pending.count ? due.count - pending.count : nil,
            upcoming: upcoming.map { entry in
                TodayPage.Upcoming(
                    interviewId: entry.interviewId, interviewer: entry.interviewer, company: entry.company, role: entry.role,
                    ends: entry.endsAt.map { site.display($0, in: entry.timeZone.flatMap(TimeZone.init(identifier:)) ?? zone) })
            },
            openings: openings,
            withoutInterviewers: empty,
            inFlight: inFlight, inFlightCount: inFlight.count,
            sent: sent, sentCount: sent.count,
            olderUnsent: report.olderUnsent > 0 ? report.olderUnsent : nil)
        let html = try site.html(page, title: "Today", tab: .today, notice: flash?.notice, problem: flash?.problem)
        guard flash == nil else {
            var response = Response.html(html)
            Flash.clear(&response)
            return response
        }
        let buffer = ByteBuffer(string: html)
        site.today.keep(buffer, for: key, revision: revision)
        return Self.response(buffer)
    }

    /// Openings on the Today page: first seen in this many days, still listed, with someone who may remember you.
    static let openingDays = 14
    /// At most this many, newest first; the Openings page has the rest.
    static let openingRows = 5

    static func recentOpenings(_ workspace: Workspace, now: Date) throws -> [RememberedOpening] {
        let since = now.addingTimeInterval(-Double(openingDays) * 86_400)
        return try workspace.rememberedOpenings(includeClosed: false, since: since).filter { !$0.people.isEmpty }
            .prefix(openingRows).map { $0 }
    }

    private static func response(_ html: ByteBuffer) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: html))
    }
}
