import AfterwordApp
import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers
import NIOPosix

/// The door of a career centre's server: nothing but the sign-in page and the static files without a session;
/// a seeker reaches their own pages, a coach or an admin only the centre's; each request runs as its ``Visit``.
struct CentreGate<Context: RequestContext>: RouterMiddleware {
    let centre: Centre
    let seats: Seats

    static var cookie: String { "aw_session" }

    /// Paths anyone may reach.
    static func isOpen(_ path: String) -> Bool {
        path == "/sign-in" || path.hasPrefix("/static/")
    }

    /// Paths of the centre's own pages (coaches and admins).
    static func isCentrePage(_ path: String) -> Bool {
        path == "/centre" || path.hasPrefix("/centre/")
    }

    /// A seeker's pages a shared server does not offer: the keyring on the server, and mail sent from it.
    static var notOnSharedServer: Set<String> { ["/settings/password", "/settings/test"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if Self.isOpen(path) { return try await next(request, context) }
        let token = request.cookies[Self.cookie]?.value ?? ""
        let signedIn: (account: CentreAccount, csrf: String, activity: Int64)?
        do {
            signedIn = try centre.session(token: token)
        } catch {
            return Response.plain(.serviceUnavailable, (UserError.explaining(error)?.webMessage ?? "the centre's database did not answer") + "\n")
        }
        guard let (account, csrf, activity) = signedIn else {
            if request.method == .get || request.method == .head {
                return Response.redirect(to: "/sign-in")
            }
            return Response.plain(.unauthorized, "Sign in first: your session has ended or you were signed out.\n")
        }
        if path == "/sign-out" { return try await next(request, context) }
        var workspace: Workspace?
        var today = PageCache()
        var zones: ZoneSetting?
        switch account.role {
        case .seeker:
            if Self.isCentrePage(path) {
                return Response.plain(.forbidden, "That page is for the centre's coaches.\n")
            }
            if Self.notOnSharedServer.contains(path) {
                return Response.plain(.forbidden, "Your career centre's server does not keep passwords or send mail; send from your own mail program.\n")
            }
            guard let seat = try? seats.seat(for: account, centre: centre, activity: activity) else {
                return Response.plain(.serviceUnavailable, "Your records could not be opened just now; try again in a moment.\n")
            }
            (workspace, today, zones) = (seat.0, seat.1, seat.2)
        case .coach, .admin:
            if !Self.isCentrePage(path) {
                if path == "/" { return Response.redirect(to: "/centre") }
                return Response.plain(.notFound, "There is no such page for a coach; start again from the cohort page.\n")
            }
        }
        let visit = Visit(account: account, workspace: workspace, csrf: csrf, activity: activity, today: today, zones: zones)
        return try await Visit.$current.withValue(visit) { try await next(request, context) }
    }
}

/// Slows a run of wrong passwords for one address: after ``allowed`` failures within ``window``, each further
/// try waits until the window has passed. Nothing is locked for good: a browser that signed in to the account
/// before is counted on its own (so someone else's run of guesses does not keep its owner out), and any other
/// gets in once the guesses stop.
final class SignInThrottle: Sendable {
    static let allowed = 10
    static let window: TimeInterval = 60
    /// The most addresses remembered at once (a flood of made-up ones forgets the oldest).
    static let most = 10_000

    private let failures = NIOLockedValueBox<[String: [Date]]>([:])

    /// Counts a try for `key` before its password is checked (so that tries sent at once are counted as they
    /// come, not after bcrypt answers), unless it must wait: then the seconds to wait, and nothing counted.
    func attempt(_ key: String, now: Date) -> Int? {
        failures.withLockedValue { failures in
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < Self.window }
            if recent.count >= Self.allowed, let oldest = recent.first {
                failures[key] = recent
                return max(1, Int((Self.window - now.timeIntervalSince(oldest)).rounded(.up)))
            }
            if failures.count >= Self.most { failures.removeAll() }
            failures[key] = recent + [now]
            return nil
        }
    }

    /// Seconds to wait before `email` may try again; nil when it may try now.
    func wait(for email: String, now: Date) -> Int? {
        failures.withLockedValue { failures in
            let recent = (failures[email] ?? []).filter { now.timeIntervalSince($0) < Self.window }
            failures[email] = recent.isEmpty ? nil : recent
            guard recent.count >= Self.allowed, let oldest = recent.first else { return nil }
            return max(1, Int((Self.window - now.timeIntervalSince(oldest)).rounded(.up)))
        }
    }

    func succeeded(_ email: String) {
        failures.withLockedValue { _ = $0.removeValue(forKey: email) }
    }
}

/// Signing in and out of a career centre's server.
struct SignInController: Sendable {
    let site: Site
    let centre: Centre
    let throttle = SignInThrottle()

    /// The cookie of the sign-in form's CSRF token, before there is a session.
    static let formCookie = "aw_signin"
    /// The cookie of a browser that signed in before (kept for ``deviceDays``).
    static let deviceCookie = "aw_device"
    static let deviceDays = 180

