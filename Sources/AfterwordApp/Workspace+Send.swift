import AfterwordCore
import AfterwordDelivery
import AfterwordStore
import Foundation
import SASL
import SMTP

/// When a thank-you should leave.
public enum SendTiming: Sendable, Equatable {
    /// At the next slot in the recipient's business hours (the default).
    case businessHours
    /// At once, whatever the hour (the user's explicit choice).
    case now
    /// At this time.
    case at(Date)
}

/// What became of a send.
public enum SendResult: Sendable {
    /// Recorded for later; `send --due` (or the web UI's timer) sends it then.
    case scheduled(LedgerEntry, at: Date, zone: TimeZone, late: Bool)
    /// Handed to the server now; `sentCopy` says what became of the copy in Sent, when there was one to make.
    case attempted(LedgerEntry, DeliveryOutcome, sentCopy: String?)
}

extension Workspace {
    /// Sends (or schedules) one draft exactly once.
    ///
    /// Refuses a thank-you to someone who already has one for the interview (AW-ONCE, said first), an
    /// earlier version of a draft unless `earlierVersion`, a note card, a draft with checker errors, and
    /// one with warnings unless `anyway`.
    public func send(draftId: Int64, timing: SendTiming, anyway: Bool, earlierVersion: Bool = false) async throws -> SendResult {
        let ready = try prepare(draftId, anyway: anyway, timing: timing, earlierVersion: earlierVersion)
        let (store, draft, detail, clock) = (ready.store, ready.context.draft, ready.context.detail, ready.clock)
        let messageId = ready.message.messageId
        let (sendAt, late) = (ready.sendAt, ready.late)
        let transport = try Self.transport(ready.config)
        try seat?.allowTransport(transport.kind)
        if sendAt > clock.addingTimeInterval(30) {
            let entry = try storeCall {
                try store.open(draft, state: .scheduled, scheduledAt: sendAt, transport: transport.kind, messageId: messageId, now: clock)
            }
            return .scheduled(entry, at: sendAt, zone: detail.interview.zone, late: late)
        }
        let courier = Courier(ledger: store, transport: transport, clock: { [self] in self.now })
        let (entry, outcome) = try await storeCall { try await courier.send(draft, message: ready.outgoing, messageId: messageId) }
        guard case .accepted = outcome else { return .attempted(entry, outcome, sentCopy: nil) }
        let copy = await fileInSent([(ready.outgoing.bytes, messageId)], config: ready.config).first ?? nil
        return .attempted(entry, outcome, sentCopy: copy)
    }

