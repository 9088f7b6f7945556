import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// An SMTP client on SwiftNIO: EHLO (HELO fallback), STARTTLS or implicit TLS, AUTH PLAIN/LOGIN,
/// PIPELINING, SIZE, SMTPUTF8, dot-stuffing, a timeout per stage, and several messages per connection.
///
/// The conversation itself runs on the connection's event loop (``SMTPClientHandler`` driving
/// ``SMTPClientStateMachine``); this actor asks for each step and waits for its outcome.
public actor SMTPClient {
    private let channel: Channel
    /// Why the connection failed, when it did: said instead of a bare "the connection is closed".
    private let failure: NIOLockedValueBox<SMTPError?>

    /// The client runs on its connection's event loop: a reply resumes it without a thread hop.
    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        channel.eventLoop.executor.asUnownedSerialExecutor()
    }

    private init(channel: Channel, failure: NIOLockedValueBox<SMTPError?>) {
        self.channel = channel
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
            throw SMTPError(kind: .tls, stage: "TLS setup", detail: SMTPError.tlsWords(error))
        }
        let implicit = settings.security == .tls ? tls : nil
        let host = settings.host
        var configuration = SMTPClientHandler.Configuration(
            heloName: settings.heloName,
            credentials: settings.credentials, authMethod: settings.authMethod, serverHost: settings.host, serverPort: settings.port,
            startTLS: nil, timeouts: settings.timeouts)
        if settings.security == .startTLS, let tls {
            // Added in front of everything, as the 220 is read: the next byte read goes through TLS.
            configuration.startTLS = { channel in
                try channel.pipeline.syncOperations.addHandler(
                    try NIOSSLClientHandler(context: tls, serverHostname: serverName(host)), position: .first)
            }
        }
        let failure = NIOLockedValueBox<SMTPError?>(nil)
        let channel: Channel
        do {
            // On the loop this task already runs on, when it is one of the group's: no thread hop per reply.
            channel = try await ClientBootstrap(group: group.any())
                .connectTimeout(settings.timeouts.connect)
                .channelInitializer { [configuration] channel in
                    channel.eventLoop.makeCompletedFuture {
                        let pipeline = channel.pipeline.syncOperations
                        if let implicit {
                            try pipeline.addHandler(
                                try NIOSSLClientHandler(context: implicit, serverHostname: serverName(host)))
                        }
                        try pipeline.addHandler(MessageToByteHandler(SMTPCommandEncoder()))
                        try pipeline.addHandler(SMTPClientHandler(configuration: configuration, failure: failure))
                    }
                }
                .connect(host: settings.host, port: settings.port).get()
        } catch {
            throw SMTPError(
                kind: .connection, stage: "connect",
                detail: "cannot reach \(settings.host):\(settings.port): \(SMTPError.connectionWords(error))"
            )
        }
        let client = SMTPClient(channel: channel, failure: failure)
        do {
            try await client.request { .open($0) }
        } catch {
            try? await channel.close()
            throw error
        }
        return client
    }

    /// Sends one message and returns the server's final reply (250).
    /// - Throws: ``SMTPError``; its `mayHaveBeenDelivered` is true only when the connection failed
    ///   after the whole message was handed over and before the server answered.
    public func send(_ envelope: SMTPEnvelope) async throws -> SMTPReply {
        try await request { .send(envelope, $0) }
    }

    /// Says goodbye and closes the connection.
    public func quit() async {
        _ = try? await request { .quit($0) }
        try? await channel.close()
    }

    /// Hands a request to the connection's handler and waits for its outcome.
    private func request<T: Sendable>(_ make: @Sendable (EventLoopPromise<T>) -> SMTPRequest) async throws -> T {
        let promise = channel.eventLoop.makePromise(of: T.self)
        // A write to a channel that is already closed never reaches the handler: the request fails
        // with the reason the connection closed, when one is known.
        let written = channel.eventLoop.makePromise(of: Void.self)
        let failure = self.failure
        written.futureResult.whenFailure { error in
            promise.fail(
                failure.withLockedValue { $0 }
                    ?? SMTPError(
                        kind: .protocolViolation, stage: "connection", detail: SMTPError.connectionWords(error)))
        }
        channel.writeAndFlush(make(promise), promise: written)
        // Resumed right here, on the connection's loop: `future.get()` would hop to the global pool and back.
        return try await withCheckedThrowingContinuation { continuation in
            promise.futureResult.whenComplete { continuation.resume(with: $0) }
        }
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

/// The TLS server name: the host, unless it is an IP address (SNI takes names only).
private func serverName(_ host: String) -> String? {
    host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" } ? nil : host
}
