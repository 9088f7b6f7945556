import AfterwordCore
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// One board to read: which, where its provider's API is, and what its last answer said, for a
/// conditional request.
public struct BoardRequest: Sendable, Equatable {
    /// The caller's key for the board (its id in the store).
    public var key: Int64
    public var provider: BoardProvider
    /// The provider's API base (the `watch.<provider>` setting, else its public one).
    public var base: String
    /// The board's name at the provider.
    public var token: String
    /// The `ETag` of the last full answer, sent back as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` of the last full answer, sent back as `If-Modified-Since`.
    public var lastModified: String?

    public init(
        key: Int64, provider: BoardProvider, base: String, token: String, etag: String? = nil,
        lastModified: String? = nil
    ) {
        self.key = key
        self.provider = provider
        self.base = base
        self.token = token
        self.etag = etag
        self.lastModified = lastModified
    }

    /// The address of the board's first page, as its provider builds it.
    public var url: String { provider.apiURL(base: base, token: token) }
}

/// What one board answered.
public enum BoardAnswer: Sendable, Equatable {
    /// `304 Not Modified`: nothing changed since the last answer.
    case unchanged
    /// Every posting the board lists now, with the validators for the next request.
    case postings([BoardPosting], etag: String?, lastModified: String?)
    /// The board could not be read; nothing from it may be stored.
    case failed(WatchError)
}

/// Reads many public job boards at once over HTTP, politely and within bounds.
///
/// Only the boards' public APIs are asked, with a descriptive User-Agent and nothing about the user.
/// Each board's failure is its own: a slow, broken or huge board never stops the others.
public struct BoardWatcher: Sendable {
    /// The bounds every read stays within.
    public struct Limits: Sendable {
        /// Boards read at the same time (and connections per host).
        public var concurrency: Int
        /// The largest answer read, in bytes (each page's, for a board read in pages); a larger one is an
        /// error for that board.
        public var maxBytes: Int
        /// How long one request may take, from connecting to the last byte.
        public var timeout: Duration
        /// Redirects followed before giving up (a loop ends here too).
        public var maxRedirects: Int
        /// Tries for an answer of 429 or 5xx.
        public var attempts: Int
        /// Pages read of one board that answers in pages; a board with more is an error, and nothing of it is stored.
        public var maxPages: Int
        /// The pause before the first retry after a 5xx, doubled each time.
        public var backoff: Duration
        /// The longest `Retry-After` honoured; a board asking for longer is tried again at the next check.
        public var maxRetryAfter: Duration

        public init(
            concurrency: Int = 64, maxBytes: Int = 10 << 20, timeout: Duration = .seconds(20), maxRedirects: Int = 5,
            maxPages: Int = 50, attempts: Int = 3, backoff: Duration = .seconds(1),
            maxRetryAfter: Duration = .seconds(30)
        ) {
            self.concurrency = max(1, concurrency)
            self.maxBytes = maxBytes
            self.timeout = timeout
            self.maxRedirects = maxRedirects
            self.maxPages = max(1, maxPages)
            self.attempts = max(1, attempts)
            self.backoff = backoff
            self.maxRetryAfter = maxRetryAfter
        }
    }

    /// Who is asking, said plainly to the boards (no user data).
    public static let userAgent = "Afterword/0.1 (personal job-board watcher; reads public job board APIs only)"

