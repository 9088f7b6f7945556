import AfterwordCore
import AfterwordDelivery
import Foundation
import SASL
import SMTP

extension Config {
    /// Where Settings shows a setting.
    public enum Group: String, CaseIterable, Sendable {
        case you = "You"
        case sending = "Sending"
        case signIn = "Sign-in"
        case sentFolder = "Copy in Sent"
        case noteCards = "Note cards"
        case openings = "Openings"
        case advanced = "Advanced"
    }

    /// A setting as `config set`, `config list`, `--help` and the Settings page see it, whatever its type.
    public struct Setting: Sendable {
        /// Its name in `config.json` and on the command line, e.g. `smtp.timeout`.
        public let name: String
        /// What it is for, in a phrase.
        public let help: String
        public let group: Group
        /// What applies when it is not set, in the user's words (e.g. "60", "the system's"); nil when nothing does.
        public let defaultText: String?
        /// The values it may take, when it is one of a few.
        public let choices: [String]?
        /// Checks a value before it is stored.
        /// - Throws: a ``UserError`` naming the setting and saying what to write.
        public let validate: @Sendable (String) throws -> Void

        /// The help with the default, as one line: "seconds each stage may take (default: 60)".
        public var helpWithDefault: String {
            defaultText.map { "\(help) (default: \($0))" } ?? help
        }
    }

    /// One setting, declared once: its name, help, group, default and how its text is read.
    public struct Key<Value: Sendable>: Sendable {
        public let setting: Setting
        /// The text as a value, or a ``UserError`` saying why it cannot be one.
        let read: @Sendable (String) throws -> Value
        /// The value when the setting is not set.
        let fallback: Value

        public var name: String { setting.name }

        init(
            _ name: String, _ help: String, group: Group, default fallback: Value, shown defaultText: String? = nil, choices: [String]? = nil,
            read: @escaping @Sendable (String) throws -> Value
        ) {
            self.setting = Setting(
                name: name, help: help, group: group, defaultText: defaultText, choices: choices, validate: { _ = try read($0) })
            self.read = read
            self.fallback = fallback
        }
    }

    /// Every setting, in the order `config list` and Settings show them.
    public static let settings: [Setting] = [
        entry(.name), entry(.email), entry(.signature), entry(.phone), entry(.timezone), entry(.region), entry(.greeting), entry(.remind),
        entry(.provider), entry(.transport), entry(.smtpHost), entry(.smtpPort), entry(.smtpSecurity),
        entry(.smtpUser), entry(.smtpAuth), entry(.smtpPasswordEnv), entry(.smtpPasswordCommand), entry(.smtpTokenCommand),
        entry(.sentCopy), entry(.imapHost), entry(.imapPort), entry(.imapSecurity), entry(.imapUser),
        entry(.address), entry(.noteFont), entry(.openingsRoles),
        entry(.databasePasswordEnv), entry(.smtpCAFile), entry(.smtpTimeout), entry(.smtpAttempts), entry(.smtpRetryDelay), entry(.sendmailCommand),
    ] + BoardProvider.all.map { Key.boardBase($0).setting }

    private static func entry<Value>(_ key: Key<Value>) -> Setting { key.setting }
}

// MARK: - The settings

extension Config.Key where Value == String? {
    static let name = text("name", "your name, as you sign your thank-yous", group: .you)
    static let email = text("email", "your e-mail address (the sender; never treated as an interviewer)", group: .you) { email in
        guard EmailAddress.isPlausible(email) else {
            throw UserError("email: \"\(email)\" is not an e-mail address; write it like you@example.com")
        }
    }
    static let signature = text("signature", "lines under your name in e-mails (\\n starts a new line)", group: .you, lines: 6)
    static let phone = text("phone", "your phone number (for your own records; never offered as a call)", group: .you)
    static let address = text("address", "your return address for note envelopes", group: .noteCards, lines: 6)
    static let noteFont = Config.Key("note.font", "a .ttf font for note cards", group: .noteCards, default: nil, shown: "the system's serif") { $0 }
    static let smtpHost = text("smtp.host", "your mail server, e.g. smtp.example.com", group: .sending) { host in
        try Config.checkHost(host, name: "smtp.host")
    }
    static let smtpUser = text("smtp.user", "the login name (usually your e-mail address)", group: .signIn)
    static let smtpPasswordEnv = text("smtp.passwordEnv", "the environment variable that holds the password", group: .signIn)
    static let databasePasswordEnv = text(
        "database.passwordEnv", "the environment variable that holds the PostgreSQL password (else PGPASSWORD or ~/.pgpass)", group: .advanced)
    static let smtpPasswordCommand = text(
        "smtp.passwordCommand", "a command that prints the password (like msmtp's passwordeval; set by config set-password)", group: .signIn)
    static let smtpTokenCommand = text(
        "smtp.tokenCommand", "a command that prints an OAuth2 access token, e.g. oama access you@outlook.com", group: .signIn)
    static let imapHost = text("imap.host", "your IMAP server, for the copy in Sent, e.g. imap.example.com", group: .sentFolder) { host in
        try Config.checkHost(host, name: "imap.host")
    }
    static let imapUser = text("imap.user", "the IMAP login name", group: .sentFolder)
    static let openingsRoles = text(
        "openings.roles", "the job titles you want to hear of, separated by commas, e.g. \"engineer, platform\" (unset: every title)",
        group: .openings
    ) { roles in
        guard !RoleFilter(roles).admitsEverything else {
            throw UserError("openings.roles: \"\(roles)\" names no role; write words separated by commas, like \"engineer, platform\"")
        }
    }

