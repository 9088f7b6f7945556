import AfterwordCore
import Foundation
import GRDB

extension WatchedBoard: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "board"

    public enum Columns {
        public static let provider = Column("provider")
        public static let token = Column("token")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A board's provider is stored as its name (`greenhouse`), plain text; a name this version does not know
/// is read back as it is (``BoardProvider/isKnown`` false), never an error.
extension BoardProvider: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { id.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> BoardProvider? {
        String.fromDatabaseValue(dbValue).map(BoardProvider.init(storedName:))
    }
}

extension Opening: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "opening"

    public enum Columns {
        public static let boardId = Column("boardId")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A posting as a board listed it, before it is compared with what was seen.
public struct ListedPosting: Sendable, Equatable {
    public var externalId: String
    public var title: String
    public var location: String
    public var url: String

    public init(externalId: String, title: String, location: String, url: String) {
        self.externalId = externalId
        self.title = title
        self.location = location
        self.url = url
    }
}

/// What one read of a board changed.
public struct BoardChanges: Sendable, Equatable {
    /// Postings seen for the first time.
    public var new: [Opening]
    /// Postings no longer listed, now marked closed.
    public var closed: Int

    public init(new: [Opening], closed: Int) {
        self.new = new
        self.closed = closed
    }
}

/// An opening with its board's company.
public struct OpeningRow: Sendable, Equatable {
    public var opening: Opening
    public var company: String
    /// Listed on its board's first read (the earliest time any of the board's openings was seen).
    public var onFirstRead: Bool = false

    public init(opening: Opening, company: String, onFirstRead: Bool = false) {
        self.opening = opening
        self.company = company
        self.onFirstRead = onFirstRead
    }
}

extension AppDatabase {
    /// Starts watching a board.
    /// - Throws: ``StoreError`` (conflict) when the same board is already watched.
    public func addBoard(_ board: WatchedBoard) throws -> WatchedBoard {
        try writer.write { db in
            // A board's name is one board whatever its case (`/acme` and `/ACME`).
            if let existing = try WatchedBoard.filter(
                WatchedBoard.Columns.provider == board.provider && WatchedBoard.Columns.token.collating(.nocase) == board.token
            ).fetchOne(db) {
                throw StoreError(
                    code: .conflict,
                    message:
                        "that board is already watched (#\(existing.storedID), \(existing.company))", remedy: .listBoards)
            }
            var board = board
            try board.insert(db)
            return board
        }
    }

    /// Stops watching a board: the board and the openings seen on it go, with the reconnect notes about them
    /// that never left; unless a reconnect note about one of them is in the ledger.
    ///
    /// Openings are only shown through their board, so they go with it: watching the board again reads them
    /// afresh. A reconnect that was sent, is scheduled or may have left is a record the ledger keeps (the
    /// reconnect rules read it), and its draft must keep saying which opening it is about, so such a board stays.
    /// - Returns: the board as it was.
    /// - Throws: ``StoreError`` (`.notFound`, or `.conflict` naming what the ledger holds).
    public func removeBoard(id: Int64) throws -> WatchedBoard {
        try writer.write { db in
            guard let board = try WatchedBoard.fetchOne(db, key: id) else {
                throw StoreError.notFound("board", id, remedy: .listBoards)
            }
            let ofBoard = "SELECT id FROM opening WHERE boardId = ?"
            let kept = try Int.fetchOne(
                db,
                sql: "SELECT COUNT(*) FROM message WHERE openingId IN (\(ofBoard)) AND state IN \(MessageState.liveSQL)",
                arguments: [id]) ?? 0
            if kept > 0 {
                throw StoreError(
                    code: .conflict,
                    message:
                        "the board of \(board.company) (#\(id)) stays: \(kept == 1 ? "a reconnect note" : "\(kept) reconnect notes") about its openings \(kept == 1 ? "is" : "are") in the ledger, which keeps the record of every message that left so that none is ever sent twice")
            }
            // Failed attempts and unsent notes about its openings go with them; nothing about them left.
            try db.execute(sql: "DELETE FROM message WHERE openingId IN (\(ofBoard))", arguments: [id])
            try db.execute(sql: "DELETE FROM draft WHERE openingId IN (\(ofBoard))", arguments: [id])
            _ = try WatchedBoard.deleteOne(db, key: id)
            return board
        }
    }

    /// Every watched board, by company.
    public func boards() throws -> [WatchedBoard] {
        try writer.read { db in
            try WatchedBoard.order(sql: "company COLLATE NOCASE, id").fetchAll(db)
        }
    }

    /// Open postings per board id.
    public func openPostingCounts() throws -> [Int64: Int] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT boardId, COUNT(*) FROM opening WHERE closedAt IS NULL GROUP BY boardId")
            return Dictionary(rows.map { ($0[0] as Int64, $0[1] as Int) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Records a failed read: the error and the time, and nothing else from the board.
    public func recordBoardFailure(boardId: Int64, error: String, now: Date) throws {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE board SET error = ?, checkedAt = ? WHERE id = ?", arguments: [error, now, boardId])
        }
    }

    /// Records a good read: diffs `postings` (nil when the board said nothing changed) against what was seen,
    /// in one transaction: new ones stored, listed ones refreshed, missing ones closed (and kept).
    public func recordBoardRead(
        boardId: Int64, postings: [ListedPosting]?, etag: String?, lastModified: String?, now: Date
    ) throws -> BoardChanges {
        try writer.write { db in
            guard postings != nil else {
                try db.execute(
                    sql: "UPDATE board SET error = NULL, checkedAt = ? WHERE id = ?", arguments: [now, boardId])
                return BoardChanges(new: [], closed: 0)
            }
            let listed = postings ?? []
            try db.execute(
                sql: "UPDATE board SET error = NULL, checkedAt = ?, etag = ?, lastModified = ? WHERE id = ?",
                arguments: [now, etag, lastModified, boardId])
            let known = try Opening.filter(Opening.Columns.boardId == boardId).fetchAll(db)
            var byExternal = Dictionary(known.map { ($0.externalId, $0) }, uniquingKeysWith: { first, _ in first })
            var new: [Opening] = []
            for posting in listed {
                if var opening = byExternal.removeValue(forKey: posting.externalId) {
                    opening.title = posting.title
                    opening.location = posting.location
                    opening.url = posting.url
                    opening.lastSeen = now
                    opening.closedAt = nil
                    try opening.update(db)
                } else {
                    var opening = Opening(
                        boardId: boardId, externalId: posting.externalId, title: posting.title,
                        location: posting.location,
                        url: posting.url, firstSeen: now, lastSeen: now)
                    try opening.insert(db)
                    new.append(opening)
                }
            }
            var closed = 0
            for var gone in byExternal.values where gone.closedAt == nil {
                gone.closedAt = now
                try gone.update(db)
                closed += 1
            }
            return BoardChanges(new: new, closed: closed)
        }
    }

    /// The openings seen, newest first, with their company: those whose title or company has every word of
    /// `match` and whose location has every word of `location` (case aside), a page at a time.
    /// - Parameters:
    ///   - limit: at most this many (nil: all); `offset` skips the first ones.
    /// - Returns: the page, and how many match in all.
    public func openings(
        match: [String] = [], location: [String] = [], includeClosed: Bool = true, since: Date? = nil, limit: Int? = nil,
        offset: Int = 0
    ) throws -> (rows: [OpeningRow], total: Int) {
        try writer.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            // Words are bound, never spliced into the SQL; LIKE's own wildcards in them are taken literally.
            func escaped(_ word: String) -> String {
                "%" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_") + "%"
            }
            for word in match {
                conditions.append("(opening.title || ' ' || board.company) LIKE ? ESCAPE '\\'")
                arguments.append(escaped(word))
            }
            for word in location {
                conditions.append("opening.location LIKE ? ESCAPE '\\'")
                arguments.append(escaped(word))
            }
            if !includeClosed { conditions.append("opening.closedAt IS NULL") }
            if let since {
                conditions.append("opening.firstSeen >= ?")
                arguments.append(since)
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let from = "FROM opening JOIN board ON board.id = opening.boardId \(filter)"
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: StatementArguments(arguments)) ?? 0
            let page = limit.map { " LIMIT \(max(0, $0)) OFFSET \(max(0, offset))" } ?? ""
            let rows = try Row.fetchAll(
                db, sql: "SELECT opening.*, board.company AS company \(from) ORDER BY opening.firstSeen DESC, opening.id DESC\(page)",
                arguments: StatementArguments(arguments))
            // A board's first read is when its earliest opening was seen: all it listed then share that time.
            let firstReads = Dictionary(
                try Row.fetchAll(db, sql: "SELECT boardId, MIN(firstSeen) FROM opening GROUP BY boardId").map { ($0[0] as Int64, $0[1] as Date) },
                uniquingKeysWith: { first, _ in first })
            return (
                try rows.map { row in
                    let opening = try Opening(row: row)
                    return OpeningRow(opening: opening, company: row["company"], onFirstRead: firstReads[opening.boardId] == opening.firstSeen)
                }, total
            )
        }
    }

    /// One opening with its company.
    /// - Throws: ``StoreError`` when there is no such opening.
    public func opening(id: Int64) throws -> OpeningRow {
        try writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql:
                        "SELECT opening.*, board.company AS company FROM opening JOIN board ON board.id = opening.boardId WHERE opening.id = ?",
                    arguments: [id])
            else {
                throw StoreError.notFound("opening", id, remedy: .listOpenings)
            }
            return OpeningRow(opening: try Opening(row: row), company: row["company"])
        }
    }

    /// Everyone on every panel, with the interview and when the thank-you for it was sent.
    public func acquaintances() throws -> [Acquaintance] {
        try writer.read { db in
            let people = Dictionary(
                try Interviewer.fetchAll(db).map { ($0.storedID, $0) }, uniquingKeysWith: { first, _ in first })
            let interviews = Dictionary(
                try Interview.fetchAll(db).map { ($0.storedID, $0) }, uniquingKeysWith: { first, _ in first })
            let met = Dictionary(
                try Row.fetchAll(db, sql: "SELECT id, markedMetAt FROM interviewer WHERE markedMetAt IS NOT NULL").map {
                    ($0[0] as Int64, $0[1] as Date)
                }, uniquingKeysWith: { first, _ in first })
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.interviewId, p.interviewerId,
                           (SELECT MAX(m.sentAt) FROM message m WHERE m.interviewId = p.interviewId
                            AND m.interviewerId = p.interviewerId AND m.openingId IS NULL AND m.state = 'sent') AS thankedAt
                    FROM panelSeat p ORDER BY p.interviewId, p.position
                    """)
            return rows.compactMap { row in
                guard let interview = interviews[row[0]], let person = people[row[1]] else { return nil }
                return Acquaintance(
                    interviewer: person, interview: interview, thankedAt: row[2], markedMetAt: met[row[1]])
            }
        }
    }

    /// Marks a person as met, for a reconnect although no thank-you went through Afterword.
    public func markMet(interviewerId: Int64, now: Date) throws {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE interviewer SET markedMetAt = COALESCE(markedMetAt, ?) WHERE id = ?",
                arguments: [now, interviewerId])
            guard db.changesCount > 0 else {
                throw StoreError.notFound("interviewer", interviewerId, remedy: .listInterviewers)
            }
        }
    }

    /// Every reconnect to anyone, by interviewer: each note written (its draft's time) and each sent or on its way
    /// (its sent or scheduled time), with the opening it is about.
    public func reconnects() throws -> [Int64: [ReconnectMark]] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT interviewerId, openingId, createdAt, id FROM draft WHERE openingId IS NOT NULL
                    UNION ALL
                    SELECT interviewerId, openingId, COALESCE(sentAt, scheduledAt, createdAt), draftId FROM message
                    WHERE openingId IS NOT NULL AND state IN \(MessageState.liveSQL)
                    """)
            return Dictionary(
                grouping: rows.map { ReconnectMark(interviewerId: $0[0], openingId: $0[1], at: $0[2], draftId: $0[3]) },
                by: \.interviewerId)
        }
    }

    /// The newest reconnect draft to a person about an opening, if one was written.
    public func reconnectDraft(openingId: Int64, interviewerId: Int64) throws -> Draft? {
        try writer.read { db in
            try Draft.filter(Draft.Columns.openingId == openingId && Draft.Columns.interviewerId == interviewerId).order(
                Draft.Columns.id.desc
            ).fetchOne(db)
        }
    }
}
