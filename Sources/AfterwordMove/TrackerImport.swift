import AfterwordCore
import AfterwordIntake
import Foundation

/// What a job list would add: its interviews (rows with an interview date) and the people in it, tied
/// together as a ``StoreSnapshot`` for the store to merge, and every other row with why it adds nothing.
public struct TrackerPlan: Sendable {
    /// One row of the file and what became of it.
    public struct Row: Sendable, Codable, Equatable {
        public var line: Int
        /// "Acme, Staff Engineer, Thu 7 Mar 2024 14:22", when the row is an interview.
        public var interview: String?
        /// The person's name, when the row names one.
        public var person: String?
        /// Why the row adds nothing, when it does not.
        public var skipped: String?
    }

    /// The shape read: a preset's name, or `generic` with `--map`.
    public var preset: String
    /// Which column each field was read from, in the order of the fields.
    public var columns: [(field: TrackerField, header: String)]
    public var snapshot: StoreSnapshot
    public var rows: [Row]
    /// What was assumed, in the user's words ("slashed dates read day first").
    public var assumptions: [String]
}

/// Reads a tracker's CSV export into interviews and people.
public enum TrackerImport {
    /// How many rows from the top may come before the header (LinkedIn writes a few lines of notes).
    static let headerSearchRows = 20
    /// The time given to an interview whose row has a date only.
    static let assumedMinutes = 9 * 60

    /// Parses `--map "company=Company Name,role=Job Title"`.
    /// - Throws: ``IntakeError`` naming the part that is not `field=Header`.
    public static func parseMap(_ text: String) throws(IntakeError) -> [TrackerField: String] {
        var map: [TrackerField: String] = [:]
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, !pieces[1].isEmpty else {
                throw IntakeError(file: "--map", line: 0, field: String(part), message: "write each part as field=Header, e.g. company=Company Name")
            }
            guard let field = TrackerField(rawValue: pieces[0].lowercased()) else {
                throw IntakeError(
                    file: "--map", line: 0, field: pieces[0],
                    message: "not a field; the fields are \(TrackerField.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard map[field] == nil else {
                throw IntakeError(file: "--map", line: 0, field: field.rawValue, message: "named twice; give each field one column")
            }
            if let other = map.first(where: { TrackerPreset.key($0.value) == TrackerPreset.key(pieces[1]) }) {
                throw IntakeError(
                    file: "--map", line: 0, field: field.rawValue,
                    message: "the column \"\(pieces[1])\" is already \(other.key.rawValue); one column holds one field")
            }
            map[field] = pieces[1]
        }
        return map
    }

    /// Works out what `table` would add.
    /// - Parameters:
    ///   - presetName: the shape to read, or nil to recognise it from the headers.
    ///   - map: columns named by the user, over the preset's own.
    ///   - zone: the time zone of dates without one.
    ///   - ownEmail: the user's address, never taken for someone they met.
    /// - Throws: ``IntakeError`` naming the line and column: a shape not recognised (with the headers found
    ///   and the `--map` to write), an unknown preset, or an interview date that is not one.
    public static func plan(
        _ table: CSVTable, file: String, presetName: String?, map: [TrackerField: String], zone: TimeZone, ownEmail: String?, now: Date
    ) throws(IntakeError) -> TrackerPlan {
        var candidates = TrackerPreset.all
        if let presetName {
            guard let preset = TrackerPreset.named(presetName) else {
                throw IntakeError(
                    file: file, line: 0, field: "--preset",
                    message: "\"\(presetName)\" is not a preset; the presets are \(TrackerPreset.all.map(\.id).joined(separator: ", "))")
            }
            candidates = [preset]
        } else if !map.isEmpty {
            // Columns named by hand are a spreadsheet of one's own.
            candidates = [TrackerPreset.generic]
        }
        guard let (preset, headerIndex, columns) = recognise(table, candidates: candidates, map: map) else {
            throw unknownShape(table, file: file, preset: presetName.flatMap(TrackerPreset.named) ?? (map.isEmpty ? nil : .generic), map: map)
        }
        let header = table.rows[headerIndex].fields
        var reader = RowReader(columns: columns, header: header, file: file)
        let calendarYear = Calendar(identifier: .gregorian).component(.year, from: now)
        var assumptions: [String] = []
        let separatorOrder: TrackerDate.Order = table.separator == ";" ? .dayFirst : .monthFirst
        let dataRows = Array(table.rows[(headerIndex + 1)...])
        var order = separatorOrder
        if let column = columns[.date] {
            let values = dataRows.map { $0.fields.indices.contains(column) ? $0.fields[column] : "" }
            guard let found = TrackerDate.order(of: values, fallback: separatorOrder) else {
                let dayFirst = dataRows.first { TrackerDate.slashedParts($0.fields.indices.contains(column) ? $0.fields[column] : "").map { $0.0 > 12 } == true }
                let monthFirst = dataRows.first { TrackerDate.slashedParts($0.fields.indices.contains(column) ? $0.fields[column] : "").map { $0.1 > 12 } == true }
                throw IntakeError(
                    file: file, line: monthFirst?.line ?? 0, field: header[column],
                    message:
                        "line \(dayFirst?.line ?? 0) writes the day first and line \(monthFirst?.line ?? 0) the month first; write them all one way (2024-03-07 is clearest)")
            }
            order = found
            if values.contains(where: { TrackerDate.slashedParts($0) != nil }) {
                assumptions.append(order == .dayFirst ? "dates like 03/07 read as 3 July (day first)" : "dates like 03/07 read as 7 March (month first)")
            }
        }
        reader.order = order
        reader.year = calendarYear
        reader.zone = zone
        reader.ownEmail = ownEmail?.lowercased()
        reader.now = now

        var rows: [TrackerPlan.Row] = []
        for row in dataRows {
            rows.append(try reader.read(row))
        }
        if reader.assumedTimes > 0 {
            assumptions.append(
                "\(reader.assumedTimes == 1 ? "1 interview has" : "\(reader.assumedTimes) interviews have") a date but no time: 9:00 assumed; correct the time on the interview")
        }
        let described = TrackerField.allCases.compactMap { field in columns[field].map { (field: field, header: header[$0]) } }
        return TrackerPlan(preset: preset.id, columns: described, snapshot: reader.snapshot, rows: rows, assumptions: assumptions)
    }

