import AfterwordApp
import Foundation

/// What an import did, or would do, said as the web says it: counts in words, and the command line's
/// hints (`--map`, `afterword interview edit`) turned into what to do on these pages.
enum ImportWording {
    /// The kinds of record an export holds, as the preview's table names them, with each one's count.
    static func counts(_ outcome: RestoreOutcome) -> [(what: String, count: RestoreOutcome.Count)] {
        [
            ("Interviews", outcome.interviews), ("People", outcome.interviewers), ("Drafts", outcome.drafts),
            ("Messages sent or scheduled", outcome.messages), ("Job boards watched", outcome.boards),
            ("Openings seen", outcome.openings),
        ]
    }

    /// "Would add 2 interviews, 3 people, …" for an export file.
    static func exportSummary(_ report: ImportReport, file: String) -> String {
        let o = report.outcome
        // The kinds with something new, in words: "1 interview, 2 people and 1 draft", or "nothing new".
        let kinds = [
            (o.interviews.added, "interview", "interviews"), (o.interviewers.added, "person", "people"),
            (o.drafts.added, "draft", "drafts"),
            (o.messages.added, "message", "messages"), (o.boards.added, "board", "boards"),
            (o.openings.added, "opening", "openings"),
        ].filter { $0.0 > 0 }.map { Wording.count($0.0, $0.1, plural: $0.2) }
        let added =
            kinds.count > 1
            ? kinds.dropLast().joined(separator: ", ") + " and " + (kinds.last ?? "") : kinds.first ?? "nothing new"
        let existing = counts(o).map { $0.count.existing }.reduce(0, +)
        var text = "\(report.dryRun ? "Would add" : "Added") \(added) from \(file)"
        text += existing > 0 ? "; \(Wording.count(existing, "record")) already here (merged, not duplicated)." : "."
        if !report.settingsAdded.isEmpty {
            text +=
                " \(report.dryRun ? "Would take" : "Took") \(Wording.count(report.settingsAdded.count, "setting")): \(report.settingsAdded.joined(separator: ", "))."
        }
        return text
    }

    /// "Would add 2 interviews and 3 people; 1 is already here …" for a job list.
    static func jobListSummary(_ report: CSVImportReport, file: String) -> String {
        let o = report.outcome
        let existing = o.interviews.existing + o.interviewers.existing
        return "\(report.dryRun ? "Would add" : "Added") \(Wording.count(o.interviews.added, "interview")) and "
            + "\(Wording.count(o.interviewers.added, "person", plural: "people")) from \(file)"
            + (existing > 0
                ? "; \(Wording.count(existing, "is", plural: "are")) already here (merged, not duplicated)." : ".")
    }

    /// The rows that add nothing, by reason, most common first: "3 rows add nothing: no company (lines 4, 7, 9)."
    static func notAdded(_ rows: [CSVImportReport.Row]) -> [String] {
        let skipped = Dictionary(grouping: rows.filter { $0.skipped != nil }, by: { $0.skipped ?? "" })
        return skipped.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.map { reason, rows in
            let lines = rows.prefix(8).map { String($0.line) }.joined(separator: ", ") + (rows.count > 8 ? ", …" : "")
            return
                "\(Wording.count(rows.count, "row")) \(rows.count == 1 ? "adds" : "add") nothing, \(web(reason)) (line\(rows.count == 1 ? "" : "s") \(lines))."
        }
    }

    /// The command line's hints in a message of the layers below, as the import page says them.
    static func web(_ text: String) -> String {
        var text = text
        for (pattern, replacement) in rewrites {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    /// Each hint of the command line, and what to do instead here.
    private static let rewrites: [(String, String)] = [
        (
            #"Say which column is which with --map, e\.g\. --map "[^"]*" \(fields: [^)]*\)"#,
            "Say which column is which below, then show what it would add"
        ),
        (#": --map: "#, ": which column is which: "),
        (#": --preset: "#, ": where the list comes from: "),
    ]
}
