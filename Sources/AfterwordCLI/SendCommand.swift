import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword send`: each thank-you exactly once, at a civil hour.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send a thank-you exactly once, in the recipient's business hours (or hand it to your mail program).",
        discussion: """
            By default a draft leaves at the next slot in the recipient's business hours (09:00–17:00,
            Monday–Friday, in the interview's time zone), not in the first half hour after the interview.
            A later slot is recorded as scheduled; `afterword send --due` (from cron or a systemd timer)
            sends what is due. Every message is in the ledger before it leaves; a second thank-you to the
            same interviewer for the same interview is refused (AW-ONCE).
            """
    )

    enum Resolution: String, ExpressibleByArgument, CaseIterable {
        case delivered
        case notDelivered = "not-delivered"
        /// Look for every uncertain send in the Sent folder (what a bare `--resolve` means).
        case sentFolder = "sent-folder"
    }

    /// A bare `--resolve` (no value, or followed by another option or a draft id) looks in the Sent folder:
    /// it becomes `--resolve sent-folder` before the arguments are parsed.
    static func bareResolve(_ arguments: [String]) -> [String] {
        guard let send = arguments.firstIndex(of: "send"), let index = arguments.firstIndex(of: "--resolve"), index > send else { return arguments }
        let next = index + 1 < arguments.count ? arguments[index + 1] : nil
        if let next, Resolution(rawValue: next) != nil { return arguments }
        var rewritten = arguments
        rewritten[index] = "--resolve=sent-folder"
        return rewritten
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The draft's id (see `afterword status`).", completion: RecordKind.draft.completion) var draft: String?
    @Option(
        name: .customLong("interview"),
        help: ArgumentHelp("Send this interview's current drafts (each panel member's newest) instead of naming a draft.", valueName: "id"))
    var interview: Int64?
    @Option(help: ArgumentHelp("With --interview, only to the panel members whose name holds this.", valueName: "name")) var to: String?
    @Flag(name: .customLong("this-version"), help: "Send this draft although a newer version of it was composed since.") var earlierVersion = false
    @Flag(help: "Send now, whatever the hour (your explicit choice).") var now = false
    @Option(help: ArgumentHelp("Send at this time, e.g. 2026-11-27T09:30-05:00.", valueName: "date-time")) var at: String?
    @Flag(help: "Send although the checker has warnings (never with errors).") var anyway = false
    @Option(help: ArgumentHelp("Write the message as an .eml file for your own mail program.", valueName: "file")) var eml: String?
    @Flag(help: "Print a mailto: link with the subject and body.") var mailto = false
    @Flag(name: .customLong("open"), help: "With --mailto, open the link in your mail program.") var openLink = false
    @Option(
        help: ArgumentHelp(
            "For an interrupted send: delivered or not-delivered with a draft id; alone, look for every uncertain send in your Sent folder.",
            valueName: "delivered|not-delivered"))
    var resolve: Resolution?
    @Flag(
        name: .customLong("yes"),
        help: "Send without asking first (for scripts); with --resolve alone, record what the Sent folder shows without asking.")
    var confirmAll = false
    @Flag(help: "Send every scheduled thank-you whose time has come.") var due = false

    func validate() throws {
        if due {
            guard draft == nil, !now, at == nil, eml == nil, !mailto, resolve == nil else {
                throw ValidationError("--due sends what is scheduled; give no draft and no other option with it")
            }
        } else if resolve == .sentFolder {
            guard draft == nil, !now, at == nil, eml == nil, !mailto else {
                throw ValidationError("--resolve alone looks for every uncertain send in your Sent folder; give no draft and no other option with it")
            }
        } else if let interview {
            guard draft == nil, resolve == nil, !earlierVersion else {
                throw ValidationError("--interview \(interview) sends that interview's current drafts; give no draft id, --resolve or --this-version with it")
            }
        } else if draft == nil {
            throw ValidationError("give a draft id (see `afterword status`), --interview with an interview's id, or --due")
        }
        if to != nil, interview == nil { throw ValidationError("--to goes with --interview") }
        if confirmAll, resolve != nil, resolve != .sentFolder { throw ValidationError("--yes goes with a send, or with --resolve alone") }
        if now && at != nil { throw ValidationError("--now and --at contradict each other; choose one") }
        if openLink && !mailto { throw ValidationError("--open goes with --mailto") }
    }

    func run() async throws {
        let workspace = try global.workspace
        if due {
            try await sendDue(workspace)
            return
        }
        if resolve == .sentFolder {
            try await settleFromSent(workspace)
            return
        }
        if let interview {
            // Each panel member's newest draft; one refused (already sent, say) does not hold back the others.
            var failed: Int32 = 0
            let (targets, thanked) = try workspace.currentDrafts(interviewId: interview, to: to)
            for line in thanked { Console.out("\(line): already thanked, nothing to send") }
            if targets.isEmpty { Console.out("Nothing to send: everyone named was thanked already.") }
            for target in targets {
                do {
                    try await send(target, workspace: workspace)
                } catch let error as UserError {
                    for finding in error.findings { Console.errorLine(FindingText.line(finding, path: error.source)) }
                    Console.error("\(target.summary): \(error.line)")
                    failed = max(failed, error.exitCode)
                }
            }
            if failed != 0 { throw ExitCode(failed) }
            return
        }
        let id = try parseID(draft ?? "", .draft)
        if let resolve {
            let entry = try workspace.resolve(draftId: id, delivered: resolve == .delivered)
            Console.out(
                entry.state == .sent
                    ? "Recorded as delivered. No further thank-you will go to this interviewer for this interview."
                    : "Recorded as not delivered; `afterword send \(id)` may send it again.")
            return
        }
        try await send(try workspace.draftContext(id), workspace: workspace)
    }

    /// Sends one draft (or hands it over), after saying what it is and, on a terminal, asking.
    private func send(_ target: DraftContext, workspace: Workspace) async throws {
        let id = target.draft.storedID
        // The link alone on standard output, for a script to pass on; what it is for beside it.
        if !output.json { mailto ? Console.progress(target.summary) : Console.out(target.summary) }
        guard confirmed(target) else {
            Console.out("  not sent.")
            return
        }
        if eml != nil || mailto {
            try handOff(id, workspace: workspace)
            return
        }
        var timing = SendTiming.businessHours
        if let at {
            let zone = try global.loadConfig().timeZone ?? TimeZone.current
            guard let (date, _) = ISO8601.parse(at, defaultZone: zone) else {
                throw UserError("--at: \"\(at)\" is not a date and time; write it like 2026-11-27T09:30-05:00")
            }
            timing = .at(date)
        } else if now {
            timing = .now
        }
        switch try await workspace.send(draftId: id, timing: timing, anyway: anyway, earlierVersion: earlierVersion) {
        case .scheduled(let entry, let sendAt, let zone, let late):
            if late { Console.note("the next business-hours slot is after the 24 hours; it still goes at the earliest civil time") }
            if output.json {
                try Console.json(SentShape(entry, outcome: nil))
            } else {
                let name = try workspace.interviewer(id: entry.interviewerId).name
                Console.out(
                    "Scheduled for \(ISO8601.display(sendAt, in: zone)), in \(name)'s business hours. Nothing sends it by itself: run `afterword send --due` at or after that time (from cron or a systemd timer), or keep `afterword serve` running, which sends it then.")
            }
        case .attempted(let entry, let outcome, let copy):
            let name = try workspace.interviewer(id: entry.interviewerId).name
            try report(entry, outcome, name: name, copy: copy)
        }
    }

    /// True when the user, shown the recipient and the first lines, says to send. An answer piped in
    /// (`echo n | afterword send 1`) is that answer; a script with nothing to say (no terminal, nothing
    /// piped), --yes and --json send.
    private func confirmed(_ target: DraftContext) -> Bool {
        guard !confirmAll, !output.json else { return true }
        var piped: String?
        if isatty(STDIN_FILENO) == 0 {
            // Never wait on a stream nobody writes to: a moment for an answer already on its way.
            var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            guard poll(&input, 1, 200) > 0, let answer = readLine() else { return true }
            piped = answer
        }
        let to = target.person.email.map { "\(target.person.name) <\($0)>" } ?? target.person.name
        let opening = target.draft.body.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        var lines = ["  To: \(to)"]
        if let subject = target.draft.subject { lines.append("  Subject: \(subject)") }
        if let opening { lines.append("  \(opening.trimmingCharacters(in: .whitespaces))  …") }
        Console.out(lines: lines)
        Console.raw("Send it? [y/N] ")
        let answer = piped ?? readLine() ?? ""
        if piped != nil { Console.out(answer) }
        return answer.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("y")
    }

    /// Looks for every uncertain send in the Sent folder, shows what it found, and records it as the
    /// user confirms (or, with --yes, as found); nothing is sent again.
    private func settleFromSent(_ workspace: Workspace) async throws {
        let lookups = try await workspace.lookInSent()
        if lookups.isEmpty {
            Console.out("Nothing is uncertain: every send has a known outcome.")
            return
        }
        let asking = !confirmAll && isatty(STDIN_FILENO) != 0
        for lookup in lookups {
            Console.out("draft #\(lookup.draftId) to \(lookup.recipient): \(lookup.note)")
            guard let found = lookup.found else { continue }
            let question = found ? "Record it as delivered?" : "Record it as not delivered, so that it may be sent again?"
            if asking {
                Console.raw("\(question) [y/N] ")
                guard (readLine() ?? "").lowercased().hasPrefix("y") else {
                    Console.out("  left as it is.")
                    continue
                }
            } else if !confirmAll {
                Console.out("  to record it: afterword send \(lookup.draftId) --resolve \(found ? "delivered" : "not-delivered")")
                continue
            }
            _ = try workspace.resolve(draftId: lookup.draftId, delivered: found)
            Console.out(found ? "  recorded as delivered." : "  recorded as not delivered; `afterword send \(lookup.draftId)` may send it again.")
        }
    }

    private func handOff(_ id: Int64, workspace: Workspace) throws {
        try workspace.handOff(draftId: id, transport: eml != nil ? .eml : .mailto, anyway: anyway, earlierVersion: earlierVersion) { bytes, url in
            if let eml {
                try Console.writeFile(Data(bytes), to: eml)
                Console.out("Wrote \(eml). Open it in your mail program and send it; \(Remedy.confirmHandedOff(draft: id).phrase).")
            } else {
                Console.out(url)
                if openLink {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                    process.arguments = [FileManager.default.fileExists(atPath: "/usr/bin/open") ? "open" : "xdg-open", url]
                    try? process.run()
                }
            }
        }
    }

    private func sendDue(_ workspace: Workspace) async throws {
        let results = try await workspace.sendDue()
        if output.json {
            try Console.json(results.map { SentShape($0.0, outcome: $0.1, sentCopy: $0.3) })
            return
        }
        if results.isEmpty { Console.out("Nothing is due.") }
        for (entry, outcome, name, copy) in results {
            Console.out("draft #\(entry.draftId) to \(name): \(Workspace.describe(outcome))")
            if let copy { Console.out("  \(copy)") }
        }
        if results.contains(where: { if case .accepted = $0.1 { return false } else { return true } }) { throw ExitCode.failure }
    }

    private func report(_ entry: LedgerEntry, _ outcome: DeliveryOutcome, name: String, copy: String?) throws {
        if output.json {
            try Console.json(SentShape(entry, outcome: outcome, sentCopy: copy))
        } else {
            Console.out("draft #\(entry.draftId) to \(name): \(Workspace.describe(outcome))")
            if let copy { Console.out(copy) }
        }
        switch outcome {
        case .accepted: return
        case .failed: throw UserError("not delivered; correct what the server said and send again", exitCode: 1)
        case .uncertain:
            throw UserError(
                "the send was interrupted and may have been delivered; look in your Sent folder", remedy: .resolveUncertain(draft: entry.draftId),
                exitCode: 1)
        }
    }

    struct SentShape: Encodable {
        var id: Int64
        var draft: Int64
        var state: MessageState
        var transport: TransportKind
        var messageId: String?
        var scheduledAt: Date?
        var reply: String?
        var sentCopy: String?

        init(_ entry: LedgerEntry, outcome: DeliveryOutcome?, sentCopy: String? = nil) {
            self.sentCopy = sentCopy
            id = entry.storedID
            draft = entry.draftId
            state = entry.state
            transport = entry.transport
            messageId = entry.messageId
            scheduledAt = entry.scheduledAt
            if let outcome { reply = Workspace.describe(outcome) }
        }
    }
}