    /// The provider chosen with `config set provider`: its preset fills the mail settings not set by hand.
    static let provider = Config.Key(
        "provider", "your mail provider: fills the server settings and says how to sign in", group: .sending, default: nil,
        shown: "none", choices: MailProvider.all.map(\.id)
    ) { value in
        guard MailProvider.named(value) != nil else {
            throw UserError("provider: \"\(ControlCharacters.visible(String(value.prefix(30))))\" is not one of \(MailProvider.all.map(\.id).joined(separator: ", "))")
        }
        return value
    }
    static let smtpCAFile = text("smtp.caFile", "a PEM file of extra certificates to trust", group: .advanced)

    /// A free-text setting with no default, checked by `check` when given: one line of at most 200
    /// characters, or up to `lines` lines, never a control character.
    private static func text(
        _ name: String, _ help: String, group: Config.Group, lines: Int = 1, check: @escaping @Sendable (String) throws -> Void = { _ in }
    ) -> Self {
        Config.Key(name, help, group: group, default: nil) { text in
            try Config.checkText(text, name: name, lines: lines)
            try check(text)
            return text
        }
    }
}

extension Config {
    /// Refuses a server name with anything but letters, digits, dots, dashes and an IPv6 address's brackets.
    static func checkHost(_ host: String, name: String) throws {
        guard host.count <= 253, host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:[]".contains($0)) }) else {
            let example = name.hasPrefix("imap") ? "imap.example.com" : "smtp.example.com"
            throw UserError("\(name): \"\(ControlCharacters.visible(String(host.prefix(60))))\" is not a server name; write it like \(example)")
        }
    }

    /// Refuses a setting's text with a line break where one line belongs, a control character, or too much of it.
    static func checkText(_ text: String, name: String, lines: Int) throws {
        let text = text.replacingOccurrences(of: "\r\n", with: "\n")
        let lineCount = text.split(whereSeparator: \.isNewline).count
        if lines == 1, text.contains(where: \.isNewline) {
            throw UserError("\(name) is one line; remove the line break")
        }
        if lineCount > lines { throw UserError("\(name) has \(lineCount) lines; at most \(lines)") }
        if let (scalar, _) = ControlCharacters.first(in: text.replacingOccurrences(of: "\n", with: " ")) {
            throw UserError("\(name) contains a control character (\(ControlCharacters.name(scalar))); type it again without it")
        }
        let limit = 200 * lines
        if text.count > limit { throw UserError("\(name) is \(text.count) characters long; at most \(limit)") }
    }
}

extension Config.Key where Value == String {
    static let region = Config.Key("region", "country for phone numbers, e.g. US", group: .you, default: "US", shown: "US") { value in
        let code = value.trimmingCharacters(in: .whitespaces)
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw UserError("region: \"\(ControlCharacters.visible(String(value.prefix(20))))\" is not a country; write its two-letter code, like US or GB")
        }
        return code.uppercased()
    }
    static let sendmailCommand = Config.Key(
        "sendmail.command", "the sendmail program and its arguments", group: .advanced, default: "/usr/sbin/sendmail", shown: "/usr/sbin/sendmail"
    ) { $0 }

    /// Where a job-board provider's API is read (`watch.<provider>`: `watch.greenhouse`, …).
    static func boardBase(_ provider: BoardProvider) -> Self {
        Config.Key(
            provider.settingKey, "\(provider.displayName)'s job board API", group: .advanced, default: provider.defaultBase, shown: provider.defaultBase
        ) { value in
            guard let url = URLComponents(string: value), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), !(url.host ?? "").isEmpty else {
                throw UserError("\(provider.settingKey): \"\(value)\" is not an http(s) address; write it like \(provider.defaultBase)")
            }
            return value
        }
    }
}

extension Config.Key where Value == TimeZone? {
    static let timezone = Config.Key(
        "timezone", "your time zone, e.g. Europe/Berlin", group: .you, default: nil, shown: "the system's, \(TimeZone.current.identifier)"
    ) { value in
        guard let zone = TimeZone(identifier: value) else {
            throw UserError("timezone: \"\(value)\" is not a time zone; write it like America/New_York")
        }
        return zone
    }
}

