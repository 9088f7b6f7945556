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

/// A ledger entry: one thank-you on its way to, or delivered to, one interviewer.
public struct Message: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "message"
    public var id: Int64?
    public var draftId: Int64
    public var interviewId: Int64
    public var interviewerId: Int64
    public var channel: Channel
    public var state: MessageState
    public var scheduledAt: Date?
    public var sentAt: Date?
    /// What the server answered (never a password, never the body).
    public var serverReply: String?
    public var createdAt: Date
    public var updatedAt: Date

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
