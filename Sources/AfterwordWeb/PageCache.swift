import Dispatch
import NIOConcurrencyHelpers
import NIOCore

/// The dashboard as last drawn, kept until something could have changed it.
///
/// An entry holds for the same minute (hours left are shown to the hour), the same time zone and the
/// same store revision. The revision, which every write from any process moves, is read again at most
/// every ``recheck``; a write through this server clears the cache at once, so a page after a form is
/// always fresh, and one written by the CLI shows within that quarter second.
final class PageCache: Sendable {
    struct Key: Equatable {
        var minute: Int64
        var zone: String
        var all: Bool
        /// The CSRF token its forms carry: a page drawn for one session is never shown to another.
        var csrf: String
    }

    private struct Entry {
        var key: Key
        var revision: Int64
        var checkedAt: UInt64
        var html: ByteBuffer
        /// On a centre's server, its activity number when the revision was last read.
        var activity: Int64?
    }

    /// How long a revision read stays good, in nanoseconds.
    static let recheck: UInt64 = 250_000_000

    private let entries = NIOLockedValueBox<[Bool: Entry]>([:])

    /// The cached page for `key`, if it is still the page the store would draw.
    /// - Parameter activity: on a centre's server, its activity number now: while it stands, no seeker's
    ///   records changed, and the revision need not be read.
    func page(_ key: Key, activity: Int64? = nil, revision: () throws -> Int64) rethrows -> ByteBuffer? {
        let now = DispatchTime.now().uptimeNanoseconds
        guard let entry = entries.withLockedValue({ $0[key.all] }), entry.key == key else { return nil }
        if let activity, entry.activity == activity { return entry.html }
        if activity == nil, now &- entry.checkedAt < Self.recheck { return entry.html }
        let current = try revision()
        guard current == entry.revision else { return nil }
        entries.withLockedValue {
            $0[key.all]?.checkedAt = now
            $0[key.all]?.activity = activity
        }
        return entry.html
    }

    /// Keeps a page drawn at `revision` (and the centre's `activity`), both read before drawing, so that a
    /// write during drawing is not missed.
    func keep(_ html: ByteBuffer, for key: Key, revision: Int64, activity: Int64? = nil) {
        let now = DispatchTime.now().uptimeNanoseconds
        entries.withLockedValue { $0[key.all] = Entry(key: key, revision: revision, checkedAt: now, html: html, activity: activity) }
    }

    /// Forgets every page: this server just changed something.
    func clear() {
        entries.withLockedValue { $0.removeAll() }
    }
}
