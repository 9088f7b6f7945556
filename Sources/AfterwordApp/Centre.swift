import AfterwordCore
import AfterwordPostgres
import AfterwordStore
import Foundation
import HummingbirdBcrypt

/// A seeker's place in a career centre: who they are and the centre's rules for what they send.
public struct CentreSeat: Sendable {
    public let account: CentreAccount
    /// `centre.review = required`: a thank-you goes only once a coach approved it as it stands.
    public let reviewRequired: Bool
    /// `centre.ownSMTP = allowed`: the seeker may send through their own mail server's settings.
    public let ownSMTP: Bool
    let directory: PostgresCentre

    /// Refuses a draft the centre's review has not approved as it stands (`text`), when review is required.
    func allowSending(_ draft: Draft, text: String) throws {
        guard reviewRequired, let id = draft.id else { return }
        if let refusal = DraftReview.refusal(try storeCall { try directory.review(seekerId: account.id, draftId: id) }, for: draft, text: text) {
            throw UserError("not sent: \(refusal)")
        }
    }

    /// Refuses a way out the centre does not offer: its server never sends in a student's name.
    func allowTransport(_ kind: TransportKind) throws {
        switch kind {
        case .eml, .mailto, .post: return
        case .smtp where ownSMTP: return
        case .smtp, .sendmail:
            throw UserError(
                "your career centre's server does not send mail in your name; hand the thank-you to your own mail program (download the .eml or open it as a mailto: link) and say when it went")
        }
    }

    /// Refuses a setting a shared server must not take from a seeker: a command it would run, the name of one
    /// of its environment variables (which hold the centre's own secrets), a file of the server's, an address
    /// it would connect to (a job board's, an IMAP server's), or a mail server unless the centre allows one.
    func allowSetting(_ name: String, value: String?) throws {
        let lower = name.lowercased()
        if lower.hasSuffix("command") || lower.hasSuffix("env") {
            throw UserError("\(name) cannot be set on a career centre's shared server: it would run a command or read a secret of the server's")
        }
        if lower.hasPrefix("watch.") || lower.hasPrefix("imap.") || lower == "note.font" {
            throw UserError("\(name) cannot be set on a career centre's shared server: it names an address or a file of the server's")
        }
        if !ownSMTP, lower.hasPrefix("smtp.") || (lower == "transport" && value != nil) {
            throw UserError("\(name) cannot be set: your career centre's server does not send mail in your name; hand each thank-you to your own mail program")
        }
        if lower == "transport", value?.lowercased() == "sendmail" {
            throw UserError("transport sendmail cannot be set on a career centre's shared server: it would run a program of the server's")
        }
    }
}

/// A career centre's shared instance: accounts and roles, sign-in, each seeker's scoped workspace, reviews,
/// the cohort's numbers and the audit trail. The CLI's `centre` commands and `serve --centre` act through it.
public struct Centre: Sendable {
    /// The server's data directory; each seeker's settings live in `centre/seeker-N` within it.
    public let home: URL
    public let database: String
    private let clock: @Sendable () -> Date
    let directory: PostgresCentre

    /// How long a sign-in lasts.
    public static let sessionLength: TimeInterval = 8 * 3600
    /// Bcrypt's cost: 2^12 rounds, a quarter second or so on a laptop.
    public static let bcryptCost: UInt8 = 12
    /// Hashed once, for an address no account has: signing in with it takes as long as with a real one.
    private static let decoy = Bcrypt.hash("not a password of anyone's", cost: bcryptCost)

    /// Opens the centre in the PostgreSQL database at `database`.
    public static func open(database: String?, home: URL, clock: @escaping @Sendable () -> Date) throws -> Centre {
        guard let database, !database.isEmpty else {
            throw UserError("a career centre lives in a PostgreSQL database; give its address with --database URL (or $AFTERWORD_DATABASE)")
        }
        let engine = try PostgresStores.engine(database, passwordEnv: { try? Config.load(from: home)[.databasePasswordEnv] })
        return Centre(home: home, database: database, clock: clock, directory: PostgresCentre(engine: engine))
    }

    public var now: Date { clock() }

