import AfterwordApp
import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers

/// What every controller shares: the workspace, the templates, the CSRF token, and the page chrome.
struct Site: Sendable {
    /// The server's own workspace; a career centre's seeker reaches theirs through ``Visit``.
    private let ownWorkspace: Workspace
    let views: Views
    let rules: Guard
    private let ownZones: ZoneSetting
    /// The dashboard, drawn once per change.
    private let ownToday = PageCache()
    /// The career centre, when the server is one's (`serve --centre`).
    let centre: Centre?

    init(workspace: Workspace, views: Views, rules: Guard, centre: Centre? = nil) {
        self.ownWorkspace = workspace
        self.views = views
        self.rules = rules
        self.centre = centre
        ownZones = ZoneSetting(home: workspace.home)
    }

    /// The records this request may reach: the signed-in seeker's on a centre's server, else the user's own.
    /// (A centre's request without a seeker never gets here: ``CentreGate`` turns it away first.)
    var workspace: Workspace { Visit.current?.workspace ?? ownWorkspace }
    /// The dashboard cache of whoever's records these are.
    var today: PageCache { Visit.current?.today ?? ownToday }
    private var zones: ZoneSetting { Visit.current?.zones ?? ownZones }
    /// The CSRF token of the signed-in session, or of this server.
    var csrfToken: String { Visit.current?.csrf ?? rules.csrfToken }

    /// The tabs of the navigation, in order: each page belongs to one (or to none).
    enum Tab: CaseIterable {
        case today, interviews, people, openings, check, settings

        /// The tab's name in the navigation.
        var label: String {
            switch self {
            case .today: "Today"
            case .interviews: "Interviews"
            case .people: "People"
            case .openings: "Openings"
            case .check: "Check"
            case .settings: "Settings"
            }
        }

        /// Where the tab leads.
        var path: String {
            switch self {
            case .today: "/"
            case .interviews: "/interviews"
            case .people: "/people"
            case .openings: "/openings"
            case .check: "/check"
            case .settings: "/settings"
            }
        }
    }

    /// The largest form without files, in bytes: a thank-you is short.
    static let maxFormBytes = 256 * 1024
    /// The longest text field, in characters.
    static let maxFieldCharacters = 20_000

    /// A full page: the layout around `page`, with the flash message the last action left.
    func page(
        _ page: some Page, title: String, tab: Tab?, request: Request, error: String? = nil, fix: Fix? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let flash = Flash.read(request)
        let text = try html(
            page, title: title, tab: tab, notice: flash?.notice, warning: flash?.warning, problem: error ?? flash?.problem,
            fix: error == nil ? flash?.fix : fix)
        var response = Response.html(text, status: status)
        if flash != nil { Flash.clear(&response) }
        return response
    }

    /// The HTML of a page: the layout around `page`, with a notice, a warning or a problem above the content.
    func html<P: Page>(
        _ page: P, title: String, tab: Tab?, notice: String? = nil, warning: String? = nil, problem: String? = nil, fix: Fix? = nil
    ) throws -> String {
        var page = page
        page.layout = Layout(
            title: title, tab: tab, csrf: csrfToken, notice: notice, warning: warning, problem: problem, fix: fix, visitor: Visit.current?.account)
        return try views.render(page)
    }

