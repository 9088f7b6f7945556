import AfterwordApp
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore
import ServiceLifecycle

/// `afterword serve`: the local web UI over the same workspace as the CLI.
public struct WebServer: Sendable {
    /// How the server listens and whom it lets in.
    public struct Options: Sendable {
        /// 127.0.0.1 unless the user chooses otherwise (then the user's own access token is required).
        public var host: String
        /// 0 picks a free port.
        public var port: Int
        /// The secret every request needs (once in the printed address, then as a cookie): given by the user,
        /// and required, when `host` is not loopback; otherwise made afresh at each start, so that another
        /// user of this machine, who cannot read the owner's terminal, gets nothing from 127.0.0.1.
        public var accessToken: String?
        /// The largest request body accepted, in bytes (a card photo fits; a flood does not).
        public var maxBodyBytes: Int
        /// Send scheduled thank-yous when their time comes, while the server runs.
        public var sendsDue: Bool
        /// How often the watched job boards are read while the server runs; nil never.
        public var watchEvery: Duration?
        /// The program and version an export file records as its writer ("afterword 0.3.0").
        public var program: String

        public init(
            host: String = "127.0.0.1", port: Int = 7878, accessToken: String? = nil, maxBodyBytes: Int = 8 << 20, sendsDue: Bool = true,
            watchEvery: Duration? = nil, program: String = "afterword"
        ) {
            self.host = host
            self.port = port
            self.accessToken = accessToken
            self.maxBodyBytes = maxBodyBytes
            self.sendsDue = sendsDue
            self.watchEvery = watchEvery
            self.program = program
        }

