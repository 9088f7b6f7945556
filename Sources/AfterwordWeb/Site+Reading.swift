import AfterwordApp
import Dispatch
import NIOConcurrencyHelpers

extension Site {
    /// How long reading one upload may take before the request is answered with a problem.
    static let readingBudget = 5.0

    /// Reads an upload on a thread of its own, so that the server's threads stay free to serve other
    /// requests, and answers with a clear problem when the reading takes longer than ``readingBudget``.
    ///
    /// Only pure reading goes here: a reading that runs out of time may still finish later, and its
    /// result is then thrown away, so it must not have stored anything.
    /// - Parameters:
    ///   - what: the upload, as the problem names it (`invite.ics`).
    ///   - budget: how long it may take, in seconds (a card photo's OCR has its own, longer limit).
    func reading<T: Sendable>(_ what: String, budget: Double = readingBudget, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let answered = NIOLockedValueBox(false)
            let answer: @Sendable (Result<T, any Error>) -> Void = { result in
                let first = answered.withLockedValue { done in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume(with: result) }
            }
            DispatchQueue.global().async { answer(Result { try work() }) }
            DispatchQueue.global().asyncAfter(deadline: .now() + budget) {
                answer(
                    .failure(
                        UserError(
                            "\(what) took more than \(Int(budget)) seconds to read, so it was not imported; export it again, or type the details in by hand"
                        )))
            }
        }
    }

    /// Runs `work` on a thread of its own and waits for it however long it takes, so that the server's threads stay
    /// free: for work that writes (an import), whose answer must say what truly happened, where
    /// ``reading(_:budget:_:)`` could answer before its work is done.
    func working<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}
