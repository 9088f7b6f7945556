import NIOCore

/// What the async shell asks of the connection.
enum SMTPOutbound: Sendable {
    /// Wait for a reply without writing anything (the greeting).
    case expectReply(EventLoopPromise<SMTPReply>)
    /// Write bytes and wait for one reply to them.
    case send(ByteBuffer, EventLoopPromise<SMTPReply>)
}

/// Matches replies to requests in order, so that pipelined commands each get their own reply.
final class SMTPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = SMTPReply
    typealias OutboundIn = SMTPOutbound
    typealias OutboundOut = ByteBuffer

    private var waiting = CircularBuffer<EventLoopPromise<SMTPReply>>()
    /// Replies that came before anyone asked (a greeting that beat the first request, a 421 before closing).
    private var early = CircularBuffer<SMTPReply>()
    private var closedError: Error?

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let (bytes, reply): (ByteBuffer?, EventLoopPromise<SMTPReply>) =
            switch unwrapOutboundIn(data) {
            case .expectReply(let reply): (nil, reply)
            case .send(let bytes, let reply): (bytes, reply)
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
        let reply = unwrapInboundIn(data)
        if let promise = waiting.popFirst() {
            promise.succeed(reply)
        } else {
            early.append(reply)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        closedError = closedError ?? error
        failAll(error)
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
