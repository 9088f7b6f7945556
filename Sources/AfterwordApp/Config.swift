import AfterwordCore
import Foundation

/// The user's settings, in `config.json` in the data directory. Never holds a password.
public struct Config: Codable, Equatable, Sendable {
    public var values: [String: String] = [:]

    public init(values: [String: String] = [:]) { self.values = values }

    /// The keys `afterword config set` accepts, with what each is for.
    public static let keys: [(key: String, help: String)] = [
        ("name", "your name, as you sign your thank-yous"),
        ("email", "your e-mail address (the sender; never treated as an interviewer)"),
        ("signature", "lines under your name in e-mails"),
        ("greeting", "formal (default: \"Dear Ms. Whitfield,\" when an honorific is known, else \"Dear Dana,\") or first-name"),
        ("phone", "your phone number (for your own records; never offered as a call)"),
        ("address", "your return address for note envelopes"),
        ("timezone", "your time zone, e.g. Europe/Berlin (default: the system's)"),
        ("region", "country for phone numbers, e.g. US"),
        ("transport", "how e-mail leaves: smtp or sendmail (default: smtp when smtp.host is set)"),
        ("smtp.host", "your mail server, e.g. smtp.example.com"),
        ("smtp.port", "its port (default 587 for starttls, 465 for tls, 25 for none)"),
        ("smtp.security", "starttls (default), tls, or none (only for a server on this machine)"),
        ("smtp.user", "the login name"),
        ("smtp.passwordEnv", "the environment variable that holds the password"),
        ("smtp.passwordCommand", "a command that prints the password (like msmtp's passwordeval)"),
        ("smtp.caFile", "a PEM file of extra certificates to trust"),
        ("smtp.timeout", "seconds each stage of the conversation may take (default 60)"),
        ("smtp.attempts", "tries for a message answered with 4xx (default 3)"),
        ("smtp.retryDelay", "seconds before the first retry, doubled each time (default 2)"),
        ("note.font", "a .ttf font for note cards (default: the system's serif)"),
        ("sendmail.command", "the sendmail program and its arguments (default /usr/sbin/sendmail)"),
        ("watch.greenhouse", "Greenhouse's job board API (default https://boards-api.greenhouse.io/v1/boards)"),
        ("watch.lever", "Lever's postings API (default https://api.lever.co/v0/postings)"),
        ("watch.ashby", "Ashby's posting API (default https://api.ashbyhq.com/posting-api/job-board)"),
    ]

    /// The settings as Settings shows them: in groups, with the value used when a setting is left blank
    /// and, for a setting with a fixed set of values, those values.
    public static let groups: [(name: String, keys: [String])] = [
        ("You", ["name", "email", "signature", "phone", "timezone", "region", "greeting"]),
        ("Sending", ["transport", "smtp.host", "smtp.port", "smtp.security", "smtp.user", "smtp.passwordEnv", "smtp.passwordCommand"]),
        ("Note cards", ["address", "note.font"]),
        (
            "Advanced",
            ["smtp.caFile", "smtp.timeout", "smtp.attempts", "smtp.retryDelay", "sendmail.command", "watch.greenhouse", "watch.lever", "watch.ashby"]
        ),
    ]

    /// What a blank setting means.
    public static let defaults: [String: String] = [
        "timezone": TimeZone.current.identifier, "region": "US", "greeting": "formal", "transport": "smtp when smtp.host is set",
        "smtp.port": "587 (465 for tls)", "smtp.security": "starttls", "smtp.timeout": "60", "smtp.attempts": "3", "smtp.retryDelay": "2",
        "sendmail.command": "/usr/sbin/sendmail", "note.font": "the system's serif",
        "watch.greenhouse": "https://boards-api.greenhouse.io/v1/boards", "watch.lever": "https://api.lever.co/v0/postings",
        "watch.ashby": "https://api.ashbyhq.com/posting-api/job-board",
    ]

    /// The values a setting may take, when it is one of a few.
    public static let choices: [String: [String]] = [
        "greeting": GreetingStyle.allCases.map(\.rawValue), "transport": ["smtp", "sendmail"], "smtp.security": ["starttls", "tls", "none"],
    ]

    public static func file(in home: URL) -> URL { home.appendingPathComponent("config.json") }

