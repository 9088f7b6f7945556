import AfterwordApp
import Logging
import ServiceLifecycle

/// Reads the watched job boards at once and then every `every`, as `afterword watch check` would, while the server runs;
/// and every `look` in between reads the boards never read yet, so that one added meanwhile (from the web or the
/// command line) is read within `look`, not at the next full reading.
///
/// Like ``DueSender``, a reading under way finishes when the group shuts down; the wait for the next does not.
struct BoardPoller: Service {
    let workspace: Workspace
    let every: Duration
    let logger: Logger
    /// How often the boards never read yet are looked for.
    var look: Duration = .seconds(60)

    func run() async throws {
        let clock = ContinuousClock()
        var nextFull = clock.now
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let full = clock.now >= nextFull
            if full { nextFull = clock.now + every }
            await read(onlyUnread: !full)
            await sleepUnlessShuttingDown(for: min(look, max(.zero, nextFull - clock.now)))
        }
    }

    /// One reading: every board, or only those never read yet.
    private func read(onlyUnread: Bool) async {
        do {
            for check in try await workspace.checkBoards(onlyUnread: onlyUnread) {
                if case .failed(let message) = check.outcome { logger.notice("board #\(check.board.storedID) \(check.board.company): \(message)") }
            }
        } catch {
            logger.warning("job boards not checked: \(error)")
        }
    }
}
