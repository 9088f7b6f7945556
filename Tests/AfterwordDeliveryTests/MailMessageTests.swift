import AfterwordTestSupport
import Foundation
import Testing

@testable import AfterwordDelivery

@Suite struct MailMessageTests {
    func write(_ message: MailMessage) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-\(UUID().uuidString).eml")
        try Data(message.rendered()).write(to: url)
        return url
    }

    func message(name: String, subject: String, body: String) -> MailMessage {
        MailMessage(
            from: Mailbox(name: "Alex Doe", address: "alex@example.com"), to: [Mailbox(name: name, address: "dana@acme.com")],
            subject: subject, date: Date(timeIntervalSince1970: 1_795_000_000), zone: TimeZone(identifier: "America/New_York")!,
            messageId: MailMessage.makeMessageId(from: "alex@example.com"), body: body)
    }

    @Test("non-ASCII names and subjects come back exactly through an independent parser, with no defects")
    func international() throws {
        let body = "Dear Zoë Ångström,\n\nThank you — truly.\n.a line that starts with a dot\n" + String(repeating: "long ", count: 40) + "end\n\nBest,\nAlex"
        let parsed = try parseWithPython(try write(message(name: "Zoë Ångström", subject: "Thank you — Backend Engineer interview 王秀英", body: body)))
        #expect((parsed["defects"] as? [String])?.isEmpty == true)
        #expect(parsed["to_names"] as? [String] == ["Zoë Ångström"])
        #expect(parsed["subject"] as? String == "Thank you — Backend Engineer interview 王秀英")
        #expect(parsed["charset"] as? String == "utf-8")
        #expect((parsed["body"] as? String)?.replacingOccurrences(of: "\r\n", with: "\n") == body + "\n")
        #expect((parsed["max_line"] as? Int ?? 999) <= 78)
        #expect((parsed["message_id"] as? String)?.hasSuffix("@example.com>") == true)
    }

    @Test(
        "a name or subject with CR/LF or control characters can never inject a header",
        arguments: [
            "Dana\r\nBcc: victim@evil.example", "Dana\nBcc: victim@evil.example", "Dana\rBcc: victim@evil.example",
            "Dana\u{0}\u{1B}[31m\u{85}Bcc: victim@evil.example", "\"Dana\" <evil@evil.example>, Bcc: x",
        ])
    func injection(hostile: String) throws {
        let parsed = try parseWithPython(try write(message(name: hostile, subject: hostile, body: "Thank you.")))
        #expect((parsed["defects"] as? [String])?.isEmpty == true)
        #expect((parsed["header_names"] as? [String])?.contains("bcc") == false)
        #expect(parsed["to_addresses"] as? [String] == ["dana@acme.com"])
    }

    @Test("the Date header matches what a DateFormatter writes, in any zone")
    func dates() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        for zone in ["America/New_York", "Asia/Kolkata", "UTC", "Pacific/Auckland"] {
            formatter.timeZone = TimeZone(identifier: zone)
            for seconds in stride(from: 0.0, to: 4_000_000_000, by: 123_456_789) {
                let date = Date(timeIntervalSince1970: seconds)
                #expect(MailMessage.rfc5322Date(date, zone: formatter.timeZone) == formatter.string(from: date))
            }
        }
    }

    @Test("mailto: links follow RFC 6068")
    func mailto() {
        let url = MailtoURL.make(to: "dana@acme.com", subject: "Thank you — interview", body: "Dear Dana,\nThanks & more")
        #expect(url == "mailto:dana@acme.com?subject=Thank%20you%20%E2%80%94%20interview&body=Dear%20Dana%2C%0D%0AThanks%20%26%20more")
    }
}
