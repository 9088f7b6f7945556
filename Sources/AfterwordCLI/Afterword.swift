import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword`: thank an interviewer the right way, once.
@main
struct Afterword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "afterword",
        abstract: "Thank an interviewer the right way, once, and be remembered.",
        discussion: """
            Record who you met, compose a short professional thank-you for each of them, check it \
            against the etiquette rules (AW-…), send it exactly once, and see who still needs one.

            Data lives in $AFTERWORD_HOME, else $XDG_DATA_HOME/afterword, else ~/.local/share/afterword.
            """,
        version: "\(Afterword.version) (commit \(BuildInfo.commit))",
        subcommands: [
            InterviewCommand.self, InterviewerCommand.self, CardCommand.self, DraftCommand.self, CheckCommand.self, SendCommand.self, NoteCommand.self,
            StatusCommand.self, ConfigCommand.self, ServeCommand.self, WatchCommand.self, OpeningsCommand.self, ReconnectCommand.self,
            ScheduleCommand.self, RemindCommand.self, ExportCommand.self, ImportCommand.self, DoctorCommand.self, CentreCommand.self,
        ]
    )

    /// The release, as the Debian package and `--version` name it.
    static let version = "0.3.0"

    /// Runs the command line with errors turned into one-line messages and stable exit codes:
    /// 0 done, 1 the checker found errors, 2 the input could not be used.
    static func main() async {
        // The data directory holds other people's names and addresses: what Afterword creates is the user's alone.
        umask(0o077)
        let arguments = SendCommand.bareResolve(GlobalOptions.hoisted(Array(CommandLine.arguments.dropFirst())))
        if let hint = CommandSuggestion.hint(for: arguments) {
            Console.error(hint)
            Foundation.exit(2)
        }
        let checked = CheckCommand.takingPaths(from: arguments)
        if let checked { LongDraftMemory.relaunchIfLong(paths: checked.paths) }
        do {
            var command = try parseAsRoot(checked?.arguments ?? arguments)
            if let checked, var check = command as? CheckCommand {
                check.files = checked.paths
                command = check
            }
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as UserError {
            for finding in error.findings { Console.errorLine(FindingText.line(finding, path: error.source)) }
            Console.error(error.line)
            Foundation.exit(error.exitCode)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // A database failure that reached here unexplained still gets one line of advice, not SQL.
            Console.error(UserError.explaining(error)?.line ?? fullMessage(for: error))
            Foundation.exit(code == .failure ? 1 : 2)
        }
    }
}
