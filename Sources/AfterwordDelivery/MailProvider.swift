/// The mail providers most job seekers use, as data: where their servers are, how they sign in, and
/// what a user must do first (an app password, a token command).
///
/// `config set provider gmail` makes a preset's values the defaults for the settings it names; a value
/// the user sets wins.
public struct MailProvider: Sendable, Equatable {
    /// The name `provider` takes, e.g. `gmail`.
    public let id: String
    /// The provider as people call it.
    public let displayName: String
    /// Settings and their values, by setting name (`smtp.host`, `imap.port`…).
    public let settings: [String: String]
    /// What the user must do before mail can leave, in their terms.
    public let advice: String

    /// Every preset, in the order `config set provider` lists them.
    public static let all: [MailProvider] = [
        MailProvider(
            id: "gmail", displayName: "Gmail",
            settings: [
                "smtp.host": "smtp.gmail.com", "smtp.port": "587", "smtp.security": "starttls", "smtp.auth": "auto",
                "imap.host": "imap.gmail.com", "imap.port": "993", "imap.security": "tls",
            ],
            advice:
                "Gmail takes an app password (turn on 2-Step Verification, then Google Account → Security → App passwords) "
                + "kept in your system keyring (the mail password in Settings, or config set-password), or an OAuth2 access token from smtp.tokenCommand (e.g. oama). "
                + "Set smtp.user to your Gmail address. Gmail files its own copy in Sent."),
        MailProvider(
            id: "outlook", displayName: "Outlook.com / Hotmail",
            settings: [
                "smtp.host": "smtp-mail.outlook.com", "smtp.port": "587", "smtp.security": "starttls", "smtp.auth": "xoauth2",
                "imap.host": "outlook.office365.com", "imap.port": "993", "imap.security": "tls",
            ],
            advice:
                "Outlook.com accepts no passwords from other apps: set smtp.tokenCommand to a command that prints an OAuth2 "
                + "access token (oama or mutt_oauth2.py, set up for Outlook), and smtp.user to your address. "
                + "Or send through msmtp: transport sendmail with sendmail.command \"msmtp -a outlook\"."),
        MailProvider(
            id: "microsoft365", displayName: "Microsoft 365 (work or school)",
            settings: [
                "smtp.host": "smtp.office365.com", "smtp.port": "587", "smtp.security": "starttls", "smtp.auth": "xoauth2",
                "imap.host": "outlook.office365.com", "imap.port": "993", "imap.security": "tls",
            ],
            advice:
                "Microsoft 365 turns password sign-in for other apps off by default from the end of 2026: set smtp.tokenCommand "
                + "to a command that prints an OAuth2 access token (oama or mutt_oauth2.py, registered with your organisation), "
                + "and smtp.user to your address; your administrator may have to allow SMTP sign-in for your mailbox."),
        MailProvider(
            id: "icloud", displayName: "iCloud Mail",
            settings: [
                "smtp.host": "smtp.mail.me.com", "smtp.port": "587", "smtp.security": "starttls", "smtp.auth": "plain",
                "imap.host": "imap.mail.me.com", "imap.port": "993", "imap.security": "tls",
            ],
            advice:
                "iCloud Mail needs an app-specific password (account.apple.com → Sign-In and Security → App-Specific Passwords), "
                + "kept in your system keyring (the mail password in Settings, or config set-password); smtp.user is your full iCloud address."),
        MailProvider(
            id: "fastmail", displayName: "Fastmail",
            settings: [
                "smtp.host": "smtp.fastmail.com", "smtp.port": "465", "smtp.security": "tls", "smtp.auth": "plain",
                "imap.host": "imap.fastmail.com", "imap.port": "993", "imap.security": "tls",
            ],
            advice:
                "Fastmail needs an app password (Settings → Privacy & Security → Manage app passwords), kept in "
                + "your system keyring (the mail password in Settings, or config set-password); smtp.user is your Fastmail address."),
        MailProvider(
            id: "yahoo", displayName: "Yahoo Mail",
            settings: [
                "smtp.host": "smtp.mail.yahoo.com", "smtp.port": "465", "smtp.security": "tls", "smtp.auth": "plain",
                "imap.host": "imap.mail.yahoo.com", "imap.port": "993", "imap.security": "tls",
            ],
            advice:
                "Yahoo Mail needs an app password (Account Info → Account security → Generate app password), kept in "
                + "your system keyring (the mail password in Settings, or config set-password); smtp.user is your Yahoo address."),
        MailProvider(
            id: "other", displayName: "another provider", settings: [:],
            advice:
                "Set smtp.host, smtp.port and smtp.security to what your provider documents for sending from other apps "
                + "(and imap.host for the copy in Sent)."),
    ]

    /// The preset called `id`, if there is one.
    public static func named(_ id: String) -> MailProvider? { all.first { $0.id == id } }
}
