import AfterwordCore
import Foundation
import GRDB

// Each record names the columns its queries use once, in a `Columns` enum, as GRDB advises: a misspelt
// column is a compile error, not an empty result. Ids are optional until a record is inserted, so the
// records are not `Identifiable`.

extension Interview: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "interview"

    public enum Columns {
        public static let startsAt = Column("startsAt")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Interviewer: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "interviewer"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Draft: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "draft"

    public enum Columns {
        public static let id = Column("id")
        public static let interviewId = Column("interviewId")
        public static let interviewerId = Column("interviewerId")
        public static let openingId = Column("openingId")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// An interviewer's seat on an interview's panel, in the order they were added.
struct PanelSeat: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "panelSeat"
    var interviewId: Int64
    var interviewerId: Int64
    var position: Int
}

extension LedgerEntry: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "message"

    public enum Columns {
        public static let id = Column("id")
        public static let draftId = Column("draftId")
        public static let interviewId = Column("interviewId")
        public static let interviewerId = Column("interviewerId")
        public static let openingId = Column("openingId")
        public static let state = Column("state")
        public static let scheduledAt = Column("scheduledAt")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
