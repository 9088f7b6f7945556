import NIOCore
import NIOPosix
import NIOSSL

/// What the SMTP and IMAP clients share below their protocols: the TLS they trust, the connection with
/// TLS from the first byte when asked, and the bridge from a request written to the connection's handler
/// to the caller waiting for its outcome.
public enum MailChannel {
    /// A client TLS context: TLS 1.2 or later, the system's certificates and those of `file` (a PEM file).
    public static func tlsContext(trusting file: String?) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let file { configuration.trustRoots = .file(file) }
        return try NIOSSLContext(configuration: configuration)
    }

    /// The TLS handler for `host`, named to it (SNI) unless it is an IP address, which SNI does not take.
    public static func tlsHandler(_ context: NIOSSLContext, host: String) throws -> NIOSSLClientHandler {
        let isAddress = host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" }
        return try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : host)
    }

    /// Connects to `host`:`port`, with TLS from the first byte when `implicitTLS` is given, then the
    /// protocol's own handlers added by `handlers`.
    /// - Throws: the network's error, for the caller to say in the user's words.
    public static func connect(
        host: String, port: Int, timeout: TimeAmount, group: any EventLoopGroup, implicitTLS: NIOSSLContext?,
        handlers: @escaping @Sendable (ChannelPipeline.SynchronousOperations) throws -> Void
    ) async throws -> Channel {
        // On the loop the calling task already runs on, when it is one of the group's: no thread hop per reply.
        try await ClientBootstrap(group: group.any())
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let implicitTLS { try pipeline.addHandler(try tlsHandler(implicitTLS, host: host)) }
                    try handlers(pipeline)
                }
            }
            .connect(host: host, port: port).get()
    }

    /// Writes the request `make` builds to the channel's handler and waits for the promise it carries, on
    /// the caller's executor (the client actor runs on the connection's loop: no hop per reply).
    /// - Parameter unwritable: the error for a request that cannot reach the handler (the connection
    ///   closed): the reason it closed, when one is known.
    nonisolated(nonsending) public static func request<Value: Sendable, Request: Sendable>(
        on channel: Channel, unwritable: @escaping @Sendable (any Error) -> any Error, _ make: (EventLoopPromise<Value>) -> Request
    ) async throws -> Value {
        let promise = channel.eventLoop.makePromise(of: Value.self)
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenFailure { promise.fail(unwritable($0)) }
        channel.writeAndFlush(make(promise), promise: written)
        // Resumed right here, on the connection's loop: `future.get()` would hop to the global pool and back.
        return try await withCheckedThrowingContinuation { continuation in
            promise.futureResult.whenComplete { continuation.resume(with: $0) }
        }
    }
}
