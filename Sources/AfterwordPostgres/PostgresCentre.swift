import AfterwordCore
import AfterwordStore
import Foundation
import PostgresNIO

/// A career centre's accounts, sessions, reviews and audit trail, in the `centre` schema of a PostgreSQL
/// database. Each seeker's records live in a schema of their own (`seeker_N`, see ``seekerStore(_:)``), so
/// that no statement run for one seeker can name another's rows; removing a seeker drops that schema.
public final class PostgresCentre: Sendable {
    let engine: PostgresEngine
    var pool: PostgresPool { engine.pool }
    /// Each seeker's cohort numbers, kept while they still hold.
    let counts: CohortCounts

    public init(engine: PostgresEngine) {
        self.engine = engine
        counts = engine.cohortCounts
    }

    static let schema: [String] = [
        "CREATE SCHEMA IF NOT EXISTS centre",
        """
        CREATE TABLE IF NOT EXISTS centre.account (
            id BIGSERIAL PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL, groupName TEXT,
            coachId BIGINT REFERENCES centre.account(id) ON DELETE SET NULL, passwordHash TEXT NOT NULL, disabledAt TIMESTAMPTZ,
            createdAt TIMESTAMPTZ NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS centre.session (
            tokenHash TEXT PRIMARY KEY, accountId BIGINT NOT NULL REFERENCES centre.account(id) ON DELETE CASCADE, csrf TEXT NOT NULL,
            createdAt TIMESTAMPTZ NOT NULL, expiresAt TIMESTAMPTZ NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS session_account ON centre.session(accountId)",
        """
        CREATE TABLE IF NOT EXISTS centre.review (
            seekerId BIGINT NOT NULL REFERENCES centre.account(id) ON DELETE CASCADE, draftId BIGINT NOT NULL, state TEXT NOT NULL,
            comment TEXT, reviewerId BIGINT REFERENCES centre.account(id) ON DELETE SET NULL, requestedAt TIMESTAMPTZ NOT NULL,
            decidedAt TIMESTAMPTZ, approvedText TEXT, PRIMARY KEY (seekerId, draftId))
        """,
        // Who did what to whose data. An account's name is joined, never copied: removing a seeker leaves
        // rows that say something happened, and nothing of them.
        """
        CREATE TABLE IF NOT EXISTS centre.audit (
            id BIGSERIAL PRIMARY KEY, at TIMESTAMPTZ NOT NULL, actorId BIGINT REFERENCES centre.account(id) ON DELETE SET NULL,
            operator TEXT, subjectId BIGINT REFERENCES centre.account(id) ON DELETE SET NULL, what TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS audit_subject ON centre.audit(subjectId, at)",
        "CREATE TABLE IF NOT EXISTS centre.setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        // One number every change to a seeker's records, a review or an account moves: a cohort page drawn
        // before is still right while it stands.
        "CREATE SEQUENCE IF NOT EXISTS centre.activity",
        """
        CREATE OR REPLACE FUNCTION centre.touch() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM nextval('centre.activity'); RETURN NULL; END $$
        """,
        "CREATE OR REPLACE TRIGGER review_touch AFTER INSERT OR UPDATE OR DELETE ON centre.review FOR EACH STATEMENT EXECUTE FUNCTION centre.touch()",
        "CREATE OR REPLACE TRIGGER account_touch AFTER INSERT OR UPDATE OR DELETE ON centre.account FOR EACH STATEMENT EXECUTE FUNCTION centre.touch()",
        "CREATE OR REPLACE TRIGGER setting_touch AFTER INSERT OR UPDATE OR DELETE ON centre.setting FOR EACH STATEMENT EXECUTE FUNCTION centre.touch()",
        // Browsers that signed in before: a run of wrong passwords from elsewhere does not slow them.
        """
        CREATE TABLE IF NOT EXISTS centre.device (
            tokenHash TEXT PRIMARY KEY, accountId BIGINT NOT NULL REFERENCES centre.account(id) ON DELETE CASCADE,
            createdAt TIMESTAMPTZ NOT NULL)
        """,
    ]

    static let accountColumns = "id, email, name, role, groupName, coachId, disabledAt, createdAt"

    /// The schema of a seeker's records.
    public static func schema(of seekerId: Int64) -> String { "seeker_\(seekerId)" }

    /// True once `centre init` made the centre's tables.
    public func isInitialized() throws -> Bool {
        try pool.withConnection { c in
            try pool.rows(c, "SELECT to_regclass('centre.account') IS NOT NULL").first?.decode(Bool.self) ?? false
        }
    }

    /// Adds the tables a newer Afterword's centre has and this database lacks (each statement is idempotent),
    /// and makes every seeker's writes move ``activity()``.
    public func upgrade() throws {
        try pool.transaction { c in
            try pool.run(c, "SELECT pg_advisory_xact_lock(7879)")
            for statement in Self.schema { try pool.run(c, PostgresQuery(unsafeSQL: statement)) }
        }
        let seekers = try pool.withConnection { c in
            try pool.rows(c, "SELECT id FROM centre.account WHERE role = 'seeker'").map { try $0.decode(Int64.self) }
        }
        let touched = try pool.withConnection { c in
            try pool.rows(c, "SELECT COUNT(*) FROM pg_trigger WHERE tgname = 'centre_touch'").first?.decode(Int64.self) ?? 0
        }
        guard touched != Int64(seekers.count * Self.touchedTables.count) else { return }
        for seeker in seekers { try touching(seeker) }
    }

    /// The tables of a seeker's whose changes move ``activity()``.
    static let touchedTables = ["interview", "interviewer", "panelSeat", "draft", "message", "board", "opening"]

    /// Makes a seeker's writes move the centre's activity number.
    private func touching(_ seeker: Int64) throws {
        _ = try engine.store(schema: Self.schema(of: seeker))
        let schema = PostgresPool.quoted(Self.schema(of: seeker))
        try pool.transaction { c in
            for table in Self.touchedTables {
                try pool.run(
                    c,
                    PostgresQuery(
                        unsafeSQL:
                            "CREATE OR REPLACE TRIGGER centre_touch AFTER INSERT OR UPDATE OR DELETE ON \(schema).\(table) FOR EACH STATEMENT EXECUTE FUNCTION centre.touch()"
                    ))
            }
        }
    }

    /// The centre's activity number: it moves with every change to a seeker's records, a review or an account.
    public func activity() throws -> Int64 {
        try pool.withConnection { c in
            try pool.rows(c, "SELECT last_value + CASE WHEN is_called THEN 0 ELSE -1 END FROM centre.activity").first?.decode(Int64.self) ?? 0
        }
    }

    /// Makes the centre's tables and its first admin, or refuses when the centre already has accounts.
    public func initialize(email: String, name: String, passwordHash: String, now: Date) throws -> CentreAccount {
        try pool.transaction { c in
            try pool.run(c, "SELECT pg_advisory_xact_lock(7879)")
            for statement in Self.schema { try pool.run(c, PostgresQuery(unsafeSQL: statement)) }
            let count = try pool.rows(c, "SELECT COUNT(*) FROM centre.account").first?.decode(Int64.self) ?? 0
            guard count == 0 else {
                throw StoreError(code: .conflict, message: "this database already has a career centre with \(count) accounts")
            }
            return try insertAccount(c, email: email, name: name, role: .admin, group: nil, coachId: nil, passwordHash: passwordHash, now: now)
        }
    }

    private func insertAccount(
        _ c: PostgresConnection, email: String, name: String, role: CentreRole, group: String?, coachId: Int64?, passwordHash: String, now: Date
    ) throws -> CentreAccount {
        let rows = try pool.rows(
            c,
            """
            INSERT INTO centre.account (email, name, role, groupName, coachId, passwordHash, createdAt)
            VALUES (\(email), \(name), \(role.rawValue), \(group), \(coachId), \(passwordHash), \(now))
            RETURNING \(unescaped: Self.accountColumns)
            """)
        guard let row = rows.first else { throw StoreError(code: .cannotOpen, message: "the new account was not recorded") }
        return try CentreAccount(row)
    }

    /// Adds an account; a seeker's records get a schema of their own at once.
    public func addAccount(
        email: String, name: String, role: CentreRole, group: String?, coachId: Int64?, passwordHash: String, now: Date
    ) throws -> CentreAccount {
        let account = try pool.transaction { c in
            try insertAccount(c, email: email, name: name, role: role, group: group, coachId: coachId, passwordHash: passwordHash, now: now)
        }
        if role == .seeker { try touching(account.id) }
        return account
    }

    public func account(email: String) throws -> CentreAccount? {
        try pool.withConnection { c in
            try pool.rows(c, "SELECT \(unescaped: Self.accountColumns) FROM centre.account WHERE email = \(email.lowercased())").first
                .map(CentreAccount.init)
        }
    }

    public func account(id: Int64) throws -> CentreAccount? {
        try pool.withConnection { c in
            try pool.rows(c, "SELECT \(unescaped: Self.accountColumns) FROM centre.account WHERE id = \(id)").first.map(CentreAccount.init)
        }
    }

    /// Every account, by role then name.
    public func accounts() throws -> [CentreAccount] {
        try pool.withConnection { c in
            try pool.rows(c, "SELECT \(unescaped: Self.accountColumns) FROM centre.account ORDER BY role, lower(name), id").map(CentreAccount.init)
        }
    }

    /// The active seekers a coach may read (assigned to them, or in their group), or every active seeker (nil):
    /// the rows ``CentreAccess/mayRead(_:_:)`` lets through, read without the others.
    public func seekers(coach: CentreAccount?) throws -> [CentreAccount] {
        try pool.withConnection { c in
            try pool.rows(
                c,
                """
                SELECT \(unescaped: Self.accountColumns) FROM centre.account
                WHERE role = 'seeker' AND disabledAt IS NULL
                  AND (\(coach?.id)::bigint IS NULL OR coachId = \(coach?.id) OR (\(coach?.group)::text IS NOT NULL AND groupName = \(coach?.group)))
                """
            ).map(CentreAccount.init)
        }
    }

    /// The account and its password's hash, for signing in.
    public func credentials(email: String) throws -> (CentreAccount, String)? {
        try pool.withConnection { c in
            try pool.rows(
                c, "SELECT \(unescaped: Self.accountColumns), passwordHash FROM centre.account WHERE email = \(email.lowercased())"
            ).first.map { row in (try CentreAccount(row), try row.decode((Int64, String, String, String, String?, Int64?, Date?, Date, String).self).8) }
        }
    }

    /// Changes an account's name, group and coach.
    public func update(_ account: CentreAccount) throws {
        try pool.withConnection { c in
            try pool.run(
                c,
                "UPDATE centre.account SET name = \(account.name), groupName = \(account.group), coachId = \(account.coachId) WHERE id = \(account.id)")
        }
    }

    /// Disables or enables an account; a disabled one's sessions end at once.
    public func setDisabled(_ id: Int64, at: Date?) throws {
        try pool.transaction { c in
            try pool.run(c, "UPDATE centre.account SET disabledAt = \(at) WHERE id = \(id)")
            if at != nil { try pool.run(c, "DELETE FROM centre.session WHERE accountId = \(id)") }
        }
    }

    /// Sets a new password hash and ends the account's sessions.
    public func setPassword(_ id: Int64, hash: String) throws {
        try pool.transaction { c in
            try pool.run(c, "UPDATE centre.account SET passwordHash = \(hash) WHERE id = \(id)")
            try pool.run(c, "DELETE FROM centre.session WHERE accountId = \(id)")
        }
    }

    /// Removes an account for good: a seeker's records (their whole schema), reviews, sessions and their
    /// own audit rows go; one audit row says that it happened, naming no one.
    public func removeAccount(_ account: CentreAccount, by actor: AuditActor, now: Date) throws {
        try pool.transaction { c in
            if account.role == .seeker {
                try pool.run(c, PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(PostgresPool.quoted(Self.schema(of: account.id))) CASCADE"))
                // A seeker's own steps (their review requests) go with them; a coach's reads stay, as "a removed account".
                try pool.run(c, "DELETE FROM centre.audit WHERE actorId = \(account.id)")
            }
            try pool.run(c, "DELETE FROM centre.account WHERE id = \(account.id)")
            try insertAudit(c, actor: actor, subjectId: nil, what: "removed \(account.role.rawValue) account #\(account.id) and all of its data", now: now)
        }
        engine.forget(schema: Self.schema(of: account.id))
    }

    /// Reclaims the space of removed rows, so that a removed seeker's account and reviews do not linger in the
    /// tables' files (the write-ahead log keeps them until it is recycled).
    public func vacuum() throws {
        try pool.withConnection { c in
            try pool.run(c, "VACUUM centre.account, centre.session, centre.review, centre.audit")
        }
    }

    /// A seeker's records: the same store every command uses, in the seeker's schema.
    public func seekerStore(_ seekerId: Int64) throws -> PostgresStore {
        try engine.store(schema: Self.schema(of: seekerId))
    }

    // MARK: Sessions

    public func createSession(accountId: Int64, tokenHash: String, csrf: String, now: Date, expiresAt: Date) throws {
        try pool.withConnection { c in
            try pool.run(
                c,
                "INSERT INTO centre.session (tokenHash, accountId, csrf, createdAt, expiresAt) VALUES (\(tokenHash), \(accountId), \(csrf), \(now), \(expiresAt))"
            )
            try pool.run(c, "DELETE FROM centre.session WHERE expiresAt < \(now)")
        }
    }

    /// The signed-in account of a session that has not expired, with its CSRF token; nil otherwise.
    /// The signed-in account of a session that has not expired, with its CSRF token and the centre's
    /// activity number (read in the same statement: a page kept since it last moved needs no other query).
    public func session(tokenHash: String, now: Date) throws -> (account: CentreAccount, csrf: String, activity: Int64)? {
        try pool.withConnection { c in
            try pool.rows(
                c,
                """
                SELECT \(unescaped: PostgresStore.qualified(Self.accountColumns, "a")), s.csrf,
                       (SELECT last_value + CASE WHEN is_called THEN 0 ELSE -1 END FROM centre.activity)
                FROM centre.session s JOIN centre.account a ON a.id = s.accountId
                WHERE s.tokenHash = \(tokenHash) AND s.expiresAt > \(now) AND a.disabledAt IS NULL
                """
            ).first.map { row in
                var cells = Cells(row)
                return (try CentreAccount(&cells), try cells.next(String.self), try cells.next(Int64.self))
            }
        }
    }

    /// Remembers a browser that signed in to `accountId`.
    public func rememberDevice(tokenHash: String, accountId: Int64, now: Date) throws {
        try pool.withConnection { c in
            try pool.run(c, "INSERT INTO centre.device (tokenHash, accountId, createdAt) VALUES (\(tokenHash), \(accountId), \(now)) ON CONFLICT DO NOTHING")
        }
    }

    /// True when the browser with this token signed in to the account with `email` before.
    public func knowsDevice(tokenHash: String, email: String) throws -> Bool {
        try pool.withConnection { c in
            !(try pool.rows(
                c,
                """
                SELECT 1 FROM centre.device d JOIN centre.account a ON a.id = d.accountId
                WHERE d.tokenHash = \(tokenHash) AND a.email = \(email.lowercased())
                """
            ).isEmpty)
        }
    }

    public func endSession(tokenHash: String) throws {
        try pool.withConnection { c in try pool.run(c, "DELETE FROM centre.session WHERE tokenHash = \(tokenHash)") }
    }

    // MARK: Reviews

    static let reviewColumns =
        "r.seekerId, r.draftId, r.state, r.comment, r.reviewerId, a.name, r.requestedAt, r.decidedAt, r.approvedText"

    public func review(seekerId: Int64, draftId: Int64) throws -> DraftReview? {
        try pool.withConnection { c in
            try pool.rows(
                c,
                """
                SELECT \(unescaped: Self.reviewColumns) FROM centre.review r LEFT JOIN centre.account a ON a.id = r.reviewerId
                WHERE r.seekerId = \(seekerId) AND r.draftId = \(draftId)
                """
            ).first.map(DraftReview.init)
        }
    }

    /// The reviews waiting for an answer from among `seekers`, oldest first.
    public func waitingReviews(seekers: [Int64]) throws -> [DraftReview] {
        guard !seekers.isEmpty else { return [] }
        return try pool.withConnection { c in
            try pool.rows(
                c,
                """
                SELECT \(unescaped: Self.reviewColumns) FROM centre.review r LEFT JOIN centre.account a ON a.id = r.reviewerId
                WHERE r.state = 'requested' AND r.seekerId = ANY(\(seekers)) ORDER BY r.requestedAt
                """
            ).map(DraftReview.init)
        }
    }

    /// Asks for a review of a draft (again, after a return or a change), with an audit row.
    public func requestReview(seekerId: Int64, draftId: Int64, by actor: AuditActor, now: Date) throws {
        try pool.transaction { c in
            try pool.run(
                c,
                """
                INSERT INTO centre.review (seekerId, draftId, state, requestedAt) VALUES (\(seekerId), \(draftId), 'requested', \(now))
                ON CONFLICT (seekerId, draftId) DO UPDATE SET state = 'requested', requestedAt = \(now), decidedAt = NULL, approvedText = NULL
                """)
            try insertAudit(c, actor: actor, subjectId: seekerId, what: "asked for a review of draft \(draftId)", now: now)
        }
    }

    /// A coach's answer: approved (with the text approved) or returned (with a comment), with an audit row.
    public func decide(
        seekerId: Int64, draftId: Int64, state: ReviewState, comment: String?, approvedText: String?, reviewer: Int64, now: Date
    ) throws {
        try pool.transaction { c in
            let updated = try pool.rows(
                c,
                """
                UPDATE centre.review SET state = \(state.rawValue), comment = \(comment), reviewerId = \(reviewer), decidedAt = \(now),
                    approvedText = \(approvedText)
                WHERE seekerId = \(seekerId) AND draftId = \(draftId) RETURNING draftId
                """)
            guard !updated.isEmpty else {
                throw StoreError(code: .notFound, message: "no review was asked for draft \(draftId)")
            }
            let verb = state == .approved ? "approved" : "returned"
            try insertAudit(c, actor: .account(reviewer), subjectId: seekerId, what: "\(verb) draft \(draftId)", now: now)
        }
    }

    // MARK: Audit

    /// Who wrote an audit row: an account, or the operator at the command line (their system user name).
    public enum AuditActor: Sendable {
        case account(Int64)
        case `operator`(String)
    }

    public func record(_ actor: AuditActor, subjectId: Int64?, what: String, now: Date) throws {
        try pool.withConnection { c in try insertAudit(c, actor: actor, subjectId: subjectId, what: what, now: now) }
    }

    private func insertAudit(_ c: PostgresConnection, actor: AuditActor, subjectId: Int64?, what: String, now: Date) throws {
        let (actorId, name): (Int64?, String?) =
            switch actor {
            case .account(let id): (id, nil)
            case .operator(let name): (nil, name)
            }
        try pool.run(
            c,
            "INSERT INTO centre.audit (at, actorId, operator, subjectId, what) VALUES (\(now), \(actorId), \(name), \(subjectId), \(what))")
    }

    /// The audit trail about one seeker's data (or, with nil, all of it), newest first.
    public func audit(subjectId: Int64?, limit: Int, offset: Int = 0) throws -> [AuditEntry] {
        let columns = """
            SELECT u.at, COALESCE(a.name || ' <' || a.email || '>', 'operator ' || u.operator, 'a removed account'),
                   COALESCE(a.role, CASE WHEN u.operator IS NULL THEN 'removed' ELSE 'operator' END), u.subjectId, u.what
            FROM centre.audit u LEFT JOIN centre.account a ON a.id = u.actorId
            """
        let page = "ORDER BY u.at DESC, u.id DESC LIMIT \(max(limit, 0)) OFFSET \(max(offset, 0))"
        // One seeker's rows through the index on (subjectId, at); the whole trail only when asked for.
        let query =
            subjectId.map { PostgresQuery(unsafeSQL: "\(columns) WHERE u.subjectId = $1 \(page)", binds: Self.binding($0)) }
            ?? PostgresQuery(unsafeSQL: "\(columns) \(page)")
        return try pool.withConnection { c in
            try pool.rows(c, query).map { row in
                let (at, actor, role, subject, what) = try row.decode((Date, String, String, Int64?, String).self)
                return AuditEntry(at: at, actor: actor, actorRole: role, subjectId: subject, what: what)
            }
        }
    }

    private static func binding(_ id: Int64) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(id)
        return binds
    }

    // MARK: Settings

    public func setting(_ key: String) throws -> String? {
        try pool.withConnection { c in
            try pool.rows(c, "SELECT value FROM centre.setting WHERE key = \(key)").first?.decode(String.self)
        }
    }

    /// Every centre setting that is set.
    public func settings() throws -> [String: String] {
        try pool.withConnection { c in
            Dictionary(
                try pool.rows(c, "SELECT key, value FROM centre.setting").map { try $0.decode((String, String).self) },
                uniquingKeysWith: { first, _ in first })
        }
    }

    public func set(_ key: String, _ value: String) throws {
        try pool.withConnection { c in
            try pool.run(c, "INSERT INTO centre.setting (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = \(value)")
        }
    }
}

extension CentreAccount {
    init(_ row: PostgresRow) throws {
        var cells = Cells(row)
        try self.init(&cells)
    }

    /// The account from the next cells of a row (``PostgresCentre/accountColumns``), leaving the rest to read.
    init(_ c: inout Cells) throws {
        self.init(
            id: try c.next(Int64.self), email: try c.next(), name: try c.next(), role: try c.raw(), group: try c.next(),
            coachId: try c.next(), disabledAt: try c.next(), createdAt: try c.next())
    }
}

extension DraftReview {
    init(_ row: PostgresRow) throws {
        var c = Cells(row)
        self.init(
            seekerId: try c.next(Int64.self), draftId: try c.next(), state: try c.raw(), comment: try c.next(), reviewerId: try c.next(),
            reviewer: try c.next(), requestedAt: try c.next(), decidedAt: try c.next(), approvedText: try c.next())
    }
}
