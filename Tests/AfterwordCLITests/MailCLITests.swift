import AfterwordTestSupport
import Foundation
import Testing

/// Mail through a real Dovecot: OAuth2 sign-in with a token command, the copy in Sent, uncertain sends
/// settled from Sent, the password in the system keyring.
@Suite(.serialized) struct MailCLITests {
    /// Dovecot's submission relaying to aiosmtpd, Dovecot's IMAP for Sent, and a home set up to use them
    /// with one interview and two people on its panel, drafted.
    struct Setup {
        let relay: TestMailServer
        let dovecot: TestDovecot
        /// Where Dovecot's submission relays to.
        let downstream: TestMailServer
        let cli = CLI()

        /// - Parameter serverFilesCopy: mail goes to a server that files its own copy in Sent as it takes a
        ///   message (as Gmail does), rather than through Dovecot's submission.
        init(sentName: String = "Sent", serverFilesCopy: Bool = false) throws {
            downstream = try TestMailServer()
            dovecot = try TestDovecot(relayPort: downstream.port, sentName: sentName)
            relay =
                serverFilesCopy
                ? try TestMailServer(extra: ["--file-sent", "\(dovecot.imapPort):\(dovecot.user):\(dovecot.password):\(sentName)"])
                : downstream
            for (key, value) in [
                ("name", "Alex Doe"), ("email", dovecot.user), ("smtp.host", "127.0.0.1"),
                ("smtp.port", "\(serverFilesCopy ? relay.port : dovecot.submissionPort)"), ("smtp.security", "none"),
                ("smtp.user", serverFilesCopy ? "" : dovecot.user), ("smtp.timeout", "5"), ("smtp.retryDelay", "0"),
                ("imap.host", "127.0.0.1"), ("imap.port", "\(dovecot.imapPort)"), ("imap.security", "none"), ("imap.user", dovecot.user),
            ] {
                let set = try cli.run(["config", "set", key, value])
                #expect(set.status == 0, "\(set.stderr)")
            }
            try cli.run(["interview", "add", "--company", "Acme", "--role", "Backend Engineer", "--at", "2026-11-26T14:00-05:00"])
            try cli.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.test"])
            try cli.run(["interviewer", "add", "1", "--name", "Priya Natarajan", "--email", "priya@acme.test"])
            try cli.run(["draft", "1"])
        }

        /// Sets smtp.tokenCommand to print `token` (from a file, as a token tool's cache would).
        func useToken(_ token: String) throws {
            let file = try cli.file("token-\(UUID().uuidString)", token + "\n")
            #expect(try cli.run(["config", "set", "smtp.tokenCommand", "cat \(file)"]).status == 0)
        }

        /// The bytes of the database and the settings file: where a secret must never be.
        func storedBytes() throws -> String {
            let files = ["afterword.sqlite", "afterword.sqlite-wal", "config.json"].map { cli.home.appendingPathComponent($0) }
            return files.compactMap { try? Data(contentsOf: $0) }.map { String(decoding: $0, as: UTF8.self) }.joined()
        }
    }

