import AfterwordCore
import Foundation
import GRDB

extension Interview: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "interview"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Interviewer: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "interviewer"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Draft: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "draft"

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

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
