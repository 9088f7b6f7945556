/// Export everything, and import an export or a job list: the upload form, then what the file would add, to
/// confirm or to read again with other columns.
struct MovePage: Page {
    static let template = PageTemplate.move

    /// The file chosen, carried from page to page so that it is not chosen again.
    struct Carried: Sendable {
        var name: String
        /// The file's bytes in base64: letters, digits, `+`, `/` and `=` only, so the template writes it unescaped.
        var content: String
        /// The preset and columns the preview was made with: an import with others is previewed again first.
        var previewed: String
        /// A job list (.csv), which has columns to name; else an export.
        var isJobList: Bool
    }

    /// One field of a job list the user may name the column of.
    struct Column: Sendable {
        /// The field's name (`company`).
        var field: String
        /// What the column holds, in words.
        var meaning: String
        /// The column's header in the file, as read or typed.
        var header: String
        var problem: String?
    }

    /// One row of a job list and what it becomes.
    struct Row: Sendable {
        var line: Int
        /// "Interview: Acme, SRE, Thu 7 Mar 2024 14:22, with Dana Whitfield", "Person: …" or "Nothing: why".
        var becomes: String
        /// True when the row adds nothing.
        var skipped: Bool
    }

    /// One kind of record in an export: how many are new here, how many already here.
    struct Count: Sendable {
        var what: String
        var added: Int
        var existing: Int
    }

    /// What the file would add, nothing changed yet.
    struct Preview: Sendable {
        /// "Would add 2 interviews and 3 people from jobs.csv."
        var summary: String
        /// The shape a job list was read as, in words.
        var readAs: String?
        /// The columns a job list was read from.
        var used: [Column]
        var assumptions: [String]
        /// The rows that add nothing, by reason.
        var notAdded: [String]
        /// The first rows of a job list, each with what it becomes.
        var rows: [Row]
        /// "and 1,200 more rows", when not every row is listed.
        var moreRows: String?
        /// An export's records by kind.
        var counts: [Count]
        /// What needs attention: messages left out, made uncertain, scheduled; settings not taken.
        var notes: [String]
    }

    var carried: Carried?
    /// The shapes a job list may have; the first recognises it from its columns.
    var presets: [Choice]
    /// The columns the user may name, as read or typed.
    var columns: [Column]
    /// True to show the columns unfolded: the file's columns were not recognised, or one named is wrong.
    var columnsOpen: Bool
    var preview: Preview?
    var layout = Layout()
}
