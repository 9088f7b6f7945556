import AfterwordIntake
import Foundation

/// A CSV file read as rows of fields (RFC 4180, as spreadsheets and trackers really write it): quoted
/// fields with doubled quotes and line breaks inside, CRLF or LF line ends, a byte-order mark, and a
/// comma, semicolon (European spreadsheets) or tab between fields, whichever the file uses. Linear in
/// the file's size, bounded in rows and fields.
public struct CSVTable: Sendable, Equatable {
    /// One record, with the line of the file it starts on.
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
    }

    public var rows: [Row]
    /// The separator the file uses.
    public var separator: Character

    public static let maximumBytes = 32 * 1024 * 1024
    public static let maximumRows = 100_000
    public static let maximumFields = 500
    public static let maximumFieldBytes = 100_000

    /// Reads a CSV file's bytes (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252).
    /// - Throws: ``IntakeError`` naming the line and what is wrong.
    public static func read(_ data: Data, file: String) throws(IntakeError) -> CSVTable {
        guard data.count <= maximumBytes else {
            throw IntakeError(
                file: file, line: 0, field: "file",
                message: "\(data.count / 1_048_576) MB is too large for a job list (at most \(maximumBytes / 1_048_576) MB); split it into smaller files")
        }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw IntakeError(
                file: file, line: 0, field: "file",
                message: "this is a spreadsheet workbook (.xlsx), not CSV; save it as \"CSV UTF-8\" and import that")
        }
        let isUTF16 = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
        if !isUTF16, let nul = data.firstIndex(of: 0) {
            let line = data[data.startIndex..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw IntakeError(file: file, line: line, field: "file", message: "a NUL byte: this is not a text file; save the list as CSV")
        }
        var text = isUTF16 ? TextEncoding.text(of: data) : decode(data)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if isUTF16, let nul = text.firstIndex(of: "\0") {
            let line = text[..<nul].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            throw IntakeError(file: file, line: line, field: "file", message: "a NUL character: this is not a text file; save the list as CSV")
        }
        let bytes = Array(text.utf8)
        let separator = detectSeparator(bytes)
        return CSVTable(rows: try parse(bytes, separator: separator, file: file), separator: Character(Unicode.Scalar(separator)))
    }

    /// UTF-8 text, where a byte that is not UTF-8 is read as Windows-1252 (what Excel writes): a list saved
    /// by one program and edited in another keeps both its "Müller" and its "Renée".
    static func decode(_ data: Data) -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        let bytes = [UInt8](data)
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let length = UTF8Bytes.sequenceLength(bytes, at: index)
            if length > 0, let decoded = String(bytes: bytes[index..<(index + length)], encoding: .utf8) {
                scalars.append(contentsOf: decoded.unicodeScalars)
                index += length
            } else {
                let single = String(data: Data([bytes[index]]), encoding: .windowsCP1252) ?? "\u{FFFD}"
                scalars.append(contentsOf: single.unicodeScalars)
                index += 1
            }
        }
        return String(scalars)
    }

    /// The separator used most outside quotes in the first 64 KB: comma, semicolon or tab.
    static func detectSeparator(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for byte in bytes.prefix(65_536) {
            if byte == 0x22 {
                quoted.toggle()
            } else if !quoted, counts[byte] != nil {
                counts[byte, default: 0] += 1
            }
        }
        let comma = counts[0x2C] ?? 0
        let semicolon = counts[0x3B] ?? 0
        let tab = counts[0x09] ?? 0
        if tab > comma, tab > semicolon { return 0x09 }
        return semicolon > comma ? 0x3B : 0x2C
    }

    private static func parse(_ bytes: [UInt8], separator: UInt8, file: String) throws(IntakeError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var rowLine = 1
        var quoted = false
        var wasQuoted = false
        var index = 0

        func fail(_ message: String) -> IntakeError { IntakeError(file: file, line: rowLine, field: "row", message: message) }
        func endField() throws(IntakeError) {
            guard fields.count < maximumFields else { throw fail("more than \(maximumFields) columns; is this a job list?") }
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRow() throws(IntakeError) {
            try endField()
            // A blank line is no record.
            if !(fields.count == 1 && fields[0].isEmpty) {
                // The header and up to maximumRows rows under it.
                guard rows.count <= maximumRows else {
                    throw fail("more than \(maximumRows) rows; split the file and import each part")
                }
                rows.append(Row(line: rowLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == 0x22 {
                    if index < bytes.count, bytes[index] == 0x22 {
                        field.append(0x22)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
            } else if byte == separator {
                try endField()
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
                try endRow()
                line += 1
                rowLine = line
            } else if byte == 0x22, field.isEmpty, !wasQuoted {
                quoted = true
                wasQuoted = true
            } else {
                field.append(byte)
            }
            if field.count > maximumFieldBytes {
                throw fail("a field longer than \(maximumFieldBytes / 1000) KB (a quote left open?)")
            }
        }
        if quoted { throw fail("a quoted field is never closed: a \" is missing") }
        if !field.isEmpty || !fields.isEmpty { try endRow() }
        return rows
    }
}
