import AfterwordApp
import AfterwordCore
import AfterwordWeb
import Foundation
import HTTPTypes
import NIOCore
import Testing

@Suite("export and import on the web")
struct WebMoveTests {
    static let jobs = """
        Company,Role,Interview Date,Interviewer,Email,Status
        Initech,Staff Engineer,2026-11-20 14:30,Peter Gibbons,peter@initech.com,Interviewing
        Globex,SRE,,,,Applied

        """

    @Test("Export everything downloads one JSON file, not cached, that another Afterword's import takes whole")
    func export() async throws {
        // Given an interview at Acme with Dana
        let fixture = try WebFixture()
        try fixture.seedInterview()
        try await fixture.test { web in
            // When Export everything is pressed on the Import page
            #expect(try await web.get("/import").body.contains(#"href="/export""#))
            #expect(try await web.get("/settings").body.contains(#"href="/import""#))
            let file = try await web.get("/export")
            // Then a dated JSON file downloads
            #expect(file.status == .ok)
            #expect(file.headers[.contentType] == "application/json")
            let day = ISO8601.local(WebFixture.now, in: .current).prefix(10)
            #expect(
                file.headers[HTTPField.Name("Content-Disposition")!]
                    == "attachment; filename=\"afterword-export-\(day).json\"")
            #expect(file.headers[.cacheControl] == "no-store")
            // And another Afterword takes it: the interview and Dana, shown first, then added from its Import page
            let other = try WebFixture()
            let report = try other.workspace.importFile(
                Data(file.body.utf8), file: "afterword-export.json", dryRun: true)
            #expect(report.outcome.interviews.added == 1)
            #expect(report.outcome.interviewers.added == 1)
            try await other.test { there in
                let preview = try await there.multipart(
                    "/import/preview", fields: [], file: ("afterword-export.json", file.body))
                #expect(
                    preview.body.contains("Would add 1 interview and 1 person from afterword-export.json."),
                    "\(preview.body)")
                let done = try await there.multipart("/import", fields: Self.formFields(preview.body))
                #expect(done.status == .seeOther)
            }
            #expect(try other.store.interviews().map(\.interview.company) == ["Acme"])
        }
    }

    @Test(
        "a job list is shown row by row and adds nothing; Import adds it once; columns changed since are previewed again"
    )
    func previewThenImport() async throws {
        let fixture = try WebFixture()
        try await fixture.test { web in
            // When a job list is chosen
            let preview = try await web.multipart("/import/preview", fields: [], file: ("jobs.csv", Self.jobs))
            // Then each row says what it would become, the columns read are in the form, and nothing is added
            #expect(preview.status == .ok)
            #expect(preview.body.contains("Would add 1 interview and 1 person from jobs.csv."), "\(preview.body)")
            #expect(preview.body.contains("Read as a generic list"))
            #expect(
                preview.body.contains("Interview: Initech, Staff Engineer, Fri 20 Nov 2026 14:30, with Peter Gibbons"))
            #expect(preview.body.contains("Nothing: an application only"))
            #expect(preview.body.contains(#"name="map-company" value="Company""#))
            #expect(preview.body.contains(#"<option value="generic" selected>"#))
            #expect(try fixture.store.interviews().isEmpty)
            var carried = Self.formFields(preview.body)
            #expect(carried.contains { $0.0 == "content" && !$0.1.isEmpty }, "the file is carried forward")

            // When a column is changed and Import pressed, the new reading is shown, not imported
            let changed = carried.map { $0.0 == "map-notes" ? ($0.0, "Status") : $0.0 == "map-status" ? ($0.0, "") : $0 }
            let again = try await web.multipart("/import", fields: changed)
            #expect(again.status == .ok)
            #expect(again.body.contains("You changed how the list is read"))
            #expect(try fixture.store.interviews().isEmpty)

            // When Import is pressed on the preview
            let done = try await web.multipart("/import", fields: carried)
            // Then the interview and Peter are added, and the Interviews page says so
            #expect(done.status == .seeOther)
            #expect(done.headers[.location] == "/interviews")
            let shown = try await web.get("/interviews", headers: [.cookie: done.headers[.setCookie] ?? ""])
            #expect(shown.body.contains("Added 1 interview and 1 person from jobs.csv."), "\(shown.body)")
            #expect(shown.body.contains("Initech — Staff Engineer"))
            let interviews = try fixture.store.interviews()
            #expect(interviews.count == 1)
            #expect(interviews.first?.interviewers.map(\.name) == ["Peter Gibbons"])

            // And the same file again adds nothing twice
            carried = Self.formFields(
                try await web.multipart("/import/preview", fields: [], file: ("jobs.csv", Self.jobs)).body)
            _ = try await web.multipart("/import", fields: carried)
            #expect(try fixture.store.interviews().count == 1)
            #expect(try fixture.store.interviewers().count == 1)
        }
    }

    @Test("a list whose columns are not recognised is named column by column in the form, then read")
    func namedColumns() async throws {
        let fixture = try WebFixture()
        let list = "Where,What,When we met\nInitech,Staff Engineer,2026-11-20 14:30\n"
        try await fixture.test { web in
            // When a list with columns of its own is chosen
            let unknown = try await web.multipart("/import/preview", fields: [], file: ("mine.csv", list))
            // Then the page says which columns it has and asks for them in plain words, the file carried
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.body.contains("Its columns are: Where, What, When we met."), "\(unknown.body)")
            #expect(unknown.body.contains("Say which column is which below"))
            #expect(!unknown.body.contains("--map"))
            let carried = Self.formFields(unknown.body).filter { !$0.0.hasPrefix("map-") }
            // When the columns are named
            let named = try await web.multipart(
                "/import/preview",
                fields: carried + [("map-company", "Where"), ("map-role", "What"), ("map-date", "When we met")])
            // Then the list is read with them
            #expect(named.status == .ok)
            #expect(named.body.contains("Would add 1 interview and 0 people from mine.csv."), "\(named.body)")
            #expect(try fixture.store.interviews().isEmpty)
        }
    }

    @Test("a broken file is refused naming the file, the line or place and the field; nothing is added")
    func brokenFiles() async throws {
        let fixture = try WebFixture()
        let list = "Company,Role,Interview Date\nInitech,Staff Engineer,2026-11-20\nGlobex,SRE,next tuesday\n"
        try await fixture.test { web in
            for path in ["/import/preview", "/import"] {
                let page = try await web.multipart(path, fields: [], file: ("jobs.csv", list))
                #expect(page.status == .unprocessableContent)
                #expect(
                    page.body.contains("jobs.csv:3: Interview Date: &quot;next tuesday&quot; is not a date"),
                    "\(page.body)")
            }
            let export = try await web.multipart("/import", fields: [], file: ("old.json", #"{"hello": 1}"#))
            #expect(export.status == .unprocessableContent)
            #expect(export.body.contains("old.json"), "\(export.body)")
            #expect(export.body.contains("not an Afterword export"))
            #expect(!export.body.contains("`afterword"))
            #expect(try fixture.store.interviews().isEmpty)
            #expect(try fixture.store.interviewers().isEmpty)
        }
    }

    @Test("previewing and importing need the page's CSRF token")
    func csrf() async throws {
        let fixture = try WebFixture()
        try await fixture.test { web in
            for path in ["/import/preview", "/import"] {
                for token in ["", "0123abcd"] {
                    let page = try await web.multipart(path, fields: [], file: ("jobs.csv", Self.jobs), csrf: token)
                    #expect(page.status == .forbidden, "\(path) with \"\(token)\"")
                }
            }
            #expect(try fixture.store.interviews().isEmpty)
        }
    }

    /// The named inputs of a page's forms with their values (the CSRF token aside), and the chosen preset.
    static func formFields(_ html: String) -> [(String, String)] {
        func unescape(_ text: String) -> String {
            text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
        var fields: [(String, String)] = []
        let input = try! NSRegularExpression(pattern: #"<input[^>]* name="([^"]+)"[^>]* value="([^"]*)""#)
        for match in input.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            guard let name = Range(match.range(at: 1), in: html), let value = Range(match.range(at: 2), in: html) else {
                continue
            }
            if html[name] != "csrf" { fields.append((String(html[name]), unescape(String(html[value])))) }
        }
        if let range = html.range(of: #"<option value="[^"]*" selected>"#, options: .regularExpression) {
            fields.append(
                ("preset", String(html[range].dropFirst(#"<option value=""#.count).dropLast(#"" selected>"#.count))))
        }
        return fields
    }
}

extension WebClient {
    /// Posts a multipart form as a browser sends one, with a file when given, and the CSRF token of the Today page
    /// unless `csrf` says otherwise.
    func multipart(
        _ path: String, fields: [(String, String)], file: (name: String, text: String)? = nil, csrf: String? = nil
    ) async throws -> Page {
        let token: String
        if let csrf {
            token = csrf
        } else {
            token = try await get("/").csrf ?? ""
        }
        let boundary = "----AfterwordTest\(UUID().uuidString)"
        var body = ByteBuffer()
        for (key, value) in [("csrf", token)] + fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n"
            )
            body.writeString(file.text)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return try await send(path, body: body, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"])
    }
}
