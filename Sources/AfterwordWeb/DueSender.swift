import AfterwordApp
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle

/// Sends what is scheduled and due, as `afterword send --due` would, once a minute while the server runs,
/// and reminds the user of thank-yous that fall due, as `afterword remind` would, with links to the pages.
///
/// Runs in the server's service group: when the group shuts down (Ctrl-C, SIGTERM) a send under way
/// finishes, the wait for the next minute ends at once, and the service returns.
struct DueSender: Service {
    let workspace: Workspace
    let logger: Logger
    /// The server's address once it listens (`http://127.0.0.1:7878`), for the reminders' links.
    var address = NIOLockedValueBox<String?>(nil)
    /// The wait between two looks at the schedule.
    var every: Duration = .seconds(60)

    func run() async throws {
        var lastProblem: String?
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            await sendDue()
            await remind(&lastProblem)
            await sleepUnlessShuttingDown(for: every)
        }
    }

    /// Gives the reminders due; a reminder that cannot be shown is tried again next time, and said in the
    /// log once, not every minute.
    private func remind(_ lastProblem: inout String?) async {
        let base = address.withLockedValue { $0 } ?? ""
        do {
            if case .reminded(let count, let way, _, _) = try await workspace.remind(next: { "\($0.link.text): \(base)\($0.link.href)" }) {
                logger.notice("reminded you of \(Wording.count(count, "thank-you")) by \(way == .desktop ? "a desktop notification" : "e-mail")")
            }
            lastProblem = nil
        } catch {
            let said = "\(error)"
            if said != lastProblem { logger.warning("reminder not shown: \(said)") }
            lastProblem = said
        }
    }

    private func sendDue() async {
        guard let due = try? workspace.dueMessages(), !due.isEmpty else { return }
        do {
            for (entry, outcome, name, copy) in try await workspace.sendDue() {
                logger.notice("draft #\(entry.draftId) to \(name): \(Workspace.describe(outcome))\(copy.map { "; \($0)" } ?? "")")
            }
        } catch {
            logger.warning("scheduled thank-yous not sent: \(error)")
        }
    }
}

/// Waits `duration`, or less when the service group shuts down or the task is cancelled.
func sleepUnlessShuttingDown(for duration: Duration) async {
    try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
}
