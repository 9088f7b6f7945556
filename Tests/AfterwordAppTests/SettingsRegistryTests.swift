import Foundation
import Testing

@testable import AfterwordApp

/// Every setting declared is one that `config list`, `config set` and the Settings page know: a key
/// declared but left out of ``Config/settings`` would be "unknown" to the user at run time.
@Suite struct SettingsRegistryTests {
    /// The file where every setting is declared, read as text.
    static func declarations() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("Sources/AfterwordApp/Config+Settings.swift"), encoding: .utf8)
    }

    @Test("each key declared in Config+Settings.swift is registered, and each registered setting is declared once")
    func everyKeyRegistered() throws {
        let text = try Self.declarations()
        // `static let smtpHost = text("smtp.host", …`, `= choice(\n "smtp.security", …`, `= Config.Key("note.font", …`.
        let declaration = try NSRegularExpression(pattern: #"static let (\w+)\s*=\s*(?:text|choice|Config\.Key)\(\s*"([^"]+)""#)
        let anyStatic = try NSRegularExpression(pattern: #"^\s*(?:public |private |fileprivate )?static let (\w+)"#, options: .anchorsMatchLines)
        let whole = NSRange(text.startIndex..., in: text)
        var declared: [String: String] = [:]
        for match in declaration.matches(in: text, range: whole) {
            guard let property = Range(match.range(at: 1), in: text), let name = Range(match.range(at: 2), in: text) else { continue }
            declared[String(text[property])] = String(text[name])
        }
        // A key declared some other way would slip past the pattern: every static constant is accounted for.
        let statics = anyStatic.matches(in: text, range: whole).compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } }
        let unread = statics.filter { declared[$0] == nil && $0 != "settings" }
        #expect(unread.isEmpty, "static constants not read as setting keys: \(unread)")
        #expect(declared.count > 20)

        let registered = Config.settings.map(\.name)
        #expect(Set(registered).count == registered.count, "a setting is registered twice: \(registered)")
        let missing = declared.filter { !registered.contains($0.value) }
        #expect(missing.isEmpty, "declared but not in Config.settings, so unknown to config set and Settings: \(missing)")
        // The job-board bases are declared by one function, one per provider.
        let boards = registered.filter { $0.hasPrefix("watch.") }
        #expect(Set(declared.values).union(boards) == Set(registered), "registered but not declared: \(Set(registered).subtracting(declared.values))")
        #expect(!boards.isEmpty)
    }

    @Test("every choice a setting offers (in config set's help and the Settings page's list) is accepted when set")
    func choicesValidate() throws {
        let offering = Config.settings.filter { $0.choices != nil }
        #expect(offering.count >= 5)
        for setting in offering {
            for choice in setting.choices ?? [] {
                #expect(throws: Never.self, "\(setting.name) offers \(choice)") { try setting.validate(choice) }
            }
        }
    }
}
