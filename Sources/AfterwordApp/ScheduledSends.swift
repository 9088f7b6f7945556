import Foundation

/// The timer that runs `afterword remind` and `afterword send --due`: a systemd user timer where systemd runs the user's
/// session, else a line for the user's crontab.
public enum ScheduledSends {
    /// How often the timer may run, in minutes: from once a minute to once a day.
    public static let intervalMinutes = 1...1_440

    /// The units' names in ~/.config/systemd/user (the Debian package ships the same names in
    /// /usr/lib/systemd/user).
    public static let serviceName = "afterword-due.service"
    public static let timerName = "afterword-due.timer"

    /// The service that sends what is due, and the timer that starts it every `minutes`.
    /// - Parameters:
    ///   - binary: the absolute path of `afterword`.
    ///   - home: the data directory to use, when it is not the default.
    public static func units(binary: String, home: String?, minutes: Int) -> (service: String, timer: String) {
        let environment = home.map { "Environment=AFTERWORD_HOME=\(quotedForSystemd($0))\n" } ?? ""
        let service = """
            [Unit]
            Description=Remind you of thank-yous that fall due, and send those whose time has come (Afterword)
            Documentation=man:afterword-send(1)

            [Service]
            Type=oneshot
            \(environment)ExecStart=-\(quotedForSystemd(binary)) remind
            ExecStart=\(quotedForSystemd(binary)) send --due

            """
        let timer = """
            [Unit]
            Description=Send due thank-yous every \(minutes) minutes (Afterword)

            [Timer]
            OnBootSec=2min
            OnUnitActiveSec=\(minutes)min
            Persistent=true

            [Install]
            WantedBy=timers.target

            """
        return (service, timer)
    }

    /// The unit that keeps `afterword serve` running in the user's session (`systemctl --user enable --now
    /// afterword-serve.service`).
    public static func serveUnit(binary: String) -> String {
        """
        [Unit]
        Description=Afterword's web UI (afterword serve), for you alone on 127.0.0.1
        Documentation=man:afterword-serve(1)

        [Service]
        ExecStart=\(quotedForSystemd(binary)) serve --port 7878
        Restart=on-failure

        [Install]
        WantedBy=default.target

        """
    }

    /// The name of the serve unit.
    public static let serveName = "afterword-serve.service"

    /// The crontab line that does what the timer does.
    public static func cronLine(binary: String, home: String?, minutes: Int) -> String {
        let environment = home.map { "AFTERWORD_HOME=\(shellQuoted($0)) " } ?? ""
        let command = "\(environment)\(shellQuoted(binary))"
        return "*/\(minutes) * * * * \(command) remind >/dev/null 2>&1; \(command) send --due >/dev/null 2>&1"
    }

    /// What `schedule install` did, for the user.
    public enum Outcome: Sendable, Equatable {
        /// The timer is installed and running; the paths of the units written.
        case timerEnabled([String])
        /// No systemd for this user here: the line to add with `crontab -e`.
        case cron(String)
    }

    /// Writes the units to ~/.config/systemd/user and enables the timer, or, without systemd, says the
    /// crontab line.
    /// - Throws: a ``UserError`` when a unit cannot be written or systemctl refuses, with its words.
    public static func install(binary: String, home: String?, minutes: Int, configHome: URL = userConfigHome()) throws -> Outcome {
        guard intervalMinutes.contains(minutes) else { throw UserError("the interval must be from 1 to 1440 minutes, not \(minutes)") }
        guard systemdRunsForUser() else { return .cron(cronLine(binary: binary, home: home, minutes: minutes)) }
        let folder = configHome.appendingPathComponent("systemd/user")
        let (service, timer) = units(binary: binary, home: home, minutes: minutes)
        var written: [String] = []
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in [(serviceName, service), (timerName, timer)] {
                let file = folder.appendingPathComponent(name)
                try Data(text.utf8).write(to: file, options: .atomic)
                written.append(file.path)
            }
        } catch {
            throw UserError("cannot write the timer's units in \(folder.path): \(error.localizedDescription)")
        }
        try systemctl(["daemon-reload"])
        try systemctl(["enable", "--now", timerName])
        return .timerEnabled(written)
    }

    /// Stops and removes the timer; without systemd, says which crontab line to delete.
    /// - Returns: what was done, for the user.
    public static func remove(configHome: URL = userConfigHome()) throws -> String {
        guard systemdRunsForUser() else {
            return "systemd does not run for you here: remove the line with `send --due` from your crontab (crontab -e)"
        }
        let folder = configHome.appendingPathComponent("systemd/user")
        try? systemctl(["disable", "--now", timerName])
        for name in [timerName, serviceName] { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        try systemctl(["daemon-reload"])
        return "The timer is stopped and removed; scheduled thank-yous now leave only while `afterword serve` runs or when you run `afterword send --due`."
    }

    /// `$XDG_CONFIG_HOME`, else ~/.config.
    public static func userConfigHome(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty { return URL(fileURLWithPath: config) }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
    }

    /// True when systemd manages this user's session (`systemctl --user` answers).
    static func systemdRunsForUser() -> Bool {
        guard FileManager.default.fileExists(atPath: "/run/systemd/system") else { return false }
        return (try? ChildProcess.run("systemctl --user show-environment", input: nil, seconds: 10).status) == 0
    }

    private static func systemctl(_ arguments: [String]) throws {
        let output = try ChildProcess.run("systemctl --user " + arguments.map(shellQuoted).joined(separator: " "), input: nil, seconds: 30)
        guard output.status == 0 else {
            let said = String(decoding: output.standardError.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw UserError("systemctl --user \(arguments.joined(separator: " ")) failed: \(ControlCharacters.visible(said))")
        }
    }

    private static func shellQuoted(_ text: String) -> String {
        text.allSatisfy { $0.isLetter || $0.isNumber || "/._-+:@".contains($0) } ? text : Keyring.quoted(text)
    }

    /// A path as a systemd unit's command line takes it: in double quotes when it has a space.
    private static func quotedForSystemd(_ text: String) -> String {
        text.contains(where: { $0 == " " || $0 == "\"" || $0 == "\\" })
            ? "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" : text
    }
}