    public let limits: Limits

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Reads every board, at most `limits.concurrency` at a time.
    /// - Parameter progress: told each board's answer as it arrives, one at a time, on the caller's task.
    /// - Returns: each board's answer by its key.
    public func fetch(
        _ requests: [BoardRequest], progress: (BoardRequest, BoardAnswer) -> Void = { _, _ in }
    ) async -> [Int64: BoardAnswer] {
        guard !requests.isEmpty else { return [:] }
        var configuration = HTTPClient.Configuration(
            // Redirects are followed by hand (``readOnce``), only to the board's own host or the provider's.
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10), read: Self.amount(limits.timeout)))
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = limits.concurrency
        configuration.httpVersion = .http1Only
        // Its own event loop: a busy web server (or anything else on NIO's shared loops in this process)
        // does not slow the boards down, nor the boards it.
        let loops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let client = HTTPClient(eventLoopGroupProvider: .shared(loops), configuration: configuration)
        var answers: [Int64: BoardAnswer] = [:]
        await withTaskGroup(of: (BoardRequest, BoardAnswer).self) { group in
            var pending = requests[...]
            func startNext() {
                guard let request = pending.popFirst() else { return }
                group.addTask { (request, await self.read(request, client: client)) }
            }
            for _ in 0..<min(limits.concurrency, requests.count) { startNext() }
            while let (request, answer) = await group.next() {
                // The next board is asked before this answer is handled, so that storing it overlaps the wait.
                startNext()
                answers[request.key] = answer
                progress(request, answer)
            }
        }
        try? await client.shutdown()
        try? await loops.shutdownGracefully()
        return answers
    }

    /// One board, page after page as its provider says, the whole board failing when any page fails.
    ///
    /// Conditional requests apply to the first page only, and validators are kept only for a board whose
    /// whole list came in one answer: a board read in several pages is read in full every time, since an
    /// unchanged first page says nothing of the others.
    func read(_ board: BoardRequest, client: HTTPClient) async -> BoardAnswer {
        var address = board.url
        var postings: [BoardPosting] = []
        var seen = Set<String>()
        do {
            for number in 1...limits.maxPages {
                let first = number == 1
                guard let answer = try await readPage(address, board: board, conditional: first, client: client) else {
                    return .unchanged
                }
                let page = try board.provider.page(answer.body, address: address)
                // Offsets may shift while a board is read: a posting listed on two pages is one posting.
                for posting in page.postings where postings.count < BoardDecoder.maximumPostings {
                    if seen.insert(posting.id).inserted { postings.append(posting) }
                }
                guard let next = page.next, postings.count < BoardDecoder.maximumPostings else {
                    return .postings(
                        postings, etag: first ? answer.etag : nil, lastModified: first ? answer.lastModified : nil)
                }
                guard
                    let allowed = Self.allowedRedirect(
                        from: address, to: next, board: board.url, provider: board.provider)
                else {
                    throw WatchError(
                        code: .httpStatus,
                        message:
                            "the board's next page is on another site (\(String(next.prefix(80)))), which Afterword does not read; check the board's address"
                    )
                }
                address = allowed
            }
            throw WatchError(
                code: .tooLarge,
                message:
                    "the board lists more than \(limits.maxPages) pages of postings, far more than any job board; it was not read"
            )
        } catch let error as WatchError {
            return .failed(error)
        } catch {
            return .failed(Self.describe(error))
        }
    }

    /// One page's answer: its bytes and validators.
    struct PageAnswer {
        var body: Data
        var etag: String?
        var lastModified: String?
    }

    /// One page, with retries for 429 and 5xx; nil when the board answered 304 Not Modified.
    func readPage(_ address: String, board: BoardRequest, conditional: Bool, client: HTTPClient) async throws
        -> PageAnswer?
    {
        var delay = limits.backoff
        for attempt in 1...limits.attempts {
            let last = attempt == limits.attempts
            do {
                return try await readOnce(address, board: board, conditional: conditional, client: client)
            } catch let retry as Retry {
                guard !last else { throw retry.error }
                let wait = retry.after ?? delay
                guard wait <= limits.maxRetryAfter else { throw retry.error }
                delay = delay * 2
                do { try await Task.sleep(for: wait) } catch { throw retry.error }
            }
        }
        throw WatchError(code: .network, message: "the board could not be read")
    }

    /// Where a redirect from `current` to `location` leads, when it may be followed: to the board's own
    /// host (as it was asked), or over https to the provider's own hosts; nil otherwise.
    static func allowedRedirect(from current: String, to location: String, board: String, provider: BoardProvider)
        -> String?
    {
        guard let base = URL(string: current), let target = URL(string: location, relativeTo: base)?.absoluteURL,
            let host = target.host?.lowercased(), let scheme = target.scheme?.lowercased(),
            ["http", "https"].contains(scheme)
        else { return nil }
        let boardURL = URL(string: board)
        if host == boardURL?.host?.lowercased(), scheme == boardURL?.scheme?.lowercased() || scheme == "https" {
            return target.absoluteString
        }
        guard scheme == "https", provider.ownDomains.contains(where: { host == $0 || host.hasSuffix("." + $0) }) else {
            return nil
        }
        return target.absoluteString
    }

    /// A 429 or 5xx: worth asking again, after `after` when the board said so.
    struct Retry: Error {
        var error: WatchError
        var after: Duration?
    }

    private func readOnce(_ page: String, board: BoardRequest, conditional: Bool, client: HTTPClient) async throws
        -> PageAnswer?
    {
        let deadline = ContinuousClock.now + limits.timeout
        var address = page
        var response: HTTPClientResponse
        var redirects = 0
        while true {
            var request = HTTPClientRequest(url: address)
            request.headers.add(name: "User-Agent", value: Self.userAgent)
            request.headers.add(name: "Accept", value: "application/json")
            if conditional, let etag = board.etag { request.headers.add(name: "If-None-Match", value: etag) }
            if conditional, let lastModified = board.lastModified {
                request.headers.add(name: "If-Modified-Since", value: lastModified)
            }
            response = try await client.execute(request, timeout: Self.amount(limits.timeout))
            guard [301, 302, 303, 307, 308].contains(response.status.code),
                let location = response.headers.first(name: "Location")
            else { break }
            redirects += 1
            guard redirects <= limits.maxRedirects else {
                throw WatchError(
                    code: .redirects, message: "the board redirects in a loop or too often; check its address")
            }
            guard
                let next = Self.allowedRedirect(from: address, to: location, board: board.url, provider: board.provider)
            else {
                throw WatchError(
                    code: .httpStatus,
                    message:
                        "the board sent Afterword to another site (\(String(location.prefix(80)))), which it does not follow; check the board's address"
                )
            }
            address = next
        }
        let status = response.status.code
        switch status {
        case 200..<300:
            break
        case 304 where conditional:
            return nil
        case 429:
            let after = Self.retryAfter(response.headers.first(name: "Retry-After"))
            throw Retry(
                error: WatchError(
                    code: .rateLimited,
                    message: "the board asked to wait (429 Too Many Requests); it is tried again at the next check"),
                after: after)
        case 500..<600:
            throw Retry(
                error: WatchError(
                    code: .httpStatus,
                    message:
                        "the board's server failed (HTTP \(status)) after \(limits.attempts) tries; it is tried again at the next check"
                ),
                // A 503 may say when to come back; otherwise the backoff decides.
                after: Self.retryAfter(response.headers.first(name: "Retry-After")))
        case 404, 410:
            throw WatchError(
                code: .notFound,
                message:
                    "the board does not exist (HTTP \(status)); check its address on the company's careers page and add the right one"
            )
        default:
            throw WatchError(code: .httpStatus, message: "the board answered HTTP \(status); check its address")
        }
        if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > limits.maxBytes {
            throw tooLarge()
        }
        var body = ByteBuffer()
        for try await var chunk in response.body {
            guard body.readableBytes + chunk.readableBytes <= limits.maxBytes else { throw tooLarge() }
            // A board that trickles its answer is as slow as one that never answers.
            guard ContinuousClock.now < deadline else { throw HTTPClientError.deadlineExceeded }
            body.writeBuffer(&chunk)
        }
        return PageAnswer(
            body: body.withUnsafeReadableBytes { Data($0) }, etag: response.headers.first(name: "ETag"),
            lastModified: response.headers.first(name: "Last-Modified"))
    }

    private func tooLarge() -> WatchError {
        WatchError(
            code: .tooLarge,
            message:
                "the board's answer is larger than \(limits.maxBytes >> 20) MB, far more than any job board lists; it was not read"
        )
    }

    /// A `Duration` as NIO's `TimeAmount`.
    static func amount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    /// `Retry-After` as seconds or an HTTP date.
    static func retryAfter(_ value: String?) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return .seconds(max(0, seconds)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .seconds(max(0, Int(date.timeIntervalSinceNow.rounded(.up))))
    }

    /// An error's own words on one line.
    static func oneLine(_ error: any Error) -> String {
        String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// A transport failure in one line.
    static func describe(_ error: any Error) -> WatchError {
        if let error = error as? HTTPClientError {
            if [.redirectCycleDetected, .redirectLimitReached].contains(error) {
                return WatchError(
                    code: .redirects, message: "the board redirects in a loop or too often; check its address")
            }
            if [.readTimeout, .deadlineExceeded, .connectTimeout, .getConnectionFromPoolTimeout].contains(error) {
                return WatchError(
                    code: .timeout, message: "the board did not answer in time; it is tried again at the next check")
            }
            if [.invalidURL, .emptyHost, .emptyScheme].contains(error) {
                return WatchError(
                    code: .unknownBoard, message: "the board's address is not a valid URL; check the watch.* settings")
            }
            return WatchError(
                code: .network,
                message: "the board could not be read (\(oneLine(error))); it is tried again at the next check")
        }
        if error is CancellationError {
            return WatchError(code: .timeout, message: "stopped before the board answered")
        }
        return WatchError(
            code: .network, message: "the board could not be reached (\(oneLine(error))); check your connection")
    }
}
