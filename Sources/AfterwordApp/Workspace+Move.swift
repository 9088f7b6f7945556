import AfterwordCore
import AfterwordIntake
import AfterwordMove
import AfterwordStore
import Foundation

/// What an export file holds, counted for the user.
public struct ExportSummary: Sendable, Equatable, Codable {
    public var interviews: Int
    public var interviewers: Int
    public var drafts: Int
    public var messages: Int
    public var boards: Int
    public var openings: Int
    public var settings: Int
}

/// What `afterword import FILE` did (or, in a dry run, would do).
public struct ImportReport: Sendable, Equatable, Codable {
    public var outcome: RestoreOutcome
    /// What needs the user's attention about the ledger, in sentences both faces show.
    public var notes: [String] {
        let o = outcome
        let dry = dryRun
        var notes: [String] = []
        if o.messagesSettled > 0 {
            notes.append("\(Wording.count(o.messagesSettled, "message")) here \(dry ? "would take" : "took") the outcome the file records (sent or failed there).")
        }
        if o.setAside > 0 {
            notes.append(
                "\(Wording.count(o.setAside, "thank-you")) waiting here \(dry ? "would not be" : "will not be") sent: the file's for the same person and interview was sent (or may have been) from the other Afterword.")
        }
        if o.messagesKeptOut > 0 {
            notes.append(
                "\(Wording.count(o.messagesKeptOut, "message")) \(dry ? "would be" : "were") left out: this Afterword already has a thank-you on its way or sent for the same person and interview, and none is ever sent twice.")
        }
        if o.madeUncertain > 0 {
            notes.append(
                "\(Wording.count(o.madeUncertain, "message")) \(o.madeUncertain == 1 ? "was" : "were") being sent when the file was written: marked uncertain; check your Sent folder, then say whether it arrived.")
        }
        if o.scheduled > 0 {
            notes.append(
                "\(Wording.count(o.scheduled, "scheduled thank-you")) will be sent from here at \(o.scheduled == 1 ? "its" : "their") time; make sure the old Afterword no longer sends.")
        }
        return notes
    }
    /// Settings taken from the file (those not set here).
    public var settingsAdded: [String]
    /// Settings of the file that were not taken, each with why.
    public var settingsKept: [String]
    public var dryRun: Bool
}

extension Workspace {
    /// The largest file `import` reads (an export; a job list may be smaller still).
    public static let largestImport = max(ExportFile.maximumBytes, CSVTable.maximumBytes)

    /// Settings that may hold a secret or run one: never written into an export.
    static let unexportedSettings: Set<String> = ["smtp.passwordCommand", "smtp.tokenCommand"]
    /// Settings that run a program: exported, but never taken from a file, which could come from anyone.
    static let programSettings: Set<String> = ["sendmail.command"]

    /// The whole store and the settings (without secrets) as an export file's bytes.
    /// - Parameter exportedBy: the program and version that wrote it, e.g. "afterword 3.1.0".
    public func exportFile(exportedBy: String) throws -> (data: Data, summary: ExportSummary) {
        let store = try openStore()
        let snapshot = try storeCall { try store.snapshot() }
        // Passwords are never in the settings; a command that prints one is left out too.
        let settings = try loadConfig().values.filter { name, _ in !Self.unexportedSettings.contains(name) }
        let document = ExportDocument(snapshot, settings: settings, exportedAt: now, exportedBy: exportedBy)
        let data: Data
        do {
            data = try ExportFile.encode(document)
        } catch {
            throw UserError("the export could not be written: \(error.localizedDescription)")
        }
        guard data.count <= ExportFile.maximumBytes else {
            throw UserError(
                "the export would be \(data.count / 1_048_576) MB, more than an import reads (\(ExportFile.maximumBytes / 1_048_576) MB); remove old interviews first")
        }
        let summary = ExportSummary(
            interviews: document.interviews.count, interviewers: document.interviewers.count, drafts: document.drafts.count,
            messages: document.ledger.count, boards: document.boards.count, openings: document.openings.count,
            settings: document.settings.count)
        return (data, summary)
    }

