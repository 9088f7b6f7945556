import AfterwordTestSupport
import Foundation
import Testing

@testable import AfterwordDelivery

/// A reproducible stream of pseudo-random numbers (SplitMix64), so a failing case can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct MailMessagePropertyTests {
    /// Words from many scripts, with the characters that need quoting or encoding in a header.
    static let pieces = [
        "Dana", "Zoë", "Ångström", "Łukasz", "Nguyễn", "Thị", "王秀英", "محمد", "שרה", "Ελένη", "Ольга", "👩‍💻", "🎉",
        "O'Brien",
        "\"Dee\"", "Smith,", "Jr.", "(CTO)", "a\\b", "=?utf-8?q?x?=", "<dana@acme.com>", "x;y", "Mé-lanie", "e\u{301}",
        String(repeating: "Long", count: 30), "日本語の名前", "हिन्दी", "ﷺ", "\u{200F}RTL", "@", ":", "%",
    ]

    /// One to four pieces. A name that needs encoding is kept to one encoded-word (39 UTF-8 bytes):
    /// longer ones are split into several, and between those Python's address parser puts a space
    /// where RFC 2047 (and mail clients) put none, so no encoding can satisfy both.
    static func phrase(_ generator: inout SeededGenerator) -> String {
        while true {
            let phrase = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? "Dana"
            }
            .joined(separator: " ")
            if phrase.unicodeScalars.allSatisfy(\.isASCII) && !phrase.contains("=?") || phrase.utf8.count <= 39 {
                return phrase
            }
        }
    }

    @Test("any name and subject from many scripts comes back identical through Python's email parser, with no defects")
    func roundTrip() throws {
        var generator = SeededGenerator(state: 2026_11_26)
        for _ in 0..<40 {
            let name = Self.phrase(&generator)
            let subject = "Thank you — " + Self.phrase(&generator)
            let message = MailMessage(
                from: Mailbox(name: "Alex Doe", address: "alex@example.com"),
                to: [Mailbox(name: name, address: "dana@acme.com")],
                subject: subject, date: Date(timeIntervalSince1970: 1_795_000_000),
                zone: TimeZone(secondsFromGMT: 0) ?? .current,
                messageId: "p@example.com", body: "Dear \(name),\n\nThank you.\n")
            let url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "afterword-\(UUID().uuidString).eml")
            try Data(message.rendered()).write(to: url)
            let parsed = try parseWithPython(url)
            #expect((parsed["defects"] as? [String])?.isEmpty == true, "\(name)")
            #expect(parsed["to_names"] as? [String] == [name])
            #expect(parsed["to_addresses"] as? [String] == ["dana@acme.com"], "\(name)")
            #expect(parsed["subject"] as? String == subject)
            #expect((parsed["max_line"] as? Int ?? 999) <= 998)
        }
    }
}
