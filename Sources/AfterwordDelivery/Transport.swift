import Foundation
import SMTP

/// A way for a message to leave: SMTP, the local sendmail, or a hand-off to the user's mail program.
public protocol Transport: Sendable {
    /// `smtp`, `sendmail` … as recorded in the ledger.
    var name: String { get }
    /// Hands the messages over, one outcome per message, in order.
    func deliver(_ messages: [OutgoingMessage]) async -> [DeliveryOutcome]
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
    public let name = "smtp"
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

    public func deliver(_ messages: [OutgoingMessage]) async -> [DeliveryOutcome] {
        var outcomes: [DeliveryOutcome] = []
        var client: SMTPClient?
        for message in messages {
            var delay = backoff
            var outcome = DeliveryOutcome.failed("not attempted")
            for attempt in 1...attempts {
                do {
                    if client == nil { client = try await SMTPClient.connect(settings) }
                    guard let connected = client else { break }
                    let reply = try await connected.send(
                        SMTPEnvelope(from: message.envelopeFrom, recipients: message.recipients, message: message.bytes))
                    outcome = .accepted(reply.description)
                    break
                } catch let error as SMTPError {
                    if error.mayHaveBeenDelivered {
                        outcome = .uncertain(error.description)
                        await client?.quit()
                        client = nil
                        break
                    }
                    outcome = .failed(error.description)
                    let retry = (error.kind == .transient || error.kind == .connection || error.kind == .timeout) && attempt < attempts
                    if error.kind != .permanent || error.stage == "greeting" {
                        await client?.quit()
                        client = nil
                    }
                    guard retry else { break }
                    try? await Task.sleep(for: delay)
                    delay *= 2
                } catch {
                    outcome = .failed("\(error)")
                    break
                }
            }
            outcomes.append(outcome)
        }
        await client?.quit()
        return outcomes
    }
}

/// The local `sendmail -t -i` (Postfix, msmtp, Exim and friends accept it).
public struct SendmailTransport: Transport {
    public let name = "sendmail"
    /// The program and its own arguments, e.g. `/usr/sbin/sendmail` or `msmtp --account=work`.
    public var command: [String]

    public init(command: [String]) {
        self.command = command
    }

    public func deliver(_ messages: [OutgoingMessage]) async -> [DeliveryOutcome] {
        messages.map(deliverOne)
    }

    private func deliverOne(_ message: OutgoingMessage) -> DeliveryOutcome {
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
