import AfterwordCore
import AfterwordStore
import AfterwordWatch
import Foundation

/// A watched board with what it holds now.
public struct BoardSummary: Sendable {
    public var board: WatchedBoard
    /// Postings listed at the last good read.
    public var openCount: Int
    /// The page a person opens to see the board.
    public var careersPage: String
}

/// A board guessed from an interviewer's e-mail domain, for the user to confirm with `watch add`.
public struct BoardSuggestion: Sendable, Equatable {
    public var company: String
    /// The e-mail domain the guess comes from.
    public var domain: String
    public var provider: BoardProvider
    /// The careers page to look at before adding it.
    public var url: String
}

/// What one board's check found.
public struct BoardCheck: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// The board said nothing changed (304).
        case unchanged
        /// Read: how many it lists, how many are new, how many closed since the last read.
        case read(listed: Int, new: Int, closed: Int)
        /// Not read; nothing from it was stored.
        case failed(String)
    }

    public var board: WatchedBoard
    public var outcome: Outcome
}

extension Workspace {
    /// The API bases from the settings (`watch.<provider>` for each of ``BoardProvider/all``), else the public ones.
    public func boardBases() throws -> [BoardProvider: String] {
        let config = try loadConfig()
        return Dictionary(
            uniqueKeysWithValues: BoardProvider.all.map { ($0, config[.boardBase($0)]) })
    }

    /// Starts watching `company`'s public job board at `url` (a careers page or an API address).
    public func watchBoard(company: String, url: String) throws -> WatchedBoard {
        let name = try Self.required(company, "company", example: "Acme")
        let bases = try boardBases()
        let address: BoardAddress
        do {
            address = try BoardAddress(recognizing: url, bases: bases)
        } catch {
            throw UserError(error.message)
        }
        let store = try openStore()
        return try storeCall {
            try store.addBoard(
                WatchedBoard(company: name, provider: address.provider, token: address.token, addedAt: now))
        }
    }

    /// Stops watching board `id`: its openings go with it, and so do the reconnect notes about them that never
    /// left; refused while a reconnect note about one of its openings is in the ledger.
    /// - Returns: the board that is no longer watched.
    public func unwatchBoard(id: Int64) throws -> WatchedBoard {
        let store = try openStore()
        return try storeCall { try store.removeBoard(id: id) }
    }

    /// True when an interview (or an interviewer's company) on record is `company`, as openings are matched.
    public func metAnyoneAt(_ company: String) throws -> Bool {
        try acquaintances(in: try openStore()).metAnyone(at: company)
    }

    /// Every watched board with its last check and error.
    public func watchedBoards() throws -> [BoardSummary] {
        let store = try openStore()
        let counts = try storeCall { try store.openPostingCounts() }
        return try storeCall { try store.boards() }.map { board in
            BoardSummary(
                board: board, openCount: counts[board.storedID] ?? 0, careersPage: board.provider.careersPage(board.token))
        }
    }

    /// Mail providers whose domain says nothing about the employer.
    static let personalMailDomains: Set<String> = [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com", "me.com",
        "aol.com",
        "proton.me", "protonmail.com", "gmx.com", "gmx.de", "web.de", "fastmail.com", "hey.com", "mail.com",
        "yandex.com",
    ]

    /// Boards guessed for companies you interviewed with and do not watch yet, from their interviewers' e-mail domains.
    ///
    /// A guess only: the user looks at the page and adds it with `watch add` if it is right.
    public func suggestBoards() throws -> [BoardSuggestion] {
        let store = try openStore()
        let watched = try storeCall { try store.boards() }
        var suggestions: [BoardSuggestion] = []
        var seen = Set<String>()
        for acquaintance in try storeCall({ try store.acquaintances() }) {
            let company = acquaintance.interview.company
            guard !watched.contains(where: { CompanyName.same($0.company, company) }),
                let email = acquaintance.interviewer.email, let at = email.lastIndex(of: "@")
            else { continue }
            let domain = email[email.index(after: at)...].lowercased()
            guard !Self.personalMailDomains.contains(domain),
                seen.insert("\(CompanyName.key(company))|\(domain)").inserted
            else { continue }
            let labels = domain.split(separator: ".").map(String.init)
            // The registrable name: "acme" in mail.acme.com and acme.co.uk.
            let secondLevel: Set<String> = ["co", "com", "org", "net", "ac", "gov"]
            var index = labels.count - 2
            if index > 0, secondLevel.contains(labels[index]), labels[labels.count - 1].count == 2 { index -= 1 }
            guard index >= 0, BoardAddress.isToken(labels[index]) else { continue }
            for provider in BoardProvider.all {
                suggestions.append(
                    BoardSuggestion(
                        company: company, domain: domain, provider: provider, url: provider.careersPage(labels[index])))
            }
        }
        return suggestions
    }

