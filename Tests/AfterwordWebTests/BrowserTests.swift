import AfterwordStore
import AfterwordTestSupport
import Foundation
import Testing

/// `afterword serve` as a user starts it: the real binary on a free port, a real SMTP server, a real Chromium.
final class ServedAfterword: @unchecked Sendable {
    let home: URL
    let process = Process()
    private(set) var url = ""
    private let output = Pipe()

    /// The repository's root, for the browser script and the screenshots.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["AFTERWORD_BIN"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return root.appendingPathComponent(".build/debug/afterword")
    }

    convenience init(config: [String: String], environment: [String: String] = [:]) throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: config).write(to: home.appendingPathComponent("config.json"))
        try self.init(home: home, environment: environment)
    }

    /// Serves the data directory `home` as it is.
    /// The port it listens on, and the owner's access key, from the address it printed.
    var port: Int { URL(string: url)?.port ?? 0 }
    var key: String { (URL(string: url)?.query ?? "").replacingOccurrences(of: "token=", with: "") }

    init(home: URL, environment extra: [String: String] = [:]) throws {
        self.home = home
        process.executableURL = Self.binary
        process.arguments = ["serve", "--port", "0"]
        var environment = ProcessInfo.processInfo.environment
        environment["AFTERWORD_HOME"] = home.path
        environment["AFTERWORD_NOW"] = "2026-11-26T21:00:00Z"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let start = text.range(of: "http://"), let end = text[start.lowerBound...].firstIndex(of: " ") else {
            stop()
            throw ServeError(message: "afterword serve did not start: \(text)")
        }
        url = String(text[start.lowerBound..<end])
    }

    /// Sends SIGINT (Ctrl-C) and returns the exit status and what was printed after.
    func interrupt() -> (Int32, String) {
        kill(process.processIdentifier, SIGINT)
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: rest, as: UTF8.self))
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

struct ServeError: Error {
    var message: String
}

/// Runs a Python script, expecting it to succeed and to print `expected` (edge spaces aside).
func expectPython(_ script: String, prints expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let (status, text) = try run(["python3", "-c", script])
    #expect(status == 0, "\(text)", sourceLocation: sourceLocation)
    #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == expected, "\(text)", sourceLocation: sourceLocation)
}

