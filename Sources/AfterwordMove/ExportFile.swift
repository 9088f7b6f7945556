import AfterwordCore
import AfterwordIntake
import Foundation

/// Writing and reading an export file. Reading checks everything before anything is imported: the JSON
/// itself, the format and its version, each field's type and range, and that every ref points at a
/// record of the file; an error names the JSON path (`interviews[3].at`) and what to do.
public enum ExportFile {
    /// The largest file `import` reads: far above a lifetime of interviews.
    public static let maximumBytes = 256 * 1024 * 1024
    /// The most records of one kind a file may hold.
    public static let maximumRecords = 200_000

    /// The document as JSON: keys in a fixed order, two-space indents, instants in UTC.
    public static func encode(_ document: ExportDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Instant.text(date))
        }
        var data = try encoder.encode(document)
        data.append(0x0A)
        return data
    }

    /// Reads an export file's bytes.
    /// - Parameter file: the file's name, for errors.
    /// - Throws: ``IntakeError`` naming the line or the JSON path, and what is wrong.
    public static func decode(_ data: Data, file: String) throws(IntakeError) -> ExportDocument {
        guard data.count <= maximumBytes else {
            throw IntakeError(
                file: file, line: 0, field: "file",
                message: "\(data.count / 1_048_576) MB is too large to be an Afterword export (at most \(maximumBytes / 1_048_576) MB)")
        }
        guard !data.isEmpty else {
            throw IntakeError(file: file, line: 0, field: "file", message: "the file is empty; export again")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") else {
            throw IntakeError(
                file: file, line: 1, field: "file",
                message: bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
                    ? "UTF-16 text; an export is UTF-8 JSON: save it as UTF-8"
                    : "not an Afterword export: it is not a JSON object (a job list is imported as CSV)")
        }
        if let failure = JSONScanner.check(bytes) {
            throw IntakeError(
                file: file, line: failure.line, field: failure.path.isEmpty ? "JSON" : failure.path,
                message: "column \(failure.column): \(failure.message)")
        }
        let json = Data(bytes)
        try checkHeader(json, file: file)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = Instant.parse(text) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "not a date and time; write it like 2026-11-03T14:00:00Z"))
            }
            return date
        }
        let document: ExportDocument
        do {
            document = try decoder.decode(ExportDocument.self, from: json)
        } catch let error as DecodingError {
            throw explain(error, file: file)
        } catch {
            throw IntakeError(file: file, line: 0, field: "JSON", message: "cannot be read: \(error.localizedDescription)")
        }
        try ExportCheck(document: document, file: file).run()
        return document
    }

    /// The first two fields, read leniently so that each can be named when it is wrong.
    private struct Header: Decodable {
        var format: String?
        var version: Int?
        var versionPresent = false

        enum CodingKeys: String, CodingKey { case format, version }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            format = try? container.decode(String.self, forKey: .format)
            versionPresent = container.contains(.version)
            version = try? container.decode(Int.self, forKey: .version)
        }
    }

    private static func checkHeader(_ json: Data, file: String) throws(IntakeError) {
        guard let header = try? JSONDecoder().decode(Header.self, from: json) else {
            throw IntakeError(file: file, line: 0, field: "JSON", message: "not an Afterword export: it is not one JSON object (a job list is imported as CSV)")
        }
        guard header.format == ExportDocument.formatName else {
            throw IntakeError(
                file: file, line: 0, field: "format",
                message: "not an Afterword export (it should say \"format\": \"\(ExportDocument.formatName)\"); a tracker's job list is imported as CSV")
        }
        guard let version = header.version, version >= 1 else {
            throw IntakeError(
                file: file, line: 0, field: "version",
                message: header.versionPresent ? "should be a whole number, like 1" : "missing; every export says which version of the format it is")
        }
        guard version <= ExportDocument.currentVersion else {
            throw IntakeError(
                file: file, line: 0, field: "version",
                message:
                    "written by a newer Afterword (export format \(version)); this one reads up to format \(ExportDocument.currentVersion): upgrade Afterword to import it")
        }
    }

    private static func explain(_ error: DecodingError, file: String) -> IntakeError {
        func path(_ codingPath: [any CodingKey], _ key: (any CodingKey)? = nil) -> String {
            let keys = codingPath + (key.map { [$0] } ?? [])
            let text = JSONScanner.pathText(keys.map { ($0.intValue == nil ? $0.stringValue : nil, $0.intValue) })
            return text.isEmpty ? "JSON" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return IntakeError(file: file, line: 0, field: path(context.codingPath, key), message: "missing; every record of this kind has it")
        case .valueNotFound(let type, let context):
            return IntakeError(file: file, line: 0, field: path(context.codingPath), message: "null, but it should be \(describe(type))")
        case .typeMismatch(let type, let context):
            return IntakeError(file: file, line: 0, field: path(context.codingPath), message: "should be \(describe(type))")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            let last = context.codingPath.last?.stringValue ?? ""
            if let choices = choices[last] {
                return IntakeError(file: file, line: 0, field: field, message: "should be one of \(choices.joined(separator: ", "))")
            }
            return IntakeError(file: file, line: 0, field: field, message: context.debugDescription)
        @unknown default:
            return IntakeError(file: file, line: 0, field: "JSON", message: "cannot be read")
        }
    }

    private static let choices: [String: [String]] = [
        "format": InterviewFormat.allCases.map(\.rawValue),
        "channel": Channel.allCases.map(\.rawValue),
        "transport": TransportKind.allCases.map(\.rawValue),
        "state": MessageState.allCases.map(\.rawValue),
        "kind": ReminderPolicy.Kind.allCases.map(\.rawValue),
    ]

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a text in quotes"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list in [ ]"
        default: type == Date.self ? "a date and time like 2026-11-03T14:00:00Z" : "an object in { }"
        }
    }
}

/// An instant as the export writes it: RFC 3339 in UTC, milliseconds only when there are some.
enum Instant {
    /// The Gregorian calendar in UTC, made once: an export writes several instants per record.
    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        return calendar
    }()

    static func text(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let seconds = (milliseconds / 1000).rounded(.down)
        let fraction = Int(milliseconds - seconds * 1000)
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: seconds))
        let stamp = String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        return fraction == 0 ? stamp + "Z" : stamp + String(format: ".%03dZ", fraction)
    }

    /// `2026-11-03T14:00:00Z`, `…T14:00:00.250Z` or `…T15:00:00+01:00`; years 1900 to 2999.
    static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count >= 20, b.count <= 35 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                value = value * 10 + Int(b[i] - 48)
            }
            return value
        }
        guard let year = number(0..<4), b[4] == 45, let month = number(5..<7), b[7] == 45, let day = number(8..<10),
            b[10] == 84 || b[10] == 116, let hour = number(11..<13), b[13] == 58, let minute = number(14..<16), b[16] == 58,
            let second = number(17..<19), (1900...2999).contains(year), (1...12).contains(month), (1...31).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var i = 19
        var fraction = 0.0
        if b[i] == 46 {
            var scale = 0.1
            i += 1
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57, i - start < 9 {
                fraction += Double(b[i] - 48) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == 90 || b[i] == 122 {
            i += 1
        } else if b[i] == 43 || b[i] == 45, i + 6 == b.count, let h = number((i + 1)..<(i + 3)), b[i + 3] == 58,
            let m = number((i + 4)..<(i + 6)), h < 24, m < 60
        {
            offset = (h * 3600 + m * 60) * (b[i] == 45 ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = utc.date(from: components), utc.component(.day, from: date) == day else { return nil }
        return date.addingTimeInterval(fraction - Double(offset))
    }
}