    /// The submitted form, after the CSRF token is checked.
    /// - Parameter longFields: fields that may be longer than ``maxFieldCharacters`` (a file carried forward).
    /// - Throws: ``WebError`` for a missing or wrong token, or a body that is too large or malformed.
    func form(_ request: Request, longFields: Set<String> = []) async throws -> FormData {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: rules.maxBodyBytes(for: request.uri.path))
        } catch {
            throw WebError(.contentTooLarge, rules.tooLarge(for: request.uri.path))
        }
        let contentType = request.headers[.contentType]
        if !(contentType ?? "").lowercased().hasPrefix("multipart/"), buffer.readableBytes > Self.maxFormBytes {
            throw WebError(.contentTooLarge, "the form is larger than \(Self.maxFormBytes / 1024) KB; send less")
        }
        let bytes = Array(buffer.readableBytesView)
        let form = try await reading("the upload") { try FormData.parse(bytes, contentType: contentType) }
        if let (name, _) = form.fields.first(where: { !longFields.contains($0.key) && $0.value.count > Self.maxFieldCharacters }) {
            throw WebError(.contentTooLarge, "the field \(name) is longer than \(Self.maxFieldCharacters) characters; shorten it")
        }
        let given = form["csrf"] ?? request.headers[.xCSRFToken] ?? ""
        guard Guard.same(given, csrfToken) else {
            throw WebError(.forbidden, "this form is stale or came from another site; reload the page and try again")
        }
        return form
    }

    /// After an action: back to `location`, with a notice, a warning (done, but not as it should be) or a problem to show there.
    func done(_ location: String, notice: String? = nil, problem: String? = nil, warning: String? = nil, fix: Fix? = nil) -> Response {
        var response = Response.redirect(to: location)
        Flash.set(&response, Flash(notice: notice, problem: problem, warning: warning, fix: fix))
        return response
    }

    /// After a refused action: back to `location`, with the reason, and its remedy as a link.
    func done(_ location: String, refused error: UserError, saying message: String? = nil) -> Response {
        done(location, problem: message ?? error.message, fix: error.remedy.map(Fix.init))
    }

    /// A local time as people read it, in `zone` (else the user's).
    func display(_ date: Date, in zone: TimeZone? = nil) -> String {
        ISO8601.display(date, in: zone ?? userZone)
    }

    /// The user's time zone from Settings, else the system's; the settings file is read again only when it changes.
    var userZone: TimeZone { zones.zone() }

}

/// The one-line message an action leaves for the next page, carried in a short-lived cookie.
struct Flash: Codable {
    var notice: String?
    var problem: String?
    /// Done, but something needs the user's attention (an unsigned draft).
    var warning: String?
    /// What to do about the problem.
    var fix: Fix?

    static let cookie = "aw_flash"

    static func read(_ request: Request) -> Flash? {
        guard let value = request.cookies[cookie]?.value, !value.isEmpty,
            let data = Data(base64Encoded: value.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + padding(value))
        else { return nil }
        return try? JSONDecoder().decode(Flash.self, from: data)
    }

    /// The longest message a flash carries, in characters: it travels in a cookie (4 KB at most).
    static let maximumCharacters = 600

    static func set(_ response: inout Response, _ flash: Flash) {
        var flash = flash
        for path in [\Flash.notice, \Flash.problem, \Flash.warning] {
            if let text = flash[keyPath: path], text.count > maximumCharacters {
                flash[keyPath: path] = String(text.prefix(maximumCharacters - 1)) + "…"
            }
        }
        guard flash.notice != nil || flash.problem != nil || flash.warning != nil, let data = try? JSONEncoder().encode(flash) else { return }
        let value = data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        response.setCookie(Cookie(name: cookie, value: value, path: "/", httpOnly: true, sameSite: .strict))
    }

    static func clear(_ response: inout Response) {
        response.setCookie(Cookie(name: cookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
    }

    private static func padding(_ value: String) -> String {
        String(repeating: "=", count: (4 - value.count % 4) % 4)
    }
}

extension HTTPField.Name {
    static let xCSRFToken = Self("X-CSRF-Token")!
    static let contentDisposition = Self("Content-Disposition")!
}

/// A route parameter as a record id.
func recordID(_ context: some RequestContext, _ name: String = "id") throws -> Int64 {
    guard let text = context.parameters.get(name), let id = Int64(text), id > 0 else {
        throw WebError(.notFound, "there is no such page; start again from Today")
    }
    return id
}

/// The time zone the settings name, remembered with the settings file's modification time.
final class ZoneSetting: Sendable {
    private let home: URL
    private let path: String
    private let last = NIOLockedValueBox<(modified: timespec, zone: TimeZone)?>(nil)

    init(home: URL) {
        self.home = home
        path = Config.file(in: home).path
    }

    func zone() -> TimeZone {
        var info = stat()
        guard stat(path, &info) == 0 else { return TimeZone.current }
        #if canImport(Darwin)
            let modified = info.st_mtimespec
        #else
            let modified = info.st_mtim
        #endif
        if let known = last.withLockedValue({ $0 }), known.modified.tv_sec == modified.tv_sec, known.modified.tv_nsec == modified.tv_nsec {
            return known.zone
        }
        let zone = (try? Config.load(from: home))?.timeZone ?? TimeZone.current
        last.withLockedValue { $0 = (modified, zone) }
        return zone
    }
}
