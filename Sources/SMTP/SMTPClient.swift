import MailChannel
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
            tls = settings.security == .none ? nil : try MailChannel.tlsContext(trusting: settings.trustedCertificates)
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
                try channel.pipeline.syncOperations.addHandler(try MailChannel.tlsHandler(tls, host: host), position: .first)
            }
        }
        let failure = NIOLockedValueBox<SMTPError?>(nil)
        let channel: Channel
        do {
            channel = try await MailChannel.connect(
                host: host, port: settings.port, timeout: settings.timeouts.connect, group: group, implicitTLS: implicit
            ) { [configuration] pipeline in
                try pipeline.addHandler(MessageToByteHandler(SMTPCommandEncoder()))
                try pipeline.addHandler(SMTPClientHandler(configuration: configuration, failure: failure))
            }
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

    /// Hands a request to the connection's handler and waits for its outcome; a request that cannot reach
    /// it (the connection closed) fails with the reason the connection closed, when one is known.
    private func request<T: Sendable>(_ make: @Sendable (EventLoopPromise<T>) -> SMTPRequest) async throws -> T {
        let failure = self.failure
        return try await MailChannel.request(on: channel, unwritable: { error in
            failure.withLockedValue { $0 } ?? SMTPError(kind: .protocolViolation, stage: "connection", detail: SMTPError.connectionWords(error))
        }, make)
    }
}
