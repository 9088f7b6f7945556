import AfterwordCore
import AfterwordDelivery
import Foundation

/// The user's settings, in `config.json` in the data directory. Never holds a password.
///
/// Each setting is declared once, as a ``Key`` in `Config+Settings.swift`, and read typed: `config[.smtpTimeout]`.
public struct Config: Codable, Equatable, Sendable {
    /// The settings as written, by name; read them through a ``Key``.
    public var values: [String: String] = [:]

    public init(values: [String: String] = [:]) { self.values = values }

    /// The setting's value: as set, else from the chosen provider's preset, else its default (also when,
    /// written by hand, it cannot be read).
    public subscript<Value>(key: Key<Value>) -> Value {
        guard let text = text(of: key.name), let value = try? key.read(text) else { return key.fallback }
        return value
    }

    /// True when the user set the setting, or their provider's preset gives it (a default does not count).
    public func isSet<Value>(_ key: Key<Value>) -> Bool { text(of: key.name) != nil }

    /// The setting's text as set, else as the provider's preset gives it.
    public func text(of name: String) -> String? {
        values[name] ?? presetValue(of: name)
    }

    /// The value the chosen provider's preset gives the setting, if it gives one.
    public func presetValue(of name: String) -> String? {
        provider?.settings[name]
    }

    /// The provider chosen with `config set provider`, if any.
    public var provider: MailProvider? { values[Key<String?>.provider.name].flatMap(MailProvider.named) }

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
            throw UserError("cannot create the data directory \(home.path): \(error.localizedDescription)", remedy: .chooseDataDirectory)
        }
    }

    /// The setting called `name`.
    /// - Throws: a ``UserError`` listing the known settings, or saying where a password belongs.
    public static func setting(named name: String) throws -> Setting {
        if name.lowercased().contains("password"), !name.hasSuffix("Env"), !name.hasSuffix("Command") {
            throw UserError("passwords are never stored; use smtp.passwordEnv (a variable name) or smtp.passwordCommand")
        }
        guard let setting = settings.first(where: { $0.name == name }) else {
            throw UserError("unknown setting \"\(name)\"; known settings: \(settings.map(\.name).joined(separator: ", "))")
        }
        return setting
    }

    /// The user as their messages are signed.
    public var sender: Sender {
        Sender(name: self[.name], email: self[.email], signature: self[.signature]?.replacingOccurrences(of: "\\n", with: "\n"))
    }

    /// The user's time zone, when they set one (callers fall back to the system's, or ask for an offset).
    public var timeZone: TimeZone? { self[.timezone] }
}
