import Foundation
import Testing

/// The printed note and its envelope, as a person prints and looks at them.
@Suite(.serialized) struct PrintCLITests {
    /// A home with one interview and `name` (at `address`) on its panel, drafted.
    func prepared(name: String, address: String) throws -> CLI {
        let cli = CLI()
        try cli.run(["config", "set", "name", "Alex Doe"])
        try cli.run([
            "interview", "add", "--company", "Acme", "--role", "Engineer", "--at", "2026-11-26T14:00-05:00", "--notes",
            "We discussed the migration to Postgres.",
        ])
        try cli.run(["interviewer", "add", "1", "--name", name, "--address", address])
        #expect(try cli.run(["draft", "1"]).status == 0)
        return cli
    }

    func pdf(_ cli: CLI, _ arguments: [String] = []) throws -> (path: String, result: CLI.Result) {
        let path = cli.home.deletingLastPathComponent().appendingPathComponent(
            "\(cli.home.lastPathComponent)-\(UUID().uuidString).pdf"
        ).path
        return (path, try cli.run(["note", "pdf", "1", "--out", path] + arguments))
    }

    @Test(
        "a note with a CJK name and address embeds only the glyphs it uses: under 300 KB, and the text is still there")
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

    static let longAddress =
        "Building 4, Floor 12, Suite 1200-B, Attn: Talent Acquisition Mailroom; 1234 Extraordinarily Long Boulevard Name Northwest; San Francisco, CA 94105-1234; United States of America"

    /// The type sizes a PDF's text is set in (its content streams are not compressed).
    func typeSizes(_ path: String) throws -> [Double] {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        return text.matches(of: /\/F\d+ ([0-9.]+) Tf/).compactMap { Double($0.1) }
    }

    @Test(
        "a long recipient address wraps on the envelope, in 9 pt type or larger; one that cannot fit is refused, saying what to do",
        arguments: ["a7", "a2"])
    func longAddress(card: String) throws {
        let cli = try prepared(name: "Maximiliana Konstantinopolskaya-Whitfield", address: Self.longAddress)
        let (path, result) = try pdf(cli, ["--card", card])
        #expect(result.status == 0, "\(result.stderr)")
        let envelope = try tool(["pdftotext", "-f", "2", "-l", "2", path, "-"]).output
        for word in ["Extraordinarily", "Northwest", "94105-1234", "America", "Konstantinopolskaya-Whitfield"] {
            #expect(envelope.contains(word), "\(word) missing: \(envelope)")
        }
        // The return address is small; the recipient's block never goes below 9 pt.
        #expect(try typeSizes(path).filter { $0 < 9 }.allSatisfy { $0 == 7.5 || $0 == 8.5 })

        let lines = (0..<30).map { "Line \($0) of a very long address indeed" }.joined(separator: "; ")
        try cli.run(["interviewer", "edit", "1", "--address", lines])
        let refused = try pdf(cli, ["--card", card]).result
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("does not fit") && refused.stderr.contains("9 pt"), "\(refused.stderr)")
    }

    @Test(
        "--sheet places the card on letter or A4 paper with cut marks; --sign-by-hand leaves room to sign; --date dates it"
    )
    func sheetAndSigning() throws {
        let cli = try prepared(name: "Dana Whitfield", address: "1 Main St; Springfield, IL 62701")
        let (path, result) = try pdf(cli, ["--sheet", "a4", "--sign-by-hand", "--date"])
        #expect(result.status == 0, "\(result.stderr)")
        let info = try tool(["pdfinfo", "-f", "1", "-l", "2", path]).output
        #expect(info.contains("595.28 x 841.89"), "\(info)")
        let card = try tool(["pdftotext", "-f", "1", "-l", "1", path, "-"]).output
        #expect(card.contains("Best regards,") && !card.contains("Alex Doe"), "\(card)")
        #expect(card.contains("26 November 2026"))
        let wrong = try pdf(cli, ["--sheet", "tabloid"]).result
        #expect(wrong.status != 0 && wrong.stderr.contains("letter or a4"))
    }
}
