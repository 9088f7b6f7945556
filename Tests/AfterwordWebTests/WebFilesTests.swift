import AfterwordApp
import Foundation
import Testing

@testable import AfterwordWeb

@Suite("web: templates and static files")
struct WebFilesTests {
    @Test("every page's template and every partial they include is in the binary, with the stylesheet, script and icon")
    func allPresent() throws {
        _ = try Views()
        let assets = try Assets()
        #expect(assets.files.map(\.name) == ["app.css", "app.js", "icon.svg"])
        #expect(assets.files.allSatisfy { $0.bytes.readableBytes > 100 })
        // What is embedded is the files as they are in the source tree, byte for byte.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/AfterwordWeb")
        for (path, text) in EmbeddedWebFiles.files {
            #expect(try String(contentsOf: source.appendingPathComponent(path), encoding: .utf8) == text, "\(path)")
        }
    }

    @Test("a missing page template, or a partial a template includes, stops the server at start, naming the file")
    func missingTemplate() throws {
        for name in ["today", "csrf", "interview-fields"] {
            let error = try #require(throws: UserError.self) { try Views(templates: WebFiles.templates.filter { $0.key != name }) }
            #expect(error.message.contains("\(name).mustache is missing"), "\(error.message)")
        }
    }

    @Test("a template that does not parse stops the server at start, naming the file and the line")
    func brokenTemplate() throws {
        var templates = WebFiles.templates
        templates["problem"] = "{{<layout}}{{$content}}\n<h1>{{#heading}}</h1>\n{{/content}}{{/layout}}"
        let error = try #require(throws: UserError.self) { try Views(templates: templates) }
        #expect(error.message.contains("problem.mustache does not parse at line"), "\(error.message)")
    }

    @Test("a template names partials and its layout by file name")
    func included() {
        #expect(Views.included(by: "{{<layout}}{{$content}}{{> csrf }}{{#x}}{{/x}}{{/content}}{{/layout}}") == ["layout", "csrf"])
    }
}
