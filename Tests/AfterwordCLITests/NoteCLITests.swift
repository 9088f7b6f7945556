import Foundation
import Testing

/// Runs a poppler or qpdf tool and returns its exit status and output.
func tool(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite struct NoteCLITests {
    static let names = ["Zoë Ångström", "Łukasz Żółkiewski", "Nguyễn Thị Minh Khai", "王秀英"]
    /// How each is greeted: by the given name (last in a Vietnamese name), a name with no spaces whole.
    static let greeted = ["Zoë", "Łukasz", "Khai", "王秀英"]

    func prepared() throws -> CLI {
        let cli = CLI()
        try cli.run(["config", "set", "name", "Alex Doe"])
        try cli.run(["config", "set", "address", "12 Elm Street; Springfield, IL 62704"])
        try cli.run(["interview", "add", "--company", "Acme Analytics", "--role", "Data Engineer", "--at", "2026-11-26T14:00-05:00", "--notes", "We discussed the new lakehouse design."])
        for name in Self.names {
            try cli.run([
                "interviewer", "add", "1", "--name", name, "--title", "Director of Data",
                "--address", "Suite 4100, 1 Very Long Corporate Plaza Boulevard; Building C, Floor 41; San Francisco, CA 94105-1234; United States of America",
            ])
        }
        #expect(try cli.run(["draft", "1"]).status == 0)
        return cli
    }

    @Test("every name renders as real text in a valid PDF: card on page one, envelope on page two")
    func names() throws {
        let cli = try prepared()
        for (index, name) in Self.names.enumerated() {
            let pdf = cli.home.deletingLastPathComponent().appendingPathComponent("\(cli.home.lastPathComponent)-\(index).pdf").path
            let result = try cli.run(["note", "pdf", "\(index + 1)", "--out", pdf])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try tool(["qpdf", "--check", pdf]).status == 0)
            let text = try tool(["pdftotext", "-layout", pdf, "-"]).output
            #expect(text.contains("Dear \(Self.greeted[index]),"), "\(name): \(text)")
            #expect(text.contains("Director of Data"))
            #expect(text.contains("San Francisco, CA 94105-1234"))
            #expect(text.contains("12 Elm Street"))
            let body = try #require(try cli.json(["draft", "show", "\(index + 1)"]) as? [String: Any])["body"] as? String
            let firstSentence = try #require(body?.split(separator: "\n").dropFirst().first { !$0.isEmpty })
            let flattened = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flattened.contains(firstSentence.split(whereSeparator: \.isWhitespace).joined(separator: " ")))
            let info = try tool(["pdfinfo", pdf]).output
            #expect(info.contains("Pages:           2"))
            #expect(info.contains("Page size:       306 x 396 pts"))
            let fonts = try tool(["pdffonts", pdf]).output
            #expect(fonts.contains("CID TrueType") && fonts.contains("Identity-H"))
            let render = try tool(["pdftoppm", "-r", "30", "-png", pdf, pdf + "-page"])
            #expect(render.status == 0)
            #expect(FileManager.default.fileExists(atPath: pdf + "-page-1.png") || FileManager.default.fileExists(atPath: pdf + "-page-01.png"))
        }
        #expect(try cli.run(["status"]).stdout.contains("printed but not yet mailed"))
    }

    @Test("card sizes are what pdfinfo reports, and --no-envelope gives one page")
    func sizes() throws {
        let cli = try prepared()
        for (card, size) in [("a6", "297.64 x 419.53 pts"), ("a7", "209.76 x 297.64 pts"), ("half-letter", "396 x 612 pts")] {
            let pdf = cli.home.deletingLastPathComponent().appendingPathComponent("\(cli.home.lastPathComponent)-\(card).pdf").path
            #expect(try cli.run(["note", "pdf", "1", "--card", card, "--out", pdf, "--no-envelope"]).status == 0)
            let info = try tool(["pdfinfo", pdf]).output
            #expect(info.contains("Page size:       \(size)"), "\(info)")
            #expect(info.contains("Pages:           1"))
        }
    }

    @Test("a note too long for the card is refused with AW-BRIEF, never shrunk")
    func tooLong() throws {
        let cli = try prepared()
        let long = String(repeating: "Our conversation about the lakehouse migration and its many streaming pipelines stayed with me. ", count: 9)
        let editor = try cli.file("long.sh", "#!/bin/sh\nprintf 'To: Zoë Ångström\\n\\nDear Zoë Ångström,\\n\\nThank you for taking the time to sit down with me. I enjoyed learning about Acme Analytics. \(long)\\n\\nAlex Doe\\n' > \"$1\"\n")
        chmod(editor, 0o755)
        try cli.run(["draft", "1", "--interviewer", "1", "--edit"], environment: ["EDITOR": editor])
        let result = try cli.run(["note", "pdf", "1", "--card", "a7", "--out", cli.home.path + "-long.pdf"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("AW-BRIEF"))
    }

    @Test("posting is recorded once; a second note to the same person is refused")
    func mailedOnce() throws {
        let cli = try prepared()
        #expect(try cli.run(["note", "mailed", "2"]).status == 0)
        let again = try cli.run(["note", "mailed", "2"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("AW-ONCE"))
    }
}
