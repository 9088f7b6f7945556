import AfterwordApp
import AfterwordCore
import AfterwordWeb
import Foundation
import HTTPTypes
import Testing

@Suite("hostile uploads")
struct WebHardeningTests {
    static let invite = """
        BEGIN:VCALENDAR\r
        BEGIN:VEVENT\r
        DTSTART:20261126T150000Z\r
        SUMMARY:Interview at Initech\r
        ATTENDEE;CN=Peter Gibbons:mailto:peter@initech.com\r
        EXTRA\r
        END:VEVENT\r
        END:VCALENDAR\r

        """

    @Test(
        "each hostile upload is answered with a problem naming the file, nothing is stored, and the server goes on serving"
    )
    func hostileUploads() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview(interviewers: [])
        let uploads: [(path: String, name: String, text: String, problem: String)] = [
            (
                "/interviews/import", "overflow.ics",
                Self.invite.replacingOccurrences(of: "EXTRA", with: "DURATION:P99999999999999W"),
                "overflow.ics:6: DURATION"
            ),
            (
                "/interviews/import", "deep.ics",
                "BEGIN:VCALENDAR\r\n" + String(repeating: "BEGIN:X\r\n", count: 5_000)
                    + String(repeating: "END:X\r\n", count: 5_000)
                    + "END:VCALENDAR\r\n", "deep.ics:33: BEGIN:X"
            ),
            (
                "/interviews/1/cards", "pref.vcf",
                "BEGIN:VCARD\r\nFN:Dana Whitfield\r\nEMAIL;PREF=-9223372036854775808:dana@acme.com\r\nEND:VCARD\r\n",
                "pref.vcf:3: EMAIL;PREF"
            ),
            (
                "/interviews/1/cards", "nul.vcf", "BEGIN:VCARD\r\nFN:Dana\u{0}Whitfield\r\nEND:VCARD\r\n",
                "nul.vcf:1: FN"
            ),
        ]
        try await fixture.test { web in
            for upload in uploads {
                let answer = try await web.upload(
                    upload.path, file: upload.text, name: upload.name, type: "application/octet-stream")
                #expect(answer.status == .seeOther, "\(upload.name)")
                let shown = try await web.get(
                    answer.headers[.location] ?? "/", headers: [.cookie: answer.headers[.setCookie] ?? ""])
                #expect(shown.body.contains(upload.problem), "\(upload.name): \(shown.body)")
                #expect(try await web.get("/").status == .ok, "the server serves after \(upload.name)")
            }
            #expect(try fixture.store.interviews().count == 1)
            #expect(try fixture.store.interview(id: 1).interviewers.isEmpty)

            // A card's text with a 200 KB line is read in proportion to its size and offered as usual.
            let text = "Raj Patel\n" + String(repeating: "a", count: 200_000) + "\nraj.patel@acme.com\n"
            let offered = try await web.upload("/interviews/1/cards", file: text, name: "long.txt", type: "text/plain")
            #expect(offered.status == .ok)
            #expect(offered.body.contains(#"value="raj.patel@acme.com""#))
        }
    }
}
