import Foundation

/// Business-card photos read with the tesseract OCR program.
public enum OCR {
    public static func text(ofImage path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw UserError("\(path): no such file; check the path") }
        guard let tesseract = executable("tesseract") else {
            throw UserError(
                "reading a card photo needs the tesseract OCR program; install it (Debian/Ubuntu: sudo apt-get install tesseract-ocr; macOS: brew install tesseract) or paste the card's text instead")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tesseract)
        process.arguments = [path, "stdout", "--psm", "3"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        _ = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw UserError("\(path): tesseract could not read any text from this image; take a sharper, well-lit photo or paste the card's text")
        }
        return text
    }

    public static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
