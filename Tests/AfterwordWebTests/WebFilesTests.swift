import AfterwordApp
import Foundation
import Testing

@testable import AfterwordWeb

@Suite("web: templates and static files")
struct WebFilesTests {
    /// A copy of the built Templates folder, without `removed`.
    static func templates(without removed: String) throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: try WebFiles.folder("Templates"), to: copy)
        try FileManager.default.removeItem(at: copy.appendingPathComponent(removed))
        return copy
    }

    @Test("every page's template and every partial they include is in the build")
    func allPresent() throws {
        let folder = try WebFiles.folder("Templates")
        _ = try Views(folder: folder)
        _ = try Assets(folder: try WebFiles.folder("Static"))
    }

    @Test("a missing page template, or a partial a template includes, stops the server at start, naming the file")
    func missingTemplate() throws {
        for file in ["today.mustache", "csrf.mustache", "interview-fields.mustache"] {
            let folder = try Self.templates(without: file)
            defer { try? FileManager.default.removeItem(at: folder) }
            let error = try #require(throws: UserError.self) { try Views(folder: folder) }
            #expect(error.message.contains(folder.appendingPathComponent(file).path), "\(error.message)")
        }
    }

    @Test("a template that does not parse stops the server at start, naming the file and the line")
    func brokenTemplate() throws {
        let folder = try Self.templates(without: "problem.mustache")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{{<layout}}{{$content}}\n<h1>{{#heading}}</h1>\n{{/content}}{{/layout}}\n".utf8)
            .write(to: folder.appendingPathComponent("problem.mustache"))
        let error = try #require(throws: UserError.self) { try Views(folder: folder) }
        #expect(error.message.contains("problem.mustache does not parse at line"), "\(error.message)")
    }

    @Test("a template names partials and its layout by file name")
    func included() {
        #expect(Views.included(by: "{{<layout}}{{$content}}{{> csrf }}{{#x}}{{/x}}{{/content}}{{/layout}}") == ["layout", "csrf"])
    }
}
