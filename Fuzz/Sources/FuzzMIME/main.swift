import Foundation

/// Any bytes as the parts of a message (names, subject, body, split at NUL bytes): the rendered
/// message's header never gains a line of its own from a field's text, and no line is over 998 bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIME(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let parts = UnsafeBufferPointer(start: data, count: size).split(separator: 0, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    func part(_ index: Int) -> String { index < parts.count ? parts[index] : "" }
    let message = MailMessage(
        from: Mailbox(name: part(0), address: "alex@example.com"),
        to: [Mailbox(name: part(1), address: "dana@acme.com")],
        subject: part(2), date: Date(timeIntervalSince1970: 1_795_726_800),
        zone: TimeZone(secondsFromGMT: 0) ?? .current,
        messageId: "fuzz@example.com", body: part(3))
    let rendered = message.rendered()
    let text = String(decoding: rendered, as: UTF8.self)
    let header = text.components(separatedBy: "\r\n\r\n").first ?? ""
    // Exactly these header fields, in this order; any other line is a continuation (starts with a space or tab).
    let fields = header.components(separatedBy: "\r\n").filter { $0.first != " " && $0.first != "\t" }
        .map { $0.prefix { $0 != ":" } }
    let expected = [
        "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
        "X-Mailer",
    ]
    precondition(fields.map(String.init) == expected, "an injected or missing header field: \(fields)")
    for line in text.components(separatedBy: "\r\n") { precondition(line.utf8.count <= 998, "a line over 998 bytes") }
    return 0
}
