import AfterwordApp

extension Remedy {
    /// The remedy as the web offers it: what to do, in a phrase, and the page where it is done.
    var link: (text: String, href: String) {
        switch self {
        case .seeStatus: ("see Today", "/")
        case .listInterviews: ("see Interviews", "/interviews")
        case .listInterviewers: ("see People", "/people")
        case .listDrafts: ("see Today for your drafts", "/")
        case .listOpenings, .listBoards: ("see Openings", "/openings")
        case .showInterview(let id), .addInterviewer(let id): ("open the interview to see its panel", "/interviews/\(id)")
        case .setSetting(let name, _): ("set \(name) in Settings", "/settings#k-\(name)")
        case .resolveUncertain(let draft): ("say on the draft's page whether it arrived", "/drafts/\(draft)")
        case .confirmHandedOff(let draft): ("once sent, say so on the draft's page", "/drafts/\(draft)")
        case .sendNow(let draft): ("open the scheduled draft", "/drafts/\(draft)")
        // The server sends what is due while it runs; when it cannot (started without it), the terminal does.
        case .sendDue: ("run `afterword send --due` or start `afterword serve`", "/")
        case .editDraft(let interview, _): ("fix it in the draft's editor", "/interviews/\(interview)")
        case .editReconnect(let opening, _): ("fix the note from the opening", "/openings#opening-\(opening)")
        case .recordPosted(let draft): ("once it is in the post, press \"I posted it\" on its page", "/drafts/\(draft)")
        case .addAddress(let interviewer): ("add their postal address on their page", "/interviewers/\(interviewer)")
        case .upgradeStore: ("run Afterword once with write permission on the data directory", "/")
        case .sendAnyway(let draft): ("fix them, or tick \"Send although the check has warnings\" on the draft's page", "/drafts/\(draft)")
        case .scheduleInstead(let draft): ("schedule it from the draft's page instead", "/drafts/\(draft)")
        case .configureSending: ("choose your mail provider or server in Settings", "/settings#k-provider")
        case .reviewAndSend(let draft): ("read draft #\(draft) over and send it", "/drafts/\(draft)")
        case .composeDrafts(let interview): ("compose the drafts on the interview's page", "/interviews/\(interview)")
        case .sendReplaced(_, let newest): ("open the newest version, draft #\(newest)", "/drafts/\(newest)")
        case .storePassword: ("store your mail password in Settings", "/settings#password-form")
        case .chooseDataDirectory: ("start Afterword with another data directory (--home)", "/")
        case .addAddressOrPrintCardAlone(let interviewer, _): ("add their postal address on their page, or print the card without its envelope", "/interviewers/\(interviewer)")
        case .importEveryEvent: ("import the whole invite file", "/interviews#ics-h")
        case .giveCompany: ("give the company in the import form", "/interviews#ics-h")
        case .markMet(let opening, _): ("press \"I met them and thanked them another way\" beside their name under the opening", "/openings#opening-\(opening)")
        }
    }
}

extension UserError {
    /// The message with what to do, as the web says it.
    var webMessage: String {
        remedy.map { "\(message); \($0.link.text)" } ?? message
    }
}
