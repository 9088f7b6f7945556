import AfterwordCore
import AfterwordDelivery
import AfterwordStore
import Foundation
import IMAP
import SASL

/// What a look in the Sent folder found for a message that may have been delivered.
public struct SentLookup: Sendable, Equatable {
    public var draftId: Int64
    public var recipient: String
    /// True when a message with exactly its Message-ID is in Sent, false when none is, nil when it could
    /// not be told (handed to the user's own mail program, which gives its own Message-ID).
    public var found: Bool?
    /// What was found, in the user's words.
    public var note: String
}

extension Workspace {
    /// The IMAP server that keeps the Sent folder, or nil when none is set (imap.host, or the provider's).
    /// - Throws: a ``UserError`` for an unencrypted remote server or a missing login.
    static func imapSettings(_ config: Config) throws -> IMAPSettings? {
        guard let host = config[.imapHost] else { return nil }
        let security = IMAPSettings.Security(rawValue: config[.imapSecurity].rawValue) ?? .tls
        if security == .none, !["127.0.0.1", "::1", "localhost"].contains(host) {
            throw UserError("imap.security none sends your password in the clear; it is allowed only for a server on this machine (127.0.0.1)")
        }
        guard let user = config[.imapUser] ?? config[.smtpUser] else {
            throw UserError(
                "imap.user (or smtp.user) is not set: the Sent folder is reached with your login", remedy: .setSetting("smtp.user", example: "you@example.com"))
        }
        let credentials: SASLCredentials
        switch try secret(config) {
        case .password(let password): credentials = SASLCredentials(username: user, password: password)
        case .token(let token): credentials = SASLCredentials(username: user, token: token)
        }
        return IMAPSettings(
            host: host, port: config[.imapPort] ?? (security == .tls ? 993 : 143), security: security, credentials: credentials,
            authMethod: config[.smtpAuth], trustedCertificates: config[.smtpCAFile], timeout: .seconds(Int64(config[.smtpTimeout])))
    }

    /// Puts a copy of each sent message (its exact bytes) in the Sent folder, as `sent.copy` says: with
    /// `auto`, only when the server did not file one itself. One connection for all of them.
    /// - Returns: one line per message for the user, or nil where there was nothing to do. A failure here
    ///   never changes what the ledger says about the delivery.
    func fileInSent(_ messages: [(bytes: [UInt8], messageId: String)], config: Config) async -> [String?] {
        let mode = config[.sentCopy]
        guard mode != .never, !messages.isEmpty else { return messages.map { _ in nil } }
        let settings: IMAPSettings
        do {
            guard let found = try Self.imapSettings(config) else {
                let line = mode == .always ? "no copy in Sent: imap.host is not set (set it, or choose your provider with config set provider)" : nil
                return messages.map { _ in line }
            }
            settings = found
        } catch {
            let line = "no copy in Sent (the message itself was sent): \((error as? UserError)?.message ?? "\(error)")"
            return messages.map { _ in line }
        }
        var lines: [String?] = []
        do {
            let client = try await IMAPClient.connect(settings)
            do {
                let folder = try await client.sentMailbox()
                for message in messages {
                    lines.append(try await fileOne(message, in: folder, mode: mode, client: client))
                }
            } catch {
                await client.logout()
                throw error
            }
            await client.logout()
        } catch {
            let line = "no copy in Sent (the message itself was sent): \(error)"
            lines += Array(repeating: line, count: messages.count - lines.count)
        }
        return lines
    }

    private func fileOne(_ message: (bytes: [UInt8], messageId: String), in folder: String, mode: SentCopy, client: IMAPClient) async throws
        -> String
    {
        do {
            if mode == .auto {
                // A server that files its own copy (Gmail, Microsoft 365) may take a moment: look twice.
                for attempt in 0..<2 {
                    if attempt > 0 { try await Task.sleep(for: .milliseconds(1_500)) }
                    if try await !client.messages(withMessageId: Self.bracketed(message.messageId), in: folder).isEmpty {
                        return "your mail server filed its own copy in \(folder)"
                    }
                }
            }
            try await client.append(message.bytes, to: folder)
            return "a copy is in your \(folder) folder"
        } catch let error as IMAPError where error.kind == .refused {
            return "no copy in Sent (the message itself was sent): \(error)"
        }
    }

