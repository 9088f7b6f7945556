import Foundation

/// The system keyring, for the SMTP password of a user who does not keep it in an environment variable
/// (which scheduled sends from cron or a systemd timer never see): the Secret Service through
/// `secret-tool` on Linux, the Keychain through `security` on macOS.
///
/// Afterword stores the password there and sets `smtp.passwordCommand` to the command that reads it
/// back; the password itself is never written to a file.
enum Keyring {
    /// The keyring's service name for Afterword's items.
    static let service = "afterword"
    /// A keyring that does not answer within this is reported, not waited for.
    static let seconds = 15

    /// Stores `password` for `account` and returns the command that prints it back.
    /// - Throws: a ``UserError`` that says what is missing (the tool, a running keyring) and what to do instead.
    static func store(password: String, account: String) throws -> String {
        #if os(macOS)
            let command = "security -i"
            let input = "add-generic-password -U -a \(quoted(account)) -s \(service) -l \(quoted("Afterword mail password")) -w \(quoted(password))\n"
            let lookup = "security find-generic-password -a \(quoted(account)) -s \(service) -w"
        #else
            let command = "secret-tool store --label=\(quoted("Afterword mail password (\(account))")) service \(service) account \(quoted(account))"
            let input = password
            let lookup = "secret-tool lookup service \(service) account \(quoted(account))"
        #endif
        let output: ChildProcess.Output
        do {
            output = try ChildProcess.run(command, input: Array(input.utf8), seconds: seconds)
        } catch {
            throw UserError("the system keyring could not be reached (\(error)); use smtp.passwordEnv or smtp.passwordCommand instead")
        }
        guard output.status == 0, !output.timedOut else { throw failure(output) }
        return lookup
    }

    /// What went wrong with the keyring, in the user's terms.
    private static func failure(_ output: ChildProcess.Output) -> UserError {
        let said = String(decoding: output.standardError.prefix(400), as: UTF8.self)
        let instead = "or keep the password elsewhere: smtp.passwordEnv (a variable) or smtp.passwordCommand (e.g. pass show mail)"
        if output.timedOut {
            return UserError("the system keyring did not answer within \(seconds) seconds (is it waiting to be unlocked?); unlock it and try again, \(instead)")
        }
        if output.status == 127 {
            return UserError(
                "storing the password needs the system keyring's secret-tool; install it (Debian/Ubuntu: sudo apt-get install libsecret-tools gnome-keyring), \(instead)")
        }
        if said.contains("D-Bus") || said.contains("Could not connect") || said.contains("address") || said.contains("not provided by") {
            return UserError(
                "no system keyring is running in this session (a desktop login starts one; a server or SSH session has none); \(instead)")
        }
        if said.contains("locked") || said.contains("does not exist") {
            return UserError("the system keyring is locked or has no default collection; unlock it (log in to the desktop) and try again, \(instead)")
        }
        return UserError(
            "the system keyring refused the password (\(ControlCharacters.visible(String(String(said.split(whereSeparator: \.isNewline).first ?? "").prefix(160)))))); \(instead)")
    }

    /// `text` as one shell word.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
