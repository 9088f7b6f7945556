import AfterwordApp
import AfterwordCore
import AfterwordTestSupport
import Foundation
import Logging
import ServiceLifecycle
import Testing

@testable import AfterwordWeb

@Suite("web: what runs beside the server", .serialized)
struct WebServicesTests {
    struct StillRunning: Error {}

    /// How long a test lets a service group take to get somewhere. Far less than the services' own
    /// pauses (six hours), so a service that waited out its pause is caught; far more than a loaded
    /// machine needs, so that a slow run is not taken for a broken one.
    static let patience = Duration.seconds(600)

    /// Runs `services` in one group, as `serve` does; once `ready` holds, shuts the group down and waits for it to return.
    /// - Throws: ``StillRunning`` when the group has not returned within ``patience`` of the shutdown (a service waited out its pause).
    static func runThenShutDown(_ services: [any Service], until ready: @escaping @Sendable () -> Bool) async throws {
        let group = ServiceGroup(services: services, logger: Logger(label: "afterword.test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let clock = ContinuousClock()
            let deadline = clock.now + patience
            while !ready(), clock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
            await group.triggerGracefulShutdown()
            tasks.addTask {
                try await Task.sleep(for: patience)
                throw StillRunning()
            }
            try await tasks.next()
            tasks.cancelAll()
        }
    }

    @Test("the scheduled-send service sends what is due at once, then stops with the server's service group instead of waiting for its next round")
    func dueSenderStops() async throws {
        // Given a thank-you scheduled a minute after the fixture's clock, and a server running an hour later
        let mail = try TestMailServer()
        defer { mail.stop() }
        let fixture = try WebFixture()
        try Config(values: [
            "name": "Sam Seeker", "email": "sam@example.com", "smtp.host": "127.0.0.1", "smtp.port": String(mail.port), "smtp.security": "none",
        ]).save(to: fixture.home)
        try fixture.seedInterview()
        let draft = try #require(try fixture.workspace.composeDrafts(interviewId: 1).first?.draft)
        _ = try await fixture.workspace.send(draftId: draft.id ?? 0, timing: .at(WebFixture.now.addingTimeInterval(60)), anyway: true)
        let later = Workspace(home: fixture.home, clock: { WebFixture.now.addingTimeInterval(3600) })
        let store = try fixture.store

        // When the send-due service runs in a service group until the message left, and the group shuts down
        try await Self.runThenShutDown([DueSender(workspace: later, logger: Logger(label: "afterword.test"), every: .seconds(6 * 3600))]) {
            (try? store.ledger(forDraft: draft.id ?? 0).last?.state) == .sent
        }

        // Then it left exactly once, and the service returned without waiting out its six hours
        #expect(try store.ledger(forDraft: draft.id ?? 0).last?.state == .sent)
        #expect(mail.received.count == 1)
    }

    @Test("while serve runs, a thank-you that falls due is reminded of once, by e-mail here, with the page that composes it")
    func dueSenderReminds() async throws {
        let mail = try TestMailServer()
        defer { mail.stop() }
        let fixture = try WebFixture()
        try Config(values: [
            "name": "Sam Seeker", "email": "sam@example.com", "smtp.host": "127.0.0.1", "smtp.port": String(mail.port), "smtp.security": "none",
            "remind": "email",
        ]).save(to: fixture.home)
        try fixture.seedInterview()
        try await Self.runThenShutDown([DueSender(workspace: fixture.workspace, logger: Logger(label: "afterword.test"), every: .milliseconds(50))]) {
            mail.received.count >= 1
        }
        #expect(mail.received.count == 1)
        let text = try String(contentsOf: try #require(mail.received.first), encoding: .utf8)
        #expect(text.contains("Subject: Thank-you due: Dana Whitfield"), "\(text)")
        #expect(text.contains("compose the drafts on the interview's page: /interviews/1"), "\(text)")
    }

    @Test("the board poller stops with the server's service group while it waits for the next reading")
    func boardPollerStops() async throws {
        let fixture = try WebFixture()
        let clock = ContinuousClock()
        let started = clock.now
        try await Self.runThenShutDown([BoardPoller(workspace: fixture.workspace, every: .seconds(6 * 3600), logger: Logger(label: "afterword.test"))]) {
            clock.now - started > .milliseconds(300)
        }
    }

    @Test("a board added elsewhere while serve runs is read at the next look for unread boards, not at the next full reading; read boards are left alone")
    func boardPollerReadsNewBoards() async throws {
        // Given a board server, and Lever's board already read once
        let server = try TestBoardServer()
        defer { server.stop() }
        let fixture = try WebFixture()
        try Config(values: [
            "name": "Sam Seeker", "email": "sam@example.com", "watch.greenhouse": server.base("greenhouse"), "watch.lever": server.base("lever"),
        ]).save(to: fixture.home)
        _ = try fixture.workspace.watchBoard(company: "Globex", url: "https://jobs.lever.co/globex")
        let store = try fixture.store
        let clock = ContinuousClock()
        let started = clock.now

        // When the poller runs (a full reading every six hours, a look every 100 ms) and a board is added
        // from another process once its first reading is done
        let poller = BoardPoller(workspace: fixture.workspace, every: .seconds(6 * 3600), logger: Logger(label: "afterword.test"), look: .milliseconds(100))
        let added = LockedBox<Int64?>(nil)
        try await Self.runThenShutDown([poller]) {
            guard let boards = try? store.boards() else { return false }
            if added.value == nil {
                guard boards.first?.checkedAt != nil else { return false }
                let board = try? store.addBoard(WatchedBoard(company: "Acme", provider: .greenhouse, token: "acme", addedAt: WebFixture.now))
                added.value = board?.id
                return false
            }
            return boards.first { $0.id == added.value }?.checkedAt != nil
        }

        // Then the new board was read well, well before six hours, and Lever's board only once
        #expect(clock.now - started < .seconds(300))
        let acme = try #require(try store.boards().first { $0.company == "Acme" })
        #expect(acme.checkedAt != nil && acme.error == nil)
        #expect(try store.openPostingCounts()[acme.storedID] == 2)
        #expect(server.requests.filter { $0.contains("/lever/globex") }.count == 1, "\(server.requests)")
        #expect(server.requests.filter { $0.contains("/greenhouse/acme") }.count == 1, "\(server.requests)")
    }

    @Test("serve runs the scheduled sends and the board readings as its flags say")
    func servicesFollowTheFlags() throws {
        let fixture = try WebFixture()
        let all = try WebServer(workspace: fixture.workspace, options: .init(port: 0, watchEvery: .seconds(3600)))
        #expect(all.services(logger: Logger(label: "afterword.test")).count == 2)
        let none = try WebServer(workspace: fixture.workspace, options: .init(port: 0, sendsDue: false))
        #expect(none.services(logger: Logger(label: "afterword.test")).isEmpty)
    }
}

/// A value shared between a test and the closure it polls.
final class LockedBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
