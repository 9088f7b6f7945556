/// What the user can do about a mistake or a refusal, said once as data: the command line shows it
/// as the command to run, the web as a link or a button. Messages themselves never hold a face's syntax.
public enum Remedy: Sendable, Hashable {
    /// Look at what is recorded and what is due.
    case seeStatus
    /// Look at the interviews recorded.
    case listInterviews
    /// Look at everyone met.
    case listInterviewers
    /// Look at the drafts kept.
    case listDrafts
    /// Look at the openings seen on watched boards, and who may remember the user there.
    case listOpenings
    /// Look at the boards watched.
    case listBoards
    /// Look at one interview and its panel.
    case showInterview(Int64)
    /// Record who sat on an interview's panel.
    case addInterviewer(interview: Int64)
    /// Give one setting a value, e.g. `email` with the example `you@example.com`.
    case setSetting(String, example: String)
    /// Say whether a message whose send was interrupted arrived.
    case resolveUncertain(draft: Int64)
    /// Say that a message handed to the user's own mail program was sent.
    case confirmHandedOff(draft: Int64)
    /// Send a scheduled message now instead of at its time.
    case sendNow(draft: Int64)
    /// Send what is scheduled and due (or keep the server running, which does it).
    case sendDue
    /// Edit a thank-you draft, then check it again.
    case editDraft(interview: Int64, interviewer: Int64)
    /// Edit a reconnect note, then check it again.
    case editReconnect(opening: Int64, interviewer: Int64)
    /// Record that a printed note card was posted.
    case recordPosted(draft: Int64)
    /// Add a postal address to an interviewer's details.
    case addAddress(interviewer: Int64)
    /// Run Afterword once with write permission on the data directory, so that it can upgrade the store.
    case upgradeStore
    /// Send a draft whose check found only warnings, knowing what they are.
    case sendAnyway(draft: Int64)
    /// Schedule a thank-you for the first good moment after the interview instead of sending it now.
    case scheduleInstead(draft: Int64)
    /// Set up a way to send e-mail, or hand the message to the user's own mail program.
    case configureSending
    /// Keep Afterword's data in another directory.
    case chooseDataDirectory
    /// Add a postal address, or print the card alone without its envelope page.
    case addAddressOrPrintCardAlone(interviewer: Int64, draft: Int64)
    /// Import every event of an invite rather than the one asked for.
    case importEveryEvent
    /// Name the company an invite does not.
    case giveCompany
    /// Read a thank-you draft over and send it.
    case reviewAndSend(draft: Int64)
    /// Compose the thank-you drafts of an interview.
    case composeDrafts(interview: Int64)
    /// Send the newest version of a draft, or name the earlier one `draft` as the version meant.
    case sendReplaced(draft: Int64, newest: Int64)
    /// Keep the mail password in the system keyring, where scheduled sends find it too.
    case storePassword
    /// Say that the user met and thanked someone another way, so that a reconnect about an opening is allowed.
    case markMet(opening: Int64, interviewer: Int64)
}
