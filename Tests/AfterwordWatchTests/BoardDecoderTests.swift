import AfterwordWatch
import Foundation
import Testing

@Suite struct BoardDecoderTests {
    func decode(_ json: String, _ provider: BoardProvider) throws -> [BoardPosting] {
        try BoardDecoder.postings(Data(json.utf8), provider: provider)
    }

    @Test("titles are one line with entities decoded, and a byte-order mark is no obstacle")
    func tidyTitles() throws {
        let json =
            "\u{FEFF}"
            + #"{"jobs": [{"id": 7, "title": "  R&amp;D   Engineer\n(Platform) ", "location": null, "absolute_url": "u"}]}"#
        #expect(
            try decode(json, .greenhouse) == [
                BoardPosting(id: "7", title: "R&D Engineer (Platform)", location: "", url: "u")
            ])
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
}
