import Foundation

/// A real Dovecot (IMAP and submission) on 127.0.0.1 (`dovecot_server.py`), started for one test. It takes the
/// password over PLAIN and LOGIN and, over XOAUTH2 and OAUTHBEARER, the tokens `token()` signs with `keyFile`.
/// Submission relays to 127.0.0.1:`relayPort` (a `TestMailServer`, say). Never skipped: without Dovecot, init throws.
public final class TestDovecot: @unchecked Sendable {
    let process = Process()
    /// Dovecot's directory: its configuration, its log (`dovecot.log`) and the Maildir. Removed when this object goes.
    public let base: URL
    /// The HS256 secret the server validates tokens with (`--jwt-key-file`), written before it starts.
    public let keyFile: URL
    public let user: String
    public let password: String
    public private(set) var imapPort = 0
    public private(set) var submissionPort = 0
    /// The implicit-TLS ports, with a certificate only.
    public private(set) var imapsPort: Int?
    public private(set) var submissionsPort: Int?

    /// Starts `dovecot_server.py` and waits until IMAP and submission both answer.
    public init(
        relayPort: Int? = nil, sentName: String = "Sent", certificate: (cert: String, key: String)? = nil,
        user: String = "alex@example.test", password: String = "secret"
    ) throws {
        self.user = user
        self.password = password
        // Under /tmp and searchable by all: as root, Dovecot's processes run as `nobody` and must reach it.
        base = URL(fileURLWithPath: "/tmp").appendingPathComponent("afterword-dovecot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: base.path)
        keyFile = base.appendingPathComponent("jwt.key")
        let secret = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        try Data((secret + "\n").utf8).write(to: keyFile)
        let script = try fixtureURL("dovecot_server.py")
        var arguments = [
            "python3", script.path, "--base", base.path, "--jwt-key-file", keyFile.path, "--sent-name=\(sentName)",
            "--user=\(user)", "--password=\(password)",
        ]
        if let relayPort { arguments += ["--relay-port", String(relayPort)] }
        if let certificate { arguments += ["--cert", certificate.cert, "--key", certificate.key] }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        // A file, not a pipe: nobody reads it while the server runs.
        let errors = base.appendingPathComponent("server.stderr")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let errorHandle = try FileHandle(forWritingTo: errors)
        process.standardError = errorHandle
        try process.run()
        try? errorHandle.close()
        let line = firstLine(of: output)
        // READY imap=<port> submission=<port> [imaps=<port> submissions=<port>]
        let text = String(decoding: line, as: UTF8.self)
        var ports: [String: Int] = [:]
        if text.hasPrefix("READY ") {
            for field in text.dropFirst(6).split(whereSeparator: \.isWhitespace) {
                let pair = field.split(separator: "=", maxSplits: 1)
                if pair.count == 2, let port = Int(pair[1]) { ports[String(pair[0])] = port }
            }
        }
        guard let imap = ports["imap"], let submission = ports["submission"],
            certificate == nil || (ports["imaps"] != nil && ports["submissions"] != nil)
        else {
            stop()
            let log = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            let tail = log.split(separator: "\n", omittingEmptySubsequences: false).suffix(40).joined(separator: "\n")
            throw TestMailServer.ServerError(
                message: "the test Dovecot did not start (is dovecot-core, dovecot-imapd and dovecot-submissiond "
                    + "installed?): \(text)\n\(tail)"
            )
        }
        imapPort = imap
        submissionPort = submission
        imapsPort = ports["imaps"]
        submissionsPort = ports["submissions"]
    }

    /// An access token for `user` that the server accepts, or, on purpose, refuses (expired, wrongly signed);
    /// `padTo` makes it at least that many bytes long.
    public func token(expired: Bool = false, badSignature: Bool = false, padTo: Int? = nil) throws -> String {
        let script = try fixtureURL("mint_token.py")
        var arguments = ["python3", script.path, "--key-file", keyFile.path, "--user=\(user)"]
        if expired { arguments.append("--expired") }
        if badSignature { arguments.append("--bad-signature") }
        if let padTo { arguments += ["--pad-to", String(padTo)] }
        let result = try runPython(arguments)
        let token = String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0, !token.isEmpty else {
            throw TestMailServer.ServerError(message: "mint_token.py failed: \(result.error)")
        }
        return token
    }

    /// Stops the server; Dovecot's processes follow within a moment. `base` stays until this object goes.
    public func stop() {
        if process.isRunning {
            // SIGKILL: a test runner may start children with SIGTERM ignored. The script's watchdog then
            // stops Dovecot's whole process group.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: base)
    }
}

/// The raw messages in `folder` of the server's mailbox, oldest first, read with an independent client
/// (Python's imaplib: LOGIN with the password, SELECT, UID SEARCH ALL, FETCH BODY.PEEK[] of each).
public func sentFolderMessages(_ server: TestDovecot, folder: String = "Sent") throws -> [String] {
    let result = try runPython(
        ["python3", "-c", imapReadScript, "127.0.0.1", String(server.imapPort), server.user, server.password, folder]
    )
    guard result.status == 0 else {
        throw TestMailServer.ServerError(message: "reading \(folder) over IMAP failed: \(result.error)")
    }
    guard let messages = try JSONSerialization.jsonObject(with: result.output) as? [String] else {
        throw TestMailServer.ServerError(message: "the IMAP reader printed no JSON list of strings")
    }
    return messages
}

/// Files `message` in `folder` with IMAP APPEND (imaplib), as a server that keeps its own copy of sent mail would.
public func appendToFolder(_ server: TestDovecot, folder: String, message: String) throws {
    let file = FileManager.default.temporaryDirectory
        .appendingPathComponent("afterword-append-\(UUID().uuidString).eml")
    try Data(message.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try runPython([
        "python3", "-c", imapAppendScript, "127.0.0.1", String(server.imapPort), server.user, server.password, folder,
        file.path,
    ])
    guard result.status == 0 else {
        throw TestMailServer.ServerError(message: "appending to \(folder) over IMAP failed: \(result.error)")
    }
}

/// Runs `keyring_session.sh` with `arguments` (a command and its arguments) inside a private D-Bus session with an
/// unlocked gnome-keyring, in exactly `environment` (so give it a PATH that finds dbus-run-session,
/// gnome-keyring-daemon and secret-tool), with `input` on stdin (nothing if nil).
public func runInKeyringSession(
    _ arguments: [String], environment: [String: String], input: String? = nil
) throws -> (status: Int32, output: String, error: String) {
    let script = try fixtureURL("keyring_session.sh")
    // Files, not pipes: nothing to read concurrently, nothing blocks on a full pipe.
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("afterword-keyring-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let inputFile = directory.appendingPathComponent("stdin")
    let outputFile = directory.appendingPathComponent("stdout")
    let errorFile = directory.appendingPathComponent("stderr")
    try Data((input ?? "").utf8).write(to: inputFile)
    _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    let inputHandle = try FileHandle(forReadingFrom: inputFile)
    let outputHandle = try FileHandle(forWritingTo: outputFile)
    let errorHandle = try FileHandle(forWritingTo: errorFile)
    defer {
        try? inputHandle.close()
        try? outputHandle.close()
        try? errorHandle.close()
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [script.path] + arguments
    process.environment = environment
    process.standardInput = inputHandle
    process.standardOutput = outputHandle
    process.standardError = errorHandle
    try process.run()
    process.waitUntilExit()
    let output = (try? Data(contentsOf: outputFile)) ?? Data()
    let error = (try? Data(contentsOf: errorFile)) ?? Data()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
}

/// Runs `/usr/bin/env arguments` and returns its exit status, stdout and stderr (both short).
private func runPython(_ arguments: [String]) throws -> (status: Int32, output: Data, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, data, String(decoding: message, as: UTF8.self))
}

/// argv: host port user password folder. Prints the folder's messages as a JSON list of strings.
private let imapReadScript = #"""
    import imaplib, json, sys
    host, port, user, password, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    def q(s): return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'
    imap = imaplib.IMAP4(host, port)
    imap.login(q(user), password)
    typ, data = imap.select(q(folder))
    if typ != "OK": sys.exit(f"SELECT {folder}: {typ} {data}")
    typ, data = imap.uid("SEARCH", "ALL")
    if typ != "OK": sys.exit(f"UID SEARCH: {typ} {data}")
    messages = []
    for uid in sorted(int(u) for u in data[0].split()):
        typ, data = imap.uid("FETCH", str(uid), "(BODY.PEEK[])")
        if typ != "OK": sys.exit(f"UID FETCH {uid}: {typ} {data}")
        parts = [item[1] for item in data if isinstance(item, tuple)]
        if len(parts) != 1: sys.exit(f"UID FETCH {uid}: {data!r}")
        messages.append(parts[0].decode("utf-8", errors="replace"))
    imap.logout()
    print(json.dumps(messages))
    """#

/// argv: host port user password folder file. Appends the file's message to the folder.
private let imapAppendScript = #"""
    import imaplib, sys
    host, port, user, password, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    def q(s): return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'
    with open(sys.argv[6], "rb") as handle:
        message = handle.read()
    imap = imaplib.IMAP4(host, port)
    imap.login(q(user), password)
    typ, data = imap.append(q(folder), None, None, message)
    if typ != "OK": sys.exit(f"APPEND {folder}: {typ} {data}")
    imap.logout()
    """#

/// A private D-Bus session with an unlocked gnome-keyring, kept running for one test: its bus address,
/// given to a program this process starts (secret-tool), reaches the keyring.
public final class KeyringSession: @unchecked Sendable {
    let process = Process()
    let input = Pipe()
    /// The session bus's address, for `DBUS_SESSION_BUS_ADDRESS`.
    public private(set) var address = ""

    public init() throws {
        let script = try fixtureURL("keyring_session.sh")
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        // The session lasts until its standard input closes (``stop()``): the script then stops its keyring and bus.
        process.arguments = [script.path, "sh", "-c", "printf '%s\\n' \"$DBUS_SESSION_BUS_ADDRESS\"; read -r _"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = firstLine(of: output)
        address = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !address.isEmpty else {
            stop()
            throw TestMailServer.ServerError(message: "no keyring session started (are dbus, gnome-keyring and libsecret-tools installed?)")
        }
    }

    /// What `secret-tool lookup ATTRIBUTE VALUE…` prints in this session.
    public func lookup(_ attributes: [String]) throws -> String {
        let lookup = Process()
        lookup.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        lookup.arguments = ["secret-tool", "lookup"] + attributes
        var environment = ProcessInfo.processInfo.environment
        environment["DBUS_SESSION_BUS_ADDRESS"] = address
        lookup.environment = environment
        let output = Pipe()
        lookup.standardOutput = output
        lookup.standardError = FileHandle.nullDevice
        try lookup.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        lookup.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    public func stop() {
        if process.isRunning {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}
