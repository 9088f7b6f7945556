import Foundation

/// Helpers shared by the tests: a real SMTP server, an independent mail parser, a TLS certificate.

/// A real SMTP server on 127.0.0.1 (aiosmtpd, or a scripted misbehaving one), started for one test.
public final class TestMailServer: @unchecked Sendable {
    let process = Process()
    public let spool: URL
    public private(set) var port = 0

    /// Starts `smtp_server.py` in `mode` and waits until it listens.
    public init(mode: String = "good", extra: [String] = []) throws {
        spool = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-spool-\(UUID().uuidString)")
        let script = try fixtureURL("smtp_server.py")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--mode", mode, "--spool", spool.path] + extra
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = firstLine(of: output)
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("READY "), let port = Int(text.dropFirst(6).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw ServerError(message: "the test SMTP server did not start (is aiosmtpd installed?): \(text)")
        }
        self.port = port
    }

    public struct ServerError: Error {
        public var message: String
    }

    /// The messages the server accepted, as files.
    public var received: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: spool, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "eml" }.sorted { $0.path < $1.path }
    }

    public func stop() {
        if process.isRunning {
            // SIGKILL: a test runner may start children with SIGTERM ignored.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

/// Parses a message with Python's email package and returns its JSON description.
public func parseWithPython(_ file: URL) throws -> [String: Any] {
    let script = try fixtureURL("parse_mail.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path, file.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw TestMailServer.ServerError(message: "parse_mail.py printed no JSON object")
    }
    return object
}

/// A self-signed certificate for localhost and 127.0.0.1, made with openssl for this test run.
public func makeTestCertificate() throws -> (cert: String, key: String) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-tls-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let cert = directory.appendingPathComponent("cert.pem").path
    let key = directory.appendingPathComponent("key.pem").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
        "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
        "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw TestMailServer.ServerError(message: "openssl is needed to make the test certificate")
    }
    return (cert, key)
}

/// The first line a started server prints on `pipe` (its READY line), or what it printed before ending.
func firstLine(of pipe: Pipe) -> Data {
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
        let chunk = pipe.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        line.append(chunk)
    }
    return line
}

/// A file of the test-support fixtures.
public func fixtureURL(_ name: String) throws -> URL {
    guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
        throw TestMailServer.ServerError(message: "missing fixture \(name)")
    }
    return url
}
