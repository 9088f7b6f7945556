import AfterwordApp
import Foundation
import Hummingbird

/// New openings at companies you interviewed with, and the people there who may remember you.
struct OpeningsController: Sendable {
    let site: Site

    /// GET /openings — the openings seen, newest first, filtered by `match` (title words) and `location`; the boards watched.
    func list(_ request: Request, context: some RequestContext) async throws -> Response {
        try page(request, checks: [])
    }

    /// The Openings page, with what "Check now" found when it was just pressed.
    private func page(_ request: Request, checks: [OpeningsPage.Check]) throws -> Response {
        let match = request.uri.queryParameters["match"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let location = request.uri.queryParameters["location"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let page = request.uri.queryParameters["page"].flatMap { Int($0) }.map { min(max($0, 1), 100_000) } ?? 1
        let (openings, total) = try site.workspace.rememberedOpeningsPage(
            match: match, location: location, page: page - 1, perPage: Self.perPage)
        let boards = try site.workspace.watchedBoards()
        let suggestions = try site.workspace.suggestBoards()
        let rows = openings.map { Self.row($0, site: site) }
        let pages = max(1, (total + Self.perPage - 1) / Self.perPage)
        func link(_ number: Int) -> String {
            var query = ["page=\(number)"]
            if let match { query.append("match=\(Self.escape(match))") }
            if let location { query.append("location=\(Self.escape(location))") }
            return "/openings?" + query.joined(separator: "&")
        }
        return try site.page(
            OpeningsPage(
                openings: rows, match: match, locationFilter: location,
                previousPage: page > 1 ? link(page - 1) : nil, nextPage: page < pages ? link(page + 1) : nil,
                pageText: pages > 1 ? "Page \(page) of \(pages) (\(total) openings)" : nil,
                filtered: match != nil || location != nil,
                boards: boards.map { summary in
                    OpeningsPage.Board(
                        id: summary.board.storedID, company: summary.board.company, provider: summary.board.provider.displayName,
                        url: summary.careersPage, error: summary.board.error,
                        checked: summary.board.checkedAt.map { site.display($0) }, open: summary.openCount)
                },
                suggestions: suggestions.map {
                    OpeningsPage.Suggestion(company: $0.company, domain: $0.domain, provider: $0.provider.displayName, url: $0.url)
                },
                checks: checks, examplePages: BoardProvider.examplePages), title: "Openings", tab: .openings, request: request)
    }

    /// POST /openings/boards — starts watching a company's board, given its careers page or API address.
    func addBoard(_ request: Request, context: some RequestContext) async throws -> Response {
        let form = try await site.form(request)
        do {
            let board = try site.workspace.watchBoard(company: form["company"] ?? "", url: form["url"] ?? "")
            let warning =
                try site.workspace.metAnyoneAt(board.company)
                ? nil
                : "Nobody you met at \"\(board.company)\" is on record, so its openings will name nobody who may remember you; check the spelling against your Interviews."
            return site.done(
                "/openings",
                notice: "Watching \(board.company) on \(board.provider.displayName) as #\(board.storedID); Check now reads it at once.",
                warning: warning)
        } catch let error as UserError {
            return site.done("/openings", refused: error)
        }
    }

    /// POST /openings/boards/:id/remove — stops watching a board; its openings go with it.
    func removeBoard(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        _ = try await site.form(request)
        do {
            let board = try site.workspace.unwatchBoard(id: id)
            return site.done(
                "/openings", notice: "Stopped watching #\(board.storedID) \(board.company) (\(board.provider.displayName)).")
        } catch let error as UserError {
            return site.done("/openings", refused: error)
        }
    }

    /// POST /openings/boards/check — reads every watched board now and shows what each listed.
    func checkBoards(_ request: Request, context: some RequestContext) async throws -> Response {
        _ = try await site.form(request)
        let checks = try await site.workspace.checkBoards()
        guard !checks.isEmpty else { return site.done("/openings", notice: "No boards watched yet; add one below.") }
        return try page(request, checks: checks.map(Self.check))
    }

    /// One board's reading as the page says it.
    static func check(_ check: BoardCheck) -> OpeningsPage.Check {
        let (company, provider) = (check.board.company, check.board.provider.displayName)
        switch check.outcome {
        case .unchanged:
            return OpeningsPage.Check(company: company, provider: provider, found: "unchanged since the last reading")
        case .read(let listed, let new, let closed):
            var found = "\(listed) listed, \(new) new"
            if closed > 0 { found += ", \(closed) closed" }
            return OpeningsPage.Check(company: company, provider: provider, found: found)
        case .failed(let message):
            return OpeningsPage.Check(company: company, provider: provider, failure: message)
        }
    }

    /// Openings on one page: the page answers at once however many postings are stored.
    static let perPage = 50

    /// A filter's words in a link's query.
    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// POST /openings/:id/reconnect — composes the reconnect note to `interviewer` and opens it.
    func reconnect(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = try recordID(context)
        let form = try await site.form(request)
        guard let interviewer = form["interviewer"].flatMap({ Int64($0) }), interviewer > 0 else {
            throw WebError(.badRequest, "choose who to write to; start again from Openings")
        }
        do {
            let reviewed = try site.workspace.reconnect(
                openingId: id, interviewerId: interviewer, markMet: form["met"] == "yes")
            return site.done(
                "/drafts/\(reviewed.draft.storedID)",
                notice: reviewed.reused
                    ? "The reconnect note you wrote earlier."
                    : "A reconnect note for \(reviewed.interviewerName): read it, then send it.")
        } catch let error as UserError where !error.isNotFound {
            return site.done("/openings", refused: error)
        }
    }

    /// One opening as the templates show it.
    static func row(_ remembered: RememberedOpening, site: Site) -> OpeningRow {
        let opening = remembered.opening
        let now = site.workspace.now
        let day = { (date: Date) in Wording.day(date, in: site.userZone, now: now) }
        let people = remembered.people.map { person in
            OpeningRow.Person(
                id: person.interviewerId, name: person.name, met: day(person.met), role: person.role,
                thanked: person.thanked.map(day), markedMet: person.markedMet,
                draftId: person.reconnectDraftId, refusal: person.reconnectRefusal,
                canReconnect: person.reconnectDraftId == nil && person.reconnectRefusal == nil,
                needsMet: person.thanked == nil && !person.markedMet && person.reconnectDraftId == nil,
                openingId: opening.id)
        }
        return OpeningRow(
            id: opening.id, company: remembered.company, title: opening.title,
            location: opening.location.isEmpty ? nil : opening.location,
            url: opening.url.isEmpty ? nil : opening.url, firstSeen: site.display(opening.firstSeen),
            closed: opening.closedAt.map { site.display($0) }, people: people,
            peopleLine: people.map { "\($0.name), " + ($0.thanked.map { "thanked on \($0)" } ?? "met \($0.met)") }.joined(separator: "; "))
    }
}
