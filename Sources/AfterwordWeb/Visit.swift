import AfterwordApp
import Foundation
import NIOConcurrencyHelpers

/// One signed-in request to a career centre's server: whose it is, their CSRF token, and (for a seeker)
/// their own workspace. Set by ``CentreGate`` for the handler's task; every controller reads the site's
/// workspace through it, so a seeker's request reaches their records and no one else's.
struct Visit: Sendable {
    let account: CentreAccount
    /// The seeker's own records; nil for a coach or an admin, who read seekers only through ``Centre/reading(seeker:by:what:)``.
    let workspace: Workspace?
    let csrf: String
    /// The centre's activity number when the request came: while it stands, nothing in the centre changed.
    let activity: Int64
    /// The seeker's dashboard cache and time zone setting.
    let today: PageCache
    let zones: ZoneSetting?

    @TaskLocal static var current: Visit?
}

/// Each seeker's workspace, dashboard cache and time zone, kept between their requests while the centre's
/// activity number stands (a change of the centre's settings, such as review, moves it), and for a few
/// seconds when it moves (it moves with every seeker's writes).
final class Seats: Sendable {
    private struct Entry {
        var workspace: Workspace
        var today: PageCache
        var zones: ZoneSetting
        var madeAt: Date
        var activity: Int64
    }

    private let entries = NIOLockedValueBox<[Int64: Entry]>([:])
    /// How long a seeker's workspace is reused.
    static let lifetime: TimeInterval = 5
    /// The most seekers kept at once.
    static let most = 5_000

    func seat(for seeker: CentreAccount, centre: Centre, activity: Int64) throws -> (Workspace, PageCache, ZoneSetting) {
        let now = Date()
        if let entry = entries.withLockedValue({ $0[seeker.id] }),
            entry.activity == activity || (now >= entry.madeAt && now.timeIntervalSince(entry.madeAt) < Self.lifetime)
        {
            return (entry.workspace, entry.today, entry.zones)
        }
        let workspace = try centre.workspace(for: seeker)
        let today = entries.withLockedValue { $0[seeker.id]?.today } ?? PageCache()
        let zones = ZoneSetting(home: workspace.home)
        entries.withLockedValue { entries in
            if entries.count >= Self.most { entries.removeAll() }
            entries[seeker.id] = Entry(workspace: workspace, today: today, zones: zones, madeAt: now, activity: activity)
        }
        return (workspace, today, zones)
    }
}
