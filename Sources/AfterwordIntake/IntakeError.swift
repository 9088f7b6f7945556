/// Why a file could not be imported: the file, the line, the field, and what to do.
public struct IntakeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line of the input, 0 when the problem is the whole file.
    public var line: Int
    /// The property or field at fault (`EMAIL`, `DTSTART`, `END:VCARD`…).
    public var field: String
    /// What is wrong and what to do, in one line.
    public var message: String

    public init(file: String, line: Int, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line): \(field): \(message)" : "\(file): \(field): \(message)"
    }
}
