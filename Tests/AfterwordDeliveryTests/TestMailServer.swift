import Foundation

/// A real SMTP server on 127.0.0.1 (aiosmtpd, or a scripted misbehaving one), started for one test.
final class TestMailServer: @unchecked Sendable {
    let process = Process()
    let spool: URL
    private(set) var port = 0

    /// Starts `smtp_server.py` in `mode` and waits until it listens.
    init(mode: String = "good", extra: [String] = []) throws {
        spool = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-spool-\(UUID().uuidString)")
        let script = try #require(Bundle.module.url(forResource: "Fixtures/smtp_server.py", withExtension: nil))
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--mode", mode, "--spool", spool.path] + extra
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("READY "), let port = Int(text.dropFirst(6).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw ServerError(message: "the test SMTP server did not start (is aiosmtpd installed?): \(text)")
        }
        self.port = port
    }

    struct ServerError: Error {
        var message: String
    }

    /// The messages the server accepted, as files.
    var received: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: spool, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "eml" }.sorted { $0.path < $1.path }
    }

    func stop() {
        if process.isRunning {
            // SIGKILL: a test runner may start children with SIGTERM ignored.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

/// Parses a message with Python's email package and returns its JSON description.
func parseWithPython(_ file: URL) throws -> [String: Any] {
    let script = try #require(Bundle.module.url(forResource: "Fixtures/parse_mail.py", withExtension: nil))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path, file.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

/// A self-signed certificate for localhost and 127.0.0.1, made with openssl for this test run.
func makeTestCertificate() throws -> (cert: String, key: String) {
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
    #expect(process.terminationStatus == 0, "openssl is needed to make the test certificate")
    return (cert, key)
}

import Testing
