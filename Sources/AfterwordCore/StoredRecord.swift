/// A record that gets its id from the store when it is first saved: `id` is nil until then.
///
/// Records read back from the store always have their id; ``storedID`` says so in the type's words
/// instead of inventing a record 0 for the id that cannot be missing.
public protocol StoredRecord {
    var id: Int64? { get }
}

extension StoredRecord {
    /// The id the store gave this record.
    ///
    /// Only records that came from the store (or were just saved to it) are asked: one that was never saved
    /// has no id, and asking it is a programming error, which stops the program rather than naming the wrong record.
    public var storedID: Int64 {
        guard let id else { preconditionFailure("a \(Self.self) that was never saved has no id") }
        return id
    }
}

extension Interview: StoredRecord {}
extension Interviewer: StoredRecord {}
extension Draft: StoredRecord {}
extension LedgerEntry: StoredRecord {}
extension WatchedBoard: StoredRecord {}
extension Opening: StoredRecord {}