extension Config.Key where Value == GreetingStyle {
    static let greeting = choice(
        "greeting", "how drafts greet: formal (\"Dear Ms. Whitfield,\" when an honorific is known, else \"Dear Dana,\") or first-name",
        group: .you, default: .formal)
}

extension Config.Key where Value == SMTPSettings.Security {
    static let smtpSecurity = choice(
        "smtp.security", "starttls, tls, or none (none only for a server on this machine)", group: .sending, default: .startTLS)
    static let imapSecurity = choice(
        "imap.security", "tls, starttls, or none (none only for a server on this machine)", group: .sentFolder, default: .tls)
}

extension Config.Key where Value == SASLMethod {
    static let smtpAuth = choice(
        "smtp.auth", "how to sign in: auto (the best the server offers for a password or a token), plain, login, xoauth2 or oauthbearer",
        group: .signIn, default: .auto)
}

/// Whether a copy of each thank-you is put in the Sent folder over IMAP.
public enum SentCopy: String, Sendable, CaseIterable {
    /// Only when the server did not file one itself (looked up by Message-ID first).
    case auto
    /// Always appended.
    case always
    /// Never: the mail server or the user keeps their own.
    case never
}

extension Config.Key where Value == SentCopy {
    static let sentCopy = choice(
        "sent.copy", "a copy in your Sent folder over IMAP: auto (only when the server did not file one), always or never",
        group: .sentFolder, default: .auto)
}

/// Where the reminders of due thank-yous go.
public enum RemindMode: String, Sendable, CaseIterable {
    /// A desktop notification where one can be shown, else an e-mail to yourself.
    case auto
    /// A desktop notification (`notify-send`) only.
    case desktop
    /// An e-mail to yourself, the way thank-yous leave.
    case email
    /// No reminders.
    case off
}

extension Config.Key where Value == RemindMode {
    static let remind = choice(
        "remind", "reminders when a thank-you falls due: auto (a desktop notification, else an e-mail to yourself), desktop, email or off",
        group: .you, default: .auto)
}

/// How e-mail leaves when the user sends it.
public enum TransportChoice: String, Sendable, CaseIterable {
    /// Through the mail server of `smtp.host`.
    case smtp
    /// Through the local sendmail program.
    case sendmail
}

extension Config.Key where Value == TransportChoice? {
    static let transport = Config.Key(
        "transport", "how e-mail leaves: smtp or sendmail", group: .sending, default: nil, shown: "smtp when smtp.host is set",
        choices: TransportChoice.allCases.map(\.rawValue)
    ) { value in
        guard let choice = TransportChoice(rawValue: value) else { throw UserError("transport: \"\(value)\" is not smtp or sendmail") }
        return choice
    }
}

extension Config.Key where Value == Int? {
    static let smtpPort = Config.Key("smtp.port", "its port", group: .sending, default: nil, shown: "587 (465 for tls, 25 for none)") {
        try Optional(Config.Key<Int>.number($0, "smtp.port", in: 1...65_535))
    }
    static let imapPort = Config.Key("imap.port", "its port", group: .sentFolder, default: nil, shown: "993 (143 for starttls or none)") {
        try Optional(Config.Key<Int>.number($0, "imap.port", in: 1...65_535))
    }
}

extension Config.Key where Value == Int {
    static let smtpTimeout = Config.Key("smtp.timeout", "seconds each stage of the conversation may take", group: .advanced, default: 60, shown: "60") {
        try number($0, "smtp.timeout", in: 1...3_600)
    }
    static let smtpAttempts = Config.Key("smtp.attempts", "tries for a message answered with 4xx", group: .advanced, default: 3, shown: "3") {
        try number($0, "smtp.attempts", in: 1...20)
    }
    static let smtpRetryDelay = Config.Key(
        "smtp.retryDelay", "seconds before the first retry, doubled each time", group: .advanced, default: 2, shown: "2"
    ) { try number($0, "smtp.retryDelay", in: 0...3_600) }

    /// A whole number in `range`, or an error naming the setting.
    static func number(_ text: String, _ name: String, in range: ClosedRange<Int>) throws -> Int {
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
            throw UserError("\(name): \"\(text)\" is not a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}

extension Config.Key where Value: RawRepresentable<String> & CaseIterable {
    /// A setting that is one of a few words, with a default.
    fileprivate static func choice(_ name: String, _ help: String, group: Config.Group, default fallback: Value) -> Self {
        let words = Value.allCases.map(\.rawValue)
        return Config.Key(name, help, group: group, default: fallback, shown: fallback.rawValue, choices: words) { value in
            // Words are words whatever their case: "Desktop" is desktop.
            guard let choice = Value(rawValue: value) ?? Value.allCases.first(where: { $0.rawValue.lowercased() == value.lowercased() }) else {
                let allowed = words.count == 2 ? words.joined(separator: " or ") : "one of " + words.joined(separator: ", ")
                throw UserError("\(name): \"\(value)\" is not \(allowed)")
            }
            return choice
        }
    }
}