    /// Sends every scheduled thank-you whose time has come.
    ///
    /// When the way out cannot be set up (no password in this environment, a token command that fails),
    /// nothing is claimed and each due message keeps the reason, which `status` shows.
    /// - Returns: each message's ledger entry, outcome, the recipient's name and what became of its copy in Sent.
    public func sendDue() async throws -> [(LedgerEntry, DeliveryOutcome, String, String?)] {
        let store = try openStore()
        let config = try loadConfig()
        try storeCall { try store.sweepInterrupted(now: now) }
        let transport: any Transport
        let from: String
        do {
            transport = try Self.transport(config)
            try seat?.allowTransport(transport.kind)
            from = try Self.sender(config)
            try storeCall { try store.noteDeferral(try store.due(now: now).map(\.storedID), nil) }
        } catch let error as UserError {
            let due = (try? store.due(now: now).map(\.storedID)) ?? []
            let checked = ISO8601.display(now, in: config.timeZone ?? .current)
            try? store.noteDeferral(due, "could not leave at \(checked): \(error.message)")
            throw error
        }
        let courier = Courier(ledger: store, transport: transport, clock: { [self] in self.now })
        var names: [Int64: String] = [:]
        var sentBytes: [Int64: (bytes: [UInt8], messageId: String)] = [:]
        let due = try store.due(now: now)
        let (drafts, people) = try store.draftsAndInterviewers(draftIds: due.map(\.draftId), interviewerIds: due.map(\.interviewerId))
        let results = try await courier.sendDue { entry in
            // Afterword's own day words are made true for the moment it leaves ("today" on the day, "on Friday" after).
            guard let stored = drafts[entry.draftId] ?? (try? store.draft(id: entry.draftId)),
                let interview = try? store.interview(id: stored.interviewId).interview,
                let draft = try? self.retimed(stored, interview: interview, sendAt: self.now, store: store),
                let person = people[entry.interviewerId] ?? (try? store.interviewer(id: entry.interviewerId)),
                let address = person.email
            else { return nil }
            names[entry.storedID] = person.name
            let messageId = entry.messageId ?? MailMessage.makeMessageId(from: from)
            let outgoing = Self.message(draft, to: person, address: address, config: config, from: from, messageId: messageId, date: Date()).outgoing
            sentBytes[entry.storedID] = (outgoing.bytes, messageId)
            return outgoing
        }
        let accepted = results.compactMap { result -> (id: Int64, copy: (bytes: [UInt8], messageId: String))? in
            guard case .accepted = result.1, let copy = sentBytes[result.0.storedID] else { return nil }
            return (result.0.storedID, copy)
        }
        let copies = Dictionary(
            zip(accepted.map(\.id), await fileInSent(accepted.map(\.copy), config: config)), uniquingKeysWith: { first, _ in first })
        return results.map { ($0.0, $0.1, names[$0.0.storedID] ?? "?", copies[$0.0.storedID] ?? nil) }
    }

    /// Hands a draft to the user's own mail program (an .eml file or a mailto: link), exactly once.
    ///
    /// The hand-off is recorded before it happens ("handed to your mail program"): when the record
    /// cannot be written (the database busy, the disk full), nothing is written or shown and the error
    /// says why. It is then held as uncertain until the user says it went. A `deliver` that throws is
    /// recorded as failed, so that the user may try again.
    /// - Parameters:
    ///   - transport: ``TransportKind/eml`` or ``TransportKind/mailto`` (a hand-off).
    ///   - anyway: hand it over although the checker has warnings (never with errors).
    ///   - deliver: receives the message's bytes and its mailto: link.
    public func handOff(
        draftId: Int64, transport: TransportKind, anyway: Bool, earlierVersion: Bool = false, deliver: (_ bytes: [UInt8], _ mailto: String) throws -> Void
    ) throws {
        let ready = try prepare(draftId, anyway: anyway, timing: nil, earlierVersion: earlierVersion)
        let (store, draft, message, clock) = (ready.store, ready.context.draft, ready.message, ready.clock)
        let existing = try storeCall { try store.ledger(forDraft: draftId) }.first { MessageState.live.contains($0.state) }
        let handedOffBefore = existing.map { $0.state == .uncertain && $0.transport.isHandOff } ?? false
        if existing != nil, !handedOffBefore {
            // Sent, scheduled or on its way: the ledger refuses and says why (AW-ONCE); nothing is written.
            _ = try storeCall {
                try store.open(draft, state: .sending, scheduledAt: nil, transport: transport, messageId: message.messageId, now: clock)
            }
        }
        // Recorded first: a process killed after the file is written leaves `sending`, which becomes uncertain.
        let entry = try existing == nil ? storeCall {
            try store.open(draft, state: .sending, scheduledAt: nil, transport: transport, messageId: message.messageId, now: clock)
        } : nil
        do {
            try deliver(ready.outgoing.bytes, MailtoURL.make(to: ready.address, subject: draft.subject, body: draft.body))
        } catch {
            if let entry { try? store.close(entry.storedID, as: .failed, reply: "not handed over: \(error)", now: clock) }
            throw error
        }
        if let entry {
            // Handed to the user's own mail program: held as uncertain until they confirm it went.
            try storeCall {
                try store.close(
                    entry.storedID, as: .uncertain,
                    reply: "handed to your own mail program (\(transport.rawValue)); waiting for you to say it was sent", now: clock)
            }
        }
    }