    public static func load(from home: URL) throws -> Config {
        let file = file(in: home)
        guard FileManager.default.fileExists(atPath: file.path) else { return Config() }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw UserError("cannot read \(file.path); check its permissions")
        }
        do {
            return Config(values: try JSONDecoder().decode([String: String].self, from: data))
        } catch {
            throw UserError("\(file.path) is not valid settings JSON; fix it or remove it and set your settings again")
        }
    }

    /// Reads the settings, changes them and writes them back while holding `config.lock`: two
    /// `config set` at once (or the CLI and the web Settings page) never lose each other's change.
    /// - Returns: the settings as saved.
    @discardableResult
    public static func update(in home: URL, _ change: (inout Config) throws -> Void) throws -> Config {
        try createHome(home)
        let lockPath = home.appendingPathComponent("config.lock").path
        let descriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw UserError("cannot open \(lockPath): \(String(cString: strerror(errno))); check the data directory's permissions")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw UserError("cannot lock \(lockPath): \(String(cString: strerror(errno))); check the data directory's permissions")
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        var config = try load(from: home)
        try change(&config)
        try config.save(to: home)
        return config
    }

    /// Writes the settings (readable by the user alone); to change them, ``update(in:_:)`` holds the lock.
    public func save(to home: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let file = Config.file(in: home)
        do {
            try Self.createHome(home)
            try encoder.encode(values).write(to: file, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        } catch let error as UserError {
            throw error
        } catch {
            throw UserError("cannot write \(file.path): \(error.localizedDescription)")
        }
    }

    /// Creates the data directory, readable by the user alone.
    static func createHome(_ home: URL) throws {
        guard !FileManager.default.fileExists(atPath: home.path) else { return }
        do {
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw UserError("cannot create the data directory \(home.path): \(error.localizedDescription); choose another with --home")
        }
    }

    /// Checks a key and its value before it is stored.
    public static func validate(key: String, value: String) throws {
        if key.lowercased().contains("password"), !key.hasSuffix("Env"), !key.hasSuffix("Command") {
            throw UserError("passwords are never stored; use smtp.passwordEnv (a variable name) or smtp.passwordCommand")
        }
        guard keys.contains(where: { $0.key == key }) else {
            throw UserError(
                "unknown setting \"\(key)\"; known settings: \(keys.map(\.key).joined(separator: ", "))")
        }
        switch key {
        case "email":
            guard EmailAddress.isPlausible(value) else {
                throw UserError("email: \"\(value)\" is not an e-mail address; write it like you@example.com")
            }
        case "timezone":
            guard TimeZone(identifier: value) != nil else {
                throw UserError("timezone: \"\(value)\" is not a time zone; write it like America/New_York")
            }
        case "smtp.security":
            guard ["starttls", "tls", "none"].contains(value) else {
                throw UserError("smtp.security: \"\(value)\" is not one of starttls, tls, none")
            }
        case "smtp.port", "smtp.timeout", "smtp.attempts", "smtp.retryDelay":
            guard let number = Int(value), number >= 0, number <= 65_535 else {
                throw UserError("\(key): \"\(value)\" is not a number")
            }
        case "greeting":
            guard GreetingStyle(rawValue: value) != nil else {
                throw UserError("greeting: \"\(value)\" is not formal or first-name")
            }
        case "transport":
            guard ["smtp", "sendmail"].contains(value) else {
                throw UserError("transport: \"\(value)\" is not smtp or sendmail")
            }
        case "watch.greenhouse", "watch.lever", "watch.ashby":
            guard let url = URLComponents(string: value), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                !(url.host ?? "").isEmpty
            else {
                throw UserError("\(key): \"\(value)\" is not an http(s) address; write it like https://boards-api.greenhouse.io/v1/boards")
            }
        case "name":
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw UserError("name: your name cannot be empty")
            }
        default:
            break
        }
    }

    public var sender: Sender {
        Sender(name: values["name"], email: values["email"], signature: values["signature"]?.replacingOccurrences(of: "\\n", with: "\n"))
    }

    /// How drafts greet their reader (formal unless set).
    public var greeting: GreetingStyle { values["greeting"].flatMap(GreetingStyle.init(rawValue:)) ?? .formal }

    public var timeZone: TimeZone? { values["timezone"].flatMap(TimeZone.init(identifier:)) }
}
