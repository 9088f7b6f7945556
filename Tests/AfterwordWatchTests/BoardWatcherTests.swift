import AfterwordCore
import AfterwordTestSupport
import AfterwordWatch
import Foundation
import Testing

/// Real HTTP over loopback to a local board server, through the same client the tool uses.
@Suite(.serialized) struct BoardWatcherTests {
    static let limits = BoardWatcher.Limits(
        timeout: .seconds(60), backoff: .milliseconds(50), maxRetryAfter: .seconds(5))

    func request(_ server: TestBoardServer, _ key: Int64, _ provider: BoardProvider, _ token: String) -> BoardRequest {
        BoardRequest(
            key: key, provider: provider, base: server.base(provider.id), token: token)
    }

    func postings(_ answer: BoardAnswer?) -> [BoardPosting]? {
        if case .postings(let postings, _, _) = answer { return postings }
        return nil
    }

    func failure(_ answer: BoardAnswer?) -> WatchError? {
        if case .failed(let error) = answer { return error }
        return nil
    }

    @Test("each provider's documented JSON is read into postings with id, title, location and link")
    func providers() async throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        // Given a Greenhouse, a Lever and an Ashby board
        let answers = await BoardWatcher(limits: Self.limits).fetch([
            request(server, 1, .greenhouse, "acme"), request(server, 2, .lever, "globex"),
            request(server, 3, .ashby, "initech"),
        ])
        // Then each lists its openings in one shape
        #expect(
            postings(answers[1]) == [
                BoardPosting(
                    id: "4012001", title: "Staff Software Engineer, Platform", location: "Remote - US",
                    url: "https://boards.greenhouse.io/acme/jobs/4012001"),
                BoardPosting(
                    id: "4012002", title: "Product Designer", location: "New York, NY",
                    url: "https://boards.greenhouse.io/acme/jobs/4012002"),
            ])
        #expect(postings(answers[2])?.map(\.title) == ["Senior Backend Engineer", "Data Engineer"])
        #expect(postings(answers[2])?.last?.location == "Lisbon (Remote)")
        // An unlisted Ashby posting is not an opening
        #expect(postings(answers[3])?.map(\.title) == ["Engineering Manager", "Support Engineer"])
        #expect(postings(answers[3])?.first?.id == "8e1b0f43-4a2c-4b7e-9d1a-6f3c2e5d7a90")
        // And the boards were told who asks, and nothing about the user
        #expect(server.requests.count == 3)
        #expect(server.requests.allSatisfy { $0.contains("\t\(BoardWatcher.userAgent)\t") })
    }

    @Test("broken boards each get a one-line error while the good ones are read")
    func misbehaving() async throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        let tokens = ["acme", "down", "malformed", "html", "huge", "loop", "slow-300", "nosuchboard"]
        let requests = tokens.enumerated().map { request(server, Int64($0.offset), .greenhouse, $0.element) }
        // A cap of 256 KB refuses the 50 MB board after reading little of it, however busy the machine
        var limits = Self.limits
        limits.maxBytes = 1 << 18
        let answers = await BoardWatcher(limits: limits).fetch(requests)
        #expect(postings(answers[0])?.count == 2)
        #expect(failure(answers[1])?.code == .httpStatus)
        #expect(failure(answers[2])?.code == .notJSON)
        #expect(failure(answers[3])?.code == .notJSON)
        #expect(failure(answers[3])?.message.contains("web page") == true)
        #expect(failure(answers[4])?.code == .tooLarge)
        #expect(failure(answers[5])?.code == .redirects)
        #expect(postings(answers[6])?.count == 1)
        #expect(failure(answers[7])?.code == .notFound)
        for answer in answers.values {
            if let error = failure(answer) { #expect(!error.message.contains("\n")) }
        }
        // A 500 is retried with backoff before it is reported
        #expect(server.requests.filter { $0.hasPrefix("/greenhouse/down/") }.count == Self.limits.attempts)
    }

    @Test("a board slower than the timeout gets a timeout error")
    func slowBoard() async throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        var limits = Self.limits
        limits.timeout = .seconds(1)
        let answers = await BoardWatcher(limits: limits).fetch([request(server, 1, .greenhouse, "slow-8000")])
        #expect(failure(answers[1])?.code == .timeout)
    }

    @Test("a 429 is answered by waiting as Retry-After says, then reading the board")
    func rateLimited() async throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        let answers = await BoardWatcher(limits: Self.limits).fetch([request(server, 1, .greenhouse, "ratelimited")])
        #expect(postings(answers[1])?.count == 2)
        #expect(server.requests.count == 2)
    }

    @Test("a 503 that says Retry-After is tried again after it, and read")
    func unavailable() async throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        var limits = Self.limits
        limits.backoff = .seconds(60)  // only the board's Retry-After can make the second try come in time
        limits.maxRetryAfter = .seconds(5)
        let answers = await BoardWatcher(limits: limits).fetch([request(server, 1, .lever, "unavailable")])
        #expect(postings(answers[1])?.count == 1)
        #expect(server.requests.count == 2)
    }

    @Test("an unchanged board is asked with its ETag and answers 304")
    func conditional() async throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        let watcher = BoardWatcher(limits: Self.limits)
        let first = await watcher.fetch([request(server, 1, .lever, "globex")])
        guard case .postings(_, let etag, _) = first[1] else {
            Issue.record("the board was not read: \(String(describing: first[1]))")
            return
        }
        #expect(etag != nil)
        var again = request(server, 1, .lever, "globex")
        again.etag = etag
        let second = await watcher.fetch([again])
        #expect(second[1] == .unchanged)
        #expect(server.requests.last?.hasSuffix("\t\(etag ?? "")") == true)
    }

    @Test("a board that only says Last-Modified is asked with If-Modified-Since and answers 304")
    func lastModified() async throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        let watcher = BoardWatcher(limits: Self.limits)
        let first = await watcher.fetch([request(server, 1, .ashby, "initech")])
        guard case .postings(_, _, let lastModified) = first[1], let lastModified else {
            Issue.record("no Last-Modified: \(String(describing: first[1]))")
            return
        }
        var again = request(server, 1, .ashby, "initech")
        again.lastModified = lastModified
        #expect(await watcher.fetch([again])[1] == .unchanged)
    }

    @Test("a SmartRecruiters board is read page after page until every posting it lists is read")
    func paged() async throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        // Given a board of 230 postings, served 100 at a time
        let answers = await BoardWatcher(limits: Self.limits).fetch([
            request(server, 1, .smartRecruiters, "VandelayIndustries")
        ])
        // Then all 230 are read, in three requests, each asking the next offset
        let read = try #require(postings(answers[1]), "\(String(describing: answers[1]))")
        #expect(read.count == 230)
        #expect(Set(read.map(\.id)).count == 230)
        #expect(read.first?.url == "https://jobs.smartrecruiters.com/VandelayIndustries/744000050000000")
        #expect(read.first?.location == "Berlin, BE, Germany (Remote)")
        let asked = server.requests.map { $0.split(separator: "\t").first.map(String.init) ?? "" }
        #expect(
            asked == [0, 100, 200].map { "/smartrecruiters/VandelayIndustries/postings?limit=100&offset=\($0)" })
        // And a board read in pages keeps no validators: it is read in full next time
        if case .postings(_, let etag, let lastModified) = answers[1] { #expect(etag == nil && lastModified == nil) }
    }

    @Test("a page that fails fails the whole board, and nothing of it is kept")
    func failingPage() async throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        let answers = await BoardWatcher(limits: Self.limits).fetch([
            request(server, 1, .smartRecruiters, "VandelayIndustries-down-at-100")
        ])
        #expect(failure(answers[1])?.code == .httpStatus)
        #expect(postings(answers[1]) == nil)
        // The second page was tried as often as any failing answer, and the third never asked
        #expect(server.requests.filter { $0.contains("offset=100") }.count == Self.limits.attempts)
        #expect(!server.requests.contains { $0.contains("offset=200") })
    }

    @Test("a board with more pages than the bound is refused in one line, nothing of it kept")
    func pageBound() async throws {
        let server = try TestBoardServer()
        defer { server.stop() }
        var limits = Self.limits
        limits.maxPages = 2
        let answers = await BoardWatcher(limits: limits).fetch([
            request(server, 1, .smartRecruiters, "VandelayIndustries")
        ])
        #expect(failure(answers[1])?.code == .tooLarge)
        #expect(failure(answers[1])?.message.contains("more than 2 pages") == true)
        #expect(server.requests.count == 2)
    }
}
