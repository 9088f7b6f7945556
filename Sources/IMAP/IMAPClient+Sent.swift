/// The Sent folder: found whatever its name, searched for a message by its Message-ID, appended to.
extension IMAPClient {
    /// Names the Sent folder commonly has where the server marks none with `\Sent` (RFC 6154).
    static let sentNames = ["Sent", "Sent Items", "Sent Messages", "Sent Mail", "[Gmail]/Sent Mail", "INBOX.Sent", "INBOX/Sent"]

    /// The Sent folder's name as the server writes it: the one marked `\Sent`, else one of the usual names.
    /// - Throws: ``IMAPError`` when the server has none.
    public func sentMailbox() async throws -> String {
        let listed = try await run(.listAll).untagged.compactMap(Self.mailbox(inList:))
        if let marked = listed.first(where: { $0.attributes.contains("\\SENT") }) { return marked.name }
        for name in Self.sentNames {
            if let found = listed.first(where: { $0.name.lowercased() == name.lowercased() && !$0.attributes.contains("\\NOSELECT") }) {
                return found.name
            }
        }
        throw IMAPError(
            kind: .refused, stage: "LIST",
            detail: "the mailbox has no Sent folder (none marked as Sent, none named Sent or Sent Items); create one in your mail program, or set sent.copy never")
    }

    /// The UIDs of the messages in `mailbox` whose Message-ID header is exactly `messageId`: the server's
    /// search matches parts of headers, so each hit's header is fetched and compared whole.
    public func messages(withMessageId messageId: String, in mailbox: String) async throws -> [UInt32] {
        _ = try await run(.examine(mailbox))
        let found = try await run(.uidSearchMessageID(messageId)).untagged.flatMap(Self.uids(inSearch:))
        guard !found.isEmpty else { return [] }
        var matching: [UInt32] = []
        // At most 100 candidates are read: more messages containing the id is a server not matching it.
        let fetched = try await run(.uidFetchMessageIDs(Array(found.prefix(100))))
        for line in fetched.untagged {
            guard let (uid, header) = Self.messageIdHeader(inFetch: line) else { continue }
            if Self.messageId(inHeader: header) == messageId { matching.append(uid) }
        }
        return matching
    }

    /// Appends `message` (its exact bytes) to `mailbox`, marked as read.
    /// - Returns: the new message's UID when the server says it (UIDPLUS).
    @discardableResult
    public func append(_ message: [UInt8], to mailbox: String) async throws -> UInt32? {
        let completion = try await run(.append(mailbox: mailbox, message: message))
        // "[APPENDUID validity uid] APPEND completed"
        let words = completion.text.split(separator: " ")
        guard let index = words.firstIndex(where: { $0.uppercased() == "[APPENDUID" }), index + 2 < words.count else { return nil }
        return UInt32(words[index + 2].prefix { $0.isNumber })
    }

    // MARK: - Reading responses

    /// A mailbox in a LIST response: `LIST (\HasNoChildren \Sent) "/" "Sent Items"`.
    static func mailbox(inList line: IMAPResponseLine) -> (name: String, attributes: Set<String>)? {
        guard let values = try? line.values(), values.count >= 4, values[0].text?.uppercased() == "LIST",
            case .list(let flags) = values[1], let name = values[3].text
        else { return nil }
        return (name, Set(flags.compactMap { $0.text?.uppercased() }))
    }

    /// The numbers in a SEARCH response: `SEARCH 4 9 12`.
    static func uids(inSearch line: IMAPResponseLine) -> [UInt32] {
        guard let values = try? line.values(), values.first?.text?.uppercased() == "SEARCH" else { return [] }
        return values.dropFirst().compactMap { $0.text.flatMap { UInt32($0) } }
    }

    /// The UID and header bytes in a FETCH response: `12 FETCH (UID 7 BODY[HEADER.FIELDS (MESSAGE-ID)] {58}…)`.
    static func messageIdHeader(inFetch line: IMAPResponseLine) -> (UInt32, String)? {
        guard let values = try? line.values(), values.count >= 3, values[1].text?.uppercased() == "FETCH",
            case .list(let items) = values[2]
        else { return nil }
        var uid: UInt32?
        var header: String?
        var index = 0
        while index + 1 < items.count {
            let key = items[index].text?.uppercased() ?? ""
            if key == "UID" { uid = items[index + 1].text.flatMap { UInt32($0) } }
            if key.hasPrefix("BODY[") { header = items[index + 1].text }
            index += 2
        }
        guard let uid, let header else { return nil }
        return (uid, header)
    }

    /// The Message-ID in a header block (unfolded, whitespace trimmed), or nil.
    static func messageId(inHeader header: String) -> String? {
        let unfolded = header.replacing("\r\n ", with: " ").replacing("\r\n\t", with: " ").replacing("\n ", with: " ")
        for line in unfolded.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == "message-id" else { continue }
            return String(line[line.index(after: colon)...]).trimmingWhitespace()
        }
        return nil
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