    /// Refuses use before `centre init`.
    private func initialized() throws {
        guard try storeCall({ try directory.isInitialized() }) else {
            throw UserError("this database has no career centre yet; create it and its first admin with `afterword centre init --email EMAIL --name NAME`")
        }
    }

    // MARK: Accounts

    /// Makes the centre's tables and its first admin.
    public func initialize(email: String, name: String, password: String) throws -> CentreAccount {
        let (email, name) = try Self.checked(email: email, name: name, password: password)
        return try storeCall {
            try directory.initialize(email: email, name: name, passwordHash: Bcrypt.hash(password, cost: Self.bcryptCost), now: now)
        }
    }

    /// Adds an account. A seeker may be assigned to a coach (by e-mail) and a group; a coach to a group.
    public func addUser(email: String, name: String, role: CentreRole, group: String?, coach: String?, password: String) throws -> CentreAccount {
        try initialized()
        let (email, name) = try Self.checked(email: email, name: name, password: password)
        let group = group?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        if let group, group.count > 100 || group.contains(where: { $0.isNewline }) {
            throw UserError("--group: a group's name is one line of at most 100 characters")
        }
        var coachId: Int64?
        if let coach {
            let found = try account(coach)
            guard found.role == .coach else { throw UserError("--coach: \(found.email) is not a coach (\(found.role.rawValue))") }
            guard role == .seeker else { throw UserError("--coach: only a seeker is assigned to a coach") }
            coachId = found.id
        }
        if try storeCall({ try directory.account(email: email) }) != nil {
            throw UserError("there is already an account for \(email); see `afterword centre user list`")
        }
        return try storeCall {
            try directory.addAccount(
                email: email, name: name, role: role, group: group, coachId: coachId, passwordHash: Bcrypt.hash(password, cost: Self.bcryptCost),
                now: now)
        }
    }

    /// Moves an account to another group or coach, or renames it; "" clears the group or the coach.
    public func edit(_ email: String, name: String?, group: String?, coach: String?) throws -> CentreAccount {
        var account = try account(email)
        if let name {
            account.name = try Self.checked(email: account.email, name: name, password: String(repeating: "x", count: CentreAccess.minimumPasswordLength)).1
        }
        if let group {
            let group = group.trimmingCharacters(in: .whitespaces)
            if group.count > 100 || group.contains(where: { $0.isNewline }) {
                throw UserError("--group: a group's name is one line of at most 100 characters")
            }
            account.group = group.nilIfEmpty
        }
        if let coach {
            if coach.trimmingCharacters(in: .whitespaces).isEmpty {
                account.coachId = nil
            } else {
                let found = try self.account(coach)
                guard found.role == .coach else { throw UserError("--coach: \(found.email) is not a coach (\(found.role.rawValue))") }
                guard account.role == .seeker else { throw UserError("--coach: only a seeker is assigned to a coach") }
                account.coachId = found.id
            }
        }
        let changed = account
        try storeCall { try directory.update(changed) }
        return account
    }

    /// Every account.
    public func users() throws -> [CentreAccount] {
        try initialized()
        return try storeCall { try directory.accounts() }
    }

    /// The account with `email`, or an error saying how to find one.
    public func account(_ email: String) throws -> CentreAccount {
        try initialized()
        guard let account = try storeCall({ try directory.account(email: email.trimmingCharacters(in: .whitespaces)) }) else {
            throw UserError("there is no account for \(email); see `afterword centre user list`")
        }
        return account
    }

    /// Disables an account (its sessions end) or enables it again.
    public func setDisabled(_ email: String, _ disabled: Bool) throws -> CentreAccount {
        let account = try account(email)
        try storeCall { try directory.setDisabled(account.id, at: disabled ? now : nil) }
        return account
    }

    /// Sets a new password; the account's sessions end.
    public func resetPassword(_ email: String, password: String) throws -> CentreAccount {
        let account = try account(email)
        if let problem = CentreAccess.passwordProblem(password) { throw UserError("the password: \(problem)") }
        try storeCall { try directory.setPassword(account.id, hash: Bcrypt.hash(password, cost: Self.bcryptCost)) }
        return account
    }

