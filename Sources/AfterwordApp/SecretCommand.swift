import Foundation

/// A command of the user's that prints a secret: a password (`smtp.passwordCommand`, e.g. a keyring
/// lookup) or an OAuth2 access token (`smtp.tokenCommand`, e.g. oama or mutt_oauth2.py), run as a
/// ``ChildProcess`` with a time limit.
enum SecretCommand {
    /// The secret `command` prints, checked for its shape.
    /// - Parameters:
    ///   - setting: the setting that holds the command, as errors name it.
    ///   - isToken: an access token: one word of printable characters.
    ///   - seconds: how long it may take.
    /// - Throws: a ``UserError`` that says what went wrong and what to do; it never contains the secret.
    static func secret(_ command: String, setting: String, isToken: Bool, seconds: Int) throws -> String {
        let what = isToken ? "an access token" : "the password"
        let output: ChildProcess.Output
        do {
            output = try ChildProcess.run(command, input: nil, seconds: seconds)
        } catch {
            throw UserError("\(setting) could not be started (\(error)); check the command")
        }
        if output.timedOut {
            throw UserError(
                "\(setting) did not finish within \(seconds) seconds and was stopped; run it yourself: it may be waiting for a sign-in in the browser or for input, which a command run by Afterword cannot give")
        }
        let complaint = firstLine(output.standardError)
        guard let status = output.status else {
            throw UserError("\(setting) was killed before it printed \(what); run it yourself to see why")
        }
        if status == 127 {
            throw UserError("\(setting): the command was not found\(complaint.map { " (\($0))" } ?? ""); check the program's name and that it is installed")
        }
        guard status == 0 else {
            let advice = isToken ? "; if your sign-in expired, renew it with your token tool (e.g. its --authorize step)" : ""
            throw UserError("\(setting) failed (exit status \(status))\(complaint.map { ": \($0)" } ?? ""); run it yourself to see why\(advice)")
        }
        let text = String(decoding: output.standardOutput, as: UTF8.self).trimmingCharacters(in: .newlines)
        guard !text.isEmpty else {
            throw UserError("\(setting) printed nothing; it must print \(what) on standard output")
        }
        if isToken {
            let printable = text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F }
            guard printable, output.standardOutput.count < ChildProcess.maximumOutputBytes else {
                throw UserError(
                    "\(setting) printed something that is not an access token (spaces, several lines or other characters); it must print the token alone")
            }
        } else if text.contains(where: \.isNewline) || text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw UserError("\(setting) printed several lines or control characters; it must print the password alone, on one line")
        }
        return text
    }

    /// The first line of a command's complaint, short, without anything that looks like a token.
    private static func firstLine(_ bytes: [UInt8]) -> String? {
        let line = String(decoding: bytes.prefix(1_024), as: UTF8.self).split(whereSeparator: \.isNewline).first ?? ""
        let words = line.split(separator: " ").map { $0.count >= 32 ? "…" : String($0) }
        let shown = ControlCharacters.visible(String(words.joined(separator: " ").prefix(160)))
        return shown.isEmpty ? nil : shown
    }
}
