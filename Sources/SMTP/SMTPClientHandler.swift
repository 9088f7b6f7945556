import NIOConcurrencyHelpers
import NIOCore
import NIOSSL
import NIOTLS

/// What the async shell asks of the connection.
enum SMTPOutbound: Sendable {
    /// Wait for a reply without writing anything (the greeting).
    case expectReply(EventLoopPromise<SMTPReply>)
    /// Write bytes and wait for one reply to them.
    case send(ByteBuffer, EventLoopPromise<SMTPReply>)
    /// Write STARTTLS and wait for its reply; on a 220 the connection turns to TLS before anything else is read.
    case startTLS(ByteBuffer, EventLoopPromise<SMTPReply>, NIOSSLContext, serverHostname: String?)
}

/// Matches replies to requests in order, so that pipelined commands each get their own reply.
///
/// It decodes the replies itself (with ``SMTPReplyDecoder``), so that when the server accepts STARTTLS
/// nothing it said in plaintext afterwards, whether already read or still arriving, can be taken as an
/// answer to a command sent inside TLS.
final class SMTPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = SMTPOutbound
    typealias OutboundOut = ByteBuffer

    private enum State {
        case plaintext
        /// STARTTLS was sent: its reply switches the connection to TLS.
        case startTLSSent(NIOSSLContext, serverHostname: String?)
        /// TLS is added and its handshake runs: any reply now is a forgery.
        case handshaking
        case secured
    }

    private var decoder = SMTPReplyDecoder()
    private var state = State.plaintext
    private var waiting = CircularBuffer<EventLoopPromise<SMTPReply>>()
    /// Replies that came before anyone asked (a greeting that beat the first request, a 421 before closing).
    private var early = CircularBuffer<SMTPReply>()
    private var closedError: Error?
    /// The first reason the connection failed, for requests made after it closed.
    private let failure: NIOLockedValueBox<SMTPError?>

    init(failure: NIOLockedValueBox<SMTPError?>) {
        self.failure = failure
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let (bytes, reply): (ByteBuffer?, EventLoopPromise<SMTPReply>)
        switch unwrapOutboundIn(data) {
        case .expectReply(let promise): (bytes, reply) = (nil, promise)
        case .send(let buffer, let promise): (bytes, reply) = (buffer, promise)
        case .startTLS(let buffer, let promise, let tls, let hostname):
            (bytes, reply) = (buffer, promise)
            if closedError == nil { state = .startTLSSent(tls, serverHostname: hostname) }
        }
        if let bytes {
            if let closedError {
                reply.fail(closedError)
                promise?.fail(closedError)
                return
            }
            context.write(wrapOutboundOut(bytes), promise: promise)
        } else {
            promise?.succeed()
        }
        if let ready = early.popFirst() {
            reply.succeed(ready)
        } else if let closedError {
            reply.fail(closedError)
        } else {
            waiting.append(reply)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard closedError == nil else { return }
        if case .handshaking = state {
            fail(
                context: context,
                SMTPError(
                    kind: .tls, stage: "STARTTLS",
                    detail:
                        "the server sent data before the TLS handshake finished; someone may be tampering with the connection"
                ))
            return
        }
        let buffer = unwrapInboundIn(data)
        decoder.feed(buffer.readableBytesView)
        do {
            while let reply = try decoder.next() {
                deliver(reply, context: context)
                if case .handshaking = state { return }
            }
        } catch {
            fail(context: context, error)
        }
    }

    private func deliver(_ reply: SMTPReply, context: ChannelHandlerContext) {
        if case .startTLSSent(let tls, let hostname) = state {
            guard reply.code == 220 else {
                state = .plaintext
                hand(reply)
                return
            }
            // Whatever followed "220" in plaintext is not the server's: dropped, and the next byte read goes through TLS.
            decoder.discardBuffered()
            early.removeAll()
            do {
                try context.pipeline.syncOperations.addHandler(
                    try NIOSSLClientHandler(context: tls, serverHostname: hostname), position: .first)
            } catch {
                fail(
                    context: context, SMTPError(kind: .tls, stage: "STARTTLS", detail: "TLS could not start: \(error)"))
                return
            }
            state = .handshaking
        }
        hand(reply)
    }

    private func hand(_ reply: SMTPReply) {
        if let promise = waiting.popFirst() {
            promise.succeed(reply)
        } else {
            early.append(reply)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent, case .handshaking = state {
            state = .secured
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        fail(context: context, error)
    }

    private func fail(context: ChannelHandlerContext, _ error: Error) {
        if closedError == nil {
            closedError = error
            if let smtp = error as? SMTPError { failure.withLockedValue { $0 = $0 ?? smtp } }
        }
        failAll(closedError ?? error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        let error = SMTPError(kind: .protocolViolation, stage: "connection", detail: "the server closed the connection")
        closedError = closedError ?? error
        failAll(closedError ?? error)
        context.fireChannelInactive()
    }

    private func failAll(_ error: Error) {
        while let promise = waiting.popFirst() { promise.fail(error) }
    }
}