    /// GET /sign-in
    func show(_ request: Request, context: some RequestContext) async throws -> Response {
        try page(request, email: "", problem: nil, status: .ok)
    }

    private func page(_ request: Request, email: String, problem: String?, status: HTTPResponse.Status) throws -> Response {
        let token = Centre.randomToken()
        var page = SignInPage(email: email)
        page.layout = Layout(title: "Sign in", tab: nil, csrf: token, notice: Flash.read(request)?.notice, warning: nil, problem: problem)
        page.layout.nav = []
        var response = Response.html(try site.views.render(page), status: status)
        response.setCookie(Cookie(name: Self.formCookie, value: token, maxAge: 3600, path: "/sign-in", secure: Self.secure(request), httpOnly: true, sameSite: .strict))
        Flash.clear(&response)
        return response
    }

    /// True when the browser reached the server over TLS (directly or through a proxy that says so).
    static func secure(_ request: Request) -> Bool {
        request.uri.scheme == .https || request.headers[.xForwardedProto]?.lowercased() == "https"
    }

    /// POST /sign-in
    func signIn(_ request: Request, context: some RequestContext) async throws -> Response {
        guard let form = try await Self.smallForm(request) else {
            return try page(request, email: "", problem: "the sign-in form is larger than it can be; send it again", status: .contentTooLarge)
        }
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form["password"] ?? ""
        guard let expected = request.cookies[Self.formCookie]?.value, Guard.same(form["csrf"] ?? "", expected) else {
            return try page(request, email: email, problem: "this sign-in form is stale; try again", status: .forbidden)
        }
        guard !email.isEmpty, !password.isEmpty, email.count <= 254, password.utf8.count <= 1_024 else {
            return try page(request, email: email, problem: "give your e-mail address and your password", status: .unprocessableContent)
        }
        let now = Date()
        // A browser that signed in to this account before is slowed by its own mistakes only.
        let device = request.cookies[Self.deviceCookie]?.value ?? ""
        var key = email
        if throttle.wait(for: email, now: now) != nil, (try? centre.knowsDevice(token: device, email: email)) == true {
            key = "device " + device
        }
        if let wait = throttle.attempt(key, now: now) {
            return try page(
                request, email: email, problem: "too many wrong passwords for \(email) in a minute; try again in \(wait) seconds",
                status: .tooManyRequests)
        }
        // bcrypt takes a quarter second: on NIO's thread pool, never on an event loop.
        let centre = centre
        let account: CentreAccount?
        do {
            account = try await NIOThreadPool.singleton.runIfActive { try centre.verify(email: email, password: password) }
        } catch {
            return try page(request, email: email, problem: "the centre's records did not answer; try again in a moment", status: .serviceUnavailable)
        }
        guard let account else {
            return try page(request, email: email, problem: "that e-mail address and password do not match an account", status: .unauthorized)
        }
        throttle.succeeded(key)
        let (token, _) = try centre.startSession(for: account)
        var response = Response.redirect(to: account.role == .seeker ? "/" : "/centre")
        if (try? centre.knowsDevice(token: device, email: email)) != true, let remembered = try? centre.rememberDevice(for: account) {
            response.setCookie(
                Cookie(
                    name: Self.deviceCookie, value: remembered, maxAge: Self.deviceDays * 86_400, path: "/sign-in", secure: Self.secure(request),
                    httpOnly: true, sameSite: .strict))
        }
        response.setCookie(
            Cookie(
                name: CentreGate<BasicRequestContext>.cookie, value: token, maxAge: Int(Centre.sessionLength), path: "/", secure: Self.secure(request),
                httpOnly: true, sameSite: .strict))
        response.setCookie(Cookie(name: Self.formCookie, value: "", maxAge: 0, path: "/sign-in", httpOnly: true, sameSite: .strict))
        return response
    }

    /// POST /sign-out
    func signOut(_ request: Request, context: some RequestContext) async throws -> Response {
        let token = request.cookies[CentreGate<BasicRequestContext>.cookie]?.value ?? ""
        if let (_, csrf, _) = try centre.session(token: token) {
            guard let form = try await Self.smallForm(request), Guard.same(form["csrf"] ?? "", csrf) else {
                throw WebError(.forbidden, "this form is stale or came from another site; reload the page and try again")
            }
            try centre.endSession(token: token)
        }
        var response = site.done("/sign-in", notice: "Signed out.")
        response.setCookie(
            Cookie(name: CentreGate<BasicRequestContext>.cookie, value: "", maxAge: 0, path: "/", secure: Self.secure(request), httpOnly: true, sameSite: .strict))
        return response
    }
}

extension SignInController {
    /// A sign-in or sign-out form: a few short fields. Nil when the body is larger than such a form can be.
    static func smallForm(_ request: Request) async throws -> FormData? {
        var request = request
        guard let buffer = try? await request.collectBody(upTo: 16 * 1024) else { return nil }
        return try FormData.parse(Array(buffer.readableBytesView), contentType: request.headers[.contentType])
    }
}

extension HTTPField.Name {
    static let xForwardedProto = Self("X-Forwarded-Proto")!
}
