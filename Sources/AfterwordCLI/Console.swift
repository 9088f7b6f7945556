import AfterwordApp
import Foundation

/// The CLI's output layer: the only place that writes to the terminal. Control characters from
/// imported values are written escaped (`\u{1B}`), so a card cannot clear or retitle the terminal.
enum Console {
    /// Writes a line to standard output.
    static func out(_ text: String) {
        raw(ControlCharacters.visible(text) + "\n")
    }

    /// Writes lines to standard output at once (a check of many drafts prints thousands).
    static func out(lines: [String]) {
        var text = ""
        for line in lines {
            text += ControlCharacters.visible(line)
            text += "\n"
        }
        raw(text)
    }

    /// Writes text as it is. A reader that went away (`afterword remind | head -1`) loses the rest of the
    /// output, never the work: what is being sent is still sent and recorded.
    static func raw(_ text: String, to handle: FileHandle = .standardOutput) {
        try? handle.write(contentsOf: Data(text.utf8))
    }

    /// Writes a file the user named, or says plainly why it cannot be written: no name, a folder, a folder
    /// that does not exist, no permission.
    static func writeFile(_ data: Data, to path: String) throws {
        guard !path.isEmpty else { throw UserError("give the file's name, e.g. thank-you.ics") }
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw UserError("\(path) is a folder; give a file's name in it, e.g. \(url.appendingPathComponent("file").path)")
        }
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder) else {
            throw UserError("cannot write \(path): the folder \(folder) does not exist; create it first or write elsewhere")
        }
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw UserError(
                FileManager.default.isWritableFile(atPath: folder)
                    ? "cannot write \(path); check that the disk has room" : "cannot write \(path): you may not write in \(folder)")
        }
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
        raw(ControlCharacters.visible(text) + "\n", to: .standardError)
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
