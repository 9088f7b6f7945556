import Foundation

extension Workspace {
    /// Changes settings, as `config set` and the Settings page do: each value is checked as its setting
    /// reads it (nil, or blank, clears it); nothing is written unless every one passes, and then under the
    /// settings lock, so that a change made elsewhere at the same moment is kept.
    /// - Returns: the settings as saved.
    /// - Throws: one ``UserError`` naming every setting in error (``UserError/fields`` has each one's message).
    @discardableResult
    public func updateSettings(_ changes: [(name: String, value: String?)]) throws -> Config {
        var check = FormCheck()
        var checked: [(name: String, value: String?)] = []
        for (name, value) in changes {
            let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines)
            let blank = trimmed?.isEmpty ?? true
            let valid: Void? = check.field(name) {
                let setting = try Config.setting(named: name)
                if !blank, let trimmed { try setting.validate(trimmed) }
            }
            if valid != nil { checked.append((name, blank ? nil : trimmed)) }
        }
        try check.finish()
        return try Config.update(in: home) { config in
            for (name, value) in checked { config.values[name] = value }
        }
    }
}
