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
        let key = PageCache.Key(minute: Int64((now.timeIntervalSince1970 / 60).rounded(.down)), zone: zone.identifier, all: all, csrf: site.csrfToken)
        let flash = Flash.read(request)
        let activity = Visit.current?.activity
        if flash == nil, let cached = try site.today.page(key, activity: activity, revision: { try workspace.revision() }) {
            return Self.response(cached)
        }
        let revision = try workspace.revision()
        let board = try workspace.dashboard(horizonDays: 14, checkingAtMost: all ? nil : Self.firstRows)
        let shown = all ? board.due[...] : board.due.prefix(Self.firstRows)
        let pending = shown.map { row in
            let entry = row.entry
            return TodayPage.Pending(
                interviewId: entry.interviewId, interviewerId: entry.interviewerId, interviewer: entry.interviewer,
                company: entry.company, role: entry.role, channel: entry.channel.label,
                draftId: entry.draftId, urgency: Wording.due(entry, now: now).trimmingCharacters(in: .whitespaces),
                errors: row.brokenRules.isEmpty ? nil : row.brokenRules.map(\.rawValue).joined(separator: ", "),
                overdue: row.isOverdue, failed: row.lastAttemptFailed, printedNotMailed: row.printedNotMailed)
        }
        let inFlight = board.onItsWay.map { row in
            let entry = row.entry
            return TodayPage.InFlight(
                state: entry.state?.rawValue, when: entry.scheduledAt.map { site.display($0, in: zone) }, draftId: entry.draftId,
                interviewer: entry.interviewer, company: entry.company, channel: entry.channel.label,
                uncertain: row.isUncertain,
                overdueToLeave: row.isOverdueToLeave ? "\(Wording.overdueToLeave) — \(Remedy.sendDue.link.text)" : nil,
                note: row.note.map { row.isUncertain ? "Your Sent folder: \($0)" : $0 })
        }
        let sent = board.sent.map { entry in
            TodayPage.Sent(
                when: entry.sentAt.map { site.display($0, in: zone) }, draftId: entry.draftId, interviewer: entry.interviewer,
                company: entry.company, role: entry.role, channel: entry.channel.label)
        }
        // New openings where someone may remember you (AW-REMEMBER).
        let fresh = try workspace.newOpenings(days: Self.openingDays)
        let openings = fresh.openings.prefix(Self.openingRows).map { OpeningsController.row($0, site: site) }
        let heldBack = fresh.heldBack.map { Wording.heldBack($0, in: zone, now: now) }
        let empty = board.withoutInterviewers.map { TodayPage.Unstaffed(id: $0.id, company: $0.company, role: $0.role) }
        let page = TodayPage(
            firstRun: try workspace.interviews().isEmpty,
            pending: pending, pendingCount: board.due.count,
            hiddenCount: board.due.count > pending.count ? board.due.count - pending.count : nil,
            upcoming: board.upcoming.map { entry in
                TodayPage.Upcoming(
                    interviewId: entry.interviewId, interviewer: entry.interviewer, company: entry.company, role: entry.role,
                    ends: entry.endsAt.map { site.display($0, in: entry.timeZone.flatMap(TimeZone.init(identifier:)) ?? zone) })
            },
            openings: openings, heldBack: heldBack,
            withoutInterviewers: empty,
            inFlight: inFlight, inFlightCount: inFlight.count,
            sent: sent, sentCount: sent.count,
            olderUnsent: board.olderUnsent > 0 ? board.olderUnsent : nil)
        let html = try site.html(page, title: "Today", tab: .today, notice: flash?.notice, problem: flash?.problem)
        guard flash == nil else {
            var response = Response.html(html)
            Flash.clear(&response)
            return response
        }
        let buffer = ByteBuffer(string: html)
        site.today.keep(buffer, for: key, revision: revision, activity: activity)
        return Self.response(buffer)
    }

    /// Openings on the Today page: first seen in this many days, still listed, with someone who may remember you.
    static let openingDays = 14
    /// At most this many, newest first; the Openings page has the rest.
    static let openingRows = 5

    private static func response(_ html: ByteBuffer) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: html))
    }
}
