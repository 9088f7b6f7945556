import MailChannel
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// A small IMAP client on SwiftNIO, for the one thing Afterword needs of a mailbox: its Sent folder.
///
/// TLS or STARTTLS, LOGIN or AUTHENTICATE (PLAIN, XOAUTH2, OAUTHBEARER), then one command at a time.
/// The session runs on the connection's event loop (``IMAPClientHandler`` driving
/// ``IMAPClientStateMachine``); this actor asks for each step and waits for its outcome.
public actor IMAPClient {
    private let channel: Channel
    private let failure: NIOLockedValueBox<IMAPError?>

    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        channel.eventLoop.executor.asUnownedSerialExecutor()
    }

    private init(channel: Channel, failure: NIOLockedValueBox<IMAPError?>) {
        self.channel = channel
        self.failure = failure
    }

    /// Connects, reads the greeting, secures the connection and signs in.
    public static func connect(
        _ settings: IMAPSettings, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> IMAPClient {
        let tls: NIOSSLContext?
        do {
            tls = settings.security == .none ? nil : try MailChannel.tlsContext(trusting: settings.trustedCertificates)
        } catch {
            throw IMAPError(kind: .tls, stage: "TLS setup", detail: IMAPError.tlsWords(error))
        }
        let implicit = settings.security == .tls ? tls : nil
        let host = settings.host
        var configuration = IMAPClientHandler.Configuration(
            session: .init(
                startTLS: settings.security == .startTLS, credentials: settings.credentials, authMethod: settings.authMethod,
                serverHost: settings.host, serverPort: settings.port),
            startTLS: nil, timeout: settings.timeout)
        if settings.security == .startTLS, let tls {
            configuration.startTLS = { channel in
                try channel.pipeline.syncOperations.addHandler(try MailChannel.tlsHandler(tls, host: host), position: .first)
            }
        }
        let failure = NIOLockedValueBox<IMAPError?>(nil)
        let channel: Channel
        do {
            channel = try await MailChannel.connect(
                host: host, port: settings.port, timeout: settings.timeout, group: group, implicitTLS: implicit
            ) { [configuration] pipeline in
                try pipeline.addHandler(MessageToByteHandler(IMAPOutboundEncoder()))
                try pipeline.addHandler(IMAPClientHandler(configuration: configuration, failure: failure))
            }
        } catch {
            throw IMAPError(
                kind: .connection, stage: "connect", detail: "cannot reach \(settings.host):\(settings.port): \(IMAPError.connectionWords(error))")
        }
        let client = IMAPClient(channel: channel, failure: failure)
        do {
            try await client.request { .open($0) }
        } catch {
            try? await channel.close()
            throw error
        }
        return client
    }

    /// Gives one command and returns what it drew.
    /// - Throws: ``IMAPError``: `refused` for a NO or BAD (the session goes on), else the session is over.
    public func run(_ command: IMAPCommand) async throws -> IMAPCompletion {
        try await request { .run(command, $0) }
    }

    /// Says LOGOUT and closes the connection.
    public func logout() async {
        _ = try? await request { .logout($0) }
        try? await channel.close()
    }

    private func request<T: Sendable>(_ make: @Sendable (EventLoopPromise<T>) -> IMAPRequest) async throws -> T {
        let failure = self.failure
        return try await MailChannel.request(on: channel, unwritable: { error in
            failure.withLockedValue { $0 } ?? IMAPError(kind: .connection, stage: "connection", detail: IMAPError.connectionWords(error))
        }, make)
    }
}
