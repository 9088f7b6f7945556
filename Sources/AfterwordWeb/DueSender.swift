import AfterwordApp
import Logging
import ServiceLifecycle

/// Sends what is scheduled and due, as `afterword send --due` would, once a minute while the server runs.
///
/// Runs in the server's service group: when the group shuts down (Ctrl-C, SIGTERM) a send under way
/// finishes, the wait for the next minute ends at once, and the service returns.
struct DueSender: Service {
    let workspace: Workspace
    let logger: Logger
    /// The wait between two looks at the schedule.
    var every: Duration = .seconds(60)

    func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            await sendDue()
            await sleepUnlessShuttingDown(for: every)
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