    /// Reads every watched board at once (bounded), stores what is new, closes what disappeared.
    ///
    /// A board that fails keeps its error and the time; nothing from it is stored, and the others go on.
    /// - Parameters:
    ///   - onlyUnread: read only the boards never read yet (added since the last reading, by either face).
    ///   - progress: told each board's outcome as it arrives.
    public func checkBoards(
        limits: BoardWatcher.Limits = BoardWatcher.Limits(), onlyUnread: Bool = false, progress: (BoardCheck) -> Void = { _ in }
    ) async throws -> [BoardCheck] {
        let store = try openStore()
        let boards = try storeCall { try store.boards() }.filter { !onlyUnread || $0.checkedAt == nil }
        guard !boards.isEmpty else { return [] }
        let bases = try boardBases()
        var requests: [BoardRequest] = []
        var byId: [Int64: WatchedBoard] = [:]
        let clock = now
        var outcomes: [Int64: BoardCheck.Outcome] = [:]
        for board in boards {
            guard let id = board.id else { continue }
            byId[id] = board
            // A board of a provider this version does not know (added by a newer one) keeps its row and says why.
            guard board.provider.isKnown else {
                let outcome = Self.record(.failed(board.provider.unsupported), boardId: id, store: store, now: clock)
                outcomes[id] = outcome
                progress(BoardCheck(board: board, outcome: outcome))
                continue
            }
            requests.append(
                BoardRequest(
                    key: id, provider: board.provider, base: bases[board.provider] ?? board.provider.defaultBase,
                    token: board.token, etag: board.etag, lastModified: board.lastModified))
        }
        // Each answer is stored as it arrives, so a slow board holds back nothing of the others.
        _ = await BoardWatcher(limits: limits).fetch(requests) { request, answer in
            guard let board = byId[request.key] else { return }
            let outcome = Self.record(answer, boardId: request.key, store: store, now: clock)
            outcomes[request.key] = outcome
            progress(BoardCheck(board: board, outcome: outcome))
        }
        let after = Dictionary(
            try storeCall { try store.boards() }.map { ($0.storedID, $0) }, uniquingKeysWith: { first, _ in first })
        return boards.compactMap { board in
            guard let id = board.id, let outcome = outcomes[id] else { return nil }
            return BoardCheck(board: after[id] ?? board, outcome: outcome)
        }
    }

    /// Stores one board's answer and says what it changed.
    private static func record(_ answer: BoardAnswer, boardId: Int64, store: any RecordStore, now: Date)
        -> BoardCheck.Outcome
    {
        do {
            switch answer {
            case .unchanged:
                _ = try store.recordBoardRead(boardId: boardId, postings: nil, etag: nil, lastModified: nil, now: now)
                return .unchanged
            case .postings(let postings, let etag, let lastModified):
                let listed = postings.map {
                    ListedPosting(externalId: $0.id, title: $0.title, location: $0.location, url: $0.url)
                }
                let changes = try store.recordBoardRead(
                    boardId: boardId, postings: listed, etag: etag, lastModified: lastModified, now: now)
                return .read(listed: postings.count, new: changes.new.count, closed: changes.closed)
            case .failed(let error):
                try store.recordBoardFailure(boardId: boardId, error: error.message, now: now)
                return .failed(error.message)
            }
        } catch {
            return .failed("could not store what the board listed: \(error)")
        }
    }

    /// Openings seen on the watched boards, newest first, each with the people there who may remember you.
    /// - Parameters:
    ///   - match: words that must all appear in the title or the company (case-insensitive).
    ///   - location: words that must all appear in the location.
    ///   - includeClosed: also the postings no longer listed.
    ///   - since: only those first seen at or after this time.
    ///   - page: the page to show (0 first) of `perPage` openings; every one when `perPage` is nil.
    public func rememberedOpenings(
        match: String? = nil, location: String? = nil, includeClosed: Bool = true, since: Date? = nil, page: Int = 0,
        perPage: Int? = nil
    ) throws -> [RememberedOpening] {
        try rememberedOpeningsPage(
            match: match, location: location, includeClosed: includeClosed, since: since, page: page, perPage: perPage
        ).openings
    }

    /// One page of ``rememberedOpenings(match:location:includeClosed:since:page:perPage:)``, with how many match in all.
    public func rememberedOpeningsPage(
        match: String? = nil, location: String? = nil, includeClosed: Bool = true, since: Date? = nil, page: Int = 0,
        perPage: Int? = nil
    ) throws -> (openings: [RememberedOpening], total: Int) {
        let store = try openStore()
        func words(_ text: String?) -> [String] {
            (text ?? "").lowercased().split { !$0.isLetter && !$0.isNumber }.prefix(10).map(String.init)
        }
        return try storeCall {
            let (rows, total) = try store.openings(
                match: words(match), location: words(location), includeClosed: includeClosed, since: since, limit: perPage,
                offset: max(0, page) * (perPage ?? 0))
            // Most days there is nothing new: the people are looked up only for openings to show.
            let people = rows.isEmpty ? Acquaintances(seats: [], reconnects: [:]) : try acquaintances(in: store)
            let report = OpeningsReport(
                rows: rows.map { ($0.opening, $0.company, $0.onFirstRead) }, total: total, acquaintances: people, now: now)
            return (report.openings, report.total)
        }
    }

