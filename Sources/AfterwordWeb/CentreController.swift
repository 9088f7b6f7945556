import AfterwordApp
import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers

/// A coach's and an admin's pages on a career centre's server: the cohort, a seeker's records (read-only,
/// audited), reviews, the accounts; and a seeker's own "Who has seen this" and review request.
struct CentreController: Sendable {
    let site: Site
    let centre: Centre
    /// Cohort pages as last drawn, per coach, group and session.
    let drawn = DrawnPages()

    /// The signed-in account (``CentreGate`` lets no request here without one).
    private var visitor: CentreAccount {
        get throws {
            guard let account = Visit.current?.account else { throw WebError(.unauthorized, "sign in first") }
            return account
        }
    }

    /// A coach's or admin's account, else "no such page".
    private var staff: CentreAccount {
        get throws {
            let account = try visitor
            guard account.role != .seeker else { throw WebError(.notFound, "there is no such page; start again from Today") }
            return account
        }
    }

    /// GET /centre — the cohort, optionally one group's.
    func cohort(_ request: Request, context: some RequestContext) async throws -> Response {
        let viewer = try staff
        let group = request.uri.queryParameters["group"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let activity = try Visit.current?.activity ?? centre.activity()
        let key = [String(viewer.id), group ?? "", site.csrfToken].joined(separator: "\u{1F}")
        let flash = Flash.read(request)
        if flash == nil, let html = drawn.page(key, activity: activity, now: centre.now) {
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: html))
        }
        let view = try centre.cohort(for: viewer, group: group)
        let (groups, report, waiting) = (view.groups, view.report, view.waiting)
        let rows = report.rows.map { row in
            CohortPage.Row(
                id: row.seeker.id, name: row.seeker.name, email: row.seeker.email, group: row.seeker.group, overdue: row.overdue,
                uncertain: row.uncertain, awaitingReview: row.awaitingReview, newOpenings: row.newOpenings, sent: row.sentPerWeek,
                attention: row.needsAttention)
        }
        let query = group.map { "?group=" + ($0.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "+"])) ?? "") } ?? ""
        let page = CohortPage(
            groups: [CohortPage.Group(name: "Everyone", href: "/centre", current: group == nil)]
                + groups.map { name in
                    CohortPage.Group(
                        name: name, href: "/centre?group=" + (name.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "+"])) ?? ""),
                        current: name == group)
                },
            hasGroups: !groups.isEmpty, weeks: report.weeks.map(CohortReport.day), rows: rows, totals: report.totals,
            waiting: waiting.map { seeker, review in
                CohortPage.Waiting(seekerId: seeker.id, seeker: seeker.name, draftId: review.draftId, requested: site.display(review.requestedAt))
            },
            csvHref: "/centre/cohort.csv" + query)
        let html = ByteBuffer(
            string: try site.html(
                page, title: group.map { "Cohort: \($0)" } ?? "Cohort", tab: nil, notice: flash?.notice, warning: flash?.warning,
                problem: flash?.problem, fix: flash?.fix))
        var response = Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: html))
        if flash != nil { Flash.clear(&response) } else { drawn.keep(html, key, activity: activity, now: centre.now) }
        return response
    }

    /// GET /centre/cohort.csv — the same numbers for the office's outcome reports.
    func cohortCSV(_ request: Request, context: some RequestContext) async throws -> Response {
        let viewer = try staff
        let group = request.uri.queryParameters["group"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let report = try centre.cohort(for: viewer, group: group).report
        var response = Response(
            status: .ok, headers: [.contentType: "text/csv; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: report.csv())))
        response.headers[.contentDisposition] = "attachment; filename=\"cohort-\(CohortReport.day(centre.now)).csv\""
        return response
    }

    /// GET /centre/seekers/:id — a seeker's interviews, drafts and ledger, read-only; the read is audited.
    func seeker(_ request: Request, context: some RequestContext) async throws -> Response {
        let viewer = try staff
        let id = try recordID(context)
        let page = try centre.reading(seeker: id, by: viewer, what: "read their interviews, people, drafts and thank-yous") { seeker, workspace in
            try seekerPage(seeker, workspace)
        }
        return try site.page(page, title: "Cohort: \(page.name)", tab: nil, request: request)
    }

    /// A seeker's records as their coach reads them.
    private func seekerPage(_ seeker: CentreAccount, _ workspace: Workspace) throws -> SeekerPage {
        let interviews = try workspace.interviews()
        let companies = Dictionary(interviews.map { ($0.interview.storedID, $0.interview.company) }, uniquingKeysWith: { first, _ in first })
        let people = Dictionary(
            interviews.flatMap { $0.interviewers.map { ($0.storedID, $0.name) } }, uniquingKeysWith: { first, _ in first })
        let drafts = try workspace.drafts()
        var reviews: [Int64: String] = [:]
        for (draft, _) in drafts { reviews[draft.storedID] = try centre.review(seeker: seeker.id, draft: draft.storedID)?.state.rawValue }
        return SeekerPage(
            id: seeker.id, name: seeker.name, email: seeker.email, group: seeker.group,
            interviews: interviews.map { detail in
                SeekerPage.Meeting(
                    company: detail.interview.company, role: detail.interview.role, when: site.display(detail.interview.startsAt, in: detail.interview.zone),
                    people: detail.interviewers.map(\.name).joined(separator: ", "))
            },
            drafts: drafts.map { draft, _ in
                SeekerPage.DraftRow(
                    seekerId: seeker.id, id: draft.storedID, person: people[draft.interviewerId] ?? "someone", company: companies[draft.interviewId] ?? "",
                    review: reviews[draft.storedID])
            },
            ledger: try workspace.messages().map { entry in
                SeekerPage.Sent(
                    draftId: entry.draftId, person: people[entry.interviewerId] ?? "someone", company: companies[entry.interviewId] ?? "",
                    channel: entry.channel.label, state: entry.state.rawValue, when: (entry.sentAt ?? entry.scheduledAt).map { site.display($0) })
            })
    }

    /// GET /centre/seekers/:id/drafts/:draft — the draft with the checker's findings, to approve or return; audited.
    func review(_ request: Request, context: some RequestContext) async throws -> Response {
        let viewer = try staff
        let id = try recordID(context)
        let draftId = try recordID(context, "draft")
        let page = try centre.reading(seeker: id, by: viewer, what: "read draft \(draftId)") { seeker, workspace in
            let draftContext = try workspace.draftContext(draftId)
            let draft = draftContext.draft
            let checked = try DraftController.review(DraftEdit(subject: draft.subject ?? "", body: draft.body), draftContext, workspace: workspace)
            let review = try centre.review(seeker: id, draft: draftId)
            let person = draftContext.person
            return ReviewPage(
                seekerId: seeker.id, seeker: seeker.name, draftId: draftId, person: person.name,
                address: (draft.channel == .email ? person.email : person.address) ?? "no address yet",
                from: try workspace.senderLine(),
                company: draftContext.detail.interview.company, role: draftContext.detail.interview.role, channel: draft.channel.label,
                subject: draft.subject, body: draft.body, editor: checked.editor, state: review?.state.rawValue, comment: review?.comment,
                waiting: review?.state == .requested, seen: SHA256.hex(try workspace.reviewText(draftContext)))
        }
        return try site.page(page, title: "Cohort: review", tab: nil, request: request)
    }

    /// POST /centre/seekers/:id/drafts/:draft/approve
    func approve(_ request: Request, context: some RequestContext) async throws -> Response {
        try await decide(request, context: context, approve: true)
    }

    /// POST /centre/seekers/:id/drafts/:draft/return
    func returnDraft(_ request: Request, context: some RequestContext) async throws -> Response {
        try await decide(request, context: context, approve: false)
    }

    private func decide(_ request: Request, context: some RequestContext, approve: Bool) async throws -> Response {
        let viewer = try staff
        let form = try await site.form(request)
        let id = try recordID(context)
        let draftId = try recordID(context, "draft")
        let here = "/centre/seekers/\(id)/drafts/\(draftId)"
        do {
            try centre.decide(seeker: id, draft: draftId, by: viewer, approve: approve, comment: form["comment"], seen: form["seen"])
            return site.done("/centre", notice: approve ? "Approved draft \(draftId)." : "Returned draft \(draftId) with your comment.")
        } catch let error as UserError where !error.isNotFound {
            return site.done(here, refused: error)
        }
    }

    /// GET /centre/accounts — an admin's list of accounts.
    func accounts(_ request: Request, context: some RequestContext) async throws -> Response {
        guard try staff.role == .admin else { throw WebError(.notFound, "there is no such page; start again from the cohort page") }
        let accounts = try centre.users()
        let names = Dictionary(accounts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let page = AccountsPage(
            rows: accounts.map { account in
                AccountsPage.Row(
                    name: account.name, email: account.email, role: account.role.rawValue, group: account.group,
                    coach: account.coachId.flatMap { names[$0] }, disabled: !account.isActive)
            })
        return try site.page(page, title: "Accounts", tab: nil, request: request)
    }

    /// GET /seen — a seeker's own audit trail.
    func seen(_ request: Request, context: some RequestContext) async throws -> Response {
        let seeker = try visitor
        let number = request.uri.queryParameters["page"].flatMap { Int($0) }.map { min(max($0, 1), 1_000_000) } ?? 1
        let rows = try centre.audit(seeker: seeker.id, limit: Self.seenRows + 1, offset: (number - 1) * Self.seenRows)
        let page = SeenPage(
            rows: rows.prefix(Self.seenRows).map { entry in
                SeenPage.Row(when: site.display(entry.at), who: entry.actor, role: entry.actorRole, what: entry.what)
            },
            newer: number > 1 ? "/seen?page=\(number - 1)" : nil, older: rows.count > Self.seenRows ? "/seen?page=\(number + 1)" : nil)
        return try site.page(page, title: "Who has seen this", tab: nil, request: request)
    }

    /// Rows of the audit trail on one page of "Who has seen this".
    static let seenRows = 100

    /// POST /drafts/:id/review — a seeker asks their coach to review the draft.
    func requestReview(_ request: Request, context: some RequestContext) async throws -> Response {
        _ = try await site.form(request)
        let id = try recordID(context)
        do {
            try centre.requestReview(id, in: site.workspace)
            return site.done("/drafts/\(id)", notice: "Asked your coach to review it; you can send it once they approve it.")
        } catch let error as UserError where !error.isNotFound {
            return site.done("/drafts/\(id)", refused: error)
        }
    }
}

/// Pages as last drawn, each with the centre's activity number then; good for a minute while it stands.
final class DrawnPages: Sendable {
    private struct Entry {
        var html: ByteBuffer
        var activity: Int64
        var drawnAt: Date
    }

    static let lifetime: TimeInterval = 60
    static let most = 10_000
    private let entries = NIOLockedValueBox<[String: Entry]>([:])

    func page(_ key: String, activity: Int64, now: Date) -> ByteBuffer? {
        guard let entry = entries.withLockedValue({ $0[key] }), entry.activity == activity, now >= entry.drawnAt,
            now.timeIntervalSince(entry.drawnAt) < Self.lifetime
        else { return nil }
        return entry.html
    }

    func keep(_ html: ByteBuffer, _ key: String, activity: Int64, now: Date) {
        entries.withLockedValue { entries in
            if entries.count >= Self.most { entries.removeAll() }
            entries[key] = Entry(html: html, activity: activity, drawnAt: now)
        }
    }
}