    /// Reads an export file and adds it to this store in one transaction; settings of the file that are
    /// not set here are taken too. With `dryRun`, nothing changes and the report says what would.
    /// - Throws: ``UserError`` naming the file, the JSON path and what is wrong; nothing is written then.
    public func importFile(_ data: Data, file: String, dryRun: Bool) throws -> ImportReport {
        let document: ExportDocument
        do {
            document = try ExportFile.decode(data, file: file)
        } catch {
            throw UserError(error.description)
        }
        let config = try loadConfig()
        var added: [String] = []
        var kept: [String] = []
        for (name, value) in document.settings.sorted(by: { $0.key < $1.key }) {
            if Self.programSettings.contains(name) {
                kept.append("\(name): runs a program on this machine; set it yourself if you want it")
                continue
            }
            if let seat, (try? seat.allowSetting(name, value: value)) == nil {
                kept.append("\(name): a career centre's shared server does not take it")
                continue
            }
            guard !Self.unexportedSettings.contains(name), let setting = try? Config.setting(named: name) else {
                kept.append("\(name): not a setting of this Afterword")
                continue
            }
            if let current = config.text(of: name) {
                if current != value { kept.append("\(name): kept this Afterword's \"\(current)\"") }
                continue
            }
            do {
                try setting.validate(value)
                added.append(name)
            } catch {
                kept.append("\(name): \(error)")
            }
        }
        let store = try openStore()
        let outcome = try storeCall { try store.restore(document.snapshot, dryRun: dryRun) }
        if !dryRun, !added.isEmpty {
            _ = try Config.update(in: home) { config in
                for name in added where config.text(of: name) == nil { config.values[name] = document.settings[name] }
            }
        }
        return ImportReport(outcome: outcome, settingsAdded: added, settingsKept: kept, dryRun: dryRun)
    }
}

/// What `afterword import --csv` found in a job list, and (unless a dry run) added.
public struct CSVImportReport: Sendable, Codable {
    /// A field and the column it was read from.
    public struct Column: Sendable, Codable, Equatable {
        public var field: String
        public var header: String
    }

    /// One row of the file and what it became.
    public struct Row: Sendable, Codable, Equatable {
        public var line: Int
        /// "Acme, Staff Engineer, Thu 7 Mar 2024 14:22", when the row is an interview.
        public var interview: String?
        /// The person's name, when the row names one.
        public var person: String?
        /// Why the row adds nothing, when it does not.
        public var skipped: String?
    }

    /// The shape read: `linkedin-connections`, …, `generic`.
    public var preset: String
    public var columns: [Column]
    /// What was assumed, in the user's words ("dates like 03/07 read as 3 July").
    public var assumptions: [String]
    public var rows: [Row]
    public var outcome: RestoreOutcome
    public var dryRun: Bool
}

extension Workspace {
    /// Reads a tracker's CSV export (LinkedIn, Teal, Huntr or a spreadsheet of one's own) and adds its
    /// interviews and people in one transaction, merged with what is here; with `dryRun`, only says what
    /// it would add.
    /// - Parameters:
    ///   - preset: the shape (`linkedin-connections`, …), or nil to recognise it from the headers.
    ///   - map: `company=Company Name,role=Job Title,…`, naming columns the preset does not know.
    /// - Throws: ``UserError`` naming the file, line and column; nothing is written then.
    public func importCSV(_ data: Data, file: String, preset: String?, map: String?, dryRun: Bool) throws -> CSVImportReport {
        let config = try loadConfig()
        let plan: TrackerPlan
        do {
            let fields = try map.map { text throws(IntakeError) in try TrackerImport.parseMap(text) } ?? [:]
            let table = try CSVTable.read(data, file: file)
            plan = try TrackerImport.plan(
                table, file: file, presetName: preset, map: fields, zone: config.timeZone ?? .current, ownEmail: config[.email], now: now)
        } catch {
            throw UserError(error.description)
        }
        let store = try openStore()
        let outcome = try storeCall { try store.restore(plan.snapshot, dryRun: dryRun) }
        return CSVImportReport(
            preset: plan.preset, columns: plan.columns.map { .init(field: $0.field.rawValue, header: $0.header) },
            assumptions: plan.assumptions,
            rows: plan.rows.map { .init(line: $0.line, interview: $0.interview, person: $0.person, skipped: $0.skipped) },
            outcome: outcome, dryRun: dryRun)
    }
}