    /// Records what the user found in their Sent folder for an uncertain message.
    public func resolve(draftId: Int64, delivered: Bool) throws -> LedgerEntry {
        let store = try openStore()
        return try storeCall { try store.resolve(draftId: draftId, delivered: delivered, now: now) }
    }

    /// An e-mail draft checked and rendered, with what sending it needs.
    private struct Ready {
        var store: any RecordStore
        var config: Config
        var context: DraftContext
        var address: String
        var message: MailMessage
        var outgoing: OutgoingMessage
        var clock: Date
        /// When it leaves: now, the chosen time or the scheduled slot.
        var sendAt: Date
        var late: Bool
    }

    /// The newest thank-you draft to each member of an interview's panel not yet thanked, or to the one
    /// member `name` names: what "send interview 2's thank-yous" means, without draft ids.
    ///
    /// A name is matched by whole words first ("Dan" is Dan Brown, not Dana Smith or Jordan Lee), then by
    /// the start of a word; it must name one person.
    /// - Returns: the drafts to send, and who was thanked already (skipped, each said in a line).
    /// - Throws: when the name is empty, names nobody or several people, or a member has no draft yet.
    public func currentDrafts(interviewId: Int64, to name: String? = nil) throws -> (drafts: [DraftContext], thanked: [String]) {
        let store = try openStore()
        let detail = try storeCall { try store.interview(id: interviewId) }
        guard !detail.interviewers.isEmpty else {
            throw UserError("interview #\(interviewId) has nobody on its panel yet", remedy: .addInterviewer(interview: interviewId))
        }
        var people = detail.interviewers
        if let name {
            people = try Self.named(name, among: people, interviewId: interviewId)
        }
        var drafts: [DraftContext] = []
        var thanked: [String] = []
        for person in people {
            guard let draft = try storeCall({ try store.latestDraft(interviewId: interviewId, interviewerId: person.storedID) }) else {
                throw UserError(
                    "\(person.name) has no thank-you draft for interview #\(interviewId) yet; compose it first",
                    remedy: .composeDrafts(interview: interviewId))
            }
            if let refusal = try storeCall({ try store.onceRefusal(before: draft) }), refusal.existing?.state == .sent {
                thanked.append(person.name)
                continue
            }
            drafts.append(try draftContext(draft.storedID, store: store))
        }
        return (drafts, thanked)
    }

