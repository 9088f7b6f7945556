import AfterwordApp
import AfterwordCore
import AfterwordWeb
import Foundation
import HTTPTypes
import NIOCore
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

@Suite("hostile forms")
struct WebFormLimitTests {
    /// A multipart body with `parts` fields and this boundary, carrying the page's CSRF token.
    func multipart(parts: Int, boundary: String, csrf: String) -> ByteBuffer {
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n")
        for index in 0..<parts {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"f\(index)\"\r\n\r\nx\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return body
    }

    @Test("a multipart form of thousands of parts, or with an over-long boundary, is refused before it is read further; nothing is stored")
    func multipartBounds() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview(interviewers: [])
        try await fixture.test { web in
            let csrf = try await web.get("/").csrf ?? ""
            let many = try await web.send(
                "/interviews/1/interviewers", body: multipart(parts: 5000, boundary: "b0und", csrf: csrf),
                headers: [.contentType: "multipart/form-data; boundary=b0und"])
            #expect(many.status == .badRequest, "\(many.status)")
            #expect(many.body.contains("more than 64 parts"), "\(many.body)")
            let long = String(repeating: "b", count: 200)
            let wide = try await web.send(
                "/interviews/1/interviewers", body: multipart(parts: 1, boundary: long, csrf: csrf),
                headers: [.contentType: "multipart/form-data; boundary=\(long)"])
            #expect(wide.status == .badRequest, "\(wide.status)")
            #expect(try fixture.store.interview(id: 1).interviewers.isEmpty)
            #expect(try await web.get("/").status == .ok)
        }
    }

    @Test("a very long message is carried to the next page cut short, in a cookie a browser keeps")
    func flashBounded() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview(interviewers: [])
        try await fixture.test { web in
            let topic = String(repeating: "word ", count: 3000)
            let refused = try await web.post("/interviews/1/topics", [("interviewer", "99"), ("topic", topic)])
            let cookie = try #require(refused.headers[.setCookie])
            #expect(cookie.utf8.count < 4096, "\(cookie.utf8.count)")
        }
    }
}
