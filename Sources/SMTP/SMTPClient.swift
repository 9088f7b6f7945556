import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// An SMTP client on SwiftNIO: EHLO (HELO fallback), STARTTLS or implicit TLS, AUTH PLAIN/LOGIN,
/// PIPELINING, SIZE, SMTPUTF8, dot-stuffing, a timeout per stage, and several messages per connection.
public actor SMTPClient {
    private let channel: Channel
    private let settings: SMTPSettings
    private var extensions: [String: [String]] = [:]
    /// Why the connection failed, when it did: said instead of a bare "the connection is closed".
    private let failure: NIOLockedValueBox<SMTPError?>

    /// The client runs on its connection's event loop: a reply resumes it without a thread hop.
    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        channel.eventLoop.executor.asUnownedSerialExecutor()
    }

    private init(channel: Channel, settings: SMTPSettings, failure: NIOLockedValueBox<SMTPError?>) {
        self.channel = channel
        self.settings = settings
        self.failure = failure
    }

    /// Connects, reads the greeting, says EHLO, secures the connection and logs in as configured.
    public static func connect(
        _ settings: SMTPSettings, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> SMTPClient {
        let tls: NIOSSLContext?
        do {
            tls = settings.security == .none ? nil : try makeTLSContext(settings)
        } catch {
            throw SMTPError(kind: .tls, stage: "TLS setup", detail: "\(error)")
        }
        let implicit = settings.security == .tls ? tls : nil
        let host = settings.host
        let failure = NIOLockedValueBox<SMTPError?>(nil)
        let channel: Channel
        do {
            // On the loop this task already runs on, when it is one of the group's: no thread hop per reply.
            channel = try await ClientBootstrap(group: group.any())
                .connectTimeout(settings.timeouts.connect)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let implicit {
                            try channel.pipeline.syncOperations.addHandler(
                                try NIOSSLClientHandler(context: implicit, serverHostname: serverName(host)))
                        }
                        try channel.pipeline.syncOperations.addHandler(SMTPClientHandler(failure: failure))
                    }
                }
                .connect(host: settings.host, port: settings.port).get()
        } catch {
            throw SMTPError(kind: .connection, stage: "connect", detail: "cannot reach \(settings.host):\(settings.port) (\(error))")
        }
        let client = SMTPClient(channel: channel, settings: settings, failure: failure)
        do {
            try await client.open(tls: tls)
        } catch {
            try? await channel.close()
            throw error
        }
        return client
    }

    private func open(tls: NIOSSLContext?) async throws {
        let greeting = try await exchange(nil, stage: "greeting", timeout: settings.timeouts.greeting)
        try expect(greeting, 220, stage: "greeting")
        try await hello()
        if settings.security == .startTLS, let tls {
            guard extensions["STARTTLS"] != nil else {
                throw SMTPError(
                    kind: .tls, stage: "STARTTLS",
                    detail: "the server does not offer STARTTLS; use smtp.security tls (port 465) or another server")
            }
            // The handler turns the connection to TLS as it reads the 220, before reading anything after it.
            let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
            var buffer = channel.allocator.buffer(capacity: 10)
            buffer.writeString("STARTTLS\r\n")
            channel.writeAndFlush(
                SMTPOutbound.startTLS(buffer, promise, tls, serverHostname: serverName(settings.host)), promise: failing(promise))
            try expect(try await wait(promise.futureResult, stage: "STARTTLS", timeout: settings.timeouts.command), 220, stage: "STARTTLS")
            try await hello()
        }
        if let username = settings.username {
            try await authenticate(username: username, password: settings.password ?? "")
        }
    }

    private func hello() async throws {
        let reply = try await exchange("EHLO \(settings.heloName)", stage: "EHLO")
        if reply.code == 250 {
            extensions = reply.extensions
            return
        }
        guard reply.isPermanent else { try expect(reply, 250, stage: "EHLO") ; return }
        try expect(try await exchange("HELO \(settings.heloName)", stage: "HELO"), 250, stage: "HELO")
        extensions = [:]
    }

    private func authenticate(username: String, password: String) async throws {
        let mechanisms = Set((extensions["AUTH"] ?? []).map { $0.uppercased() })
        if mechanisms.contains("PLAIN") {
            let token = Base64.encode(Array("\u{0}\(username)\u{0}\(password)".utf8))
            try expect(try await exchange("AUTH PLAIN \(token)", stage: "AUTH", secrets: [token, password]), 235, stage: "AUTH")
        } else if mechanisms.contains("LOGIN") {
            try expect(try await exchange("AUTH LOGIN", stage: "AUTH"), 334, stage: "AUTH")
            try expect(try await exchange(Base64.encode(Array(username.utf8)), stage: "AUTH"), 334, stage: "AUTH")
            let encoded = Base64.encode(Array(password.utf8))
            try expect(try await exchange(encoded, stage: "AUTH", secrets: [encoded, password]), 235, stage: "AUTH")
        } else {
            throw SMTPError(
                kind: .permanent, stage: "AUTH",
                detail: "the server offers no login this client knows (PLAIN or LOGIN)\(mechanisms.isEmpty ? "; is smtp.security right?" : "")")
        }
    }

    /// Sends one message and returns the server's final reply (250).
    /// - Throws: ``SMTPError``; its `mayHaveBeenDelivered` is true only when the connection failed
    ///   after the whole message was handed over and before the server answered.
    public func send(_ envelope: SMTPEnvelope) async throws -> SMTPReply {
        let payload = DotStuffing.encode(envelope.message)
        if let limit = extensions["SIZE"]?.first.flatMap(Int.init), limit > 0, payload.count > limit {
            throw SMTPError(kind: .permanent, stage: "SIZE", detail: "the message is \(payload.count) bytes; the server takes at most \(limit)")
        }
        let international = ([envelope.from] + envelope.recipients).contains { $0.utf8.contains { $0 >= 0x80 } }
        if international, extensions["SMTPUTF8"] == nil {
            throw SMTPError(kind: .permanent, stage: "MAIL FROM", detail: "an address has non-ASCII characters and the server does not offer SMTPUTF8")
        }
        var mail = "MAIL FROM:<\(envelope.from)>"
        if extensions["SIZE"] != nil { mail += " SIZE=\(payload.count)" }
        if international { mail += " SMTPUTF8" }
        if extensions["8BITMIME"] != nil, envelope.message.contains(where: { $0 >= 0x80 }) { mail += " BODY=8BITMIME" }
        let commands = [(mail, "MAIL FROM")] + envelope.recipients.map { ("RCPT TO:<\($0)>", "RCPT TO") } + [("DATA", "DATA")]
        // The whole transaction runs on the event loop (pipelined when the server allows), the message
        // right after a 354: one wait per message.
        let channel = self.channel
        let failure = self.failure
        let timeouts = settings.timeouts
        // Each stage has its own limit, started afresh when the stage begins.
        let clock = StageClock(channel: channel)
        clock.enter("MAIL FROM", timeout: timeouts.command)
        let envelopeReplies: EventLoopFuture<[SMTPReply]>
        if extensions["PIPELINING"] != nil {
            let futures = commands.map { request($0.0) }
            for (future, next) in zip(futures, commands.dropFirst()) {
                future.whenSuccess { _ in clock.enter(next.1, timeout: timeouts.command) }
            }
            channel.flush()
            envelopeReplies = EventLoopFuture.whenAllSucceed(futures, on: channel.eventLoop)
        } else {
            envelopeReplies = Self.chained(commands, on: channel, clock: clock, timeout: timeouts.command, failure: failure)
        }
        let everything = envelopeReplies.flatMap { replies -> EventLoopFuture<[SMTPReply]> in
            guard zip(replies, commands).allSatisfy({ Self.isExpected($0, for: $1.1) }), replies.count == commands.count else {
                return channel.eventLoop.makeSucceededFuture(replies)
            }
            clock.enter("end of data", timeout: timeouts.endOfData)
            let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
            var buffer = channel.allocator.buffer(capacity: payload.count)
            buffer.writeBytes(payload)
            channel.writeAndFlush(SMTPOutbound.send(buffer, promise), promise: Self.failing(promise, on: channel, failure: failure))
            return promise.futureResult.map { replies + [$0] }
        }
        let replies: [SMTPReply]
        do {
            replies = try await wait(everything, clock: clock)
        } catch var error as SMTPError where clock.stage == "end of data" && error.reply == nil {
            error.mayHaveBeenDelivered = true
            error.detail += "; the message may or may not have been delivered"
            throw error
        }
        if replies.count == commands.count + 1, let final = replies.last {
            try expect(final, 250, stage: "end of data")
            return final
        }
        for (reply, command) in zip(replies, commands) where !Self.isExpected(reply, for: command.1) {
            if replies.count == commands.count, replies.last?.code == 354 {
                // The server waits for data although a command failed: ending it with "." could deliver an
                // empty message, so drop the connection instead; the server discards the transaction.
                try? await channel.close()
            } else {
                _ = try? await exchange("RSET", stage: "RSET")
            }
            try expect(reply, command.1 == "DATA" ? 354 : 250, stage: command.1)
        }
        throw SMTPError(kind: .protocolViolation, stage: "DATA", detail: "the server answered out of order")
    }

    /// 250 for MAIL and RCPT (251 too), 354 for DATA.
    private static func isExpected(_ reply: SMTPReply, for command: String) -> Bool {
        switch command {
        case "DATA": reply.code == 354
        case "RCPT TO": reply.code == 250 || reply.code == 251
        default: reply.code == 250
        }
    }

    /// Says goodbye and closes the connection.
    public func quit() async {
        _ = try? await exchange("QUIT", stage: "QUIT", timeout: .seconds(5))
        try? await channel.close()
    }

    // MARK: - Exchanges

    private func request(_ line: String) -> EventLoopFuture<SMTPReply> {
        var buffer = channel.allocator.buffer(capacity: line.utf8.count + 2)
        buffer.writeString(line + "\r\n")
        return request(buffer: buffer)
    }

    private func request(bytes: [UInt8]) -> EventLoopFuture<SMTPReply> {
        var buffer = channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        return request(buffer: buffer)
    }

    private func request(buffer: ByteBuffer) -> EventLoopFuture<SMTPReply> {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        channel.write(SMTPOutbound.send(buffer, promise), promise: failing(promise))
        return promise.futureResult
    }

    private func failing(_ reply: EventLoopPromise<SMTPReply>) -> EventLoopPromise<Void> {
        Self.failing(reply, on: channel, failure: failure)
    }

    /// A write promise that fails the reply promise too: a write to a channel that is already
    /// closed never reaches the handler, and its reply would be waited for forever. The reply fails
    /// with the reason the connection closed, when one is known.
    private static func failing(
        _ reply: EventLoopPromise<SMTPReply>, on channel: Channel, failure: NIOLockedValueBox<SMTPError?>
    ) -> EventLoopPromise<Void> {
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenFailure { error in
            reply.fail(
                failure.withLockedValue { $0 }
                    ?? SMTPError(kind: .protocolViolation, stage: "connection", detail: "the connection is closed (\(error))"))
        }
        return written
    }

    /// Writes a command (or nothing, for the greeting) and waits for its reply.
    /// - Parameter secrets: words a server might echo back (credentials): replaced by `****` in the reply,
    ///   which may end up in an error message or the ledger.
    private func exchange(
        _ line: String?, stage: String, timeout: TimeAmount? = nil, secrets: [String] = []
    ) async throws -> SMTPReply {
        let future: EventLoopFuture<SMTPReply>
        if let line {
            future = request(line)
        } else {
            let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
            channel.write(SMTPOutbound.expectReply(promise), promise: failing(promise))
            future = promise.futureResult
        }
        channel.flush()
        var reply = try await wait(future, stage: stage, timeout: timeout ?? settings.timeouts.command)
        for secret in secrets where !secret.isEmpty {
            reply.lines = reply.lines.map { $0.replacing(secret, with: "****") }
        }
        return reply
    }

    /// Runs commands one after another on the event loop, stopping after the first that is not positive.
    private static func chained(
        _ commands: [(String, String)], on channel: Channel, clock: StageClock, timeout: TimeAmount,
        failure: NIOLockedValueBox<SMTPError?>
    ) -> EventLoopFuture<[SMTPReply]> {
        var future = channel.eventLoop.makeSucceededFuture([SMTPReply]())
        for (line, name) in commands {
            future = future.flatMap { replies in
                if let last = replies.last, !last.isPositive { return channel.eventLoop.makeSucceededFuture(replies) }
                clock.enter(name, timeout: timeout)
                let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
                var buffer = channel.allocator.buffer(capacity: line.utf8.count + 2)
                buffer.writeString(line + "\r\n")
                channel.writeAndFlush(SMTPOutbound.send(buffer, promise), promise: failing(promise, on: channel, failure: failure))
                return promise.futureResult.map { replies + [$0] }
            }
        }
        return future
    }

    /// Waits for a reply; past `timeout` the connection is closed and the stage named.
    private func wait<T: Sendable>(_ future: EventLoopFuture<T>, stage: String, timeout: TimeAmount) async throws -> T {
        let clock = StageClock(channel: channel)
        clock.enter(stage, timeout: timeout)
        return try await wait(future, clock: clock)
    }

    /// Waits for a result while `clock` closes the connection when a stage runs past its limit.
    private func wait<T: Sendable>(_ future: EventLoopFuture<T>, clock: StageClock) async throws -> T {
        defer { clock.stop() }
        do {
            // Resumed right here, on the connection's loop: `future.get()` would hop to the global pool and back.
            return try await withCheckedThrowingContinuation { continuation in
                future.whenComplete { continuation.resume(with: $0) }
            }
        } catch {
            let stage = clock.stage
            if let timeout = clock.expired {
                throw SMTPError(kind: .timeout, stage: stage, detail: "no answer from the server within \(timeout.nanoseconds / 1_000_000_000) s")
            }
            if var smtp = error as? SMTPError {
                smtp.stage = stage
                throw smtp
            }
            if error is NIOSSLError || String(describing: type(of: error)).contains("SSL") {
                throw SMTPError(kind: .tls, stage: stage, detail: "TLS failed: \(error)")
            }
            throw SMTPError(kind: .protocolViolation, stage: stage, detail: "\(error)")
        }
    }

    private func expect(_ reply: SMTPReply, _ code: Int, stage: String) throws {
        guard reply.code != code else { return }
        throw SMTPError(
            kind: reply.isTransient ? .transient : (reply.isPermanent ? .permanent : .protocolViolation), stage: stage,
            reply: reply, detail: reply.isTransient ? "the server asks to try again later" : "the server refused")
    }

    private static func makeTLSContext(_ settings: SMTPSettings) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let file = settings.trustedCertificates {
            configuration.trustRoots = .file(file)
        }
        return try NIOSSLContext(configuration: configuration)
    }
}

