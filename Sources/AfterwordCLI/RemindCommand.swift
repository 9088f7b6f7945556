import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword remind`: once when a thank-you falls due, once more a few hours before its deadline.
struct RemindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Remind you once when a thank-you falls due, and again a few hours before its deadline.",
        discussion: """
            A desktop notification where one can be shown (notify-send), else an e-mail to yourself the way \
            your thank-yous leave; `config set remind off|desktop|email|auto` chooses. Never twice for the same \
            deadline. The timer of `afterword schedule install` runs it, and so does `afterword serve`.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(
        name: .customLong("ics"),
        help: ArgumentHelp("Instead, write a calendar reminder (an .ics event with alarms) for this interview's thank-yous.", valueName: "interview"))
    var interview: Int64?
    @Option(help: ArgumentHelp("With --ics, the file to write (default: standard output).", valueName: "file")) var file: String?

    func validate() throws {
        if file != nil, interview == nil { throw ValidationError("--file goes with --ics") }
    }

    func run() async throws {
        let workspace = try global.workspace
        if let interview {
            let calendar = try workspace.reminderCalendar(interviewId: interview, next: \.phrase)
            guard let file else {
                Console.raw(calendar)
                return
            }
            try Console.writeFile(Data(calendar.utf8), to: file)
            Console.out("Wrote \(file): open it in your calendar to be reminded when the thank-yous for interview #\(interview) are due.")
            return
        }
        switch try await workspace.remind(next: \.phrase) {
        case .nothingDue:
            Console.out("No reminder: nothing new is due.")
        case .off(let count):
            Console.out("\(Wording.count(count, "thank-you")) due, but reminders are off (`afterword config set remind auto` turns them on).")
        case .reminded(_, let way, let title, let body):
            Console.out("Reminded you by \(way == .desktop ? "a desktop notification" : "e-mail to yourself"): \(title)")
            Console.out(body)
        }
    }
}