    /// `afterword` started in the background, to be killed mid-way.
    func killable(_ cli: CLI, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["AFTERWORD_HOME": cli.home.path, "AFTERWORD_NOW": "2026-11-26T21:00:00Z"], uniquingKeysWith: { $1 })
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("a token from smtp.tokenCommand signs in with XOAUTH2 (a 4 KB token) and with OAUTHBEARER; each message arrives once, a copy of each is in Sent")
    func tokensAccepted() throws {
        let setup = try Setup(sentName: "Sent Items")
        try setup.useToken(try setup.dovecot.token(padTo: 4_096))
        try setup.cli.run(["config", "set", "smtp.auth", "xoauth2"])
        let first = try setup.cli.run(["send", "1", "--now"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("a copy is in your Sent Items folder"), "\(first.stdout)")
        try setup.useToken(try setup.dovecot.token())
        try setup.cli.run(["config", "set", "smtp.auth", "oauthbearer"])
        let second = try setup.cli.run(["send", "2", "--now"])
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(setup.relay.received.count == 2)
        // Read back with another IMAP client: one copy each, with the Message-ID that went out.
        let copies = try sentFolderMessages(setup.dovecot, folder: "Sent Items")
        #expect(copies.count == 2)
        for file in setup.relay.received {
            let sent = try parseWithPython(file)
            let id = try #require(sent["message_id"] as? String)
            #expect(copies.filter { $0.contains(id) }.count == 1, "\(id)")
        }
        #expect(!(try setup.storedBytes()).contains("eyJ"))
    }

    @Test("expired and forged tokens end as failed with what to do, never sent and never retried; the token is nowhere stored")
    func tokensRefused() throws {
        let setup = try Setup()
        for token in [try setup.dovecot.token(expired: true), try setup.dovecot.token(badSignature: true)] {
            try setup.useToken(token)
            let result = try setup.cli.run(["send", "1", "--now"])
            #expect(result.status != 0)
            #expect(result.stdout.contains("refused the access token"), "\(result.stdout)")
            #expect(result.stdout.contains("fresh token"), "\(result.stdout)")
            #expect(!(result.stdout + result.stderr).contains(token))
            #expect(!(try setup.storedBytes()).contains(token))
        }
        #expect(setup.relay.received.isEmpty)
        let drafts = try #require(try setup.cli.json(["draft", "list"]) as? [[String: Any]])
        #expect(drafts.first { ($0["id"] as? Int) == 1 }?["state"] as? String == "failed")
    }

    @Test("a token command that fails, prints nothing or hangs is stopped in time and said plainly; nothing is sent or recorded")
    func tokenCommandFaults() throws {
        let setup = try Setup()
        let cases: [(command: String, says: String)] = [
            ("echo 'invalid_grant: token expired' >&2; exit 1", "failed (exit status 1): invalid_grant: token expired"),
            ("true", "printed nothing"),
            ("printf 'two words\\n'", "not an access token"),
            ("no-such-token-tool --get", "not found"),
            ("sleep 31.25; echo late", "did not finish within 2 seconds"),
        ]
        try setup.cli.run(["config", "set", "smtp.timeout", "2"])
        for (command, says) in cases {
            try setup.cli.run(["config", "set", "smtp.tokenCommand", command])
            let started = Date()
            let result = try setup.cli.run(["send", "1", "--now"])
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(result.stderr.contains(says), "\(command): \(result.stderr)")
            #expect(Date().timeIntervalSince(started) < 10)
        }
        // The hanging command's own children were stopped with it.
        let leftovers = try CLI.run(executable: URL(fileURLWithPath: "/usr/bin/pgrep"), ["-f", "sleep 31.25"], home: setup.cli.home)
        #expect(leftovers.stdout.isEmpty, "\(leftovers.stdout)")
        #expect(setup.relay.received.isEmpty)
        let status = try #require(try setup.cli.json(["status"]) as? [String: Any])
        #expect((status["inFlight"] as? [Any])?.isEmpty == true)
    }

    @Test("sent.copy auto: no second copy when the server filed its own; exactly one when it did not; never leaves none")
    func sentCopyAuto() throws {
        let filing = try Setup(serverFilesCopy: true)
        try filing.cli.run(["config", "set", "smtp.passwordCommand", "echo \(filing.dovecot.password)"])
        let sent = try filing.cli.run(["send", "1", "--now"])
        #expect(sent.status == 0, "\(sent.stdout)\(sent.stderr)")
        #expect(sent.stdout.contains("filed its own copy"), "\(sent.stdout)")
        #expect(try sentFolderMessages(filing.dovecot).count == 1)

        let plain = try Setup()
        try plain.cli.run(["config", "set", "smtp.passwordCommand", "echo \(plain.dovecot.password)"])
        #expect(try plain.cli.run(["send", "1", "--now"]).status == 0)
        #expect(try sentFolderMessages(plain.dovecot).count == 1)
        try plain.cli.run(["config", "set", "sent.copy", "never"])
        #expect(try plain.cli.run(["send", "2", "--now"]).status == 0)
        #expect(try sentFolderMessages(plain.dovecot).count == 1)
    }

    @Test("a failing Sent folder never changes the verdict: the message is sent, and the copy's failure is its own line")
    func sentCopyFailureStandsApart() throws {
        let setup = try Setup()
        try setup.cli.run(["config", "set", "smtp.passwordCommand", "echo \(setup.dovecot.password)"])
        try setup.cli.run(["config", "set", "imap.port", "1"])
        let result = try setup.cli.run(["send", "1", "--now"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("sent ("))
        #expect(result.stdout.contains("no copy in Sent (the message itself was sent)"), "\(result.stdout)")
        #expect(setup.relay.received.count == 1)
    }

    @Test("a send killed after the message was handed over is settled from Sent: found by its exact Message-ID, never by one that only contains it")
    func settleFromSent() throws {
        let setup = try Setup()
        try setup.cli.run(["config", "set", "smtp.user", ""])
        try setup.cli.run(["config", "set", "smtp.timeout", "60"])
        try setup.cli.run(["config", "set", "imap.user", setup.dovecot.user])
        try setup.cli.run(["config", "set", "smtp.passwordCommand", "echo \(setup.dovecot.password)"])
        var messages: [String] = []
        for draft in ["1", "2"] {
            // A server that keeps the message and never answers its final ".", and the sender killed then.
            let stalling = try TestMailServer(mode: "stall-on-1")
            defer { stalling.stop() }
            try setup.cli.run(["config", "set", "smtp.port", "\(stalling.port)"])
            let process = try killable(setup.cli, ["send", draft, "--now"])
            let deadline = Date().addingTimeInterval(20)
            while stalling.received.isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            messages.append(try String(contentsOf: try #require(stalling.received.first), encoding: .utf8))
        }
        // The provider filed the first as it was: exactly its Message-ID. The second's id only appears inside a longer one.
        try appendToFolder(setup.dovecot, folder: "Sent", message: messages[0])
        let second = try #require(messages[1].split(separator: "\r\n").first { $0.lowercased().hasPrefix("message-id:") })
        let longer = messages[1].replacingOccurrences(of: String(second), with: second.dropLast() + ".other>")
        try appendToFolder(setup.dovecot, folder: "Sent", message: longer)

        let looked = try setup.cli.run(["send", "--resolve", "--yes"])
        #expect(looked.status == 0, "\(looked.stdout)\(looked.stderr)")
        #expect(looked.stdout.contains("draft #1 to Dana Whitfield: found in Sent"), "\(looked.stdout)")
        #expect(looked.stdout.contains("draft #2 to Priya Natarajan: not found in Sent"), "\(looked.stdout)")
        let drafts = try #require(try setup.cli.json(["draft", "list"]) as? [[String: Any]])
        #expect(drafts.first { ($0["id"] as? Int) == 1 }?["state"] as? String == "sent")
        #expect(drafts.first { ($0["id"] as? Int) == 2 }?["state"] as? String == "failed")
    }

    @Test("without --yes and without a terminal, the look in Sent records nothing: it shows what it found, status keeps it, and the commands to confirm")
    func settleNeedsConfirmation() throws {
        let setup = try Setup()
        let stalling = try TestMailServer(mode: "stall-on-1")
        defer { stalling.stop() }
        try setup.cli.run(["config", "set", "smtp.port", "\(stalling.port)"])
        try setup.cli.run(["config", "set", "smtp.user", ""])
        try setup.cli.run(["config", "set", "smtp.timeout", "60"])
        try setup.cli.run(["config", "set", "imap.user", setup.dovecot.user])
        try setup.cli.run(["config", "set", "smtp.passwordCommand", "echo \(setup.dovecot.password)"])
        let process = try killable(setup.cli, ["send", "1", "--now"])
        let deadline = Date().addingTimeInterval(20)
        while stalling.received.isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let message = try String(contentsOf: try #require(stalling.received.first), encoding: .utf8)
        try appendToFolder(setup.dovecot, folder: "Sent", message: message)

        let looked = try setup.cli.run(["send", "--resolve"])
        #expect(looked.status == 0, "\(looked.stderr)")
        #expect(looked.stdout.contains("afterword send 1 --resolve delivered"), "\(looked.stdout)")
        let status = try setup.cli.run(["status"])
        #expect(status.stdout.contains("Sent folder: found in Sent"), "\(status.stdout)")
        let drafts = try #require(try setup.cli.json(["draft", "list"]) as? [[String: Any]])
        #expect(drafts.first { ($0["id"] as? Int) == 1 }?["state"] as? String == "uncertain")
    }

    @Test("config set-password keeps the password in the system keyring, and a later send (as from a timer, no variable) finds it")
    func keyringPassword() throws {
        let setup = try Setup()
        try setup.cli.run(["config", "set", "sent.copy", "never"])
        let script = """
            set -e
            printf '%s' "$MAIL_PASSWORD" | "$AFTERWORD" config set-password
            unset MAIL_PASSWORD
            "$AFTERWORD" send 1 --now
            "$AFTERWORD" config get smtp.passwordCommand
            """
        let environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": setup.cli.home.path,
            "AFTERWORD_HOME": setup.cli.home.path, "AFTERWORD_NOW": "2026-11-26T21:00:00Z", "AFTERWORD": CLI.binary.path,
            "MAIL_PASSWORD": setup.dovecot.password,
        ]
        let result = try runInKeyringSession(["sh", "-c", script], environment: environment)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("is in the system keyring"), "\(result.output)")
        #expect(result.output.contains("secret-tool lookup"), "\(result.output)")
        #expect(setup.relay.received.count == 1)
        #expect(!(try setup.storedBytes()).contains(setup.dovecot.password + "\""))

        // Without a keyring in the session, storing says so plainly and changes nothing.
        let alone = try setup.cli.run(["config", "set-password"], stdin: "another", environment: ["DBUS_SESSION_BUS_ADDRESS": "", "DISPLAY": ""])
        #expect(alone.status == 2)
        #expect(alone.stderr.contains("keyring"), "\(alone.stderr)")
    }

    @Test("over TLS from the first byte (submissions and imaps, a certificate the user trusts), a password signs in to both")
    func implicitTLS() throws {
        let certificate = try makeTestCertificate()
        let downstream = try TestMailServer()
        let dovecot = try TestDovecot(relayPort: downstream.port, certificate: certificate)
        let cli = CLI()
        for (key, value) in [
            ("name", "Alex Doe"), ("email", dovecot.user), ("smtp.host", "localhost"), ("smtp.port", "\(dovecot.submissionsPort ?? 0)"),
            ("smtp.security", "tls"), ("smtp.user", dovecot.user), ("smtp.passwordCommand", "echo \(dovecot.password)"),
            ("smtp.caFile", certificate.cert), ("imap.host", "localhost"), ("imap.port", "\(dovecot.imapsPort ?? 0)"), ("imap.security", "tls"),
        ] {
            #expect(try cli.run(["config", "set", key, value]).status == 0)
        }
        try cli.run(["interview", "add", "--company", "Acme", "--role", "Backend Engineer", "--at", "2026-11-26T14:00-05:00"])
        try cli.run(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.test"])
        try cli.run(["draft", "1"])
        let sent = try cli.run(["send", "1", "--now"])
        #expect(sent.status == 0, "\(sent.stdout)\(sent.stderr)")
        #expect(sent.stdout.contains("a copy is in your Sent folder"), "\(sent.stdout)")
        #expect(downstream.received.count == 1)
        #expect(try sentFolderMessages(dovecot).count == 1)
    }

    @Test("a scheduled send that cannot leave where the timer runs (no password there) stays scheduled, and status says why")
    func deferralShown() throws {
        let setup = try Setup()
        try setup.cli.run(["config", "set", "smtp.passwordEnv", "AFTERWORD_TEST_MAIL_PASSWORD"])
        // Scheduled from the user's shell, where the variable is set; the timer's run has no such variable.
        let scheduled = try setup.cli.run(
            ["send", "1", "--at", "2026-11-27T15:00:00Z"], environment: ["AFTERWORD_TEST_MAIL_PASSWORD": setup.dovecot.password])
        #expect(scheduled.status == 0, "\(scheduled.stderr)")
        let due = try setup.cli.run(["send", "--due"], environment: ["AFTERWORD_NOW": "2026-11-27T15:05:00Z"])
        #expect(due.status == 2)
        #expect(due.stderr.contains("config set-password"), "\(due.stderr)")
        let status = try setup.cli.run(["status"], environment: ["AFTERWORD_NOW": "2026-11-27T15:06:00Z"])
        #expect(status.stdout.contains("could not leave at"), "\(status.stdout)")
        #expect(status.stdout.contains("AFTERWORD_TEST_MAIL_PASSWORD"), "\(status.stdout)")
        #expect(setup.relay.received.isEmpty)
    }

    @Test("a provider preset fills the server settings, says how to sign in, and a value set by hand wins")
    func providerPreset() throws {
        let cli = CLI()
        let outlook = try cli.run(["config", "set", "provider", "outlook"])
        #expect(outlook.status == 0)
        #expect(outlook.stdout.contains("smtp.tokenCommand"), "\(outlook.stdout)")
        let listed = try cli.run(["config", "list"]).stdout
        #expect(listed.contains("smtp.host = smtp-mail.outlook.com (from provider outlook)"), "\(listed)")
        #expect(listed.contains("smtp.auth = xoauth2 (from provider outlook)"))
        try cli.run(["config", "set", "smtp.host", "smtp.example.com"])
        #expect(try cli.run(["config", "list"]).stdout.contains("smtp.host = smtp.example.com\n"))
        let unknown = try cli.run(["config", "set", "provider", "hotmail"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("gmail, outlook, microsoft365"), "\(unknown.stderr)")
    }
}
