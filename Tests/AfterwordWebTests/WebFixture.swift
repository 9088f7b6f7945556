import AfterwordApp
import AfterwordCore
import AfterwordStore
import AfterwordWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A workspace in a temporary directory, on a fixed clock, served by the real router in memory.
struct WebFixture {
    let home: URL
    let workspace: Workspace
    /// 2026-11-26T21:00:00Z; the seeded interview started seven hours earlier.
    static let now = Date(timeIntervalSince1970: 1_795_726_800)

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        workspace = Workspace(home: home, clock: { WebFixture.now })
        try Config(values: ["name": "Sam Seeker", "email": "sam@example.com"]).save(to: home)
    }

    /// The data directory's store, opened beside the server's as another process would.
    var store: AppDatabase { get throws { try AppDatabase.open(path: home.appendingPathComponent("afterword.sqlite").path) } }

    /// An interview at Acme with Dana (e-mail) on the panel.
    @discardableResult
    func seedInterview(company: String = "Acme", interviewers: [Interviewer]? = nil) throws -> InterviewDetail {
        let store = try self.store
        let interview = try store.recordInterview(
            Interview(
                company: company, role: "Backend Engineer", startsAt: WebFixture.now.addingTimeInterval(-7 * 3600), timeZone: "America/New_York",
                notes: "We discussed the billing migration to event sourcing", createdAt: WebFixture.now))
        let people = interviewers ?? [Interviewer(name: "Dana Whitfield", company: company, email: "dana@acme.com", createdAt: WebFixture.now)]
        _ = try store.importInterviewers(people, toInterview: interview.id)
        return try store.interview(id: interview.id ?? 0)
    }

    /// Runs `body` against the application, on the router test framework.
    /// The access key the tests' server is started with, as the owner's browser has it after the printed link.
    static let accessToken = "owner-of-this-afterword-0123456789"

    /// Runs `body` against the application, on the router test framework; the client is the owner's browser
    /// (it carries the access key) unless `options` names a key of its own.
    func test(options: WebServer.Options = .init(port: 7878), _ body: @escaping @Sendable (WebClient) async throws -> Void) async throws {
        var options = options
        let owner = options.accessToken == nil
        if owner { options.accessToken = Self.accessToken }
        let server = try WebServer(workspace: workspace, options: options)
        let app = Application(router: try server.router())
        try await app.test(.router) { client in
            try await body(WebClient(client: client, accessToken: owner ? Self.accessToken : nil))
        }
    }
}

/// A page as the test sees it.
struct Page: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String

    /// The CSRF token the page's forms carry.
    var csrf: String? {
        guard let range = body.range(of: #"name="csrf" content="([0-9a-f]+)""#, options: .regularExpression) else { return nil }
        return String(body[range].dropFirst(#"name="csrf" content=""#.count).dropLast())
    }
}

/// Requests as a browser would send them.
struct WebClient: Sendable {
    let client: any TestClientProtocol
    /// The owner's access key, sent with every request as the browser's cookie; nil for a stranger.
    var accessToken: String? = WebFixture.accessToken

    /// The headers with the owner's cookie added.
    func owned(_ headers: HTTPFields) -> HTTPFields {
        guard let accessToken else { return headers }
        var headers = headers
        headers[.cookie] = (headers[.cookie].map { $0 + "; " } ?? "") + "aw_token=\(accessToken)"
        return headers
    }

    func get(_ path: String, headers: HTTPFields = [:]) async throws -> Page {
        try await client.execute(uri: path, method: .get, headers: owned(headers)) { response in
            Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    /// Posts a form with the CSRF token of the Today page unless `csrf` says otherwise.
    func post(_ path: String, _ fields: [(String, String)], csrf: String? = nil, headers: HTTPFields = [:]) async throws -> Page {
        let token: String
        if let csrf {
            token = csrf
        } else {
            token = try await get("/").csrf ?? ""
        }
        let encoded = ([("csrf", token)] + fields).map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(path, body: ByteBuffer(string: encoded), headers: headers)
    }

    /// Posts a file the way a browser uploads it.
    func upload(_ path: String, file: String, name: String, type: String, fields: [(String, String)] = []) async throws -> Page {
        try await upload(path, bytes: Array(file.utf8), name: name, type: type, fields: fields)
    }

    func upload(_ path: String, bytes: [UInt8], name: String, type: String, fields: [(String, String)] = []) async throws -> Page {
        let token = try await get("/").csrf ?? ""
        let boundary = "----AfterwordTest\(UUID().uuidString)"
        var body = ByteBuffer()
        for (key, value) in [("csrf", token)] + fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: \(type)\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        return try await send(path, body: body, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"])
    }

    func send(_ path: String, body: ByteBuffer, headers: HTTPFields) async throws -> Page {
        try await client.execute(uri: path, method: .post, headers: owned(headers), body: body) { response in
            Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
