import Foundation
import HTTPTypes
import Hummingbird

/// Who may talk to the server, and what the browser is told to allow.
///
/// - The Host header must name this server (a page on another site that resolves its own name
///   to 127.0.0.1, DNS rebinding, is refused).
/// - Every request needs the access token (once as `?token=` in the address `serve` prints, then an
///   HttpOnly cookie): another user of the machine reaches 127.0.0.1 too, but not the owner's terminal.
/// - Every state-changing request carries the CSRF token of this server's pages.
/// - Every response forbids inline script, framing and sniffing.
struct Guard: Sendable {
    /// Host names a browser may send in the Host header; nil for any (a career centre's server, behind its
    /// own name: its sessions' SameSite cookies already belong to that name alone).
    var allowedHosts: Set<String>?
    /// The secret every request carries; nil only in a router built without one.
    var accessToken: String?
    /// The token every form and script request carries; random per server start.
    var csrfToken: String
    /// The largest request body accepted, in bytes.
    var maxBodyBytes: Int

    /// The largest file an import takes, in bytes: far above any export or job list one person keeps.
    static let maxImportFileBytes = 16 << 20
    /// The largest body an import's form may send: the file carried forward from the preview in base64
    /// (a third larger), with the form's few fields around it.
    static let maxImportBodyBytes = maxImportFileBytes / 3 * 4 + (2 << 20)
    /// The addresses that take an export file or a job list.
    static let importPaths: Set<String> = ["/import", "/import/preview"]

    /// The largest request body `path` accepts, in bytes.
    func maxBodyBytes(for path: String) -> Int {
        Self.importPaths.contains(path) ? max(maxBodyBytes, Self.maxImportBodyBytes) : maxBodyBytes
    }

    /// What the user is told when a request to `path` is larger than it accepts.
    func tooLarge(for path: String) -> String {
        Self.importPaths.contains(path)
            ? "the file is larger than an import takes (at most \(Self.maxImportFileBytes >> 20) MB); split it into smaller files"
            : "the request is larger than \(maxBodyBytes(for: path) / 1024) KB; send less"
    }

    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// The host names a browser may use for a server bound to `host`: loopback names and the host given.
    /// (The port does not matter here: a rebinding page names its own host.)
    static func hosts(binding host: String) -> Set<String> {
        var names: Set<String> = ["127.0.0.1", "localhost", "[::1]"]
        if !["127.0.0.1", "::1", "localhost", "0.0.0.0", "::"].contains(host) {
            names.insert(host.contains(":") ? "[\(host)]" : host.lowercased())
        }
        return names
    }

    /// The host name of `host[:port]` (an IPv6 address keeps its brackets), lower-cased.
    static func name(of authority: Substring) -> String {
        let lower = authority.lowercased()
        if lower.hasPrefix("["), let close = lower.firstIndex(of: "]") { return String(lower[...close]) }
        return String(lower.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// True when two secrets are equal, compared in constant time.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Enforces ``Guard`` on every request and adds the security headers to every response.
struct GuardMiddleware<Context: RequestContext>: RouterMiddleware {
    let rules: Guard

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let host = Guard.name(of: Substring(request.head.authority ?? ""))
        if let allowed = rules.allowedHosts, !allowed.contains(host) {
            return Self.secured(Response.plain(.misdirectedRequest, "This server answers only to \(allowed.sorted().joined(separator: ", ")).\n"))
        }
        let path = request.uri.path
        if let length = request.headers[.contentLength].flatMap(Int.init), length > rules.maxBodyBytes(for: path) {
            let said = rules.tooLarge(for: path)
            return Self.secured(Response.plain(.contentTooLarge, said.prefix(1).uppercased() + said.dropFirst() + ".\n"))
        }
        if let token = rules.accessToken {
            if let given = request.uri.queryParameters["token"].map(String.init), Guard.same(given, token) {
                var response = Response.redirect(to: request.uri.path.isEmpty ? "/" : request.uri.path)
                response.setCookie(Cookie(name: "aw_token", value: token, path: "/", httpOnly: true, sameSite: .strict))
                return Self.secured(response)
            }
            guard let cookie = request.cookies["aw_token"]?.value, Guard.same(cookie, token) else {
                return Self.secured(
                    Response.plain(
                        .unauthorized,
                        "This Afterword belongs to the user who started it. Open the address `afterword serve` printed (it carries the access key).\n"))
            }
        }
        if request.method != .get, request.method != .head {
            if let origin = request.headers[.origin], origin != "null" {
                let originHost = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(Guard.name(of:))
                guard let originHost, rules.allowedHosts?.contains(originHost) ?? (originHost == host) else {
                    return Self.secured(Response.plain(.forbidden, "Refused: this form came from another site.\n"))
                }
            }
        }
        return Self.secured(try await next(request, context))
    }

    static func secured(_ response: Response) -> Response {
        var response = response
        response.headers[.contentSecurityPolicy] = Guard.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "no-referrer"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}

extension Response {
    /// A plain-text response.
    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// An HTML page.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// 303 See Other: after a form, the browser fetches the page anew.
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
