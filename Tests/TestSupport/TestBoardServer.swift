import Foundation

/// A real job-board server on 127.0.0.1 (`board_server.py`) answering in Greenhouse's, Lever's and Ashby's
/// documented JSON shapes, and misbehaving as real boards do (slow, 429, 500, HTML, huge, redirect loop).
public final class TestBoardServer: @unchecked Sendable {
    let process = Process()
    /// The served files: `<provider>/<token>.json`, copied from the fixtures so that a test may change them.
    public let root: URL
    public private(set) var port = 0

    /// Starts the server over a fresh copy of the board fixtures and waits until it listens.
    public init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-boards-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: try fixtureURL("boards"), to: root)
        let script = try fixtureURL("board_server.py")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--root", root.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = firstLine(of: output)
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("READY "),
            let port = Int(text.dropFirst(6).trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            process.terminate()
            throw TestMailServer.ServerError(message: "the test board server did not start: \(text)")
        }
        self.port = port
    }

    /// The API base to configure for `provider` (`watch.greenhouse` and so on).
    public func base(_ provider: String) -> String { "http://127.0.0.1:\(port)/\(provider)" }

    /// Replaces what the board `token` of `provider` answers.
    public func serve(_ provider: String, _ token: String, json: String) throws {
        try Data(json.utf8).write(to: root.appendingPathComponent("\(provider)/\(token).json"))
    }

    /// The requests the server received: path, User-Agent and If-None-Match, one per line.
    public var requests: [String] {
        let log = (try? String(contentsOf: root.appendingPathComponent("requests.log"), encoding: .utf8)) ?? ""
        return log.split(separator: "\n").map(String.init)
    }

    /// Stops the server and removes its copy of the fixtures.
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: root)
    }

    deinit { stop() }
}