    /// The preset, header row and columns of the first row (of the first few) that has every field a
    /// preset requires; a preset whose own header names appear wins over `generic`.
    private static func recognise(
        _ table: CSVTable, candidates: [TrackerPreset], map: [TrackerField: String]
    ) -> (TrackerPreset, Int, [TrackerField: Int])? {
        var fallback: (TrackerPreset, Int, [TrackerField: Int])?
        for index in table.rows.indices.prefix(headerSearchRows) {
            let keys = table.rows[index].fields.map(TrackerPreset.key)
            for preset in candidates {
                var columns: [TrackerField: Int] = [:]
                // The names in the preset's order of preference: Teal's `statusName` over its `status`.
                for (field, names) in preset.headerKeys {
                    if let column = names.lazy.compactMap({ keys.firstIndex(of: $0) }).first {
                        columns[field] = column
                    }
                }
                var mapped = true
                for (field, name) in map {
                    if let column = keys.firstIndex(of: TrackerPreset.key(name)) { columns[field] = column } else { mapped = false }
                }
                guard mapped, preset.required.allSatisfy({ columns[$0] != nil }) else { continue }
                let signed = preset.signatureKeys.contains { keys.contains($0) }
                if signed || candidates.count == 1 || !map.isEmpty { return (preset, index, columns) }
                if fallback == nil, preset.signature.isEmpty { fallback = (preset, index, columns) }
            }
        }
        return fallback
    }

    private static func unknownShape(_ table: CSVTable, file: String, preset: TrackerPreset?, map: [TrackerField: String]) -> IntakeError {
        let headerRow = table.rows.prefix(headerSearchRows).max { $0.fields.filter { !$0.isEmpty }.count < $1.fields.filter { !$0.isEmpty }.count }
        let headers = headerRow?.fields.filter { !$0.isEmpty } ?? []
        guard !headers.isEmpty else {
            return IntakeError(file: file, line: 0, field: "header", message: "the file has no header row; add one naming each column")
        }
        if table.rows.first?.fields.first?.hasPrefix("{") == true {
            return IntakeError(
                file: file, line: 1, field: "file", message: "this is an Afterword export (JSON), not a job list: import it as an export file")
        }
        let keys = Set(headers.map(TrackerPreset.key))
        if let missing = map.first(where: { !keys.contains(TrackerPreset.key($0.value)) }) {
            return IntakeError(
                file: file, line: headerRow?.line ?? 0, field: "--map",
                message: "no column is named \"\(missing.value)\"; the columns are: \(headers.joined(separator: ", "))")
        }
        if let preset, !map.isEmpty, let needed = preset.required.first(where: { map[$0] == nil }) {
            return IntakeError(
                file: file, line: headerRow?.line ?? 0, field: "--map",
                message: "\(needed.rawValue) (\(needed.meaning)) is needed too: add \(needed.rawValue)=… naming its column")
        }
        let shape = preset.map { "not the columns of a \($0.id) export" } ?? "not a job list Afterword recognises"
        return IntakeError(
            file: file, line: headerRow?.line ?? 0, field: "header",
            message:
                "\(shape). Its columns are: \(String(headers.joined(separator: ", ").prefix(400))). Say which column is which with --map, e.g. --map \"\(example(headers))\" (fields: \(TrackerField.allCases.map(\.rawValue).joined(separator: ", ")))"
        )
    }

