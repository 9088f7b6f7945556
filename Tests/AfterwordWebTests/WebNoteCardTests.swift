import AfterwordApp
import AfterwordCore
import Foundation
import HTTPTypes
import NIOCore
import Testing

/// The note card from the draft page, with every choice `afterword note pdf` offers.
@Suite("web note cards")
struct WebNoteCardTests {
    /// An interview whose one interviewer (Raj) has a postal address and no e-mail, so the draft is a note.
    func fixture() throws -> WebFixture {
        let fixture = try WebFixture()
        try fixture.seedInterview(interviewers: [
            Interviewer(name: "Raj Patel", company: "Acme", address: "1 Main St\nSpringfield, IL 62701", createdAt: WebFixture.now)
        ])
        _ = try fixture.workspace.composeDrafts(interviewId: 1)
        return fixture
    }

    /// Each page's width and height in points, in page order, read from the PDF's `/MediaBox` entries.
    static func pages(_ pdf: [UInt8]) throws -> [[Double]] {
        let text = String(decoding: pdf, as: UTF8.self)
        let box = try Regex(#"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]"#)
        return text.matches(of: box).map { match in
            [Double(match.output[1].substring ?? "") ?? 0, Double(match.output[2].substring ?? "") ?? 0]
        }
    }

    /// True when two page lists are the same to a hundredth of a point.
    static func same(_ pages: [[Double]], _ expected: [[Double]]) -> Bool {
        pages.count == expected.count && zip(pages, expected).allSatisfy { zip($0, $1).allSatisfy { abs($0 - $1) < 0.01 } }
    }

    /// The text of a PDF's pages, by pdftotext.
    static func text(_ pdf: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-note-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: path) }
        try Data(pdf).write(to: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdftotext", "-layout", path.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("the draft page offers each card size with its dimensions, the sheets with cut marks, room to sign and the date")
    func form() async throws {
        let fixture = try fixture()
        try await fixture.test { web in
            let page = try await web.get("/drafts/1")
            #expect(page.body.contains(#"<option value="a6">A6 — 105 × 148 mm</option>"#), "\(page.body)")
            #expect(page.body.contains(#"<option value="a2" selected>A2 — 4¼ × 5½ in</option>"#))
            #expect(page.body.contains(#"<option value="half-letter">Half letter — 5½ × 8½ in</option>"#))
            #expect(page.body.contains(#"<option value="a4">On A4 paper (210 × 297 mm), with cut marks</option>"#))
            #expect(page.body.contains(#"<option value="letter">"#))
            #expect(page.body.contains(#"name="sign""#) && page.body.contains(#"name="date""#))
        }
    }

    @Test("each card size, sheet and envelope choice gives the PDF pages it should, as note pdf does")
    func sizes() async throws {
        let fixture = try fixture()
        try await fixture.test { web in
            let cases: [([(String, String)], [[Double]])] = [
                ([("card", "a2")], [[306, 396]]),
                ([("card", "a6")], [[297.64, 419.53]]),
                ([("card", "a7")], [[209.76, 297.64]]),
                ([("card", "half-letter")], [[396, 612]]),
                ([("card", "a6"), ("sheet", "card")], [[297.64, 419.53]]),
                ([("card", "a6"), ("envelope", "on")], [[297.64, 419.53], [459.21, 323.15]]),
                ([("card", "a7"), ("sheet", "letter")], [[612, 792]]),
                ([("card", "a6"), ("sheet", "a4"), ("envelope", "on")], [[595.28, 841.89], [459.21, 323.15]]),
            ]
            for (fields, expected) in cases {
                let (status, pdf) = try await web.pdf("/drafts/1/pdf", fields)
                #expect(status == .ok, "\(fields)")
                let pages = try Self.pages(pdf)
                #expect(Self.same(pages, expected), "\(fields): \(pages)")
            }
            // A sheet on a page of its own size shows cut marks; the card alone has none to show
            let onSheet = try await web.pdf("/drafts/1/pdf", [("card", "a7"), ("sheet", "letter")]).bytes
            let alone = try await web.pdf("/drafts/1/pdf", [("card", "a7")]).bytes
            #expect(onSheet != alone)

            // A paper the CLI does not know is refused in its words
            let wrong = try await web.post("/drafts/1/pdf", [("card", "a6"), ("sheet", "tabloid")])
            #expect(wrong.headers[.location] == "/drafts/1")
            let page = try await web.get("/drafts/1", headers: [.cookie: wrong.headers[.setCookie] ?? ""])
            #expect(page.body.contains("is not a paper size; use letter or a4"), "\(page.body)")
        }
    }

    @Test("sign by hand leaves the typed name out; the date is printed above the greeting")
    func signAndDate() async throws {
        let fixture = try fixture()
        try await fixture.test { web in
            let plain = try Self.text(try await web.pdf("/drafts/1/pdf", [("card", "a6")]).bytes)
            #expect(plain.contains("Sam Seeker"), "\(plain)")
            #expect(!plain.contains("November 2026"))
            let signed = try Self.text(try await web.pdf("/drafts/1/pdf", [("card", "a6"), ("sign", "on"), ("date", "on")]).bytes)
            #expect(!signed.contains("Sam Seeker"), "\(signed)")
            #expect(signed.contains("26 November 2026"), "\(signed)")
        }
    }
}

extension WebClient {
    /// Posts a form with the page's CSRF token and returns the answer's bytes, as a download is saved.
    func pdf(_ path: String, _ fields: [(String, String)]) async throws -> (status: HTTPResponse.Status, bytes: [UInt8]) {
        let token = try await get("/").csrf ?? ""
        let encoded = ([("csrf", token)] + fields).map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
        return try await client.execute(
            uri: path, method: .post, headers: owned([.contentType: "application/x-www-form-urlencoded"]), body: ByteBuffer(string: encoded)
        ) { response in
            (response.status, Array(response.body.readableBytesView))
        }
    }
}
