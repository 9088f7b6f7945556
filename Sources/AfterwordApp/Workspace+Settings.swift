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
                try seat?.allowSetting(name, value: blank ? nil : trimmed)
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

    /// Stores the mail password in the system keyring and points `smtp.passwordCommand` at it (clearing
    /// `smtp.passwordEnv`, which would win): scheduled sends find it where an environment variable does
    /// not reach. The password is never written to a file.
    /// - Returns: what was done, for the user.
    /// - Throws: a ``UserError`` when smtp.user is not set, the password is empty, or the keyring is missing or locked.
    public func storePassword(_ password: String) throws -> String {
        let password = password.trimmingCharacters(in: .newlines)
        guard !password.isEmpty else { throw UserError("no password was given; type or paste it (it is not shown)") }
        guard !password.contains(where: \.isNewline), password.count <= 1_024 else {
            throw UserError("the password has a line break or is over 1,024 characters; give the password alone, on one line")
        }
        if seat != nil {
            throw UserError("a career centre's shared server keeps no mail passwords; hand each thank-you to your own mail program")
        }
        let config = try loadConfig()
        guard let account = config[.smtpUser] else {
            throw UserError(
                "set smtp.user (your login, usually your e-mail address) first: the password is stored for that account",
                remedy: .setSetting("smtp.user", example: "you@example.com"))
        }
        let lookup = try Keyring.store(password: password, account: account)
        try Config.update(in: home) { config in
            config.values[Config.Key<String?>.smtpPasswordCommand.name] = lookup
            config.values[Config.Key<String?>.smtpPasswordEnv.name] = nil
        }
        return "The password for \(account) is in the system keyring; smtp.passwordCommand reads it back (\(lookup))."
    }

    /// What the chosen provider's preset says the user must do, if a provider is chosen.
    public func providerAdvice() throws -> String? {
        guard let provider = try loadConfig().provider else { return nil }
        return "\(provider.displayName): \(provider.advice)"
    }
}
