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
    }

    /// How long a revision read stays good, in nanoseconds.
    static let recheck: UInt64 = 250_000_000

    private let entries = NIOLockedValueBox<[Bool: Entry]>([:])

    /// The cached page for `key`, if it is still the page the store would draw.
    func page(_ key: Key, revision: () throws -> Int64) rethrows -> ByteBuffer? {
        let now = DispatchTime.now().uptimeNanoseconds
        guard let entry = entries.withLockedValue({ $0[key.all] }), entry.key == key else { return nil }
        if now &- entry.checkedAt < Self.recheck { return entry.html }
        let current = try revision()
        guard current == entry.revision else { return nil }
        entries.withLockedValue { $0[key.all]?.checkedAt = now }
        return entry.html
    }

    /// Keeps a page drawn at `revision` (read before drawing, so a write during drawing is not missed).
    func keep(_ html: ByteBuffer, for key: Key, revision: Int64) {
        let now = DispatchTime.now().uptimeNanoseconds
        entries.withLockedValue { $0[key.all] = Entry(key: key, revision: revision, checkedAt: now, html: html) }
    }

    /// Forgets every page: this server just changed something.
    func clear() {
        entries.withLockedValue { $0.removeAll() }
    }
}
