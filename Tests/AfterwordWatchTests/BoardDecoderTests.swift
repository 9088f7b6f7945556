@testable import AfterwordCore
@testable import AfterwordWatch
import Foundation
import Testing

@Suite struct BoardDecoderTests {
    func decode(_ json: String, _ provider: BoardProvider) throws -> [BoardPosting] {
        try provider.page(Data(json.utf8), address: provider.apiURL(base: provider.defaultBase, token: "acme")).postings
    }

    @Test("titles are one line with entities decoded, and a byte-order mark is no obstacle")
    func tidyTitles() throws {
        let json =
            "\u{FEFF}"
            + #"{"jobs": [{"id": 7, "title": "  R&amp;D   Engineer\n(Platform) ", "location": null, "absolute_url": "https://boards.greenhouse.io/acme/jobs/7"}]}"#
        #expect(
            try decode(json, .greenhouse) == [
                BoardPosting(id: "7", title: "R&D Engineer (Platform)", location: "", url: "https://boards.greenhouse.io/acme/jobs/7")
            ])
    }

    @Test("a board is bounded: at most 5,000 postings, long fields cut, only http(s) links kept, a posting with a NUL left out")
    func bounded() throws {
        let many = (0..<6_000).map { #"{"id": \#($0), "title": "Engineer \#($0)", "absolute_url": "https://x.example/\#($0)"}"# }
        #expect(try decode(#"{"jobs": ["# + many.joined(separator: ",") + "]}", .greenhouse).count == 5_000)
        let hostile = #"""
            {"jobs": [
              {"id": 1, "title": "\#(String(repeating: "Very ", count: 200))Long", "absolute_url": "javascript:alert(1)"},
              {"id": 2, "title": "Nul\u0000Engineer", "absolute_url": "https://x.example/2"},
              {"id": 3, "title": "Fine", "absolute_url": "data:text/html,hi"},
              {"id": 4, "title": "Good", "absolute_url": "https://boards.greenhouse.io/acme/jobs/4"}
            ]}
            """#
        let postings = try decode(hostile, .greenhouse)
        #expect(postings.map(\.id) == ["1", "3", "4"])
        #expect(postings[0].title.count <= 300 && postings[0].url.isEmpty)
        #expect(postings[1].url.isEmpty)
        #expect(postings[2].url == "https://boards.greenhouse.io/acme/jobs/4")
    }

    @Test("the list is found wherever its key is, whatever the strings hold; numbers and nulls in it are passed over; broken JSON is said to be so")
    func elementScanner() throws {
        let tricky = #"{"meta": {"jobs": "not this", "n": [1, {"x": "]}\"["}]}, "count": 2, "jobs": [ 7, null, {"id": "a]\"b", "title": "Data {Engineer}"} , {"id": 2, "title": "Ops"}], "tail": true}"#
        #expect(try decode(tricky, .greenhouse).map(\.title) == ["Data {Engineer}", "Ops"])
        #expect(try decode(#"[]"#, .lever).isEmpty)
        #expect(try decode(#"  [ {"id": "x", "text": "Analyst"} ]  "#, .lever).map(\.title) == ["Analyst"])
        for broken in [#"{"jobs": [{"id": 1, "title": "x"}"#, #"{"jobs": [{"id": 1, "title": "x}]}"#, #"[{"id": 1}"#, String(repeating: "[", count: 100)] {
            #expect(throws: WatchError.self) { try decode(broken, broken.hasPrefix("{") ? .greenhouse : .lever) }
        }
        do {
            _ = try decode(#"{"postings": []}"#, .greenhouse)
            Issue.record("a board without a jobs list was read")
        } catch {
            #expect((error as? WatchError)?.code == .unexpectedJSON)
        }
    }

    @Test("a board's name is never . or .., which would be a path of its own")
    func tokens() {
        #expect(!BoardAddress.isToken(".."))
        #expect(!BoardAddress.isToken("."))
        #expect(!BoardAddress.isToken("acme/../x"))
        #expect(!BoardAddress.isToken(".hidden"))
        #expect(BoardAddress.isToken("acme.inc"))
    }

    @Test("a redirect is followed only to the board's own host, or over https to the provider's")
    func redirects() {
        let board = "http://127.0.0.1:8080/v1/boards/acme/jobs"
        #expect(BoardWatcher.allowedRedirect(from: board, to: "/v1/boards/acme2/jobs", board: board, provider: .greenhouse) != nil)
        #expect(BoardWatcher.allowedRedirect(from: board, to: "https://api.greenhouse.io/v1/x", board: board, provider: .greenhouse) != nil)
        #expect(BoardWatcher.allowedRedirect(from: board, to: "http://api.greenhouse.io/v1/x", board: board, provider: .greenhouse) == nil)
        #expect(BoardWatcher.allowedRedirect(from: board, to: "https://evil.example/", board: board, provider: .greenhouse) == nil)
        #expect(BoardWatcher.allowedRedirect(from: board, to: "https://greenhouse.io.evil.example/", board: board, provider: .greenhouse) == nil)
        #expect(BoardWatcher.allowedRedirect(from: board, to: "file:///etc/passwd", board: board, provider: .greenhouse) == nil)
    }

    @Test("a posting listed twice counts once; one without an id or title is skipped")
    func duplicates() throws {
        let json =
            #"[{"id": "a", "text": "Engineer"}, {"id": "a", "text": "Engineer"}, {"text": "No id"}, {"id": "b"}]"#
        #expect(try decode(json, .lever).map(\.id) == ["a"])
    }

    @Test("where the usual location is missing, the others the provider documents are used")
    func locationFallbacks() throws {
        let lever = #"[{"id": "a", "text": "Engineer", "categories": {"allLocations": ["Berlin", "Lisbon"]}}]"#
        #expect(try decode(lever, .lever).first?.location == "Berlin; Lisbon")
        let ashby = #"""
            {"jobs": [{"id": "x", "title": "Engineer", "isRemote": true,
              "address": {"postalAddress": {"addressLocality": "Austin", "addressRegion": "Texas", "addressCountry": "USA"}}}]}
            """#
        #expect(try decode(ashby, .ashby).first?.location == "Austin, Texas, USA (Remote)")
        let noId = #"{"jobs": [{"title": "Engineer", "location": "Remote", "jobUrl": "https://jobs.ashbyhq.com/x/1"}]}"#
        #expect(try decode(noId, .ashby).first?.id == "https://jobs.ashbyhq.com/x/1")
    }

    @Test("another provider's shape is refused in one line that names what was expected")
    func wrongShape() {
        #expect {
            try decode(#"{"jobs": []}"#, .lever)
        } throws: { error in
            (error as? WatchError)?.code == .unexpectedJSON
                && (error as? WatchError)?.message.contains("a list of postings") == true
        }
    }

    @Test("a SmartRecruiters page is read into postings with their public pages, and says where the next page starts")
    func smartRecruitersPage() throws {
        let json = #"""
            {"offset": 100, "limit": 100, "totalFound": 230, "content": [
              {"id": "744000050000001", "name": "Senior Engineer", "refNumber": "REF1",
               "location": {"city": "Berlin", "region": "BE", "country": "de", "remote": false, "fullLocation": "Berlin, BE, Germany"},
               "company": {"identifier": "Acme", "name": "Acme"},
               "ref": "https://api.smartrecruiters.com/v1/companies/Acme/postings/744000050000001"},
              {"id": "744000050000002", "name": "Support Engineer",
               "location": {"city": "Lisbon", "country": "pt", "remote": true},
               "company": {"identifier": "Acme", "name": "Acme"}}
            ]}
            """#
        let provider = BoardProvider.smartRecruiters
        let address = "https://api.smartrecruiters.com/v1/companies/Acme/postings?limit=100&offset=100"
        let page = try provider.page(Data(json.utf8), address: address)
        #expect(
            page.postings == [
                BoardPosting(
                    id: "744000050000001", title: "Senior Engineer", location: "Berlin, BE, Germany",
                    url: "https://jobs.smartrecruiters.com/Acme/744000050000001"),
                BoardPosting(
                    id: "744000050000002", title: "Support Engineer", location: "Lisbon, pt (Remote)",
                    url: "https://jobs.smartrecruiters.com/Acme/744000050000002"),
            ])
        #expect(page.next == "https://api.smartrecruiters.com/v1/companies/Acme/postings?limit=100&offset=102")
        // The page that reaches totalFound, and an empty page, are the last
        let last = #"{"offset": 228, "limit": 100, "totalFound": 230, "content": [{"id": "1", "name": "A"}, {"id": "2", "name": "B"}]}"#
        #expect(try provider.page(Data(last.utf8), address: "https://api.smartrecruiters.com/v1/companies/Acme/postings?limit=100&offset=228").next == nil)
        let empty = #"{"offset": 300, "limit": 100, "totalFound": 999, "content": []}"#
        #expect(try provider.page(Data(empty.utf8), address: address).next == nil)
        // A page without its total is not SmartRecruiters' shape
        #expect {
            try provider.page(Data(#"{"content": []}"#.utf8), address: address)
        } throws: { error in
            (error as? WatchError)?.code == .unexpectedJSON && (error as? WatchError)?.message.contains("totalFound") == true
        }
    }
}