    /// The openings of the last `days` days worth a line on Today: new since someone there was thanked, in
    /// the roles of `openings.roles`, and not at a company whose application is still open (those are
    /// held back, with why).
    public func newOpenings(days: Int = 14) throws -> NewOpenings {
        let store = try openStore()
        let roles = RoleFilter(try loadConfig()[.openingsRoles] ?? "")
        let clock = now
        return try storeCall {
            let (rows, total) = try store.openings(match: [], location: [], includeClosed: false, since: clock.addingTimeInterval(-Double(days) * 86_400), limit: nil, offset: 0)
            let known = rows.isEmpty ? Acquaintances(seats: [], reconnects: [:]) : try acquaintances(in: store)
            let report = OpeningsReport(
                rows: rows.map { ($0.opening, $0.company, $0.onFirstRead) }, total: total, acquaintances: known, now: clock)
            let open = try store.interviews(since: clock.addingTimeInterval(-Double(NewOpenings.openApplicationDays) * 86_400))
            return NewOpenings(report.openings, roles: roles, interviews: open, now: clock)
        }
    }

    /// Everyone met and every reconnect, read once.
    func acquaintances(in store: any RecordStore) throws -> Acquaintances {
        try storeCall { Acquaintances(seats: try store.acquaintances(), reconnects: try store.reconnects()) }
    }

    /// Composes (and stores, for `send`) a reconnect note to a person you met about a new opening at their company.
    ///
    /// Refused unless they received a thank-you or were marked as met, within 30 days of that thank-you,
    /// and when they already had a reconnect in the last 90 days (``ReconnectPolicy``).
    /// - Parameters:
    ///   - markMet: record first that the user met this person (a thank-you sent another way).
    ///   - recompose: write it afresh although a draft about this opening exists.
    public func reconnect(openingId: Int64, interviewerId: Int64, markMet: Bool = false, recompose: Bool = false) throws
        -> ReviewedDraft
    {
        let store = try openStore()
        let row = try storeCall { try store.opening(id: openingId) }
        var known = try acquaintances(in: store)
        let seats = known.seats(of: interviewerId)
        guard let person = seats.first?.interviewer else {
            throw UserError("interviewer #\(interviewerId) is not on any interview's panel", remedy: .listOpenings)
        }
        let atCompany = seats.filter { $0.isAt(row.company) }
        guard let latest = atCompany.max(by: { $0.interview.startsAt < $1.interview.startsAt }) else {
            throw UserError("\(person.name) did not interview you at \(row.company)", remedy: .listOpenings)
        }
        if markMet {
            try storeCall { try store.markMet(interviewerId: interviewerId, now: now) }
            known = try acquaintances(in: store)
        }
        if !recompose,
            let existing = try storeCall({
                try store.reconnectDraft(openingId: openingId, interviewerId: interviewerId)
            })
        {
            return ReviewedDraft(
                draft: existing, interviewerName: person.name,
                findings: Self.findings(existing, interview: latest.interview, interviewer: person.name), reused: true)
        }
        try Self.reconnectAllowed(known, interviewerId: interviewerId, name: person.name, openingId: openingId, now: now)
        let thanked = atCompany.compactMap(\.thankedAt).max()
        let interview = atCompany.first { $0.thankedAt == thanked && thanked != nil }?.interview ?? latest.interview
        let config = try loadConfig()
        // Greeted as the thank-you greeted them: "Dear Ray," stays "Dear Ray,".
        let thankYou = try storeCall { try store.latestDraft(interviewId: interview.storedID, interviewerId: interviewerId) }
        let greetingLine = thankYou?.body.split(separator: "\n").first.map(String.init).flatMap { line in
            line.hasPrefix("Dear ") && line.hasSuffix(",") && line.count <= 80 ? line : nil
        }
        let draft = ReconnectNote(sender: config.sender, greeting: config[.greeting]).compose(
            opening: row.opening, company: interview.company, to: person, remembering: interview, greetingLine: greetingLine, now: now)
        let saved = try storeCall { try store.saveDrafts([draft]) }[0]
        return ReviewedDraft(
            draft: saved, interviewerName: person.name,
            findings: Self.findings(saved, interview: interview, interviewer: person.name),
            reused: false)
    }

    /// Refuses a reconnect about `openingId` that the policy does not allow now (``ReconnectPolicy``).
    static func reconnectAllowed(_ known: Acquaintances, interviewerId: Int64, name: String, openingId: Int64?, now: Date) throws {
        let history = known.history(of: interviewerId, about: openingId)
        if let refusal = ReconnectPolicy.refusal(to: name, history: history, now: now) {
            // Never thanked on record: the user may have thanked them another way, and can say so.
            let neverThanked = history.thankedAt == nil && history.markedMetAt == nil
            let remedy = neverThanked ? openingId.map { Remedy.markMet(opening: $0, interviewer: interviewerId) } : nil
            throw UserError("no reconnect: \(refusal)", remedy: remedy, exitCode: 1)
        }
    }
}
