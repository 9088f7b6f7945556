import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword check`: the etiquette linter.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check drafts against the etiquette rules, like a linter.",
        discussion: """
            Each input may begin with header lines (Subject:, To:, Company:, Role:, Channel:) and a blank line;
            the rest is the body. Several drafts to one company are also compared with each other:
            AW-DISTINCT (word 3-shingle Jaccard similarity above \(EtiquetteLimits.distinctSimilarity)) and
            AW-NAMES (a note carrying another interviewer's name).
            Exit status: 0 no errors, 1 errors found, 2 unusable input.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: ArgumentHelp("Draft files; - or nothing reads standard input.", valueName: "file"))
    var files: [String] = []
    @Option(help: "email or note (default: from the headers; e-mail unless a To: with a name and no address, and no Subject:, says note).")
    var channel: Channel?
    @Option(help: "The recipient's name, exactly as on their card.") var to: String?
    @Option(help: "The company's name, exactly as it writes it.") var company: String?
    @Option(help: "The job title you interviewed for (never taken for a specific topic or for shouting).") var role: String?
    @Option(help: "The e-mail's subject, when the input has no Subject: line.") var subject: String?
    @Option(help: "text or json.") var format: Format = .text
    @Option(help: ArgumentHelp(
        "When the interview started, e.g. 2026-12-04T14:00-05:00: then the letter's day words (\"today\", \"on Friday\") are checked against --send-at.",
        valueName: "date-time"))
    var interviewAt: String?
    @Option(help: ArgumentHelp("When the letter leaves (default: now); with --interview-at.", valueName: "date-time"))
    var sendAt: String?

    /// The options of `check` that take a value, written `--role X` or `--role=X`.
    static let valueOptions: Set<String> = [
        "--channel", "--to", "--company", "--role", "--subject", "--format", "--interview-at", "--send-at",
    ]

    /// The interview's time and the sending time the options give, for AW-WHEN.
    func occasion() throws -> Occasion? {
        guard let interviewAt else {
            if sendAt != nil { throw UserError("--send-at needs --interview-at: give when the interview started, e.g. 2026-12-04T14:00-05:00") }
            return nil
        }
        guard let (start, zone) = ISO8601.parse(interviewAt, defaultZone: TimeZone.current) else {
            throw UserError("--interview-at: \"\(interviewAt)\" is not a date and time; write it like 2026-12-04T14:00-05:00")
        }
        var leaves = Date()
        if let sendAt {
            guard let (date, _) = ISO8601.parse(sendAt, defaultZone: zone) else {
                throw UserError("--send-at: \"\(sendAt)\" is not a date and time; write it like 2026-12-07T09:00-05:00")
            }
            leaves = date
        }
        return Occasion(interviewAt: start, zone: zone, sendAt: max(leaves, start))
    }

    /// `check`'s draft paths taken out of its arguments before the parser reads them, when every other
    /// argument is one of ``valueOptions`` with its value; nil for anything else (`--help`, `--`, an
    /// unknown option, a value that starts with a dash), which the parser reads whole, as always.
    ///
    /// swift-argument-parser records each value of an array argument by copying the array so far, so
    /// 2,000 paths cost millions of copies; the options alone are parsed in no time, and the paths are
    /// set afterwards in the order given.
    static func takingPaths(from arguments: [String]) -> (arguments: [String], paths: [String])? {
        guard arguments.first == "check" else { return nil }
        var kept = ["check"]
        var paths: [String] = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "-" || !argument.hasPrefix("-") {
                paths.append(argument)
                index += 1
            } else if valueOptions.contains(argument), index + 1 < arguments.count, !arguments[index + 1].hasPrefix("-") {
                kept += [argument, arguments[index + 1]]
                index += 2
            } else if let equals = argument.firstIndex(of: "="), valueOptions.contains(String(argument[..<equals])) {
                kept.append(argument)
                index += 1
            } else {
                return nil
            }
        }
        return (kept, paths)
    }

    func run() async throws {
        let paths = files.isEmpty ? ["-"] : files
        let occasion = try occasion()
        var documents: [Document] = []
        for path in paths {
            var document = Document.parse(try Self.read(path), path: path == "-" ? "<stdin>" : path, defaultChannel: channel)
            if let to {
                let (name, email) = Document.splitAddress(to)
                document.recipientName = name ?? document.recipientName
                document.recipientEmail = email ?? document.recipientEmail
            }
            if let company { document.company = company }
            document.occasion = occasion
            if let role { document.role = role }
            if let subject, document.subject == nil {
                document.subject = subject
                document.subjectLine = 0
            }
            guard !document.body.isBlank else {
                throw UserError("\(document.path): the draft has no body; write the message after the header lines and a blank line")
            }
            documents.append(document)
        }
        let results = Checker().check(documents)
        switch format {
        case .json:
            try Console.json(
                JSONShape.CheckReport(
                    files: zip(documents, results).map { JSONShape.CheckReport.File(path: $0.path, findings: $1) }))
        case .text:
            var lines: [String] = []
            for (document, findings) in zip(documents, results) {
                for finding in findings { lines.append(FindingText.line(finding, path: document.path)) }
            }
            lines.append(FindingText.summary(results.flatMap { $0 }, files: documents.count))
            Console.out(lines: lines)
        }
        if results.contains(where: \.hasErrors) { throw ExitCode.failure }
    }

    /// The text of a file, or of standard input for `-`.
    static func read(_ path: String) throws -> String {
        let data: Data?
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw UserError("\(path): no such file; give the path of a draft, or - for standard input")
            }
            guard !isDirectory.boolValue else { throw UserError("\(path): is a directory; give draft files") }
            data = FileManager.default.contents(atPath: path)
            guard data != nil else { throw UserError("\(path): cannot be read; check its permissions") }
        }
        guard let data, !holdsNUL(data), let text = String(data: data, encoding: .utf8) else {
            throw UserError("\(path == "-" ? "<stdin>" : path): is not UTF-8 text; save the draft as UTF-8 text")
        }
        return text
    }

    /// True when `data` holds a NUL byte (binary, not text): its bytes are scanned in place, not one by
    /// one through `Data`'s iterator, which costs milliseconds on a long draft.
    static func holdsNUL(_ data: Data) -> Bool {
        data.withUnsafeBytes { $0.firstIndex(of: 0) != nil }
    }
}

extension Channel: ExpressibleByArgument {}

/// Findings as a compiler prints them.
enum FindingText {
    /// `drafts/dana.txt:3:12: error AW-NOREPLY: … ["please confirm you received"]`
    static func line(_ finding: Finding, path: String) -> String {
        var text = "\(path):\(finding.line):\(finding.column): \(finding.severity.rawValue) \(finding.rule.rawValue): \(finding.message)"
        if let excerpt = finding.excerpt, !excerpt.isEmpty {
            text += " [\"\(excerpt.utf8.contains(0x0A) ? excerpt.replacingOccurrences(of: "\n", with: " ") : excerpt)\"]"
        }
        return text
    }

    /// `2 errors, 1 warning, 0 hints in 1 file`.
    static func summary(_ findings: [Finding], files: Int) -> String {
        func count(_ severity: Severity, _ noun: String) -> String {
            let n = findings.filter { $0.severity == severity }.count
            return "\(n) \(noun)\(n == 1 ? "" : "s")"
        }
        return "\(count(.error, "error")), \(count(.warning, "warning")), \(count(.hint, "hint")) in \(files) file\(files == 1 ? "" : "s")"
    }
}
