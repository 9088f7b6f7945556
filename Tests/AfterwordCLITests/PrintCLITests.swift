import Foundation
import Testing

/// The printed note and its envelope, as a person prints and looks at them.
@Suite(.serialized) struct PrintCLITests {
    /// A home with one interview and `name` (at `address`) on its panel, drafted.
    func prepared(name: String, address: String) throws -> CLI {
        let cli = CLI()
        try cli.run(["config", "set", "name", "Alex Doe"])
        try cli.run(["interview", "add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-26T14:00-05:00", "--notes", "We discussed the migration to Postgres."])
        try cli.run(["interviewer", "add", "1", "--name", name, "--address", address])
        #expect(try cli.run(["draft", "1"]).status == 0)
        return cli
    }

    func pdf(_ cli: CLI, _ arguments: [String] = []) throws -> (path: String, result: CLI.Result) {
        let path = cli.home.deletingLastPathComponent().appendingPathComponent("\(cli.home.lastPathComponent)-\(UUID().uuidString).pdf").path
        return (path, try cli.run(["note", "pdf", "1", "--out", path] + arguments))
    }

    @Test("a note with a CJK name and address embeds only the glyphs it uses: under 300 KB, and the text is still there")
    func subsetFonts() throws {
        let cli = try prepared(name: "王秀英", address: "北京市朝阳区建国路88号; 100022 北京")
        let (path, result) = try pdf(cli)
        #expect(result.status == 0, "\(result.stderr)")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size < 300_000, "\(size) bytes")
        #expect(try tool(["qpdf", "--check", path]).status == 0)
        let text = try tool(["pdftotext", "-layout", path, "-"]).output
        #expect(text.contains("Dear 王秀英,") && text.contains("北京市朝阳区建国路88号"), "\(text)")
    }
}
