import AfterwordCore
import Foundation
import NIOCore
import NIOPosix
import SMTP

/// A way for a message to leave: SMTP or the local sendmail.
public protocol Transport: Sendable {
    /// How it travels, as recorded in the ledger.
    var kind: TransportKind { get }
    /// A session that may keep one connection for many messages.
    func session() -> any TransportSession
}

/// Messages handed over one at a time, so that each outcome can be recorded as it comes.
public protocol TransportSession: Sendable {
    func deliver(_ message: OutgoingMessage) async -> DeliveryOutcome
    /// Hands several messages over, one after the other, one outcome each, in order.
    func deliver(batch messages: [OutgoingMessage]) async -> [DeliveryOutcome]
    /// Closes the connection, if any.
    func finish() async
}

extension TransportSession {
    public func deliver(batch messages: [OutgoingMessage]) async -> [DeliveryOutcome] {
        var outcomes: [DeliveryOutcome] = []
        for message in messages { outcomes.append(await deliver(message)) }
        return outcomes
    }
}

extension Transport {
    /// Hands the messages over in one session, one outcome per message, in order.
    public func deliver(_ messages: [OutgoingMessage]) async -> [DeliveryOutcome] {
        let session = session()
        var outcomes: [DeliveryOutcome] = []
        for message in messages { outcomes.append(await session.deliver(message)) }
        await session.finish()
        return outcomes
    }
}

/// One message ready to leave.
public struct OutgoingMessage: Sendable {
    public var envelopeFrom: String
    public var recipients: [String]
    public var bytes: [UInt8]

    public init(envelopeFrom: String, recipients: [String], bytes: [UInt8]) {
        self.envelopeFrom = envelopeFrom
        self.recipients = recipients
        self.bytes = bytes
    }
}

/// What became of one message.
public enum DeliveryOutcome: Sendable, Equatable {
    /// Accepted; the server's words.
    case accepted(String)
    /// Not delivered (it may be corrected and sent again).
    case failed(String)
    /// Interrupted after the message was handed over: it may have been delivered.
    case uncertain(String)
}

/// SMTP with retries of transient (4xx) answers and one connection for many messages.
public struct SMTPTransport: Transport {
    public let kind = TransportKind.smtp
    public var settings: SMTPSettings
    /// Attempts per message for 4xx answers and refused connections.
    public var attempts: Int
    /// Wait before the first retry; doubled each time.
    public var backoff: Duration

    public init(settings: SMTPSettings, attempts: Int = 3, backoff: Duration = .seconds(2)) {
        self.settings = settings
        self.attempts = max(1, attempts)
        self.backoff = backoff
    }

    public func session() -> any TransportSession {
        SMTPSession(transport: self)
    }
}

/// One SMTP connection, opened on the first message and reopened after a failure.
///
/// The session and its connection share one event loop, so a batch of messages goes out without a
/// thread hop between them.
actor SMTPSession: TransportSession {
    let transport: SMTPTransport
    private var client: SMTPClient?
    private let loop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next()

    nonisolated var unownedExecutor: UnownedSerialExecutor {
        loop.executor.asUnownedSerialExecutor()
    }

    init(transport: SMTPTransport) {
        self.transport = transport
    }

    func deliver(batch messages: [OutgoingMessage]) async -> [DeliveryOutcome] {
        var outcomes: [DeliveryOutcome] = []
        for message in messages { outcomes.append(await deliver(message)) }
        return outcomes
    }

    func deliver(_ message: OutgoingMessage) async -> DeliveryOutcome {
        var delay = transport.backoff
        var outcome = DeliveryOutcome.failed("not attempted")
        var attempt = 1
        while attempt <= transport.attempts {
            let reused = client != nil
            do {
                if client == nil { client = try await SMTPClient.connect(transport.settings, group: loop) }
                guard let connected = client else { break }
                let reply = try await connected.send(
                    SMTPEnvelope(from: message.envelopeFrom, recipients: message.recipients, message: message.bytes))
                return .accepted(reply.description)
            } catch let error as SMTPError {
                if error.mayHaveBeenDelivered {
                    await drop()
                    return .uncertain(error.description)
                }
                if reused, error.reply == nil, error.kind == .protocolViolation || error.kind == .connection {
                    // The connection kept from the last message was closed meanwhile (the server's idle
                    // limit): nothing of this message was accepted, so it goes again on a new connection.
                    await drop()
                    continue
                }
                outcome = .failed(error.description)
                // After a refusal of this message the connection is still good; otherwise start afresh.
                if error.kind != .permanent || error.stage == "greeting" || error.stage == "AUTH" { await drop() }
                let retry = [.transient, .connection, .timeout].contains(error.kind) && attempt < transport.attempts
                guard retry else { break }
                try? await Task.sleep(for: delay)
                delay *= 2
                attempt += 1
            } catch {
                return .failed("\(error)")
            }
        }
        return outcome
    }

    func finish() async {
        await drop()
    }

    private func drop() async {
        await client?.quit()
        client = nil
    }
}

/// The local `sendmail -t -i` (Postfix, msmtp, Exim and friends accept it).
public struct SendmailTransport: Transport {
    public let kind = TransportKind.sendmail
    /// The program and its own arguments, e.g. `/usr/sbin/sendmail` or `msmtp --account=work`.
    public var command: [String]

    public init(command: [String]) {
        self.command = command
    }

    public func session() -> any TransportSession {
        SendmailSession(command: command)
    }
}

/// Each message is its own sendmail run.
struct SendmailSession: TransportSession {
    var command: [String]

    func finish() async {}

    func deliver(_ message: OutgoingMessage) async -> DeliveryOutcome {
        guard let program = command.first else { return .failed("no sendmail program configured") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.contains("/") ? program : "/usr/bin/env")
        process.arguments = (program.contains("/") ? [] : [program]) + command.dropFirst() + ["-t", "-i"]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failed("cannot run \(program): \(error.localizedDescription); set sendmail.command to your sendmail program")
        }
        // Unix mail programs expect LF line ends on standard input.
        let lf = String(decoding: message.bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        do {
            try input.fileHandleForWriting.write(contentsOf: Data(lf.utf8))
            try input.fileHandleForWriting.close()
        } catch {
            process.terminate()
            return .failed("\(program) stopped reading the message: \(error.localizedDescription)")
        }
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationReason == .exit else {
            return .uncertain("\(program) was killed after receiving the message")
        }
        guard process.terminationStatus == 0 else {
            return .failed("\(program) exited with status \(process.terminationStatus): \(complaint.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return .accepted("accepted by \(program)")
    }
}