    /// Removes an account and, for a seeker, every record of theirs, for good; an audit row keeps that it happened.
    public func remove(_ email: String, by operatorName: String) throws -> CentreAccount {
        let account = try account(email)
        try storeCall { try directory.removeAccount(account, by: .operator(operatorName), now: now) }
        try storeCall { try directory.vacuum() }
        try? FileManager.default.removeItem(at: seekerHome(account.id))
        return account
    }

    /// The centre's settings: `centre.review` (required or optional) and `centre.ownSMTP` (allowed or refused).
    public func set(_ name: String, _ value: String) throws {
        try initialized()
        let allowed = ["centre.review": ["required", "optional"], "centre.ownSMTP": ["allowed", "refused"]]
        guard let values = allowed[name] else {
            throw UserError("\(name) is not a centre setting; the settings are \(allowed.keys.sorted().joined(separator: " and "))")
        }
        guard values.contains(value) else { throw UserError("\(name) is \(values.joined(separator: " or ")), not \"\(value)\"") }
        try storeCall { try directory.set(name, value) }
    }

    /// A centre setting's value, or its default.
    public func setting(_ name: String) throws -> String {
        let defaults = ["centre.review": "optional", "centre.ownSMTP": "refused"]
        return try storeCall { try directory.setting(name) } ?? defaults[name] ?? ""
    }

    static func checked(email: String, name: String, password: String) throws -> (String, String) {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard EmailAddress.isPlausible(email), email.count <= 254 else {
            throw UserError("\"\(email)\" is not an e-mail address; an account signs in with one, like dana@university.edu")
        }
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 200, !name.contains(where: { $0.isNewline }) else {
            throw UserError("--name: give the person's name, on one line (at most 200 characters)")
        }
        if let problem = CentreAccess.passwordProblem(password) { throw UserError("the password: \(problem)") }
        return (email, name)
    }

    // MARK: Sign-in

    /// The account whose password this is, or nil. Slow on purpose (bcrypt): call it off any event loop.
    public func verify(email: String, password: String) throws -> CentreAccount? {
        let email = email.trimmingCharacters(in: .whitespaces)
        // An address no account can have (a control character, a NUL) is not looked up.
        guard EmailAddress.isPlausible(email.lowercased()), email.count <= 254 else {
            _ = Bcrypt.verify(password, hash: Self.decoy)
            return nil
        }
        let found = try storeCall { try directory.credentials(email: email.trimmingCharacters(in: .whitespaces)) }
        guard let (account, hash) = found else {
            _ = Bcrypt.verify(password, hash: Self.decoy)
            return nil
        }
        guard Bcrypt.verify(password, hash: hash), account.isActive else { return nil }
        return account
    }

    /// A new session for `account`: its secret token (kept by the browser; the database keeps its digest) and its CSRF token.
    public func startSession(for account: CentreAccount) throws -> (token: String, csrf: String) {
        let token = Self.randomToken()
        let csrf = Self.randomToken()
        try storeCall {
            try directory.createSession(
                accountId: account.id, tokenHash: SHA256.hex(token), csrf: csrf, now: now, expiresAt: now.addingTimeInterval(Self.sessionLength))
        }
        return (token, csrf)
    }

    /// The account signed in with `token`, while its session lasts.
    /// - Returns: the account, the session's CSRF token and the centre's activity number now.
    public func session(token: String) throws -> (account: CentreAccount, csrf: String, activity: Int64)? {
        guard token.count == 64 else { return nil }
        return try storeCall { try directory.session(tokenHash: SHA256.hex(token), now: now) }
    }

    /// A token for a browser that signed in to `account` (kept by the browser; the database keeps its digest).
    public func rememberDevice(for account: CentreAccount) throws -> String {
        let token = Self.randomToken()
        try storeCall { try directory.rememberDevice(tokenHash: SHA256.hex(token), accountId: account.id, now: now) }
        return token
    }

    /// True when the browser holding `token` signed in to `email`'s account before.
    public func knowsDevice(token: String, email: String) throws -> Bool {
        guard token.count == 64 else { return false }
        return try storeCall { try directory.knowsDevice(tokenHash: SHA256.hex(token), email: email) }
    }

    /// Brings the centre's tables up to this version (a server's start).
    public func upgrade() throws {
        try initialized()
        try storeCall { try directory.upgrade() }
    }