    /// The one panel member `name` names: by whole words, else by the start of words.
    static func named(_ name: String, among people: [Interviewer], interviewId: Int64) throws -> [Interviewer] {
        func words(_ text: String) -> [String] { text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init) }
        let wanted = words(name)
        let panel = people.map(\.name).joined(separator: ", ")
        guard !wanted.isEmpty else {
            throw UserError("say whom to send to by their name; the panel: \(panel)", remedy: .showInterview(interviewId))
        }
        let whole = people.filter { person in wanted.allSatisfy(words(person.name).contains) }
        let started = people.filter { person in wanted.allSatisfy { word in words(person.name).contains { $0.hasPrefix(word) } } }
        let found = whole.isEmpty ? started : whole
        guard found.count == 1 else {
            throw UserError(
                found.isEmpty
                    ? "nobody on interview #\(interviewId)'s panel is called \"\(name)\"; the panel: \(panel)"
                    : "\"\(name)\" names \(found.count) people on interview #\(interviewId)'s panel (\(found.map(\.name).joined(separator: ", "))); give more of the name",
                remedy: .showInterview(interviewId))
        }
        return found
    }

    /// Refuses a draft that a newer one for the same person and interview (or opening) replaced: an
    /// old id typed by mistake must not send the text the user rewrote.
    private func refuseReplaced(_ context: DraftContext, store: any RecordStore) throws {
        let draft = context.draft
        let newest = try storeCall {
            try draft.openingId.map { try store.reconnectDraft(openingId: $0, interviewerId: draft.interviewerId) }
                ?? store.latestDraft(interviewId: draft.interviewId, interviewerId: draft.interviewerId)
        }
        guard let newest, newest.storedID > draft.storedID else { return }
        throw UserError(
            "draft #\(draft.storedID) was replaced by #\(newest.storedID) (a newer version for \(context.person.name)); an earlier version is sent only when you say it is the one you mean",
            remedy: .sendReplaced(draft: draft.storedID, newest: newest.storedID))
    }

    /// Loads a draft and renders its message, refusing a note card, a draft the checker rejects and a missing sender.
    /// - Parameter timing: when it leaves; nil for a hand-off to the user's mail program, now (or, before
    ///   the interview has ended, at its end, so that its day words are those of the day it is sent).
    private func prepare(_ draftId: Int64, anyway: Bool, timing: SendTiming?, earlierVersion: Bool) throws -> Ready {
        let store = try openStore()
        let config = try loadConfig()
        var context = try draftContext(draftId, store: store)
        try allowLeaving(context)
        if let refusal = try storeCall({ try store.onceRefusal(before: context.draft) }) { throw UserError(refusal) }
        if !earlierVersion { try refuseReplaced(context, store: store) }
        let address = try Self.emailAddress(of: context)
        let clock = now
        let (sendAt, late) =
            try timing.map { try Self.leavingTime($0, interview: context.detail.interview, now: clock, draft: draftId) }
            ?? (max(clock, context.detail.interview.endsAt), false)
        context.draft = try retimed(context.draft, interview: context.detail.interview, sendAt: sendAt, store: store)
        if context.draft.isReconnect {
            try Self.reconnectAllowed(
                try acquaintances(in: store), interviewerId: context.draft.interviewerId, name: context.person.name,
                openingId: context.draft.openingId, now: clock)
        }
        let panel = context.draft.isReconnect ? [] : try panelDrafts(context.detail, store: store)
        try Self.guardEtiquette(
            context.draft, interview: context.detail.interview, recipient: context.person.name, anyway: anyway, panel: panel, sendAt: sendAt)
        let from = try Self.sender(config)
        // Handed over again (the file lost, the link reopened), it is the same message: the same Message-ID,
        // so that the Sent folder finds whichever copy left.
        let earlier = try storeCall { try store.ledger(forDraft: draftId) }.first { MessageState.live.contains($0.state) }?.messageId
        let (message, outgoing) = Self.message(
            context.draft, to: context.person, address: address, config: config, from: from,
            messageId: earlier ?? MailMessage.makeMessageId(from: from), date: clock)
        return Ready(
            store: store, config: config, context: context, address: address, message: message, outgoing: outgoing, clock: clock, sendAt: sendAt,
            late: late)
    }

    /// When a thank-you sent with `timing` leaves, and whether that is after its deadline; refuses a
    /// time before the interview has ended or already past.
    static func leavingTime(_ timing: SendTiming, interview: Interview, now clock: Date, draft: Int64) throws -> (at: Date, late: Bool) {
        let ends = interview.endsAt
        let endsText = ISO8601.display(ends, in: interview.zone)
        switch timing {
        case .now:
            guard clock >= ends else {
                throw UserError("not sent: the interview ends at \(endsText), and a thank-you leaves after it", remedy: .scheduleInstead(draft: draft))
            }
            return (clock, false)
        case .at(let date):
            guard date > clock.addingTimeInterval(-60) else {
                throw UserError("not sent: \(ISO8601.display(date, in: interview.zone)) has already passed; choose a later time, or send it now")
            }
            guard date >= ends else {
                throw UserError("not sent: the interview ends at \(endsText), and a thank-you leaves after it; choose a time after that")
            }
            return (date, false)
        case .businessHours:
            let plan = SendPlan(for: interview, now: clock)
            return (plan.at, plan.isLate)
        }
    }

    /// Refuses a draft with errors, and one with warnings unless `anyway`.
    /// - Parameter panel: the latest drafts to the rest of the panel, compared with this one (AW-DISTINCT).
    public static func guardEtiquette(
        _ draft: Draft, interview: Interview, recipient: String, anyway: Bool, panel: [(draft: Draft, name: String)] = [],
        sendAt: Date? = nil
    ) throws {
        let findings = findings(draft, interview: interview, interviewer: recipient, panel: panel, sendAt: sendAt)
        let errors = findings.filter { $0.severity == .error }
        let warnings = findings.filter { $0.severity == .warning }
        let shown = errors + (anyway ? [] : warnings)
        if !errors.isEmpty {
            // A reconnect note is edited where it was written.
            let edit = draft.openingId.map { Remedy.editReconnect(opening: $0, interviewer: draft.interviewerId) }
                ?? .editDraft(interview: draft.interviewId, interviewer: draft.interviewerId)
            throw UserError(
                "not sent: the draft breaks \(Set(errors.map(\.rule.rawValue)).sorted().joined(separator: ", "))", remedy: edit,
                findings: shown, source: "draft #\(draft.storedID)")
        }
        if !warnings.isEmpty, !anyway {
            throw UserError(
                "not sent: the draft has warnings (\(Set(warnings.map(\.rule.rawValue)).sorted().joined(separator: ", ")))",
                remedy: .sendAnyway(draft: draft.storedID), findings: shown, source: "draft #\(draft.storedID)")
        }
    }

    /// Sends a short message from the user to themselves the way thank-yous leave, to try the settings;
    /// nothing enters the ledger.
    public func sendTestMail() async throws -> DeliveryOutcome {
        try await mailToSelf(
            subject: "Afterword test message", body: "This test comes from Afterword's Settings: your thank-yous will leave the same way.\n",
            config: try loadConfig())
    }

    /// A message from the user to themselves, the way thank-yous leave; nothing enters the ledger.
    func mailToSelf(subject: String, body: String, config: Config) async throws -> DeliveryOutcome {
        let from = try Self.sender(config)
        let transport = try Self.transport(config)
        let me = Mailbox(name: config[.name], address: from)
        let message = MailMessage(
            from: me, to: [me], subject: subject, date: now, zone: config.timeZone ?? TimeZone.current,
            messageId: MailMessage.makeMessageId(from: from), body: body)
        let session = transport.session()
        let outcome = await session.deliver(OutgoingMessage(envelopeFrom: from, recipients: [from], bytes: message.rendered()))
        await session.finish()
        return outcome
    }

    /// "sent (250 OK)", "failed: …", "uncertain: …".
    public static func describe(_ outcome: DeliveryOutcome) -> String {
        switch outcome {
        case .accepted(let reply): "sent (\(reply))"
        case .failed(let reason): "failed: \(reason)"
        case .uncertain(let reason): "uncertain: \(reason)"
        }
    }

    /// The configured way out: SMTP or sendmail.
    public static func transport(_ config: Config) throws -> any Transport {
        let choice = config[.transport]
            ?? (config.isSet(.smtpHost) ? .smtp : (config.isSet(.sendmailCommand) ? .sendmail : nil))
        switch choice {
        case .smtp:
            return SMTPTransport(
                settings: try smtpSettings(config), attempts: config[.smtpAttempts], backoff: .seconds(Int64(config[.smtpRetryDelay])))
        case .sendmail:
            return SendmailTransport(command: config[.sendmailCommand].split(separator: " ").map(String.init))
        case nil:
            throw UserError(
                "no way to send e-mail is configured", remedy: .configureSending)
        }
    }

    static func smtpSettings(_ config: Config) throws -> SMTPSettings {
        guard let host = config[.smtpHost] else {
            throw UserError("smtp.host is not set", remedy: .setSetting("smtp.host", example: "smtp.example.com"))
        }
        let security = config[.smtpSecurity]
        if security == .none, !["127.0.0.1", "::1", "localhost"].contains(host) {
            throw UserError("smtp.security none sends your password and mail in the clear; it is allowed only for a server on this machine (127.0.0.1)")
        }
        let port = config[.smtpPort] ?? (security == .tls ? 465 : (security == .none ? 25 : 587))
        let seconds = Int64(config[.smtpTimeout])
        var settings = SMTPSettings(
            host: host, port: port, security: security, username: config[.smtpUser], authMethod: config[.smtpAuth],
            heloName: ProcessInfo.processInfo.hostName.isEmpty ? "localhost" : ProcessInfo.processInfo.hostName,
            trustedCertificates: config[.smtpCAFile],
            timeouts: SMTPTimeouts(connect: .seconds(min(seconds, 30)), greeting: .seconds(seconds), command: .seconds(seconds), endOfData: .seconds(seconds * 2)))
        if config[.smtpUser] != nil {
            switch try Self.secret(config) {
            case .password(let password): settings.password = password
            case .token(let token): settings.token = token
            }
        }
        return settings
    }

    /// The SMTP password or access token, from the environment or a command; never from the settings
    /// file. A token command wins when the sign-in method takes a token (or is auto).
    static func secret(_ config: Config) throws -> SASLCredentials.Secret {
        let method = config[.smtpAuth]
        let wantsToken = method == .xoauth2 || method == .oauthbearer
        let seconds = min(config[.smtpTimeout], 30)
        if let command = config[.smtpTokenCommand], method == .auto || wantsToken {
            return .token(try SecretCommand.secret(command, setting: "smtp.tokenCommand", isToken: true, seconds: seconds))
        }
        if wantsToken {
            throw UserError(
                "smtp.auth \(method.rawValue) signs in with an OAuth2 access token, and smtp.tokenCommand (a command that prints one) is not set",
                remedy: .setSetting("smtp.tokenCommand", example: "'oama access you@outlook.com'"))
        }
        if let variable = config[.smtpPasswordEnv] {
            guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else {
                throw UserError(
                    "smtp.passwordEnv names $\(variable), which is not set in this environment (a scheduled send from cron or a systemd timer does not see your shell's variables; keep the password in your system keyring instead)",
                    remedy: .storePassword)
            }
            return .password(value)
        }
        if let command = config[.smtpPasswordCommand] {
            return .password(try SecretCommand.secret(command, setting: "smtp.passwordCommand", isToken: false, seconds: seconds))
        }
        throw UserError(
            "smtp.user is set but there is no password or token: keep the password in your system keyring, or set smtp.passwordEnv, smtp.passwordCommand or smtp.tokenCommand",
            remedy: .storePassword)
    }

    private static func emailAddress(of context: DraftContext) throws -> String {
        guard context.draft.channel == .email, let address = context.person.email else {
            let id = context.draft.storedID
            throw UserError(
                "draft #\(id) is a note card (no e-mail address for \(context.person.name)); print it, post it, then record it as posted",
                remedy: .recordPosted(draft: id))
        }
        return address
    }

    private static func sender(_ config: Config) throws -> String {
        guard let from = config[.email] else {
            throw UserError("your e-mail address is not set", remedy: .setSetting("email", example: "you@example.com"))
        }
        return from
    }

    private static func message(
        _ draft: Draft, to person: Interviewer, address: String, config: Config, from: String, messageId: String, date: Date
    ) -> (message: MailMessage, outgoing: OutgoingMessage) {
        let message = MailMessage(
            from: Mailbox(name: config[.name], address: from), to: [Mailbox(name: person.name, address: address)],
            subject: draft.subject ?? "", date: date, zone: config.timeZone ?? TimeZone.current, messageId: messageId, body: draft.body)
        return (message, OutgoingMessage(envelopeFrom: from, recipients: [address], bytes: message.rendered()))
    }
}
