import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword export`: one person's whole Afterword as one JSON file.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write everything (interviews, people, drafts, the ledger, boards, settings) to one JSON file.",
        discussion: """
            The file holds no password, token or password command. Bring it into another Afterword with \
            `afterword import FILE`; the format is described in docs/export-format.md.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The file to write (- or nothing for standard output).", valueName: "file")) var out: String?

    func run() async throws {
        let (data, summary) = try global.workspace.exportFile(exportedBy: "afterword \(Afterword.version)")
        guard let out, out != "-" else {
            Console.raw(String(decoding: data, as: UTF8.self))
            return
        }
        try Console.writeFile(data, to: out)
        Console.out(
            "Wrote \(Wording.count(summary.interviews, "interview")), \(Wording.count(summary.interviewers, "person", plural: "people")), \(Wording.count(summary.drafts, "draft")) and \(Wording.count(summary.messages, "message")) to \(out).")
        Console.note("it holds names, addresses and your letters: keep it private (it was written readable by you alone)")
    }
}

/// `afterword import`: an export file, or a job list from another tracker.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring in an Afterword export, or interviews and people from a job tracker's CSV.",
        discussion: """
            afterword import afterword.json             an export from `afterword export` (merged, nothing twice)
            afterword import --csv Connections.csv      LinkedIn, Teal, Huntr or your own spreadsheet

            Presets: linkedin-connections, linkedin-applications, teal, huntr, generic (recognised from \
            the headers when --preset is not given). Rows with an interview date become interviews, and \
            the people named become interviewers; --map names columns the preset does not know, e.g. \
            --map "company=Firm,role=Job,date=Interview on,contact=Interviewer". Fields: \
            company, role, date, time, contact, first, last, email, phone, title, notes, status, applied, connected, url, location.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "An export file (.json).") var file: String?
    @Option(help: ArgumentHelp("A job list to import (.csv).", valueName: "file")) var csv: String?
    @Option(help: ArgumentHelp("The CSV's shape: linkedin-connections, linkedin-applications, teal, huntr or generic.", valueName: "name"))
    var preset: String?
    @Option(help: ArgumentHelp("Which column is which: \"company=Company Name,role=Job Title,date=Interview Date\".", valueName: "fields"))
    var map: String?
    @Flag(help: "Show what would be added; change nothing.") var dryRun = false

    func validate() throws {
        if file != nil, csv != nil { throw ValidationError("give an export file or --csv FILE, not both") }
        if file == nil, csv == nil {
            throw ValidationError("give an export file (afterword import afterword.json) or a job list (afterword import --csv FILE)")
        }
        let isList = csv != nil || [".csv", ".tsv"].contains { file?.lowercased().hasSuffix($0) == true }
        if !isList, preset != nil || map != nil { throw ValidationError("--preset and --map are for --csv files") }
    }

    func run() async throws {
        let workspace = try global.workspace
        // A job list given like an export file is read as the job list it is.
        let csv = csv ?? file.flatMap { path in [".csv", ".tsv"].contains { path.lowercased().hasSuffix($0) } ? path : nil }
        if let csv {
            let report = try workspace.importCSV(try read(csv), file: csv, preset: preset, map: map, dryRun: dryRun)
            try show(report)
        } else if let file {
            let report = try workspace.importFile(try read(file), file: file, dryRun: dryRun)
            try show(report, file: file)
        }
    }

    private func read(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw UserError("\(path): no such file; check the path") }
        guard !isFolder.boolValue else { throw UserError("\(path) is a folder; give the file in it") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        // Far above any export or job list: refused before it is read into memory.
        guard size <= Workspace.largestImport else {
            throw UserError("\(path): \(size / 1_048_576) MB is too large to import (at most \(Workspace.largestImport / 1_048_576) MB)")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw UserError("\(path): cannot be read; check its permissions") }
        return data
    }

    private func show(_ report: ImportReport, file: String) throws {
        if output.json {
            try Console.json(report)
            return
        }
        let o = report.outcome
        let verb = report.dryRun ? "Would add" : "Added"
        Console.out(
            "\(verb) \(Wording.count(o.interviews.added, "interview")), \(Wording.count(o.interviewers.added, "person", plural: "people")), \(Wording.count(o.drafts.added, "draft")), \(Wording.count(o.messages.added, "message")), \(Wording.count(o.boards.added, "board")) and \(Wording.count(o.openings.added, "opening")) from \(file).")
        let existing = o.interviews.existing + o.interviewers.existing + o.drafts.existing + o.messages.existing + o.boards.existing + o.openings.existing
        if existing > 0 { Console.out("\(Wording.count(existing, "record")) already here: merged, not duplicated.") }
        for note in report.notes { Console.out(note) }
        if !report.settingsAdded.isEmpty {
            Console.out("\(report.dryRun ? "Would take" : "Took") \(Wording.count(report.settingsAdded.count, "setting")): \(report.settingsAdded.joined(separator: ", ")).")
        }
        for kept in report.settingsKept { Console.note("setting \(kept)") }
        if report.dryRun { Console.out("Nothing was changed (--dry-run).") }
    }

    private func show(_ report: CSVImportReport) throws {
        if output.json {
            try Console.json(report)
            return
        }
        Console.out("Read as \(report.preset): " + report.columns.map { "\($0.field) = \"\($0.header)\"" }.joined(separator: ", "))
        for assumption in report.assumptions { Console.note(assumption) }
        if report.dryRun {
            for row in report.rows {
                var parts: [String] = []
                if let interview = row.interview { parts.append("interview: \(interview)") }
                if let person = row.person { parts.append("person: \(person)") }
                if let skipped = row.skipped { parts.append("nothing (\(skipped))") }
                Console.out("line \(row.line): " + parts.joined(separator: "; "))
            }
        }
        let o = report.outcome
        let verb = report.dryRun ? "Would add" : "Added"
        let existing = o.interviews.existing + o.interviewers.existing
        Console.out(
            "\(verb) \(Wording.count(o.interviews.added, "interview")) and \(Wording.count(o.interviewers.added, "person", plural: "people"))"
                + (existing > 0 ? "; \(Wording.count(existing, "is", plural: "are")) already here (merged, not duplicated)." : "."))
        let skipped = Dictionary(grouping: report.rows.filter { $0.skipped != nil }, by: { $0.skipped ?? "" })
        for (reason, rows) in skipped.sorted(by: { $0.value.count > $1.value.count }) {
            let lines = rows.prefix(5).map { String($0.line) }.joined(separator: ", ") + (rows.count > 5 ? ", …" : "")
            Console.out("\(Wording.count(rows.count, "row")) not added, \(reason) (line \(lines)).")
        }
        if report.dryRun { Console.out("Nothing was changed (--dry-run); run again without it to add them.") }
    }
}