/// The stage a conversation is in, and that stage's own time limit: each stage gets its limit afresh
/// when it begins, so the wait after the final "." is the end-of-data limit, never a sum of stages.
final class StageClock: Sendable {
    private struct State {
        var stage = ""
        var timeout = TimeAmount.zero
        var task: Scheduled<Void>?
        var expired = false
    }

    private let channel: Channel
    private let state = NIOLockedValueBox(State())

    init(channel: Channel) {
        self.channel = channel
    }

    /// Starts `stage`, with `timeout` from now; the previous stage's limit no longer applies.
    func enter(_ stage: String, timeout: TimeAmount) {
        let state = self.state
        let channel = self.channel
        let task = channel.eventLoop.scheduleTask(in: timeout) {
            state.withLockedValue { $0.expired = true }
            channel.close(promise: nil)
        }
        let previous = state.withLockedValue { current -> Scheduled<Void>? in
            let previous = current.task
            current = State(stage: stage, timeout: timeout, task: task, expired: false)
            return previous
        }
        previous?.cancel()
    }

    /// Stops the limit of the current stage.
    func stop() {
        state.withLockedValue { $0.task }?.cancel()
    }

    /// The current stage.
    var stage: String { state.withLockedValue { $0.stage } }

    /// The limit that ran out, or nil when none did.
    var expired: TimeAmount? { state.withLockedValue { $0.expired ? $0.timeout : nil } }
}

/// The TLS server name: the host, unless it is an IP address (SNI takes names only).
private func serverName(_ host: String) -> String? {
    host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" } ? nil : host
}
