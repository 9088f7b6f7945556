import AfterwordCore
import Foundation

/// The user's settings, in `config.json` in the data directory. Never holds a password.
struct Config: Codable, Equatable {
    var values: [String: String] = [:]

    /// The keys `afterword config set` accepts, with what each is for.
    static let keys: [(key: String, help: String)] = [
        ("name", "your name, as you sign your thank-yous"),
        ("email", "your e-mail address (the sender; never treated as an interviewer)"),
        ("signature", "lines under your name in e-mails"),
        ("phone", "your phone number (for your own records; never offered as a call)"),
        ("address", "your return address for note envelopes"),
        ("timezone", "your time zone, e.g. Europe/Berlin (default: the system's)"),
        ("region", "country for phone numbers, e.g. US"),
    ]

    static func file(in home: URL) -> URL { home.appendingPathComponent("config.json") }

    static func load(from home: URL) throws -> Config {
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

    func save(to home: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            try encoder.encode(values).write(to: Config.file(in: home), options: .atomic)
        } catch {
            throw UserError("cannot write \(Config.file(in: home).path): \(error.localizedDescription)")
        }
    }

    /// Checks a key and its value before it is stored.
    static func validate(key: String, value: String) throws {
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
        case "name":
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw UserError("name: your name cannot be empty")
            }
        default:
            break
        }
    }

    var sender: Sender {
        Sender(name: values["name"], email: values["email"], signature: values["signature"]?.replacingOccurrences(of: "\\n", with: "\n"))
    }

    var timeZone: TimeZone? { values["timezone"].flatMap(TimeZone.init(identifier:)) }
}
