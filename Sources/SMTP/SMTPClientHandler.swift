import NIOConcurrencyHelpers
import NIOCore
import NIOSSL
import NIOTLS
import SASL

/// What the async shell asks of the connection; each request completes its promise once.
enum SMTPRequest: Sendable {
    /// Completes when the session is open (greeted, secured, logged in), or fails with why it could not be.
    case open(EventLoopPromise<Void>)
    /// Sends one message; completes with the server's final 250.
    case send(SMTPEnvelope, EventLoopPromise<SMTPReply>)
    /// Says QUIT and closes; always succeeds.
    case quit(EventLoopPromise<Void>)
}

/// Runs the SMTP conversation on the connection's event loop: decodes the server's bytes into replies
/// (``SMTPReplyDecoder``), feeds them to ``SMTPClientStateMachine`` and does what it says, writing
/// ``SMTPCommand``s for ``SMTPCommandEncoder`` and keeping each step within its time limit.
///
/// It decodes the replies itself, one at a time, so that when the server accepts STARTTLS nothing it
/// said in plaintext after the 220, whether already read or still arriving, can be taken as an answer
/// to a command sent inside TLS.
final class SMTPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = SMTPCommand

    /// How the handler runs the session.
    struct Configuration: Sendable {
        var heloName: String
        var credentials: SMTPCredentials?
        var authMethod: SASLMethod
        /// The server's name and port, as OAUTHBEARER names them.
        var serverHost: String
        var serverPort: Int
        /// Adds TLS to the front of the pipeline, for STARTTLS; nil when STARTTLS is not wanted.
        var startTLS: (@Sendable (Channel) throws -> Void)?
        var timeouts: SMTPTimeouts
    }

    /// The request waiting for the session to get somewhere.
    private enum Waiter {
        case open(EventLoopPromise<Void>)
        case send(EventLoopPromise<SMTPReply>)
        case quit(EventLoopPromise<Void>)
    }

    /// A QUIT gets this long for its 221: nothing depends on it.
    static let quitLimit = TimeAmount.seconds(5)

    private var machine: SMTPClientStateMachine
    private var decoder = SMTPReplyDecoder()
    private let startTLS: (@Sendable (Channel) throws -> Void)?
    private let timeouts: SMTPTimeouts
    private var waiter: Waiter?
    private var opened = false
    /// Closes the connection when the current step runs past its limit.
    private var timer: Scheduled<Void>?
    /// The reason the session failed, for requests written after the connection closed (they never
    /// reach this handler).
    private let failure: NIOLockedValueBox<SMTPError?>

    init(configuration: Configuration, failure: NIOLockedValueBox<SMTPError?>) {
        machine = SMTPClientStateMachine(
            configuration: .init(
                heloName: configuration.heloName, startTLS: configuration.startTLS != nil,
                credentials: configuration.credentials, authMethod: configuration.authMethod, serverHost: configuration.serverHost,
                serverPort: configuration.serverPort))
        startTLS = configuration.startTLS
        timeouts = configuration.timeouts
        self.failure = failure
    }

    func channelActive(context: ChannelHandlerContext) {
        rearm(context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard perform(machine.dataArrived(), context: context) else { return }
        decoder.feed(unwrapInboundIn(data).readableBytesView)
        while true {
            let reply: SMTPReply?
            do {
                reply = try decoder.next()
            } catch {
                perform(machine.failed(error), context: context)
                return
            }
            guard let reply else { break }
            let action = machine.received(reply)
            guard perform(action, context: context) else { return }
            rearm(context: context)
            if action == .startTLS {
                // Whatever followed the 220 in plaintext is not the server's: dropped, and the next byte
                // read goes through TLS.
                decoder.discardBuffered()
                break
            }
        }
        perform(machine.readComplete(partialReplyWaiting: decoder.hasBufferedBytes), context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent {
            // Implicit TLS completes its handshake too, before the greeting: nothing changes then.
            let action = machine.tlsEstablished()
            if action != .none {
                perform(action, context: context)
                rearm(context: context)
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        let reason: SMTPError
        if let smtp = error as? SMTPError {
            reason = smtp
        } else if error is NIOSSLError || String(describing: type(of: error)).contains("SSL") {
            reason = SMTPError(kind: .tls, stage: "TLS", detail: SMTPError.tlsWords(error))
        } else {
            reason = SMTPError(kind: .protocolViolation, stage: "connection", detail: SMTPError.connectionWords(error))
        }
        perform(machine.failed(reason), context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        perform(machine.closed(), context: context)
        context.fireChannelInactive()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        promise?.succeed()
        let request = unwrapOutboundIn(data)
        guard waiter == nil else {
            let busy = SMTPError(
                kind: .protocolViolation, stage: "connection", detail: "another request is still waiting for the server"
            )
            switch request {
            case .open(let promise): promise.fail(busy)
            case .send(_, let promise): promise.fail(busy)
            case .quit(let promise): promise.succeed()
            }
            return
        }
        switch request {
        case .open(let promise):
            if opened {
                promise.succeed()
            } else if let failure = machine.failure {
                promise.fail(failure)
            } else {
                waiter = .open(promise)
            }
        case .send(let envelope, let promise):
            waiter = .send(promise)
            perform(machine.sendMessage(envelope), context: context)
            rearm(context: context)
        case .quit(let promise):
            waiter = .quit(promise)
            perform(machine.quit(), context: context)
            rearm(context: context)
        }
    }

    /// Does what the state machine asks.
    /// - Returns: false when the session is over, and nothing more is to be read.
    @discardableResult
    private func perform(_ action: SMTPClientStateMachine.Action, context: ChannelHandlerContext) -> Bool {
        switch action {
        case .none:
            return true
        case .send(let commands):
            for command in commands { context.write(wrapOutboundOut(command), promise: nil) }
            context.flush()
            return true
        case .startTLS:
            do {
                try startTLS?(context.channel)
            } catch {
                return perform(
                    machine.failed(SMTPError(kind: .tls, stage: "STARTTLS", detail: SMTPError.tlsWords(error))),
                    context: context)
            }
            return true
        case .ready:
            opened = true
            if case .open(let promise) = waiter {
                waiter = nil
                promise.succeed()
            }
            return true
        case .accepted(let reply):
            if case .send(let promise) = waiter {
                waiter = nil
                promise.succeed(reply)
            }
            return true
        case .refused(let error):
            finish(failing: error)
            return true
        case .fail(let error):
            let reason = machine.failure ?? error
            failure.withLockedValue { $0 = $0 ?? reason }
            timer?.cancel()
            finish(failing: error)
            context.close(promise: nil)
            return false
        case .close:
            timer?.cancel()
            finish(failing: nil)
            context.close(promise: nil)
            return false
        }
    }

    /// Completes the waiting request with `error`; a QUIT succeeds whatever happened.
    private func finish(failing error: SMTPError?) {
        let waiting = waiter
        waiter = nil
        let reason =
            error ?? SMTPError(kind: .protocolViolation, stage: "connection", detail: "the connection is closed")
        switch waiting {
        case .open(let promise): promise.fail(reason)
        case .send(let promise): promise.fail(reason)
        case .quit(let promise): promise.succeed()
        case nil: break
        }
    }

    /// Starts the limit of the step the session now waits in, afresh: each reply restarts it, so the
    /// wait after the final "." is the end-of-data limit alone, never a sum of steps.
    private func rearm(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        guard let (_, limit) = machine.awaiting else { return }
        let amount: TimeAmount
        switch limit {
        case .greeting: amount = timeouts.greeting
        case .command: amount = timeouts.command
        case .endOfData: amount = timeouts.endOfData
        case .quit: amount = Self.quitLimit
        }
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: amount) { () -> Void in
            let late = SMTPError(
                kind: .timeout, stage: "",
                detail: "no answer from the server within \(amount.nanoseconds / 1_000_000_000) s")
            self.perform(self.machine.failed(late), context: context)
        }
    }
}