    public func endSession(token: String) throws {
        try storeCall { try directory.endSession(tokenHash: SHA256.hex(token)) }
    }

    /// 32 random bytes in hex.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    // MARK: Seekers

    /// Where a seeker's settings and templates are kept on the server.
    func seekerHome(_ id: Int64) -> URL {
        home.appendingPathComponent("centre").appendingPathComponent("seeker-\(id)")
    }

    /// A seeker's own workspace: their records only, with the centre's rules for sending.
    public func workspace(for seeker: CentreAccount) throws -> Workspace {
        guard seeker.role == .seeker, seeker.isActive else { throw UserError("\(seeker.email) is not an active seeker's account") }
        let home = seekerHome(seeker.id)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let settings = try storeCall { try directory.settings() }
        let seat = CentreSeat(
            account: seeker, reviewRequired: settings["centre.review"] == "required", ownSMTP: settings["centre.ownSMTP"] == "allowed",
            directory: directory)
        return Workspace(home: home, clock: clock, store: try storeCall { try directory.seekerStore(seeker.id) }, database: database, seat: seat)
    }

    /// `--as EMAIL`: one seeker's workspace for the operator at the command line, with an audit row.
    public func workspace(operator name: String, as email: String, running command: String) throws -> Workspace {
        let seeker = try account(email)
        guard seeker.role == .seeker else { throw UserError("--as: \(seeker.email) is a \(seeker.role.rawValue), not a seeker; --as runs a command as a seeker") }
        guard seeker.isActive else { throw UserError("--as: \(seeker.email)'s account is disabled; enable it first") }
        try storeCall { try directory.record(.operator(name), subjectId: seeker.id, what: "ran `afterword \(command)` as them", now: now) }
        return try workspace(for: seeker)
    }

    /// The seekers `viewer` may read (a coach's assigned and group seekers, every seeker for an admin).
    public func seekers(visibleTo viewer: CentreAccount) throws -> [CentreAccount] {
        guard viewer.role != .seeker, viewer.isActive else { return [] }
        let candidates = try storeCall { try directory.seekers(coach: viewer.role == .coach ? viewer : nil) }
        return CentreAccess.readable(by: viewer, among: candidates)
    }

    /// Reads a seeker's records for `viewer` with `body`, after the access check, and then writes an audit row
    /// saying what was read (none when the read found nothing). A seeker `viewer` may not read is "not found",
    /// never "forbidden": their existence is not told either.
    public func reading<T>(
        seeker id: Int64, by viewer: CentreAccount, what: String, _ body: (CentreAccount, Workspace) throws -> T
    ) throws -> T {
        guard let seeker = try storeCall({ try directory.account(id: id) }), CentreAccess.mayRead(viewer, seeker), viewer.role != .seeker,
            seeker.isActive
        else {
            var error = UserError("there is no such seeker among yours; start again from the cohort page")
            error.isNotFound = true
            throw error
        }
        let result = try body(seeker, try workspace(for: seeker))
        try storeCall { try directory.record(.account(viewer.id), subjectId: seeker.id, what: what, now: now) }
        return result
    }

    /// What a coach's cohort page shows: the groups of their seekers, the numbers (of one group, if given)
    /// and the drafts waiting for review, oldest first.
    public struct CohortView: Sendable {
        public var groups: [String]
        public var report: CohortReport
        public var waiting: [(seeker: CentreAccount, review: DraftReview)]
    }

    /// The centre's activity number: it moves with every change to a seeker's records, a review or an account.
    public func activity() throws -> Int64 {
        try storeCall { try directory.activity() }
    }

