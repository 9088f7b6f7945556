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
        let outcome = await transport.deliver([message])[0]
        try close(entry, outcome)
        var closed = entry
        closed.state = Self.state(for: outcome)
        return (closed, outcome)
    }

    /// Sends every scheduled message whose time has come, over one connection.
    /// Each is claimed with a conditional update first, so two runs at once never send one twice.
    /// - Parameter build: the message for an entry (from its draft), or nil to leave it failed.
    public func sendDue(build: (LedgerEntry) throws -> OutgoingMessage?) async throws -> [(LedgerEntry, DeliveryOutcome)] {
        var claimed: [(LedgerEntry, OutgoingMessage)] = []
        var results: [(LedgerEntry, DeliveryOutcome)] = []
        for candidate in try ledger.due(now: clock()) {
            guard let id = candidate.id, let entry = try ledger.claim(id, now: clock()) else { continue }
            guard let message = try build(entry) else {
                let outcome = DeliveryOutcome.failed("its draft is gone")
                try close(entry, outcome)
                results.append((entry, outcome))
                continue
            }
            claimed.append((entry, message))
        }
        guard !claimed.isEmpty else { return results }
        let outcomes = await transport.deliver(claimed.map(\.1))
        for ((entry, _), outcome) in zip(claimed, outcomes) {
            try close(entry, outcome)
            var closed = entry
            closed.state = Self.state(for: outcome)
            results.append((closed, outcome))
        }
        return results
    }

    private func close(_ entry: LedgerEntry, _ outcome: DeliveryOutcome) throws {
        let reply: String
        switch outcome {
        case .accepted(let words), .failed(let words), .uncertain(let words): reply = words
        }
        try ledger.close(entry.id ?? 0, as: Self.state(for: outcome), reply: reply, now: clock())
    }

    static func state(for outcome: DeliveryOutcome) -> MessageState {
        switch outcome {
        case .accepted: .sent
        case .failed: .failed
        case .uncertain: .uncertain
        }
    }
}