        /// True for an address only this machine can reach.
        public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }
    }

    public let workspace: Workspace
    public let options: Options
    /// The career centre this server is the door of (`serve --centre`): sign-in, each seeker's own records,
    /// the coaches' pages; nil for one user's own Afterword.
    public let centre: Centre?
    let csrfToken: String
    /// Where the server listens, once it does (the port may be chosen by the system).
    let address = NIOLockedValueBox<String?>(nil)

    /// - Throws: ``UserError`` when the server would be reachable from the network without an access token.
    public init(workspace: Workspace, options: Options, centre: Centre? = nil) throws {
        try self.init(workspace: workspace, options: options, csrfToken: Centre.randomToken(), centre: centre)
    }

    init(workspace: Workspace, options: Options, csrfToken: String, centre: Centre? = nil) throws {
        self.centre = centre
        if let centre {
            // Everyone signs in: no access token, no server-wide session; nothing sent or read on a timer.
            self.workspace = workspace
            var options = options
            options.accessToken = nil
            options.sendsDue = false
            options.watchEvery = nil
            self.options = options
            self.csrfToken = csrfToken
            try centre.upgrade()
            return
        }
        if !options.isLoopback, (options.accessToken ?? "").count < 16 {
            throw UserError(
                "--host \(options.host) makes Afterword reachable from the network; give an access token of at least 16 characters with --token (or $AFTERWORD_TOKEN)")
        }
        self.workspace = try workspace.keepingStoreOpen()
        var options = options
        if options.accessToken == nil { options.accessToken = Centre.randomToken() }
        self.options = options
        self.csrfToken = csrfToken
    }

    /// The router with every page, behind the security middleware.
    /// - Throws: ``UserError`` when a template or a static file is missing from the build: the server does not start without them.
    public func router() throws -> Router<BasicRequestContext> {
        let rules = Guard(
            allowedHosts: centre == nil ? Guard.hosts(binding: options.host) : nil, accessToken: options.accessToken,
            csrfToken: csrfToken, maxBodyBytes: options.maxBodyBytes)
        let site = Site(workspace: workspace, views: try Views(), rules: rules, centre: centre)
        let assets = try Assets()
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: GuardMiddleware(rules: rules))
        if let centre { router.add(middleware: CentreGate(centre: centre, seats: Seats())) }
        router.add(middleware: ProblemMiddleware(site: site))
        Self.routes(router, site: site, assets: assets, program: options.program)
        if let centre { Self.centreRoutes(router, site: site, centre: centre) }
        return router
    }

    /// A career centre's own routes: signing in and out, the coaches' pages, a seeker's review and audit trail.
    static func centreRoutes(_ router: Router<BasicRequestContext>, site: Site, centre: Centre) {
        let signIn = SignInController(site: site, centre: centre)
        let pages = CentreController(site: site, centre: centre)
        router.get("/sign-in", use: signIn.show)
        router.post("/sign-in", use: signIn.signIn)
        router.post("/sign-out", use: signIn.signOut)
        router.get("/centre", use: pages.cohort)
        router.get("/centre/cohort.csv", use: pages.cohortCSV)
        router.get("/centre/accounts", use: pages.accounts)
        router.get("/centre/seekers/:id", use: pages.seeker)
        router.get("/centre/seekers/:id/drafts/:draft", use: pages.review)
        router.post("/centre/seekers/:id/drafts/:draft/approve", use: pages.approve)
        router.post("/centre/seekers/:id/drafts/:draft/return", use: pages.returnDraft)
        router.get("/seen", use: pages.seen)
        router.post("/drafts/:id/review", use: pages.requestReview)
    }

    /// Every route, in one place.
    static func routes(_ router: Router<BasicRequestContext>, site: Site, assets: Assets, program: String) {
        let today = TodayController(site: site)
        let interviews = InterviewController(site: site)
        let drafts = DraftController(site: site)
        let people = PeopleController(site: site)
        let settings = SettingsController(site: site)
        let check = CheckController(site: site)
        let openings = OpeningsController(site: site)
        let move = MoveController(site: site, program: program)
        router.get("/", use: today.today)
        router.get("/interviews", use: interviews.list)
        router.post("/interviews", use: interviews.create)
        router.post("/interviews/import", use: interviews.importInvite)
        router.get("/interviews/:id", use: interviews.show)
        router.get("/interviews/:id/reminder.ics", use: interviews.reminder)
        router.post("/interviews/:id", use: interviews.update)
        router.post("/interviews/:id/interviewers", use: interviews.addInterviewer)
        router.post("/interviews/:id/cards", use: interviews.readCard)
        router.post("/interviews/:id/compose", use: interviews.compose)
        router.post("/interviews/:id/topics", use: interviews.topic)
        router.post("/interviews/:id/remove", use: interviews.remove)
        router.get("/drafts/:id", use: drafts.show)
        router.post("/drafts/:id", use: drafts.save)
        router.post("/drafts/:id/check", use: drafts.check)
        router.post("/drafts/:id/recompose", use: drafts.recompose)
        router.post("/drafts/:id/send", use: drafts.send)
        router.post("/drafts/:id/eml", use: drafts.eml)
        router.post("/drafts/:id/pdf", use: drafts.pdf)
        router.post("/drafts/:id/mailed", use: drafts.mailed)
        router.post("/drafts/:id/resolve", use: drafts.resolve)
        router.post("/drafts/:id/look-in-sent", use: drafts.lookInSent)
        router.post("/drafts/:id/sent-elsewhere", use: drafts.sentElsewhere)
        router.get("/people", use: people.list)
        router.get("/people/contacts.vcf", use: people.contacts)
        router.get("/interviewers/:id", use: people.show)
        router.post("/interviewers/:id/remove", use: people.remove)
        router.post("/settings/test", use: settings.testMail)
        router.post("/settings/password", use: settings.password)
        router.post("/interviewers/:id", use: people.update)
        router.get("/openings", use: openings.list)
        router.post("/openings/:id/reconnect", use: openings.reconnect)
        router.post("/openings/boards", use: openings.addBoard)
        router.post("/openings/boards/check", use: openings.checkBoards)
        router.post("/openings/boards/:id/remove", use: openings.removeBoard)
        router.get("/check", use: check.show)
        router.post("/check", use: check.check)
        router.post("/check/live", use: check.live)
        router.get("/settings", use: settings.show)
        router.post("/settings", use: settings.update)
        router.get("/export", use: move.export)
        router.get("/import", use: move.show)
        router.post("/import/preview", use: move.preview)
        router.post("/import", use: move.importFile)
        for file in assets.files {
            router.get("/static/\(file.name)") { _, _ in Assets.response(file) }
        }
    }

    /// How long a connection may stay silent, mid-request or between requests.
    static let idleSeconds: Int64 = 15
    /// Connections served at once. A browser opens six at most; the rest is room, so that a few hundred
    /// sockets left open and silent by another program do not keep the owner's browser waiting.
    static let maximumConnections = 512

    /// Serves until Ctrl-C (SIGINT) or SIGTERM, then shuts down cleanly.
    /// - Parameter running: told the address once the server listens.
    public func run(running: @escaping @Sendable (String) -> Void) async throws {
        var logger = Logger(label: "afterword.web")
        logger.logLevel = .warning
        let port = options.port
        let host = options.host
        let token = options.accessToken
        // A connection that sends nothing for `idleSeconds` is closed (a half-sent request included),
        // and past `maximumConnections` new ones wait in the backlog: idle sockets cannot exhaust
        // the file descriptors or make the accept loop spin.
        let app = Application(
            router: try router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(Self.idleSeconds))),
            configuration: .init(
                address: .hostname(host, port: port), serverName: "Afterword",
                availableConnectionsDelegate: .maximum(Self.maximumConnections, logger: logger)),
            services: services(logger: logger),
            onServerRunning: { channel in
                let shown = host.contains(":") ? "[\(host)]" : host
                address.withLockedValue { $0 = "http://\(shown):\(channel.localAddress?.port ?? port)" }
                running("http://\(shown):\(channel.localAddress?.port ?? port)/" + (token.map { "?token=\($0)" } ?? ""))
            },
            logger: logger)
        do {
            // One service group: the server, the scheduled sends and the board readings start together, and
            // Ctrl-C (SIGINT) or SIGTERM stops the server first, then lets a send under way finish.
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw UserError("port \(port) on \(host) is already in use (another afterword serve?); choose another with --port, or --port 0 for a free one")
        } catch let error as IOError where error.errnoCode == EACCES {
            throw UserError("not allowed to listen on port \(port); choose one above 1023 with --port")
        } catch let error as IOError where error.errnoCode == EADDRNOTAVAIL {
            throw UserError("\(host) is not an address of this machine; give one of its addresses with --host")
        }
    }

    /// What runs beside the server: the scheduled sends (unless `--no-send-due`) and the board readings (when watching).
    func services(logger: Logger) -> [any Service] {
        var services: [any Service] = []
        if options.sendsDue { services.append(DueSender(workspace: workspace, logger: logger, address: address)) }
        if let every = options.watchEvery { services.append(BoardPoller(workspace: workspace, every: every, logger: logger)) }
        return services
    }
}