    /// Looks for every uncertain message in the Sent folder by its Message-ID and records what was
    /// found; nothing is marked sent or sent again: the user confirms with ``resolve(draftId:delivered:)``.
    /// - Throws: a ``UserError`` when no IMAP server is set or it cannot be reached.
    public func lookInSent() async throws -> [SentLookup] {
        let store = try openStore()
        let config = try loadConfig()
        try storeCall { try store.sweepInterrupted(now: now) }
        let entries = try storeCall { try store.uncertainEntries() }
        guard !entries.isEmpty else { return [] }
        guard let settings = try Self.imapSettings(config) else {
            throw UserError(
                "to look in your Sent folder Afterword needs your IMAP server: choose your provider (config set provider …) or set imap.host",
                remedy: .setSetting("imap.host", example: "imap.example.com"))
        }
        let people = try storeCall { try store.draftsAndInterviewers(draftIds: [], interviewerIds: entries.map(\.interviewerId)).1 }
        let client: IMAPClient
        do {
            client = try await IMAPClient.connect(settings)
        } catch {
            throw UserError("the Sent folder could not be read: \(error)")
        }
        var lookups: [SentLookup] = []
        do {
            let folder = try await client.sentMailbox()
            let checked = ISO8601.display(now, in: config.timeZone ?? .current)
            for entry in entries {
                let name = people[entry.interviewerId]?.name ?? "?"
                guard let messageId = entry.messageId, !entry.transport.isHandOff else {
                    lookups.append(
                        SentLookup(
                            draftId: entry.draftId, recipient: name, found: nil,
                            note: "handed to your own mail program, which gives it its own Message-ID: look in its Sent folder yourself"))
                    continue
                }
                let copies = try await client.messages(withMessageId: Self.bracketed(messageId), in: folder).count
                let note =
                    copies > 0
                    ? "found in \(folder)\(copies > 1 ? " (\(copies) copies)" : "") when checked at \(checked): it was delivered"
                    : "not found in \(folder) when checked at \(checked): it was probably not delivered"
                try storeCall { try store.noteSentLookup(entry.storedID, note) }
                lookups.append(SentLookup(draftId: entry.draftId, recipient: name, found: copies > 0, note: note))
            }
        } catch let error as UserError {
            await client.logout()
            throw error
        } catch {
            await client.logout()
            throw UserError("the Sent folder could not be read: \(error)")
        }
        await client.logout()
        return lookups
    }

    /// Links that open the draft, filled in, in the user's own mail program (mailto:) and in the web mail
    /// people use; nothing is recorded until the user says it went (``recordSentElsewhere(draftId:)``).
    /// - Returns: a label and an address for each; empty for a note card.
    public func composeLinks(draftId: Int64) throws -> [(label: String, url: String)] {
        let store = try openStore()
        let context = try draftContext(draftId, store: store)
        guard context.draft.channel == .email, let address = context.person.email else { return [] }
        // Not offered until the centre's review approves the draft as it stands.
        if (try? allowLeaving(context)) == nil { return [] }
        // Its day words as they are true now ("today", "yesterday").
        let draft = try retimed(context.draft, interview: context.detail.interview, sendAt: max(now, context.detail.interview.endsAt), store: store)
        return [("My mail program", MailtoURL.make(to: address, subject: draft.subject, body: draft.body))]
            + WebmailURL.allCases.map { ($0.label, $0.compose(to: address, subject: draft.subject, body: draft.body)) }
    }

    /// Records a thank-you the user sent from their own mail program or web mail, once they say it went:
    /// the ledger refuses a second one as it refuses a second send (AW-ONCE).
    public func recordSentElsewhere(draftId: Int64) throws -> LedgerEntry {
        let store = try openStore()
        let context = try draftContext(draftId, store: store)
        try allowLeaving(context)
        let clock = now
        let entry = try storeCall {
            try store.open(
                context.draft, state: .sending, scheduledAt: nil, transport: .mailto, messageId: MailMessage.makeMessageId(from: "afterword.invalid"),
                now: clock)
        }
        try storeCall { try store.close(entry.storedID, as: .sent, reply: "sent from your own mail program (you said it went)", now: clock) }
        var sent = entry
        sent.state = .sent
        return sent
    }

    /// A Message-ID as its header writes it, in angle brackets (the ledger keeps it without them).
    static func bracketed(_ messageId: String) -> String {
        messageId.hasPrefix("<") ? messageId : "<\(messageId)>"
    }

    /// The notes kept on messages on their way, by draft: what the Sent folder showed for an uncertain
    /// one, why a scheduled one has not left.
    public func ledgerNotes() throws -> [Int64: String] {
        let store = try openStore()
        return try storeCall { try store.ledgerNotes() }
    }
}