    /// A `--map` to start from: each of company, role, date and contact with the header most like it.
    private static func example(_ headers: [String]) -> String {
        let hints: [(TrackerField, [String])] = [
            (.company, ["company", "employer", "firm", "organi", "firma"]), (.role, ["role", "title", "position", "job", "stelle"]),
            (.date, ["interview", "date", "when", "datum", "termin"]), (.contact, ["contact", "name", "who", "person", "recruiter"]),
        ]
        var used = Set<String>()
        var parts: [String] = []
        for (field, words) in hints {
            guard let header = headers.first(where: { h in !used.contains(h) && words.contains { TrackerPreset.key(h).contains($0) } }) else { continue }
            used.insert(header)
            parts.append("\(field.rawValue)=\(header)")
        }
        return parts.isEmpty ? "company=…,role=…,date=…" : parts.joined(separator: ",")
    }
}

/// Reads rows one by one into the snapshot, merging a person or an interview named twice in the file.
private struct RowReader {
    let columns: [TrackerField: Int]
    let header: [String]
    let file: String
    var order: TrackerDate.Order = .monthFirst
    var year = 2026
    var zone = TimeZone(secondsFromGMT: 0) ?? .current
    var ownEmail: String?
    var now = Date()
    var snapshot = StoreSnapshot()
    var assumedTimes = 0
    private var peopleByKey: [String: Int64] = [:]
    private var interviewsByKey: [String: Int64] = [:]

    init(columns: [TrackerField: Int], header: [String], file: String) {
        self.columns = columns
        self.header = header
        self.file = file
    }

    /// A field's text, with the placeholders trackers write for nothing ("-", "n/a") as nil.
    func value(_ field: TrackerField, _ row: CSVTable.Row) -> String? {
        guard let column = columns[field], row.fields.indices.contains(column) else { return nil }
        let text = row.fields[column].split(whereSeparator: \.isNewline).joined(separator: field == .notes ? "\n" : " ")
            .trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, !["-", "—", "–", "n/a", "na", "none", "null"].contains(text.lowercased()) else { return nil }
        return String(text.prefix(field == .notes ? 10_000 : 300))
    }

    mutating func read(_ row: CSVTable.Row) throws(IntakeError) -> TrackerPlan.Row {
        let company = value(.company, row)
        let role = value(.role, row)
        var result = TrackerPlan.Row(line: row.line)
        let personRef = person(row, company: company)
        // Refs are positions in the list, from 1.
        if let personRef, let index = Int(exactly: personRef - 1), snapshot.interviewers.indices.contains(index) {
            result.person = snapshot.interviewers[index].name
        }

        if isOwnAddress(row), value(.date, row) == nil {
            result.skipped = "you (your own e-mail address)"
            return result
        }
        if let dateText = value(.date, row) {
            guard let company else {
                result.skipped = "an interview date but no company"
                return result
            }
            // A thank-you names the role: an interview without one would read "about the  role".
            guard let role else {
                result.skipped = "an interview date but no role (the job title you interviewed for)"
                return result
            }
            let (startsAt, described) = try instant(dateText, row: row)
            let key = "\(company.lowercased())|\(startsAt.timeIntervalSince1970)"
            let ref: Int64
            if let known = interviewsByKey[key] {
                ref = known
            } else {
                ref = Int64(snapshot.interviews.count + 1)
                interviewsByKey[key] = ref
                snapshot.interviews.append(
                    Interview(
                        id: ref, company: company, role: role, startsAt: startsAt, timeZone: zone.identifier,
                        notes: value(.notes, row) ?? "", createdAt: now))
            }
            if let personRef, !(snapshot.panels[ref] ?? []).contains(personRef) { snapshot.panels[ref, default: []].append(personRef) }
            result.interview = [company, role, described].compactMap { $0 }.joined(separator: ", ")
            return result
        }
        if personRef != nil { return result }
        let stage = value(.status, row)?.lowercased() ?? ""
        if ["interview", "vorstellung", "entretien", "entrevista", "gesprek"].contains(where: stage.contains) {
            result.skipped = "at an interview stage, but no interview date: record that interview by hand"
        } else if columns[.role] == nil && columns[.date] == nil {
            result.skipped = "no name: nobody to add"
        } else if company == nil && role == nil {
            result.skipped = "no company, interview or person"
        } else {
            result.skipped = "an application only (no interview date or person): Afterword keeps interviews and the people you met"
        }
        return result
    }

