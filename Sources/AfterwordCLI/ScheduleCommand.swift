import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword schedule …`: scheduled thank-yous leave by themselves.
struct ScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Have scheduled thank-yous leave by themselves (a systemd user timer, or a crontab line).",
        subcommands: [Install.self, Remove.self, Show.self]
    )

    /// The path of this binary, as a timer runs it.
    static var binaryPath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    struct Install: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Run `afterword send --due` every few minutes: a systemd user timer, else the crontab line to add.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Minutes between runs.") var every: Int = 10

        func run() async throws {
            guard ScheduledSends.intervalMinutes.contains(every) else { throw UserError("--every must be from 1 to 1440 minutes, not \(every)") }
            let home = global.home.map { _ in global.homeDirectory.path }
            switch try ScheduledSends.install(binary: ScheduleCommand.binaryPath, home: home, minutes: every) {
            case .timerEnabled(let files):
                Console.out("The timer runs `afterword send --due` every \(every) minutes (\(files.joined(separator: ", "))).")
                Console.out("A password it needs must be where the timer finds it: `afterword config set-password` keeps it in the keyring.")
            case .cron(let line):
                Console.out("systemd does not run for you here; add this line with `crontab -e`:")
                Console.out(line)
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Stop and remove the timer.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            Console.out(try ScheduledSends.remove())
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Print the timer's units and the crontab line, installing nothing.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Minutes between runs.") var every: Int = 10
        @Option(help: ArgumentHelp("The binary the units run (default: this one).", valueName: "path")) var binary: String?
        @Option(
            help: ArgumentHelp("Write the units (the timer's and afterword-serve.service) into this folder instead.", valueName: "folder"))
        var write: String?

        func run() async throws {
            guard ScheduledSends.intervalMinutes.contains(every) else { throw UserError("--every must be from 1 to 1440 minutes, not \(every)") }
            let home = global.home.map { _ in global.homeDirectory.path }
            let path = binary ?? ScheduleCommand.binaryPath
            let (service, timer) = ScheduledSends.units(binary: path, home: home, minutes: every)
            if let write {
                let folder = URL(fileURLWithPath: write)
                do {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    for (name, text) in [
                        (ScheduledSends.serviceName, service), (ScheduledSends.timerName, timer),
                        (ScheduledSends.serveName, ScheduledSends.serveUnit(binary: path)),
                    ] {
                        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
                    }
                } catch {
                    throw UserError("cannot write the units in \(write): \(error.localizedDescription)")
                }
                Console.out("Wrote \(ScheduledSends.serviceName), \(ScheduledSends.timerName) and \(ScheduledSends.serveName) in \(write).")
                return
            }
            Console.out("# ~/.config/systemd/user/\(ScheduledSends.serviceName)\n\(service)")
            Console.out("# ~/.config/systemd/user/\(ScheduledSends.timerName)\n\(timer)")
            Console.out("# or, in your crontab:\n\(ScheduledSends.cronLine(binary: path, home: home, minutes: every))")
        }
    }
}
