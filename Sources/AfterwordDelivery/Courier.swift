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
        let entry = try ledger.open(draft, state: .sending, scheduledAt: nil, transport: transport.kind, messageId: messageId, now: clock())
        let session = transport.session()
        let outcome = await session.deliver(message)
        await session.finish()
        try close(entry, outcome)
        var closed = entry
        closed.state = Self.state(for: outcome)
        return (closed, outcome)
    }

    /// Sends every scheduled message whose time has come, over one connection, claiming each just
    /// before it goes: a conditional update takes it from scheduled to sending, so two runs at once never
    /// send one twice, and a run killed midway leaves only the message on the wire `sending` (which the
    /// ledger turns into `uncertain`), the rest still scheduled.
    /// - Parameter build: the message for an entry (from its draft), or nil to leave it failed.
    public func sendDue(build: (LedgerEntry) throws -> OutgoingMessage?) async throws -> [(LedgerEntry, DeliveryOutcome)] {
        let due = try ledger.due(now: clock()).compactMap(\.id)
        guard !due.isEmpty else { return [] }
        var results: [(LedgerEntry, DeliveryOutcome)] = []
        let session = transport.session()
        do {
            for id in due {
                // Another run may have taken it since: then it is theirs.
                guard let entry = try ledger.claim([id], now: clock()).first else { continue }
                let outcome: DeliveryOutcome
                if let message = try build(entry) {
                    outcome = await session.deliver(message)
                } else {
                    outcome = .failed("its draft or the interviewer's address is gone")
                }
                try record([(entry, outcome)])
                results.append((entry, outcome))
            }
        } catch {
            await session.finish()
            throw error
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
