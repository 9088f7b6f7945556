import AfterwordApp
import Logging
import ServiceLifecycle

/// Reads the watched job boards at once and then every `every`, as `afterword watch check` would, while the server runs.
///
/// Like ``DueSender``, a reading under way finishes when the group shuts down; the wait for the next does not.
struct BoardPoller: Service {
    let workspace: Workspace
    let every: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                for check in try await workspace.checkBoards() {
                    if case .failed(let message) = check.outcome { logger.notice("board #\(check.board.storedID) \(check.board.company): \(message)") }
                }
            } catch {
                logger.warning("job boards not checked: \(error)")
            }
            await sleepUnlessShuttingDown(for: every)
        }
    }
}