/// Turns what went wrong into a page: the user's mistakes as one clear sentence, never a stack trace.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Whatever a form did (or failed to do), the dashboard is drawn afresh after it.
        defer { if request.method != .get, request.method != .head { site.today.clear() } }
        do {
            return try await next(request, context)
        } catch let error as WebError {
            return try problem(request, status: error.status, message: error.message)
        } catch let error as UserError {
            return try problem(request, status: error.isNotFound ? .notFound : .unprocessableContent, message: error.webMessage)
        } catch let error as HTTPError where error.status == .notFound {
            return try problem(request, status: .notFound, message: "there is no such page; start again from Today")
        } catch let error as HTTPError {
            return try problem(request, status: error.status, message: error.body ?? "the request could not be served")
        } catch let error where UserError.explaining(error) != nil {
            // The database's own trouble (busy, damaged, read-only) in one line of advice.
            return try problem(request, status: .serviceUnavailable, message: UserError.explaining(error)?.webMessage ?? "")
        } catch {
            context.logger.error("request failed: \(String(describing: type(of: error)))")
            return try problem(request, status: .internalServerError, message: "something went wrong on our side; nothing was changed")
        }
    }

    private func problem(_ request: Request, status: HTTPResponse.Status, message: String) throws -> Response {
        if request.headers[.accept]?.contains("application/json") == true {
            let body = try JSONEncoder().encode(["error": message])
            return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        return try site.page(ProblemPage(heading: "Not done", back: "/"), title: "Not done", tab: nil, request: request, error: message, status: status)
    }
}
