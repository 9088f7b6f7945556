import Foundation

/// Business-card photos read with the tesseract OCR program: one photo at a time, within a time and a
/// memory limit, so that a hostile or huge image cannot take the machine (or `serve`) down.
public enum OCR {
    /// The longest a photo is read before tesseract is stopped: 30 s, or `$AFTERWORD_OCR_SECONDS` (1–300)
    /// for scripts and tests.
    public static var secondsLimit: Int {
        let given = ProcessInfo.processInfo.environment["AFTERWORD_OCR_SECONDS"].flatMap { Int($0) }
        return given.map { min(max($0, 1), 300) } ?? 30
    }
    /// The address space tesseract may use, in KB.
    static let memoryLimitKB = 1_536 * 1024
    /// At most this much text is read back.
    static let maximumOutputBytes = 64 * 1024

    private static let busy = Mutex()

    public static func text(ofImage path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw UserError("\(path): no such file; check the path") }
        guard let tesseract = executable("tesseract") else {
            throw UserError(
                "reading a card photo needs the tesseract OCR program; install it (Debian/Ubuntu: sudo apt-get install tesseract-ocr; macOS: brew install tesseract) or paste the card's text instead")
        }
        guard busy.tryLock() else {
            throw UserError("another card photo is being read right now; wait a moment and try again, or paste the card's text")
        }
        defer { busy.unlock() }
        let process = Process()
        // The memory limit is set by the shell for tesseract alone; one thread keeps the other core free.
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(memoryLimitKB) 2>/dev/null; exec \"$0\" \"$@\"", tesseract, path, "stdout", "--psm", "3"]
        var environment = ProcessInfo.processInfo.environment
        environment["OMP_THREAD_LIMIT"] = "1"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A thread of its own stops tesseract at the limit: the caller's thread is busy reading its output.
        let pid = process.processIdentifier
        let finished = DispatchSemaphore(value: 0)
        let limit = secondsLimit
        Thread.detachNewThread {
            if finished.wait(timeout: .now() + .seconds(limit)) == .timedOut { kill(pid, SIGKILL) }
        }
        var data = Data()
        while true {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            if data.count < maximumOutputBytes { data.append(chunk.prefix(maximumOutputBytes - data.count)) }
        }
        process.waitUntilExit()
        finished.signal()
        if process.terminationReason == .uncaughtSignal {
            throw UserError(
                "\(path): tesseract gave up on this image (over \(secondsLimit) s or too much memory); crop the photo to the card, make it smaller, or paste the card's text")
        }
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw UserError("\(path): tesseract could not read any text from this image; take a sharper, well-lit photo or paste the card's text")
        }
        return text
    }

    /// A lock that is tried, never waited for.
    private final class Mutex: @unchecked Sendable {
        private let lock = NSLock()
        func tryLock() -> Bool { lock.try() }
        func unlock() { lock.unlock() }
    }

    public static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