    /// Honorifics of other languages that job lists carry in a name, as an English letter writes them.
    private static let foreignHonorifics: [String: String] = [
        "herr": "Mr.", "frau": "Ms.", "monsieur": "Mr.", "m.": "Mr.", "madame": "Ms.", "mme": "Ms.", "mme.": "Ms.", "señor": "Mr.",
        "señora": "Ms.", "sr.": "Mr.", "sra.": "Ms.", "dhr.": "Mr.", "mevr.": "Ms.",
    ]

    /// True when the row's e-mail is the user's own: the row then names the user, not someone they met.
    private func isOwnAddress(_ row: CSVTable.Row) -> Bool {
        guard let ownEmail, let email = value(.email, row) else { return false }
        return Self.bareAddress(email).lowercased() == ownEmail
    }

    /// `mailto:dana@acme.example` as the address it is.
    private static func bareAddress(_ text: String) -> String {
        text.lowercased().hasPrefix("mailto:") ? String(text.dropFirst(7)).trimmingCharacters(in: .whitespaces) : text
    }

    /// The row's person (by ref), merged with one named earlier in the file; nil when it names nobody.
    private mutating func person(_ row: CSVTable.Row, company: String?) -> Int64? {
        guard !isOwnAddress(row) else { return nil }
        let email = value(.email, row).map(Self.bareAddress).flatMap { EmailAddress.isPlausible($0) ? $0 : nil }
        let joined = [value(.first, row), value(.last, row)].compactMap { $0 }.joined(separator: " ")
        var typed = value(.contact, row) ?? (joined.isEmpty ? nil : joined)
        if typed == nil, let email, let local = email.split(separator: "@").first {
            typed = local.split(whereSeparator: { ".-_+".contains($0) }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        }
        guard var typed, !typed.isEmpty else { return nil }
        var foreign: String?
        let words = typed.split(separator: " ", maxSplits: 1).map(String.init)
        if words.count == 2, let english = Self.foreignHonorifics[words[0].lowercased()] {
            foreign = english
            typed = words[1]
        }
        // "Whitfield, Dana" and "Dr. Dana Whitfield, PhD" as the name a letter uses, the honorific apart.
        let (honorific, name) = PersonName.split(typed)
        let key = email.map { "@" + $0.lowercased() } ?? "\(name.lowercased())|\(company?.lowercased() ?? "")"
        if let known = peopleByKey[key] { return known }
        let ref = Int64(snapshot.interviewers.count + 1)
        peopleByKey[key] = ref
        snapshot.interviewers.append(
            Interviewer(
                id: ref, name: name, honorific: foreign ?? honorific, title: value(.title, row), company: company, email: email,
                phone: value(.phone, row), createdAt: now))
        return ref
    }

    private mutating func instant(_ text: String, row: CSVTable.Row) throws(IntakeError) -> (Date, String) {
        guard var reading = TrackerDate.read(text, order: order, thisYear: year) else {
            throw IntakeError(
                file: file, line: row.line, field: columns[.date].map { header[$0] } ?? "date",
                message: "\"\(text)\" is not a date; write it like 2024-03-07 or 2024-03-07 14:30, or empty the cell")
        }
        if reading.minutes == nil, let timeText = value(.time, row) {
            guard let time = TrackerDate.read("2000-01-01 \(timeText)", order: order, thisYear: year)?.minutes else {
                throw IntakeError(
                    file: file, line: row.line, field: columns[.time].map { header[$0] } ?? "time",
                    message: "\"\(timeText)\" is not a time of day; write it like 14:30 or 2:30 PM")
            }
            reading.minutes = time
        }
        if reading.minutes == nil { assumedTimes += 1 }
        let minutes = reading.minutes ?? TrackerImport.assumedMinutes
        let components = DateComponents(year: reading.year, month: reading.month, day: reading.day, hour: minutes / 60, minute: minutes % 60)
        let date = calendar.date(from: components) ?? now
        return (date, (reading.minutes == nil ? dayFormatter : timeFormatter).string(from: date))
    }

    private lazy var calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()
    private lazy var dayFormatter = formatter("EEE d MMM yyyy")
    private lazy var timeFormatter = formatter("EEE d MMM yyyy HH:mm")

    private func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = format
        return formatter
    }
}
