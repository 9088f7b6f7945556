import AfterwordCore
import Foundation

/// The send-once protocol: in the ledger before the first byte, closed after the server's answer.
///
/// A crash between the two leaves the entry `sending` with a dead owner, which the ledger turns into
/// `uncertain`: never sent again without the user's say (AW-ONCE).
public struct Courier: Sendable {
    public var ledger: any Ledger
    public var transport: any Transport
    public var clock: @Sendable () -> Date

    public init(ledger: any Ledger, transport: any Transport, clock: @escaping @Sendable () -> Date) {
        self.ledger = ledger
        self.transport = transport
        self.clock = clock
    }

    /// Records the draft as sending, hands it over, and records what the server said.
    /// - Throws: ``LedgerRefusal`` when AW-ONCE forbids it (nothing leaves).
    public func send(_ draft: Draft, message: OutgoingMessage, messageId: String) async throws -> (LedgerEntry, DeliveryOutcome) {
        let entry = try ledger.open(draft, state: .sending, scheduledAt: nil, transport: transport.name, messageId: messageId, now: clock())
        let session = transport.session()
        let outcome = await session.deliver(message)
        await session.finish()
        try close(entry, outcome)
        var closed = entry
        closed.state = Self.state(for: outcome)
        return (closed, outcome)
    }

    /// Sends every scheduled message whose time has come, over one connection.
    /// All are claimed in one transaction with conditional updates first, so two runs at once never
    /// send one twice; results are recorded every `batch` messages (a crash in between leaves at most
    /// that many `sending`, which the ledger turns into `uncertain`, never into a second send).
    /// - Parameter build: the message for an entry (from its draft), or nil to leave it failed.
    public func sendDue(batch: Int = 50, build: (LedgerEntry) throws -> OutgoingMessage?) async throws -> [(LedgerEntry, DeliveryOutcome)] {
        let due = try ledger.due(now: clock()).compactMap(\.id)
        guard !due.isEmpty else { return [] }
        var results: [(LedgerEntry, DeliveryOutcome)] = []
        var ready: [(LedgerEntry, OutgoingMessage)] = []
        for entry in try ledger.claim(due, now: clock()) {
            if let message = try build(entry) {
                ready.append((entry, message))
            } else {
                results.append((entry, .failed("its draft or the interviewer's address is gone")))
            }
        }
        try record(results)
        let session = transport.session()
        var start = 0
        while start < ready.count {
            let chunk = ready[start..<min(start + max(1, batch), ready.count)]
            let outcomes = await session.deliver(batch: chunk.map(\.1))
            let recorded = Array(zip(chunk.map(\.0), outcomes))
            do {
                try record(recorded)
            } catch {
                await session.finish()
                throw error
            }
            results += recorded
            start += batch
        }
        await session.finish()
        return results.map { entry, outcome in
            var closed = entry
            closed.state = Self.state(for: outcome)
            return (closed, outcome)
        }
    }

    private func record(_ results: [(LedgerEntry, DeliveryOutcome)]) throws {
        guard !results.isEmpty else { return }
        try ledger.close(results.map { LedgerResult(id: $0.0.storedID, state: Self.state(for: $0.1), reply: Self.words($0.1)) }, now: clock())
    }

    private func close(_ entry: LedgerEntry, _ outcome: DeliveryOutcome) throws {
        try record([(entry, outcome)])
    }

    static func words(_ outcome: DeliveryOutcome) -> String {
        switch outcome {
        case .accepted(let words), .failed(let words), .uncertain(let words): words
        }
    }

    static func state(for outcome: DeliveryOutcome) -> MessageState {
        switch outcome {
        case .accepted: .sent
        case .failed: .failed
        case .uncertain: .uncertain
        }
    }
}
