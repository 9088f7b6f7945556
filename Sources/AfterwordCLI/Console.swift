import AfterwordApp
import Foundation

/// The CLI's output layer: the only place that writes to the terminal. Control characters from
/// imported values are written escaped (`\u{1B}`), so a card cannot clear or retitle the terminal.
enum Console {
    /// Writes a line to standard output.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((ControlCharacters.visible(text) + "\n").utf8))
    }

    /// Writes lines to standard output at once (a check of many drafts prints thousands).
    static func out(lines: [String]) {
        var text = ""
        for line in lines {
            text += ControlCharacters.visible(line)
            text += "\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `error: …` to standard error.
    static func error(_ message: String) {
        let text = message.hasPrefix("error:") || message.hasPrefix("Error:") ? message : "error: \(message)"
        errorLine(text)
    }

    /// Writes a note to standard error (kept out of piped output).
    static func note(_ message: String) {
        errorLine("note: " + message)
    }

    /// Writes a line to standard error.
    static func errorLine(_ text: String) {
        FileHandle.standardError.write(Data((ControlCharacters.visible(text) + "\n").utf8))
    }

    /// Writes a progress line to standard error (shown on a terminal, kept out of piped output).
    static func progress(_ message: String) {
        errorLine(message)
    }

    /// Writes a value as pretty, key-sorted JSON.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601.utc(date))
        }
        out(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