    /// The cohort page's contents for `viewer`, optionally one group's.
    public func cohort(for viewer: CentreAccount, group: String? = nil) throws -> CohortView {
        let all = try seekers(visibleTo: viewer)
        let seekers = all.filter { group == nil || $0.group == group }
        let (report, waiting) = try storeCall { try directory.cohort(seekers, now: now) }
        let byId = Dictionary(seekers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return CohortView(
            groups: Array(Set(all.compactMap(\.group))).sorted(), report: report,
            waiting: waiting.compactMap { review in byId[review.seekerId].map { ($0, review) } })
    }

    /// The numbers of every seeker (or one group's), for the office at the command line.
    public func cohortOfAll(group: String? = nil) throws -> CohortReport {
        try initialized()
        let seekers = try storeCall { try directory.seekers(coach: nil) }.filter { group == nil || $0.group == group }
        return try storeCall { try directory.cohort(seekers, now: now) }.0
    }

    // MARK: Reviews

    /// A seeker asks their coach to review a draft.
    public func requestReview(_ draftId: Int64, in workspace: Workspace) throws {
        guard let seat = workspace.seat else { throw UserError("review is part of a career centre; this Afterword is your own") }
        _ = try workspace.draftContext(draftId)
        try storeCall { try directory.requestReview(seekerId: seat.account.id, draftId: draftId, by: .account(seat.account.id), now: now) }
    }

    /// A draft's review, if one was asked for.
    public func review(seeker: Int64, draft: Int64) throws -> DraftReview? {
        try storeCall { try directory.review(seekerId: seeker, draftId: draft) }
    }

    /// A coach approves a draft as it stood when they read it, or returns it with a comment.
    /// - Parameter seen: ``SHA256/hex(_:)`` of the ``Workspace/reviewText(_:)`` the coach was shown: an approval
    ///   of a draft that changed since is refused, so nothing is approved unread.
    public func decide(seeker id: Int64, draft draftId: Int64, by viewer: CentreAccount, approve: Bool, comment: String?, seen: String?) throws {
        let comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if !approve, comment == nil { throw UserError("say what to change: a returned draft needs a comment") }
        if let comment, comment.count > 4_000 { throw UserError("the comment is over 4,000 characters; shorten it") }
        let text = try reading(seeker: id, by: viewer, what: approve ? "read draft \(draftId) to approve it" : "read draft \(draftId) to return it") {
            _, workspace in try workspace.reviewText(try workspace.draftContext(draftId))
        }
        guard try review(seeker: id, draft: draftId)?.state == .requested else {
            throw UserError("draft \(draftId) is not waiting for a review (it was answered, or the seeker did not ask)")
        }
        if approve, seen != SHA256.hex(text) {
            throw UserError("draft \(draftId) changed since you opened it; read it again before you approve it")
        }
        try storeCall {
            try directory.decide(
                seekerId: id, draftId: draftId, state: approve ? .approved : .returned, comment: comment, approvedText: approve ? text : nil,
                reviewer: viewer.id, now: now)
        }
    }

    // MARK: Audit

    /// The audit trail: one seeker's (by e-mail), or the whole centre's.
    public func auditTrail(seeker email: String?, limit: Int = Int(Int32.max)) throws -> [AuditEntry] {
        try initialized()
        let id = try email.map { try account($0).id }
        return try storeCall { try directory.audit(subjectId: id, limit: limit) }
    }

    /// Who read or changed a seeker's data, newest first: `limit` rows after the newest `offset`.
    public func audit(seeker id: Int64, limit: Int, offset: Int = 0) throws -> [AuditEntry] {
        try storeCall { try directory.audit(subjectId: id, limit: limit, offset: offset) }
    }
}

extension Workspace {
    /// The sender as a message names them: "Sam Seeker <sam@uni.edu>", or what of it is set.
    public func senderLine() throws -> String {
        let config = try loadConfig()
        return [config[.name], config[.email].map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ")
    }

    /// The words a centre's review approves for a draft: from whom (and, for a note card, the return address)
    /// and to whom (their name, title, company and address, as the message or envelope prints them), subject and body.
    public func reviewText(_ context: DraftContext) throws -> String {
        let person = context.person
        let isEmail = context.draft.channel == .email
        let from = try senderLine() + (isEmail ? "" : "\n" + (try loadConfig()[.address] ?? ""))
        let to = [person.name, person.title ?? "", person.company ?? "", (isEmail ? person.email : person.address) ?? ""]
            .joined(separator: "\n")
        return DraftReview.text(of: context.draft, from: from, to: to)
    }

    /// Refuses a draft the centre's review has not approved as it stands, when review is required: every way
    /// out (send, hand-off, the compose links, a note card printed or posted, "I sent it from there") asks here.
    func allowLeaving(_ context: DraftContext) throws {
        guard let seat, seat.reviewRequired else { return }
        try seat.allowSending(context.draft, text: try reviewText(context))
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
