import AfterwordApp
import AfterwordCore
import AfterwordTestSupport
import AfterwordWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("web delivery", .serialized)
struct WebDeliveryTests {
    @Test("Send now goes to the SMTP server once; a second Send is refused with AW-ONCE")
    func sendNow() async throws {
        let mail = try TestMailServer()
        defer { mail.stop() }
        let fixture = try WebFixture()
        try Config(values: [
            "name": "Sam Seeker", "email": "sam@example.com", "smtp.host": "127.0.0.1", "smtp.port": String(mail.port), "smtp.security": "none",
        ]).save(to: fixture.home)
        try fixture.seedInterview()
        _ = try fixture.workspace.composeDrafts(interviewId: 1)
        try await fixture.test { web in
            let sent = try await web.post("/drafts/1/send", [("when", "now")])
            #expect(sent.status == .seeOther)
            let page = try await web.get("/drafts/1", headers: [.cookie: sent.headers[.setCookie] ?? ""])
            #expect(page.body.contains("Sent ("), "\(page.body)")
            #expect(!page.body.contains(#"action="/drafts/1/send""#), "once sent, the page offers no second send")
            #expect(page.body.contains("readonly"), "what was sent is shown as sent, not for editing")
            let edited = try await web.post("/drafts/1", [("subject", "Changed"), ("body", "Changed after the fact")])
            #expect(edited.status == .seeOther)
            #expect(try fixture.store.draft(id: 1).body != "Changed after the fact")
            // A second send posted anyway (an old tab, a replayed form) is refused by the ledger.
            let again = try await web.post("/drafts/1/send", [("when", "now")])
            let refused = try await web.get("/drafts/1", headers: [.cookie: again.headers[.setCookie] ?? ""])
            #expect(refused.body.contains("not sent: AW-ONCE"), "\(refused.body)")
        }
        #expect(mail.received.count == 1)
        let message = try parseWithPython(try #require(mail.received.first))
        #expect(message["to_addresses"] as? [String] == ["dana@acme.com"])
        #expect(message["subject"] as? String == "Thank you — Backend Engineer interview")
    }

    @Test("a draft with a checker error is not sent, and the page says which rule")
    func refusedByChecker() async throws {
        let fixture = try WebFixture()
        try Config(values: ["name": "Sam Seeker", "email": "sam@example.com", "smtp.host": "127.0.0.1", "smtp.port": "9", "smtp.security": "none"])
            .save(to: fixture.home)
        try fixture.seedInterview()
        _ = try fixture.workspace.composeDrafts(interviewId: 1)
        try await fixture.test { web in
            let body = "Dear Dana,\n\nThank you! Please confirm you received this.\n\nSam"
            _ = try await web.post("/drafts/1", [("subject", "Thank you — Backend Engineer interview"), ("body", body)])
            let sent = try await web.post("/drafts/1/send", [("when", "now")])
            let page = try await web.get("/drafts/1", headers: [.cookie: sent.headers[.setCookie] ?? ""])
            #expect(page.body.contains("not sent: the draft breaks"))
            #expect(page.body.contains("AW-NOREPLY"))
            #expect(try fixture.store.ledger(forDraft: 1).isEmpty)
        }
    }

    @Test("Send at a time records it as scheduled, read in the user's time zone, and Today shows it on its way")
    func schedule() async throws {
        let fixture = try WebFixture()
        try Config(values: [
            "name": "Sam Seeker", "email": "sam@example.com", "timezone": "Europe/Berlin", "smtp.host": "127.0.0.1", "smtp.port": "9",
            "smtp.security": "none",
        ]).save(to: fixture.home)
        try fixture.seedInterview()
        _ = try fixture.workspace.composeDrafts(interviewId: 1)
        try await fixture.test { web in
            _ = try await web.post("/drafts/1/send", [("when", "at"), ("at", "2026-11-27T09:30")])
            let entry = try #require(try fixture.store.ledger(forDraft: 1).last)
            #expect(entry.state == .scheduled)
            #expect(entry.scheduledAt.map { ISO8601.utc($0) } == "2026-11-27T08:30:00Z")
            let today = try await web.get("/")
            #expect(today.body.contains("On its way (1)"))
        }
    }

    @Test("Export .eml hands over a standard message and holds it as uncertain until the user says it went")
    func eml() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview()
        _ = try fixture.workspace.composeDrafts(interviewId: 1)
        try await fixture.test { web in
            let file = try await web.post("/drafts/1/eml", [])
            #expect(file.status == .ok)
            #expect(file.headers[.contentType] == "message/rfc822")
            #expect(file.headers[values: .init("Content-Disposition")!].first?.contains("thank-you-1.eml") == true)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-web-\(UUID().uuidString).eml")
            try Data(file.body.utf8).write(to: path)
            let message = try parseWithPython(path)
            #expect(message["to_addresses"] as? [String] == ["dana@acme.com"])
            #expect((message["defects"] as? [String])?.isEmpty == true)
            #expect(try fixture.store.ledger(forDraft: 1).last?.state == .uncertain)
            let page = try await web.get("/drafts/1")
            #expect(page.body.contains("Did it arrive?"))
            _ = try await web.post("/drafts/1/resolve", [("delivered", "yes")])
            #expect(try fixture.store.ledger(forDraft: 1).last?.state == .sent)
        }
    }

    @Test("a note card prints as a PDF with its envelope, and I posted it records it once")
    func note() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview(interviewers: [
            Interviewer(name: "Raj Patel", company: "Acme", address: "1 Main St\nSpringfield, IL 62701", createdAt: WebFixture.now)
        ])
        _ = try fixture.workspace.composeDrafts(interviewId: 1)
        try await fixture.test { web in
            let pdf = try await web.post("/drafts/1/pdf", [("card", "a6"), ("envelope", "on")])
            #expect(pdf.status == .ok)
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.body.hasPrefix("%PDF-"))
            #expect(try fixture.store.draft(id: 1).printedAt != nil)
            _ = try await web.post("/drafts/1/mailed", [])
            #expect(try fixture.store.ledger(forDraft: 1).last?.state == .sent)
            let again = try await web.post("/drafts/1/mailed", [])
            let page = try await web.get("/drafts/1", headers: [.cookie: again.headers[.setCookie] ?? ""])
            #expect(page.body.contains("AW-ONCE"))
        }
    }

    @Test("a business-card photo is read through tesseract and put in the form to check")
    func photo() async throws {
        let fixture = try WebFixture()
        try fixture.seedInterview(interviewers: [])
        let image = fixture.home.appendingPathComponent("card.png")
        let convert = Process()
        convert.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        convert.arguments = [
            "convert", "-size", "1050x600", "xc:white", "-font", "DejaVu-Sans", "-fill", "black",
            "-pointsize", "44", "-annotate", "+60+110", "Priya Natarajan",
            "-pointsize", "30", "-annotate", "+60+165", "Director of Data Science",
            "-pointsize", "28", "-annotate", "+60+330", "priya.natarajan@globex.com", image.path,
        ]
        try convert.run()
        convert.waitUntilExit()
        #expect(convert.terminationStatus == 0, "ImageMagick's convert is needed to render the card")
        let bytes = try [UInt8](Data(contentsOf: image))
        try await fixture.test { web in
            let page = try await web.upload("/interviews/1/cards", bytes: bytes, name: "card.png", type: "image/png")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"value="Priya Natarajan""#))
            #expect(page.body.contains(#"value="priya.natarajan@globex.com""#))
        }
    }
}
