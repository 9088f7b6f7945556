import Foundation

/// Runs the real `afterword` binary in a temporary data directory, as a user would.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let home: URL

    init() {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-cli-\(UUID().uuidString)")
    }

    /// The binary: `$AFTERWORD_BIN` (set by scripts/test), else the debug build beside the sources.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["AFTERWORD_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/afterword")
    }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Result {
        try Self.run(executable: Self.binary, arguments, home: home, stdin: stdin, environment: environment)
    }

    /// Runs `executable` (the binary, or a program that starts it) with the data directory `home`.
    static func run(
        executable: URL, _ arguments: [String], home: URL, stdin: String? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["AFTERWORD_HOME"] = home.path
        env["AFTERWORD_NOW"] = "2026-11-26T21:00:00Z"
        env.removeValue(forKey: "VISUAL")
        env.removeValue(forKey: "EDITOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs and parses standard output as JSON.
    func json(_ arguments: [String]) throws -> Any {
        let result = try run(arguments + ["--json"])
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// Writes a file in the data directory's parent and returns its path.
    func file(_ name: String, _ contents: String) throws -> String {
        let url = home.deletingLastPathComponent().appendingPathComponent("\(home.lastPathComponent)-\(name)")
        try Data(contents.utf8).write(to: url)
        return url.path
    }
}
