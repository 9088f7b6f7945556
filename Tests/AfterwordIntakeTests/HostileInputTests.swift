import Foundation
import Testing

@testable import AfterwordIntake

/// An invite with one event whose extra lines are `event`, and a VTIMEZONE whose STANDARD rule is `rule`.
private func invite(event: String = "DTEND:20261126T150000Z", rule: String = "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
    -> String
{
    """
    BEGIN:VCALENDAR
    BEGIN:VTIMEZONE
    TZID:Custom
    BEGIN:STANDARD
    DTSTART:19701025T030000
    TZOFFSETFROM:+0200
    TZOFFSETTO:+0100
    RRULE:\(rule)
    END:STANDARD
    END:VTIMEZONE
    BEGIN:VEVENT
    SUMMARY:Interview at Nordwind
    DTSTART;TZID=Custom:20261126T100000
    \(event)
    END:VEVENT
    END:VCALENDAR
    """
}

private let utc = TimeZone(secondsFromGMT: 0) ?? .current

/// The error `read` throws, or nil when it throws none.
private func intakeError(_ read: () throws -> Void) -> IntakeError? {
    do {
        try read()
        return nil
    } catch {
        return error as? IntakeError
    }
}

@Suite struct HostileInputTests {
    @Test("a DURATION too long to count is an error naming the line and the field, not a crash")
    func durationOverflow() {
        for duration in ["P99999999999999W", "PT99999999999999999999S", "P9999W", "P1W1"] {
            let error = intakeError {
                _ = try InviteReader.events(in: invite(event: "DURATION:\(duration)"), file: "x.ics", floatingZone: utc)
            }
            #expect(error?.field == "DURATION", "\(duration)")
            #expect(error?.line == 14, "\(duration)")
            #expect(error?.file == "x.ics")
        }
        // A real duration still reads.
        let events = try? InviteReader.events(in: invite(event: "DURATION:PT45M"), file: "x.ics", floatingZone: utc)
        #expect(events?.first?.durationMinutes == 45)
    }

    @Test(
        "a VTIMEZONE rule with an empty or out-of-range BYMONTH or BYDAY is ignored, not a crash",
        arguments: [
            "FREQ=YEARLY;BYMONTH=,;BYDAY=-1SU", "FREQ=YEARLY;BYMONTH=10;BYDAY=,",
            "FREQ=YEARLY;BYMONTH=9223372036854775807;BYDAY=-1SU",
            "FREQ=YEARLY;BYMONTH=10;BYDAY=-9223372036854775808SU", "FREQ=YEARLY;BYMONTH=10;BYDAY=99SU",
            "FREQ=YEARLY;BYMONTH=;BYDAY=",
        ])
    func zoneRules(rule: String) throws {
        let events = try InviteReader.events(in: invite(rule: rule), file: "x.ics", floatingZone: utc)
        #expect(events.count == 1)
    }

    @Test("a vCard PREF outside 1…100 is an error naming the line and the field, not a crash")
    func prefOverflow() {
        for pref in ["-9223372036854775808", "9223372036854775807", "0", "x"] {
            let card = "BEGIN:VCARD\nVERSION:4.0\nFN:Dana Whitfield\nEMAIL;PREF=\(pref):dana@acme.com\nEND:VCARD\n"
            let error = intakeError { _ = try VCardReader.contacts(in: card, file: "a.vcf") }
            #expect(error?.field == "EMAIL;PREF", "\(pref)")
            #expect(error?.line == 4)
        }
    }

    @Test("160,000 nested BEGIN blocks are refused at once with the line where nesting went too deep")
    func deepNesting() {
        let text =
            "BEGIN:VCALENDAR\n" + String(repeating: "BEGIN:X\n", count: 160_000)
            + String(repeating: "END:X\n", count: 160_000)
            + "END:VCALENDAR\n"
        let error = intakeError { _ = try InviteReader.events(in: text, file: "deep.ics", floatingZone: utc) }
        #expect(error?.field == "BEGIN:X")
        #expect(error?.line == InviteReader.maximumNesting + 1)
    }

    @Test(
        "reading takes time in proportion to the input: ten times the input is not a hundred times the work",
        arguments: [
            "folded lines", "soft line breaks", "folds with no colon", "quoted-printable", "summary of repeated words",
            "card text with a long line", "many attendees",
        ])
    func linear(shape: String) throws {
        let (make, read) = try #require(Self.shapes[shape])
        // Given an input of size n and one ten times larger (the smaller one at least a few milliseconds of work)
        let small = make(4_000)
        let large = make(40_000)
        // Then the larger takes well under the hundred times a quadratic reader would take (linear is
        // ten; a loaded machine adds noise, so the bound is fifty)
        let ratio = Self.fastest(of: 2) { read(large) } / Self.fastest(of: 3) { read(small) }
        #expect(ratio < 50, "\(shape): 10× input took \(ratio)× the time")
    }

    static let shapes: [String: (make: @Sendable (Int) -> String, read: @Sendable (String) -> Void)] = [
        "folded lines": (
            { n in "BEGIN:VCARD\nFN:Dana\nNOTE:" + String(repeating: "\n ab", count: n) + "\nEND:VCARD\n" }, readCards
        ),
        "soft line breaks": (
            { n in
                "BEGIN:VCARD\nFN;ENCODING=QUOTED-PRINTABLE:Dana" + String(repeating: "=\n=41", count: n)
                    + "\nEND:VCARD\n"
            }, readCards
        ),
        "folds with no colon": (
            { n in "BEGIN:VCARD\nX" + String(repeating: "\n a=", count: n) + "\nEND:VCARD\n" }, readCards
        ),
        "quoted-printable": (
            { n in
                "BEGIN:VCARD\nFN;ENCODING=QUOTED-PRINTABLE:" + String(repeating: "=C3=A9", count: n) + "\nEND:VCARD\n"
            }, readCards
        ),
        "summary of repeated words": (
            { n in invite(event: "SUMMARY:" + String(repeating: "final ", count: n)) },
            { text in
                for event in (try? InviteReader.events(in: text, file: "x.ics", floatingZone: utc)) ?? [] {
                    _ = InviteInterpretation(event, ownEmails: [])
                }
            }
        ),
        "card text with a long line": (
            { n in "Dana Whitfield\n" + String(repeating: "a", count: n * 10) + "\ndana@acme.com\n" },
            { _ = CardTextReader.read($0) }
        ),
        "many attendees": (
            { n in
                invite(
                    event: (0..<(n / 40)).map { "ATTENDEE;CN=Person \($0):mailto:p\($0)@acme.com" }.joined(
                        separator: "\n"))
            },
            { text in
                for event in (try? InviteReader.events(in: text, file: "x.ics", floatingZone: utc)) ?? [] {
                    _ = InviteInterpretation(event, ownEmails: [])
                }
            }
        ),
    ]

    static func readCards(_ text: String) { _ = try? VCardReader.contacts(in: text, file: "a.vcf") }

    static func seconds(_ work: () -> Void) -> Double {
        let elapsed = ContinuousClock().measure(work)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The least time one run took, each measure repeating the work for at least 20 ms so that a
    /// quick run is not lost in the clock's and the scheduler's noise.
    static func fastest(of measures: Int, _ work: () -> Void) -> Double {
        (0..<measures).map { _ in
            var runs = 0
            var total = 0.0
            repeat {
                total += seconds(work)
                runs += 1
            } while total < 0.02
            return total / Double(runs)
        }.min() ?? 0
    }
}
