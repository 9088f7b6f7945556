import AfterwordCore
import AfterwordDelivery
import AfterwordStore
import ArgumentParser
import Foundation
import SMTP

/// `afterword send`: each thank-you exactly once, at a civil hour.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send a thank-you exactly once, in the recipient's business hours (or hand it to your mail program).",
        discussion: """
            By default a draft leaves at the next slot in the recipient's business hours (09:00–17:00,
            Monday–Friday, in the interview's time zone), not in the first half hour after the interview.
            A later slot is recorded as scheduled; `afterword send --due` (from cron or a systemd timer)
            sends what is due. Every message is in the ledger before it leaves; a second thank-you to the
            same interviewer for the same interview is refused (AW-ONCE).
            """
    )

    enum Resolution: String, ExpressibleByArgument, CaseIterable {
        case delivered
        case notDelivered = "not-delivered"
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The draft's id.") var draft: String?
    @Flag(help: "Send now, whatever the hour (your explicit choice).") var now = false
    @Option(help: ArgumentHelp("Send at this time, e.g. 2026-11-27T09:30-05:00.", valueName: "date-time")) var at: String?
    @Flag(help: "Send although the checker has warnings (never with errors).") var anyway = false
    @Option(help: ArgumentHelp("Write the message as an .eml file for your own mail program.", valueName: "file")) var eml: String?
    @Flag(help: "Print a mailto: link with the subject and body.") var mailto = false
    @Flag(name: .customLong("open"), help: "With --mailto, open the link in your mail program.") var openLink = false
    @Option(help: "After checking your Sent folder: delivered or not-delivered.") var resolve: Resolution?
    @Flag(help: "Send every scheduled thank-you whose time has come.") var due = false

    func validate() throws {
        if due {
            guard draft == nil, !now, at == nil, eml == nil, !mailto, resolve == nil else {
                throw ValidationError("--due sends what is scheduled; give no draft and no other option with it")
            }
        } else if draft == nil {
            throw ValidationError("give a draft id (see `afterword status`), or --due")
        }
        if now && at != nil { throw ValidationError("--now and --at contradict each other; choose one") }
        if openLink && !mailto { throw ValidationError("--open goes with --mailto") }
    }

    func run() async throws {
        let store = try global.openStore()
        let config = try global.loadConfig()
        if due {
            try await sendDue(store: store, config: config)
            return
        }
        let id = try parseID(draft ?? "", "draft")
        let clock = global.now
        if let resolve {
            let entry = try storeCall { try store.resolve(draftId: id, delivered: resolve == .delivered, now: clock) }
            Console.out(
                entry.state == .sent
                    ? "Recorded as delivered. No further thank-you will go to this interviewer for this interview."
                    : "Recorded as not delivered; `afterword send \(id)` may send it again.")
            return
        }
        let (draft, detail, person) = try DraftContext.load("\(id)", store: store)
        guard draft.channel == .email, let address = person.email else {
            throw UserError(
                "draft #\(id) is a note card (no e-mail address for \(person.name)); print it, post it, then record it with `afterword note mailed \(id)`")
        }
        try Self.guardEtiquette(draft, interview: detail.interview, recipient: person.name, anyway: anyway)
        guard let from = config.values["email"] else {
            throw UserError("your e-mail address is not set; `afterword config set email you@example.com`")
        }
        let zone = config.timeZone ?? TimeZone.current
        let messageId = MailMessage.makeMessageId(from: from)
        let message = MailMessage(
            from: Mailbox(name: config.values["name"], address: from), to: [Mailbox(name: person.name, address: address)],
            subject: draft.subject ?? "", date: clock, zone: zone, messageId: messageId, body: draft.body)
        let outgoing = OutgoingMessage(envelopeFrom: from, recipients: [address], bytes: message.rendered())

        if eml != nil || mailto {
            try handOff(draft, message: message, outgoing: outgoing, address: address, store: store, now: clock)
            return
        }
        var sendAt = clock
        if let at {
            guard let (date, _) = ISO8601.parse(at, defaultZone: zone) else {
                throw UserError("--at: \"\(at)\" is not a date and time; write it like 2026-11-27T09:30-05:00")
            }
            sendAt = date
        } else if !now {
            let plan = SendPlan(for: detail.interview, now: clock)
            sendAt = plan.at
            if plan.isLate { Console.note("the next business-hours slot is after the 24 hours; it still goes at the earliest civil time") }
        }
        if sendAt > clock.addingTimeInterval(30) {
            let entry = try ledgerCall {
                try store.open(draft, state: .scheduled, scheduledAt: sendAt, transport: try Self.transport(config).name, messageId: messageId, now: clock)
            }
            if output.json {
                try Console.json(SentShape(entry, outcome: nil))
            } else {
                Console.out(
                    "Scheduled for \(ISO8601.display(sendAt, in: detail.interview.zone)), in \(person.name)'s business hours. `afterword send --due` (from cron or a timer) sends it then; `afterword send \(id) --now` sends it at once.")
            }
            return
        }
        let courier = Courier(ledger: store, transport: try Self.transport(config), clock: { Date() })
        let (entry, outcome) = try await ledgerCall { try await courier.send(draft, message: outgoing, messageId: messageId) }
        try report(entry, outcome, name: person.name)
    }

    /// Refuses a draft with errors, and one with warnings unless `--anyway`.
    static func guardEtiquette(_ draft: Draft, interview: Interview, recipient: String, anyway: Bool) throws {
        let findings = DraftCheck.findings(draft, interview: interview, interviewer: recipient)
        let errors = findings.filter { $0.severity == .error }
        let warnings = findings.filter { $0.severity == .warning }
        for finding in errors + (anyway ? [] : warnings) {
            FileHandle.standardError.write(Data((FindingText.line(finding, path: "draft #\(draft.id ?? 0)") + "\n").utf8))
        }
        if !errors.isEmpty {
            throw UserError("not sent: the draft breaks \(Set(errors.map(\.rule.rawValue)).sorted().joined(separator: ", ")); fix it with `afterword draft \(draft.interviewId) --interviewer \(draft.interviewerId) --edit`")
        }
        if !warnings.isEmpty, !anyway {
            throw UserError("not sent: the draft has warnings (\(Set(warnings.map(\.rule.rawValue)).sorted().joined(separator: ", "))); fix them, or send with --anyway")
        }
    }

    private func handOff(_ draft: Draft, message: MailMessage, outgoing: OutgoingMessage, address: String, store: AppDatabase, now: Date) throws {
        let transport = eml != nil ? "eml" : "mailto"
        let existing = try store.ledger(forDraft: draft.id ?? 0).first { [.sent, .sending, .scheduled, .uncertain].contains($0.state) }
        let handedOffBefore = existing.map { $0.state == .uncertain && ["eml", "mailto"].contains($0.transport) } ?? false
        if existing != nil, !handedOffBefore {
            // Sent, scheduled or on its way: the ledger refuses and says why (AW-ONCE); nothing is written.
            _ = try ledgerCall {
                try store.open(draft, state: .sending, scheduledAt: nil, transport: transport, messageId: message.messageId, now: now)
            }
        }
        if let eml {
            do {
                try Data(outgoing.bytes).write(to: URL(fileURLWithPath: eml))
            } catch {
                throw UserError("cannot write \(eml): \(error.localizedDescription)")
            }
            Console.out("Wrote \(eml). Open it in your mail program and send it; then `afterword send \(draft.id ?? 0) --resolve delivered`.")
        } else {
            let url = MailtoURL.make(to: address, subject: draft.subject, body: draft.body)
            Console.out(url)
            if openLink {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = [FileManager.default.fileExists(atPath: "/usr/bin/open") ? "open" : "xdg-open", url]
                try? process.run()
            }
        }
        if existing == nil {
            // Handed to the user's own mail program: held as uncertain until they confirm it went.
            let entry = try ledgerCall {
                try store.open(draft, state: .sending, scheduledAt: nil, transport: transport, messageId: message.messageId, now: now)
            }
            try store.close(
                entry.id ?? 0, as: .uncertain,
                reply: "handed to your own mail program (\(transport)); once sent, run `afterword send \(draft.id ?? 0) --resolve delivered`",
                now: now)
        }
    }

    private func sendDue(store: AppDatabase, config: Config) async throws {
        try store.sweepInterrupted(now: global.now)
        let transport = try Self.transport(config)
        guard let from = config.values["email"] else {
            throw UserError("your e-mail address is not set; `afterword config set email you@example.com`")
        }
        let zone = config.timeZone ?? TimeZone.current
        let courier = Courier(ledger: store, transport: transport, clock: { [global] in global.now })
        var names: [Int64: String] = [:]
        let results = try await courier.sendDue { entry in
            guard let draft = try? store.draft(id: entry.draftId), let person = try? store.interviewer(id: entry.interviewerId),
                let address = person.email
            else { return nil }
            names[entry.id ?? 0] = person.name
            let message = MailMessage(
                from: Mailbox(name: config.values["name"], address: from), to: [Mailbox(name: person.name, address: address)],
                subject: draft.subject ?? "", date: Date(), zone: zone, messageId: entry.messageId ?? MailMessage.makeMessageId(from: from),
                body: draft.body)
            return OutgoingMessage(envelopeFrom: from, recipients: [address], bytes: message.rendered())
        }
        if output.json {
            try Console.json(results.map { SentShape($0.0, outcome: $0.1) })
            return
        }
        if results.isEmpty { Console.out("Nothing is due.") }
        for (entry, outcome) in results {
            Console.out("draft #\(entry.draftId) to \(names[entry.id ?? 0] ?? "?"): \(Self.describe(outcome))")
        }
        if results.contains(where: { if case .accepted = $0.1 { return false } else { return true } }) { throw ExitCode.failure }
    }

    private func report(_ entry: LedgerEntry, _ outcome: DeliveryOutcome, name: String) throws {
        if output.json {
            try Console.json(SentShape(entry, outcome: outcome))
        } else {
            Console.out("draft #\(entry.draftId) to \(name): \(Self.describe(outcome))")
        }
        switch outcome {
        case .accepted: return
        case .failed: throw UserError("not delivered; correct what the server said and send again", exitCode: 1)
        case .uncertain:
            throw UserError(
                "the send was interrupted and may have been delivered; look in your Sent folder, then `afterword send \(entry.draftId) --resolve delivered` or `--resolve not-delivered`",
                exitCode: 1)
        }
    }

    static func describe(_ outcome: DeliveryOutcome) -> String {
        switch outcome {
        case .accepted(let reply): "sent (\(reply))"
        case .failed(let reason): "failed: \(reason)"
        case .uncertain(let reason): "uncertain: \(reason)"
        }
    }

    /// The configured way out: SMTP or sendmail.
    static func transport(_ config: Config) throws -> any Transport {
        let values = config.values
        let choice = values["transport"] ?? (values["smtp.host"] != nil ? "smtp" : (values["sendmail.command"] != nil ? "sendmail" : ""))
        switch choice {
        case "smtp":
            return SMTPTransport(
                settings: try smtpSettings(values), attempts: Int(values["smtp.attempts"] ?? "") ?? 3,
                backoff: .milliseconds(Int64(Double(values["smtp.retryDelay"] ?? "") ?? 2) * 1000))
        case "sendmail":
            let command = (values["sendmail.command"] ?? "/usr/sbin/sendmail").split(separator: " ").map(String.init)
            return SendmailTransport(command: command)
        default:
            throw UserError(
                "no way to send e-mail is configured; `afterword config set smtp.host smtp.example.com` (or sendmail.command), or use --eml FILE / --mailto")
        }
    }

    static func smtpSettings(_ values: [String: String]) throws -> SMTPSettings {
        guard let host = values["smtp.host"] else { throw UserError("smtp.host is not set; `afterword config set smtp.host …`") }
        let security = SMTPSettings.Security(rawValue: values["smtp.security"] ?? "starttls") ?? .startTLS
        if security == .none, !["127.0.0.1", "::1", "localhost"].contains(host) {
            throw UserError("smtp.security none sends your password and mail in the clear; it is allowed only for a server on this machine (127.0.0.1)")
        }
        let port = Int(values["smtp.port"] ?? "") ?? (security == .tls ? 465 : (security == .none ? 25 : 587))
        var password: String?
        if values["smtp.user"] != nil { password = try Self.password(values) }
        let seconds = Int64(values["smtp.timeout"] ?? "") ?? 60
        return SMTPSettings(
            host: host, port: port, security: security, username: values["smtp.user"], password: password,
            heloName: ProcessInfo.processInfo.hostName.isEmpty ? "localhost" : ProcessInfo.processInfo.hostName,
            trustedCertificates: values["smtp.caFile"],
            timeouts: SMTPTimeouts(connect: .seconds(min(seconds, 30)), greeting: .seconds(seconds), command: .seconds(seconds), endOfData: .seconds(seconds * 2)))
    }

    /// The SMTP password from the environment or a command; never from the settings file.
    static func password(_ values: [String: String]) throws -> String {
        if let variable = values["smtp.passwordEnv"] {
            guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else {
                throw UserError("smtp.passwordEnv names $\(variable), which is not set in this environment")
            }
            return value
        }
        if let command = values["smtp.passwordCommand"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw UserError("smtp.passwordCommand failed (exit status \(process.terminationStatus)); run it yourself to see why")
            }
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        }
        throw UserError("smtp.user is set but no password source; set smtp.passwordEnv or smtp.passwordCommand")
    }

    struct SentShape: Encodable {
        var id: Int64
        var draft: Int64
        var state: MessageState
        var transport: String
        var messageId: String?
        var scheduledAt: Date?
        var reply: String?

        init(_ entry: LedgerEntry, outcome: DeliveryOutcome?) {
            id = entry.id ?? 0
            draft = entry.draftId
            state = entry.state
            transport = entry.transport
            messageId = entry.messageId
            scheduledAt = entry.scheduledAt
            if let outcome { reply = SendCommand.describe(outcome) }
        }
    }
}

/// Runs a ledger call, turning an AW-ONCE refusal into a user error.
func ledgerCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let refusal as LedgerRefusal {
        throw UserError("not sent: \(refusal.description)")
    } catch let error as StoreError {
        throw UserError(error.message)
    }
}

func ledgerCall<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let refusal as LedgerRefusal {
        throw UserError("not sent: \(refusal.description)")
    } catch let error as StoreError {
        throw UserError(error.message)
    }
}
