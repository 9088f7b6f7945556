import NIOConcurrencyHelpers
import NIOCore
import NIOSSL
import NIOTLS

/// What the client asks of the connection.
enum IMAPRequest {
    /// Completes once greeted, secured and signed in.
    case open(EventLoopPromise<Void>)
    case run(IMAPCommand, EventLoopPromise<IMAPCompletion>)
    /// Says LOGOUT (when the session is ready) and closes; always succeeds.
    case logout(EventLoopPromise<Void>)
}

/// Runs an ``IMAPClientStateMachine`` on a connection: decodes responses, writes what the machine asks,
/// limits each step in time and turns on TLS after STARTTLS's OK, dropping whatever came after it in
/// plaintext.
final class IMAPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = IMAPRequest
    typealias OutboundOut = IMAPOutbound

    struct Configuration: Sendable {
        var session: IMAPClientStateMachine.Configuration
        /// Adds TLS to the front of the pipeline, for STARTTLS.
        var startTLS: (@Sendable (Channel) throws -> Void)?
        var timeout: TimeAmount
    }

    private enum Waiter {
        case open(EventLoopPromise<Void>)
        case run(EventLoopPromise<IMAPCompletion>)
        case logout(EventLoopPromise<Void>)
    }

    private var machine: IMAPClientStateMachine
    private var decoder = IMAPResponseDecoder()
    private let startTLS: (@Sendable (Channel) throws -> Void)?
    private let timeout: TimeAmount
    private var waiter: Waiter?
    private var opened = false
    private var timer: Scheduled<Void>?
    private let failure: NIOLockedValueBox<IMAPError?>

    init(configuration: Configuration, failure: NIOLockedValueBox<IMAPError?>) {
        machine = IMAPClientStateMachine(configuration: configuration.session)
        startTLS = configuration.startTLS
        timeout = configuration.timeout
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
            let response: IMAPResponse?
            do {
                response = try decoder.next()
            } catch {
                perform(machine.failed(error), context: context)
                return
            }
            guard let response else { break }
            let action = machine.received(response)
            guard perform(action, context: context) else { return }
            rearm(context: context)
            if action == .startTLS {
                decoder.discardBuffered()
                break
            }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent {
            let action = machine.tlsEstablished()
            if action != .none {
                perform(action, context: context)
                rearm(context: context)
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        let reason: IMAPError
        if let imap = error as? IMAPError {
            reason = imap
        } else if error is NIOSSLError || String(describing: type(of: error)).contains("SSL") {
            reason = IMAPError(kind: .tls, stage: "TLS", detail: IMAPError.tlsWords(error))
        } else {
            reason = IMAPError(kind: .connection, stage: "connection", detail: IMAPError.connectionWords(error))
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
            let busy = IMAPError(kind: .protocolViolation, stage: "connection", detail: "another request is still waiting for the server")
            switch request {
            case .open(let promise): promise.fail(busy)
            case .run(_, let promise): promise.fail(busy)
            case .logout(let promise): promise.succeed()
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
        case .run(let command, let promise):
            waiter = .run(promise)
            perform(machine.run(command), context: context)
            rearm(context: context)
        case .logout(let promise):
            waiter = .logout(promise)
            perform(machine.logout(), context: context)
            rearm(context: context)
        }
    }

    /// Does what the state machine asks.
    /// - Returns: false when the session is over.
    @discardableResult
    private func perform(_ action: IMAPClientStateMachine.Action, context: ChannelHandlerContext) -> Bool {
        switch action {
        case .none:
            return true
        case .send(let items):
            for item in items { context.write(wrapOutboundOut(item), promise: nil) }
            context.flush()
            return true
        case .startTLS:
            do {
                try startTLS?(context.channel)
            } catch {
                return perform(machine.failed(IMAPError(kind: .tls, stage: "STARTTLS", detail: IMAPError.tlsWords(error))), context: context)
            }
            return true
        case .ready:
            opened = true
            if case .open(let promise) = waiter {
                waiter = nil
                promise.succeed()
            }
            return true
        case .completed(let completion):
            if case .run(let promise) = waiter {
                waiter = nil
                promise.succeed(completion)
            }
            return true
        case .refused(let error):
            finish(failing: error)
            return true
        case .fail(let error):
            failure.withLockedValue { $0 = $0 ?? (machine.failure ?? error) }
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

    private func finish(failing error: IMAPError?) {
        let waiting = waiter
        waiter = nil
        let reason = error ?? IMAPError(kind: .connection, stage: "connection", detail: "the connection is closed")
        switch waiting {
        case .open(let promise): promise.fail(reason)
        case .run(let promise): promise.fail(reason)
        case .logout(let promise): promise.succeed()
        case nil: break
        }
    }

    /// Restarts the step's time limit: each response restarts it.
    private func rearm(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        guard machine.awaiting != nil else { return }
        let amount = timeout
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: amount) { () -> Void in
            let late = IMAPError(kind: .timeout, stage: "", detail: "no answer from the IMAP server within \(amount.nanoseconds / 1_000_000_000) s")
            self.perform(self.machine.failed(late), context: context)
        }
    }
}
