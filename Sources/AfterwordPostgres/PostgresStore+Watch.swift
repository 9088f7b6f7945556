import AfterwordCore
import AfterwordStore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func addBoard(_ board: WatchedBoard) throws -> WatchedBoard {
        try pool.transaction { c in
            try pool.run(c, "LOCK TABLE board IN SHARE ROW EXCLUSIVE MODE")
            if let row = try pool.rows(
                c,
                "SELECT \(unescaped: Self.boardColumns) FROM board WHERE provider = \(board.provider.id) AND lower(token) = lower(\(board.token))"
            ).first {
                let existing = try WatchedBoard(row)
                throw StoreError(
                    code: .conflict, message: "that board is already watched (#\(existing.storedID), \(existing.company))", remedy: .listBoards)
            }
            return try insert(c, board)
        }
    }

    func insert(_ c: PostgresConnection, _ board: WatchedBoard) throws -> WatchedBoard {
        let b = board
        let rows = try pool.rows(
            c,
            """
            INSERT INTO board (company, provider, token, addedAt, checkedAt, error, etag, lastModified)
            VALUES (\(b.company), \(b.provider.id), \(b.token), \(b.addedAt), \(b.checkedAt), \(b.error), \(b.etag), \(b.lastModified))
            RETURNING id
            """)
        var stored = board
        stored.id = try rows.first?.decode(Int64.self)
        return stored
    }

    public func removeBoard(id: Int64) throws -> WatchedBoard {
        try pool.transaction { c in
            guard let row = try pool.rows(c, "SELECT \(unescaped: Self.boardColumns) FROM board WHERE id = \(id)").first else {
                throw StoreError.notFound("board", id, remedy: .listBoards)
            }
            let board = try WatchedBoard(row)
            let kept =
                try pool.rows(
                    c,
                    """
                    SELECT COUNT(*) FROM message WHERE openingId IN (SELECT id FROM opening WHERE boardId = \(id))
                    AND state IN ('scheduled', 'sending', 'sent', 'uncertain')
                    """
                ).first?.decode(Int64.self) ?? 0
            if kept > 0 {
                throw StoreError(
                    code: .conflict,
                    message:
                        "the board of \(board.company) (#\(id)) stays: \(kept == 1 ? "a reconnect note" : "\(kept) reconnect notes") about its openings \(kept == 1 ? "is" : "are") in the ledger, which keeps the record of every message that left so that none is ever sent twice")
            }
            try pool.run(c, "DELETE FROM message WHERE openingId IN (SELECT id FROM opening WHERE boardId = \(id))")
            try pool.run(c, "DELETE FROM draft WHERE openingId IN (SELECT id FROM opening WHERE boardId = \(id))")
            try pool.run(c, "DELETE FROM board WHERE id = \(id)")
            return board
        }
    }

    public func boards() throws -> [WatchedBoard] {
        try pool.withConnection { c in
            try pool.rows(c, "SELECT \(unescaped: Self.boardColumns) FROM board ORDER BY lower(company), id").map(WatchedBoard.init)
        }
    }

    public func openPostingCounts() throws -> [Int64: Int] {
        try pool.withConnection { c in
            Dictionary(
                try pool.rows(c, "SELECT boardId, COUNT(*) FROM opening WHERE closedAt IS NULL GROUP BY boardId").map { row in
                    let (board, count) = try row.decode((Int64, Int64).self)
                    return (board, Int(count))
                }, uniquingKeysWith: { first, _ in first })
        }
    }

    public func recordBoardFailure(boardId: Int64, error: String, now: Date) throws {
        try pool.withConnection { c in try pool.run(c, "UPDATE board SET error = \(error), checkedAt = \(now) WHERE id = \(boardId)") }
    }

    public func recordBoardRead(
        boardId: Int64, postings: [ListedPosting]?, etag: String?, lastModified: String?, now: Date
    ) throws -> BoardChanges {
        try pool.transaction { c in
            guard let listed = postings else {
                try pool.run(c, "UPDATE board SET error = NULL, checkedAt = \(now) WHERE id = \(boardId)")
                return BoardChanges(new: [], closed: 0)
            }
            try pool.run(
                c, "UPDATE board SET error = NULL, checkedAt = \(now), etag = \(etag), lastModified = \(lastModified) WHERE id = \(boardId)")
            let known = try pool.rows(c, "SELECT \(unescaped: Self.openingColumns) FROM opening WHERE boardId = \(boardId) FOR UPDATE")
                .map(Opening.init)
            var byExternal = Dictionary(known.map { ($0.externalId, $0) }, uniquingKeysWith: { first, _ in first })
            var new: [Opening] = []
            for posting in listed {
                if let opening = byExternal.removeValue(forKey: posting.externalId) {
                    try pool.run(
                        c,
                        """
                        UPDATE opening SET title = \(posting.title), location = \(posting.location), url = \(posting.url), lastSeen = \(now),
                            closedAt = NULL WHERE id = \(opening.storedID)
                        """)
                } else {
                    var opening = Opening(
                        boardId: boardId, externalId: posting.externalId, title: posting.title, location: posting.location, url: posting.url,
                        firstSeen: now, lastSeen: now)
                    opening.id = try pool.rows(
                        c,
                        """
                        INSERT INTO opening (boardId, externalId, title, location, url, firstSeen, lastSeen)
                        VALUES (\(boardId), \(posting.externalId), \(posting.title), \(posting.location), \(posting.url), \(now), \(now))
                        RETURNING id
                        """
                    ).first?.decode(Int64.self)
                    new.append(opening)
                }
            }
            var closed = 0
            for gone in byExternal.values where gone.closedAt == nil {
                try pool.run(c, "UPDATE opening SET closedAt = \(now) WHERE id = \(gone.storedID)")
                closed += 1
            }
            return BoardChanges(new: new, closed: closed)
        }
    }

    public func openings(
        match: [String], location: [String], includeClosed: Bool, since: Date?, limit: Int?, offset: Int
    ) throws -> (rows: [OpeningRow], total: Int) {
        try pool.withConnection { c in
            // Words are bound as arrays, never spliced into the SQL; LIKE's own wildcards in them are taken literally.
            func pattern(_ word: String) -> String {
                "%" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_") + "%"
            }
            let titles = match.map(pattern)
            let places = location.map(pattern)
            let total =
                try pool.rows(
                    c,
                    """
                    SELECT COUNT(*) FROM opening JOIN board ON board.id = opening.boardId
                    WHERE (SELECT bool_and((opening.title || ' ' || board.company) ILIKE w) FROM unnest(\(titles)::text[]) AS w) IS NOT FALSE
                    AND (SELECT bool_and(opening.location ILIKE w) FROM unnest(\(places)::text[]) AS w) IS NOT FALSE
                    AND (\(includeClosed) OR opening.closedAt IS NULL)
                    AND (\(since)::timestamptz IS NULL OR opening.firstSeen >= \(since))
                    """
                ).first?.decode(Int64.self) ?? 0
            let rows = try pool.rows(
                c,
                """
                SELECT \(unescaped: Self.qualified(Self.openingColumns, "opening")), board.company
                FROM opening JOIN board ON board.id = opening.boardId
                WHERE (SELECT bool_and((opening.title || ' ' || board.company) ILIKE w) FROM unnest(\(titles)::text[]) AS w) IS NOT FALSE
                AND (SELECT bool_and(opening.location ILIKE w) FROM unnest(\(places)::text[]) AS w) IS NOT FALSE
                AND (\(includeClosed) OR opening.closedAt IS NULL)
                AND (\(since)::timestamptz IS NULL OR opening.firstSeen >= \(since))
                ORDER BY opening.firstSeen DESC, opening.id DESC
                LIMIT \(limit.map { Int64(max(0, $0)) }) OFFSET \(Int64(max(0, offset)))
                """)
            let firstReads = Dictionary(
                try pool.rows(c, "SELECT boardId, MIN(firstSeen) FROM opening GROUP BY boardId").map { try $0.decode((Int64, Date).self) },
                uniquingKeysWith: { first, _ in first })
            return (
                try rows.map { row in
                    let opening = try Opening(row)
                    let company = try Array(row)[9].decode(String.self)
                    return OpeningRow(opening: opening, company: company, onFirstRead: firstReads[opening.boardId] == opening.firstSeen)
                }, Int(total)
            )
        }
    }

    public func opening(id: Int64) throws -> OpeningRow {
        try pool.withConnection { c in
            guard
                let row = try pool.rows(
                    c,
                    """
                    SELECT \(unescaped: Self.qualified(Self.openingColumns, "opening")), board.company
                    FROM opening JOIN board ON board.id = opening.boardId WHERE opening.id = \(id)
                    """
                ).first
            else { throw StoreError.notFound("opening", id, remedy: .listOpenings) }
            return OpeningRow(opening: try Opening(row), company: try Array(row)[9].decode(String.self))
        }
    }

    public func acquaintances() throws -> [Acquaintance] {
        try pool.withConnection { c in
            let people = Dictionary(
                try pool.rows(c, "SELECT \(unescaped: Self.interviewerColumns) FROM interviewer").map(Interviewer.init).map { ($0.storedID, $0) },
                uniquingKeysWith: { first, _ in first })
            let interviews = Dictionary(
                try pool.rows(c, "SELECT \(unescaped: Self.interviewColumns) FROM interview").map(Interview.init).map { ($0.storedID, $0) },
                uniquingKeysWith: { first, _ in first })
            let met = Dictionary(
                try pool.rows(c, "SELECT id, markedMetAt FROM interviewer WHERE markedMetAt IS NOT NULL").map { try $0.decode((Int64, Date).self) },
                uniquingKeysWith: { first, _ in first })
            return try pool.rows(
                c,
                """
                SELECT p.interviewId, p.interviewerId,
                       (SELECT MAX(m.sentAt) FROM message m WHERE m.interviewId = p.interviewId
                        AND m.interviewerId = p.interviewerId AND m.openingId IS NULL AND m.state = 'sent')
                FROM panelSeat p ORDER BY p.interviewId, p.position
                """
            ).compactMap { row in
                let (interviewId, personId, thankedAt) = try row.decode((Int64, Int64, Date?).self)
                guard let interview = interviews[interviewId], let person = people[personId] else { return nil }
                return Acquaintance(interviewer: person, interview: interview, thankedAt: thankedAt, markedMetAt: met[personId])
            }
        }
    }

    public func markMet(interviewerId: Int64, now: Date) throws {
        try pool.withConnection { c in
            let rows = try pool.rows(
                c, "UPDATE interviewer SET markedMetAt = COALESCE(markedMetAt, \(now)) WHERE id = \(interviewerId) RETURNING id")
            guard !rows.isEmpty else { throw StoreError.notFound("interviewer", interviewerId, remedy: .listInterviewers) }
        }
    }

    public func reconnects() throws -> [Int64: [ReconnectMark]] {
        try pool.withConnection { c in
            let marks = try pool.rows(
                c,
                """
                SELECT interviewerId, openingId, createdAt, id FROM draft WHERE openingId IS NOT NULL
                UNION ALL
                SELECT interviewerId, openingId, COALESCE(sentAt, scheduledAt, createdAt), draftId FROM message
                WHERE openingId IS NOT NULL AND state IN ('scheduled', 'sending', 'sent', 'uncertain')
                """
            ).map { row in
                let (person, opening, at, draft) = try row.decode((Int64, Int64, Date, Int64).self)
                return ReconnectMark(interviewerId: person, openingId: opening, at: at, draftId: draft)
            }
            return Dictionary(grouping: marks, by: \.interviewerId)
        }
    }

    public func reconnectDraft(openingId: Int64, interviewerId: Int64) throws -> Draft? {
        try pool.withConnection { c in
            try pool.rows(
                c,
                """
                SELECT \(unescaped: Self.draftColumns) FROM draft WHERE openingId = \(openingId) AND interviewerId = \(interviewerId)
                ORDER BY id DESC LIMIT 1
                """
            ).first.map(Draft.init)
        }
    }
}
