import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword reconnect`: one short note to someone who may remember you, about a new opening.
struct ReconnectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconnect",
        abstract:
            "Compose a short reconnect note about a new opening to someone you thanked; send it with `afterword send`.",
        discussion: """
            Only to someone who received your thank-you (or whom you mark as met), never within \
            \(ReconnectPolicy.quietDaysAfterThankYou) days of that thank-you, at most once per person per \
            \(ReconnectPolicy.daysBetweenReconnects) days; and it is a note about the new role, not a follow-up.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp("The opening's id (see `afterword openings`).", valueName: "opening")) var opening:
        String
    @Option(help: ArgumentHelp("The interviewer's id.", valueName: "interviewer")) var to: String
    @Flag(help: "You met this person and thanked them another way: allow a reconnect without a thank-you on record.")
    var markMet = false
    @Flag(help: "Write the note afresh although one about this opening exists.") var recompose = false
    @Flag(help: "Open the note in $EDITOR; what you save is stored and checked again.") var edit = false

    func run() async throws {
        guard let openingId = Int64(opening.trimmingCharacters(in: CharacterSet(charactersIn: "# "))), openingId > 0 else {
            throw UserError("the opening's id must be a positive number, not \"\(opening)\"; see `afterword openings`")
        }
        let interviewerId = try parseID(to, .interviewer)
        let workspace = try global.workspace
        var reviewed = try workspace.reconnect(
            openingId: openingId, interviewerId: interviewerId, markMet: markMet, recompose: recompose)
        if edit {
            reviewed = try DraftEditor.edit(reviewed.draft, workspace: workspace)
        }
        if output.json {
            try Console.json(
                JSONShape.DraftShape(
                    reviewed.draft, interviewerName: reviewed.interviewerName, findings: reviewed.findings))
            return
        }
        DraftCheck.print(reviewed.draft, findings: reviewed.findings, reused: reviewed.reused)
        Console.out("Send it with `afterword send \(reviewed.draft.storedID)`")
    }
}
