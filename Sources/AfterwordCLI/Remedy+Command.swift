import AfterwordApp

extension Remedy {
    /// The remedy as the command line says it: the command to run, in a phrase that follows the message.
    var phrase: String {
        switch self {
        case .seeStatus: "see `afterword status`"
        case .listInterviews: "see `afterword interview list`"
        case .listInterviewers: "see `afterword interviewer list`"
        case .listDrafts: "see `afterword draft list` for the drafts you have"
        case .listOpenings: "see `afterword openings` for the openings seen"
        case .listBoards: "see `afterword watch list`"
        case .showInterview(let id): "see `afterword interview show \(id)`"
        case .addInterviewer(let interview): "add them with `afterword interviewer add \(interview) --name …`"
        case .setSetting(let name, let example): "set it with `afterword config set \(name) \(example)` (or on the Settings page)"
        case .resolveUncertain(let draft):
            "run `afterword send --resolve` to look for it in your Sent folder, or say what you found: `afterword send \(draft) --resolve delivered` or `--resolve not-delivered`"
        case .confirmHandedOff(let draft): "once sent, run `afterword send \(draft) --resolve delivered`"
        case .sendNow(let draft): "`afterword send \(draft) --now` sends that one now"
        case .sendDue: "run `afterword send --due` or start `afterword serve`"
        case .editDraft(let interview, let interviewer): "fix it with `afterword draft \(interview) --interviewer \(interviewer) --edit`"
        case .editReconnect(let opening, let interviewer): "fix it with `afterword reconnect \(opening) --to \(interviewer) --edit`"
        case .recordPosted(let draft): "once it is in the post, run `afterword note mailed \(draft)`"
        case .addAddress(let interviewer): "add it with `afterword interviewer edit \(interviewer) --address \"…\"`"
        case .upgradeStore: "run afterword once with write permission on the data directory"
        case .sendAnyway(let draft): "fix them, or send it as it is with `afterword send \(draft) --anyway`"
        case .scheduleInstead(let draft): "`afterword send \(draft)` (without --now) schedules it for the first good moment after"
        case .configureSending:
            "choose your provider with `afterword config set provider …` or set `smtp.host` (or `sendmail.command`); or export the message with `--eml FILE` or `--mailto`"
        case .chooseDataDirectory: "choose another with --home"
        case .reviewAndSend(let draft): "read it over and send it with `afterword send \(draft)`"
        case .composeDrafts(let interview): "compose them with `afterword draft \(interview)`"
        case .sendReplaced(let draft, let newest):
            "send the newest with `afterword send \(newest)`, or this earlier version with `afterword send \(draft) --this-version`"
        case .storePassword: "store it with `afterword config set-password`"
        case .addAddressOrPrintCardAlone(let interviewer, let draft):
            "add it with `afterword interviewer edit \(interviewer) --address \"…\"`, or make the card alone with `afterword note pdf \(draft) --no-envelope`"
        case .importEveryEvent: "leave out --uid to import every event"
        case .giveCompany: "give it with --company"
        case .markMet(let opening, let interviewer): "say so with `afterword reconnect \(opening) --to \(interviewer) --mark-met`"
        }
    }
}

extension UserError {
    /// The error as one line: its message, then what to do.
    var line: String {
        remedy.map { "\(message); \($0.phrase)" } ?? message
    }
}