/// Runs a command and returns its exit status and standard output.
func run(_ arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite("web UI in a real browser", .serialized)
struct BrowserTests {
    @Test("add an interview and two interviewers, compose, see AW-PROPER on the cutesy words, fix it, send once")
    func wholeFlow() throws {
        // Given a real SMTP server and `afterword serve` configured to send through it
        let mail = try TestMailServer()
        defer { mail.stop() }
        let served = try ServedAfterword(config: [
            "name": "Sam Seeker", "email": "sam@example.com", "smtp.host": "127.0.0.1", "smtp.port": String(mail.port), "smtp.security": "none",
        ])
        defer { served.stop() }
        let artifacts = ServedAfterword.root.appendingPathComponent("test-artifacts/web")
        let script = ServedAfterword.root.appendingPathComponent("Tests/AfterwordWebTests/Browser/browser_flow.py")

        // When a user walks through it in Chromium
        let (status, text) = try run(["python3", script.path, served.url, artifacts.path])
        #expect(status == 0)
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
        #expect(seen["error"] == nil, "\(seen["error"] ?? "") at \(seen["url"] ?? ""); screenshots in \(artifacts.path)")

        // Then every step showed what a user expects
        #expect(seen["keyLeftTheAddress"] as? Bool == true, "the access key stays in the address bar")
        #expect(seen["todayEmpty"] as? Bool == true)
        #expect(seen["firstFocus"] as? String == "Skip to the content")
        #expect((seen["unlabeled"] as? [String])?.isEmpty == true, "every field has a label: \(seen["unlabeled"] ?? "")")
        #expect((seen["panel"] as? [String])?.contains("Dana Whitfield") == true)
        #expect((seen["panel"] as? [String])?.contains("Raj Patel") == true)
        #expect((seen["topicChosen"] as? String)?.contains("Dana Whitfield's topic: “the billing migration to event sourcing”") == true, "\(seen["topicChosen"] ?? "")")
        #expect(seen["composedSummary"] as? String == "Passes every check.")
        #expect((seen["composedBody"] as? String)?.contains("the billing migration to event sourcing") == true)
        let marks = seen["properMarks"] as? [String] ?? []
        #expect(marks.contains("Thx"), "marked: \(marks)")
        #expect(marks.contains { $0.contains("!!") }, "marked: \(marks)")
        #expect((seen["markTitle"] as? String)?.hasPrefix("AW-PROPER: ") == true)
        #expect((seen["findingsWithCutesy"] as? [String])?.contains { $0.hasPrefix("AW-PROPER") } == true)
        #expect((seen["marksAfterFix"] as? [String])?.isEmpty == true)
        #expect(seen["summaryAfterFix"] as? String == "Passes every check.")
        #expect((seen["afterSend"] as? String)?.contains("Sent (") == true, "\(seen["afterSend"] ?? "")")
        #expect(seen["afterSendButtons"] as? Int == 0, "once sent, the page offers no second send")
        #expect((seen["afterSendNote"] as? String)?.contains("AW-ONCE") == true, "\(seen["afterSendNote"] ?? "")")
        #expect((seen["todayAfter"] as? String)?.contains("Sent (1)") == true)
        #expect((seen["people"] as? String)?.contains("thank-you sent") == true)
        #expect(seen["phoneOverflow"] as? Bool == false)
        #expect((seen["checkPageRules"] as? [String])?.contains("AW-NOCALL") == true, "\(seen["checkPageRules"] ?? "")")
        #expect((seen["consoleErrors"] as? [String])?.isEmpty == true, "\(seen["consoleErrors"] ?? "")")
        #expect(seen["noScriptCheckedBefore"] is NSNull, "the script did not run")
        #expect((seen["noScriptMarks"] as? [String])?.isEmpty == false, "without JavaScript the saved page marks the words: \(seen["noScriptMarks"] ?? "")")
        for page in ["13-note-without-javascript", "01-today-empty", "04-draft", "05-draft-finding", "06-draft-fixed", "08-today", "09-people", "11-today-phone"] {
            #expect(FileManager.default.fileExists(atPath: artifacts.appendingPathComponent("\(page).png").path), "\(page)")
        }

        // And exactly one message reached the server, to Dana, as the user fixed it
        let received = mail.received
        #expect(received.count == 1)
        let message = try parseWithPython(try #require(received.first))
        #expect(message["to_addresses"] as? [String] == ["dana@acme.com"])
        let body = message["body"] as? String ?? ""
        #expect(body.contains("I look forward to hearing from you."))
        #expect(!body.contains("Thx"))

        // And Ctrl-C stops the server cleanly
        let (exit, printed) = served.interrupt()
        #expect(exit == 0)
        #expect(printed.contains("Stopped."))
    }

    @Test("a job list chosen on the Import page is shown row by row, then imported, and its interview is listed")
    func importJobList() throws {
        // Given `afterword serve` over an empty Afterword, and a job list on disk
        let served = try ServedAfterword(config: ["name": "Sam Seeker", "email": "sam@example.com"])
        defer { served.stop() }
        let list = served.home.appendingPathComponent("jobs.csv")
        try Data(
            "Company,Role,Interview Date,Interviewer,Email\nInitech,Staff Engineer,2026-11-20 14:30,Peter Gibbons,peter@initech.com\nGlobex,SRE,,,\n"
                .utf8
        ).write(to: list)
        let artifacts = ServedAfterword.root.appendingPathComponent("test-artifacts/web-import")
        let script = ServedAfterword.root.appendingPathComponent("Tests/AfterwordWebTests/Browser/browser_import.py")

        // When a user chooses it on the Import page in Chromium, reads the preview and presses Import
        let (status, text) = try run(["python3", script.path, served.url, artifacts.path, list.path])
        #expect(status == 0)
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
        #expect(seen["error"] == nil, "\(seen["error"] ?? "") at \(seen["url"] ?? ""); screenshots in \(artifacts.path)")

        // Then the preview said what each row becomes, and the Interviews page lists the interview
        #expect(seen["importPage"] as? String == "Export and import")
        #expect((seen["unlabeled"] as? [String])?.isEmpty == true, "every field has a label: \(seen["unlabeled"] ?? "")")
        #expect(seen["summary"] as? String == "Would add 1 interview and 1 person from jobs.csv.", "\(seen["summary"] ?? "")")
        let rows = seen["rows"] as? [String] ?? []
        #expect(rows.first == "Interview: Initech, Staff Engineer, Fri 20 Nov 2026 14:30, with Peter Gibbons", "\(rows)")
        #expect(rows.last?.hasPrefix("Nothing: an application only") == true, "\(rows)")
        #expect((seen["flash"] as? String)?.contains("Added 1 interview and 1 person from jobs.csv.") == true, "\(seen["flash"] ?? "")")
        #expect((seen["interviews"] as? String)?.contains("Initech — Staff Engineer") == true, "\(seen["interviews"] ?? "")")
        #expect((seen["consoleErrors"] as? [String])?.isEmpty == true, "\(seen["consoleErrors"] ?? "")")
        let store = try AppDatabase.open(path: served.home.appendingPathComponent("afterword.sqlite").path)
        #expect(try store.interviews().map(\.interview.company) == ["Initech"])
    }

    @Test("while serve runs, a thank-you scheduled from the command line leaves when it is due, once")
    func sendsWhatIsDue() throws {
        let mail = try TestMailServer()
        defer { mail.stop() }
        let config = [
            "name": "Sam Seeker", "email": "sam@example.com", "smtp.host": "127.0.0.1", "smtp.port": String(mail.port), "smtp.security": "none",
        ]
        // Given a thank-you scheduled for 20:30 by the CLI at 20:00
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-due-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: config).write(to: home.appendingPathComponent("config.json"))
        func cli(_ arguments: [String]) throws -> Int32 {
            let process = Process()
            process.executableURL = ServedAfterword.binary
            process.arguments = arguments
            var environment = ProcessInfo.processInfo.environment
            environment["AFTERWORD_HOME"] = home.path
            environment["AFTERWORD_NOW"] = "2026-11-26T20:00:00Z"
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(try cli(["interview", "add", "--company", "Acme", "--role", "SRE", "--at", "2026-11-26T18:00Z"]) == 0)
        #expect(try cli(["interviewer", "add", "1", "--name", "Dana Whitfield", "--email", "dana@acme.com"]) == 0)
        #expect(try cli(["draft", "1"]) == 0)
        #expect(try cli(["send", "1", "--at", "2026-11-26T20:30Z"]) == 0)
        #expect(mail.received.isEmpty)

        // When serve starts at 21:00 over the same data directory
        let served = try ServedAfterword(home: home)
        defer { served.stop() }

        // Then the message leaves, exactly once
        var waited = 0
        while mail.received.isEmpty, waited < 100 {
            usleep(100_000)
            waited += 1
        }
        #expect(mail.received.count == 1)
        let message = try parseWithPython(try #require(mail.received.first))
        #expect(message["to_addresses"] as? [String] == ["dana@acme.com"])
    }

    @Test("a port already in use gets a one-line error that says what to do")
    func portInUse() throws {
        let served = try ServedAfterword(config: [:])
        defer { served.stop() }
        let port = try #require(URL(string: served.url)?.port)
        let second = Process()
        second.executableURL = ServedAfterword.binary
        second.arguments = ["serve", "--port", String(port), "--home", served.home.path]
        let errors = Pipe()
        second.standardOutput = FileHandle.nullDevice
        second.standardError = errors
        try second.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        second.waitUntilExit()
        #expect(second.terminationStatus == 2)
        #expect(text.contains("port \(port) on 127.0.0.1 is already in use"), "\(text)")
        #expect(text.split(separator: "\n").count == 1)
    }

    @Test("serve belongs to its owner: another user of this machine reads nothing and changes nothing; the owner's link works")
    func otherLocalUser() throws {
        let served = try ServedAfterword(config: ["name": "Alex Doe", "email": "alex@example.com"])
        defer { served.stop() }
        let link = try #require(URL(string: served.url))
        let port = try #require(link.port)
        #expect(link.query?.hasPrefix("token=") == true, "\(served.url)")
        let probe = """
            import http.client, sys
            def ask(method, path, body=None):
                c = http.client.HTTPConnection("127.0.0.1", \(port), timeout=10)
                c.request(method, path, body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
                r = c.getresponse()
                return r.status, r.read().decode()
            today = ask("GET", "/")
            post = ask("POST", "/interviews", "company=Evil&role=X&at=2026-11-26T14:00&format=video")
            static = ask("GET", "/settings")
            print(today[0], post[0], static[0], "Alex" in today[1] or "Alex" in static[1])
            """
        // Another user: `nobody`, who cannot read the owner's terminal
        let asNobody = getuid() == 0 ? ["runuser", "-u", "nobody", "--"] : ["sudo", "-n", "-u", "nobody", "--"]
        let (status, text) = try run(asNobody + ["python3", "-c", probe])
        #expect(status == 0, "\(text)")
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == "401 401 401 False", "\(text)")
        #expect(!(try String(contentsOf: served.home.appendingPathComponent("config.json"), encoding: .utf8)).contains("Evil"))
        // The owner's printed link lets them in and leaves the key out of the address from then on
        let owner = """
            import http.client
            c = http.client.HTTPConnection("127.0.0.1", \(port), timeout=10)
            c.request("GET", "/?\(link.query ?? "")")
            r = c.getresponse(); r.read()
            cookie = r.getheader("Set-Cookie").split(";")[0]
            print(r.status, r.getheader("Location"))
            c.request("GET", "/", headers={"Cookie": cookie})
            r = c.getresponse()
            print(r.status)
            """
        let (ownerStatus, ownerText) = try run(["python3", "-c", owner])
        #expect(ownerStatus == 0, "\(ownerText)")
        #expect(ownerText.split(separator: "\n").map(String.init) == ["303 /", "200"], "\(ownerText)")
        let store = try AppDatabase.open(path: served.home.appendingPathComponent("afterword.sqlite").path)
        #expect(try store.interviews().isEmpty, "another user's form was saved")
    }

    @Test("while a card photo is being read (tesseract taking its time), other requests are answered, and a second photo is told to wait")
    func readingDoesNotBlock() throws {
        // A tesseract that takes 20 s: the stand-in for a photo that is slow to read.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-slow-ocr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("#!/bin/sh\nexec sleep 20\n".utf8).write(to: folder.appendingPathComponent("tesseract"))
        chmod(folder.appendingPathComponent("tesseract").path, 0o755)
        let path = folder.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let served = try ServedAfterword(config: ["name": "Alex Doe", "email": "alex@example.com"], environment: ["PATH": path])
        defer { served.stop() }
        let (port, key) = (served.port, served.key)
        let script = """
            import http.client, re, threading, time, base64, json
            cookie = {"Cookie": "aw_token=\(key)"}
            def get(path, extra=""):
                c = http.client.HTTPConnection("127.0.0.1", \(port), timeout=60)
                c.request("GET", path, headers={"Cookie": "aw_token=\(key)" + extra})
                r = c.getresponse()
                return r.status, r.read().decode()
            def post(path, body, kind):
                c = http.client.HTTPConnection("127.0.0.1", \(port), timeout=60)
                c.request("POST", path, body=body, headers=dict(cookie, **{"Content-Type": kind}))
                r = c.getresponse(); r.read()
                return r.status, (r.getheader("Set-Cookie") or "").split(";")[0]
            csrf = re.search(r'name="csrf" content="([0-9a-f]+)"', get("/interviews")[1]).group(1)
            post("/interviews", "csrf=%s&company=Acme&role=Analyst&at=2026-11-26T14:00&format=video&duration=60" % csrf,
                 "application/x-www-form-urlencoded")
            def photo():
                b = "XyZ"
                body = ("--%s\\r\\nContent-Disposition: form-data; name=\\\"csrf\\\"\\r\\n\\r\\n%s\\r\\n" % (b, csrf) +
                        "--%s\\r\\nContent-Disposition: form-data; name=\\\"file\\\"; filename=\\\"card.png\\\"\\r\\n" % b +
                        "Content-Type: image/png\\r\\n\\r\\nnot really a png\\r\\n--%s--\\r\\n" % b)
                return post("/interviews/1/cards", body, "multipart/form-data; boundary=" + b)
            first = threading.Thread(target=photo, daemon=True); first.start()
            time.sleep(0.5)
            start = time.monotonic(); status, _ = get("/"); today = time.monotonic() - start
            _, flash = photo()
            value = flash.split("=", 1)[1] if "=" in flash else ""
            said = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode() if value else ""
            print(status, today < 8, "another card photo is being read" in said)
            """
        try expectPython(script, prints: "200 True True")
    }

    @Test("uploads trickled in a byte at a time do not keep the owner waiting: a normal request still answers")
    func slowUploads() throws {
        let served = try ServedAfterword(config: [:])
        defer { served.stop() }
        let (port, key) = (served.port, served.key)
        let probe = """
            import http.client, socket, threading, time
            def trickle():
                s = socket.create_connection(("127.0.0.1", \(port)))
                s.send(("POST /interviews/1/cards HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nCookie: aw_token=\(key)\\r\\n"
                        "Content-Type: multipart/form-data; boundary=b\\r\\nContent-Length: 4000000\\r\\n\\r\\n--b").encode())
                for _ in range(300):
                    try:
                        s.send(b"x"); time.sleep(0.1)
                    except OSError:
                        return
            for _ in range(16):
                threading.Thread(target=trickle, daemon=True).start()
            time.sleep(0.5)
            start = time.monotonic()
            c = http.client.HTTPConnection("127.0.0.1", \(port), timeout=10)
            c.request("GET", "/", headers={"Cookie": "aw_token=\(key)"})
            status = c.getresponse().status
            print(status, time.monotonic() - start < 8)
            """
        try expectPython(probe, prints: "200 True")
    }

    @Test("128 connections left open and silent do not keep the owner waiting: a normal request still answers")
    func idleConnections() throws {
        let served = try ServedAfterword(config: [:])
        defer { served.stop() }
        let (port, key) = (served.port, served.key)
        let probe = """
            import http.client, socket, time
            idle = [socket.create_connection(("127.0.0.1", \(port))) for _ in range(128)]
            for s in idle[:64]: s.send(b"GET / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\n")  # half a request
            time.sleep(0.5)
            c = http.client.HTTPConnection("127.0.0.1", \(port), timeout=5)
            c.request("GET", "/", headers={"Cookie": "aw_token=\(key)"})
            print(c.getresponse().status)
            """
        try expectPython(probe, prints: "200")
    }

    @Test("a request naming another host is refused, as a DNS-rebinding page's would be")
    func rebinding() throws {
        let served = try ServedAfterword(config: [:])
        defer { served.stop() }
        let port = try #require(URL(string: served.url)?.port)
        let probe = """
            import http.client, sys
            def status(host):
                c = http.client.HTTPConnection("127.0.0.1", \(port), timeout=10)
                c.putrequest("GET", "/", skip_host=True)
                c.putheader("Host", host)
                c.putheader("Cookie", "aw_token=\(URL(string: served.url)?.query?.replacingOccurrences(of: "token=", with: "") ?? "")")
                c.endheaders()
                return c.getresponse().status
            print(status("evil.example:\(port)"), status("127.0.0.1:\(port)"), status("localhost:\(port)"))
            """
        let (status, text) = try run(["python3", "-c", probe])
        #expect(status == 0)
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == "421 200 200")
    }
}
