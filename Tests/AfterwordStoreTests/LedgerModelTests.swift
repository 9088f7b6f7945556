import AfterwordCore
import Foundation
import GRDB
import Testing

@testable import AfterwordStore

/// A reproducible stream of pseudo-random numbers (SplitMix64), so a failing run can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The send-once ledger against a model of what servers really received, under random interleavings
/// of sending, scheduling, claiming, crashing, reconnecting (a new process) and resolving.
@Suite struct LedgerModelTests {
    let now = Date(timeIntervalSince1970: 1_795_726_800)

    /// What became of a message the ledger let out.
    enum Fate: CaseIterable { case accepted, refused, crashBeforeData, crashAfterData, droppedAfterData }

    /// A process id that no process has: a child that already ended.
    static func deadPid() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test("a sending entry's owner is alive only while its pid, its start time and the boot all match")
    func ownerIdentity() throws {
        let me = try #require(ProcessIdentity.identity(of: getpid()))
        #expect(ProcessIdentity.isAlive(owner: me, pid: nil))
        let parts = me.split(separator: ":").map(String.init)
        // The same pid, started at another time: the number was reused by another process.
        #expect(!ProcessIdentity.isAlive(owner: "\(parts[0]):\(parts[1]):\((Int(parts[2]) ?? 0) + 1)", pid: nil))
        // The same pid and start, but an earlier boot.
        #expect(!ProcessIdentity.isAlive(owner: "another-boot:\(parts[1]):\(parts[2])", pid: nil))
        #expect(!ProcessIdentity.isAlive(owner: "\(parts[0]):\(try Self.deadPid()):\(parts[2])", pid: nil))
        #expect(!ProcessIdentity.isAlive(owner: "garbage", pid: getpid()))
        // An entry written before owners were recorded is judged by its pid alone.
        #expect(ProcessIdentity.isAlive(owner: nil, pid: getpid()))
    }

    @Test(
        "no interleaving marks a thank-you sent twice, lets a second one out, or loses one silently",
        arguments: [1, 2, 3, 4])
    func interleavings(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "afterword-model-\(UUID().uuidString)/a.sqlite"
        ).path
        var store = try AppDatabase.open(path: path)
        let dead = try Self.deadPid()
        // Three interviewers of one interview, a draft each.
        let interview = try store.recordInterview(
            Interview(
                company: "Acme", role: "Engineer", startsAt: now.addingTimeInterval(-7200), timeZone: "UTC",
                createdAt: now))
        var drafts: [Draft] = []
        for name in ["Dana Whitfield", "Priya Natarajan", "Chidi Okafor"] {
            let person = try store.addInterviewer(
                Interviewer(name: name, createdAt: now), toInterview: interview.id ?? 0)
            drafts += try store.saveDrafts([
                Draft(
                    interviewId: interview.id ?? 0, interviewerId: person.id ?? 0, channel: .email, recipient: name,
                    subject: "Thank you",
                    body: "Dear \(name),\n\nThank you.\n", createdAt: now, updatedAt: now)
            ])
        }
        // The truth: which ledger entries a server really accepted.
        var delivered: [Int64: Bool] = [:]

        func letOut(_ entry: LedgerEntry, _ random: inout SeededGenerator) throws {
            let id = entry.id ?? 0
            let fate = Fate.allCases.randomElement(using: &random) ?? .accepted
            switch fate {
            case .accepted:
                delivered[id] = true
                try store.close(id, as: .sent, reply: "250 ok", now: now)
            case .refused:
                delivered[id] = false
                try store.close(id, as: .failed, reply: "550 no", now: now)
            case .crashBeforeData, .crashAfterData:
                // After the data, the server may or may not have accepted before the process died.
                delivered[id] = fate == .crashAfterData && Bool.random(using: &random)
                // The dead process's number, or its number given since to another process (a container's pid 1).
                let owner =
                    Bool.random(using: &random)
                    ? "\(ProcessIdentity.bootID):\(dead):1" : "\(ProcessIdentity.bootID):\(getpid()):1"
                try store.writer.write { db in
                    try db.execute(sql: "UPDATE message SET ownerPid = ?, owner = ? WHERE id = ?", arguments: [dead, owner, id])
                }
            case .droppedAfterData:
                delivered[id] = Bool.random(using: &random)
                try store.close(id, as: .uncertain, reply: "connection lost after the data", now: now)
            }
        }

        for step in 0..<300 {
            let draft = drafts.randomElement(using: &random) ?? drafts[0]
            switch Int.random(in: 0..<6, using: &random) {
            case 0:
                if let entry = try? store.open(
                    draft, state: .sending, scheduledAt: nil, transport: .smtp, messageId: "m\(step)", now: now)
                {
                    try letOut(entry, &random)
                }
            case 1:
                _ = try? store.open(
                    draft, state: .scheduled, scheduledAt: now.addingTimeInterval(-60), transport: .smtp,
                    messageId: "m\(step)", now: now)
            case 2:
                for entry in try store.claim(try store.due(now: now).compactMap(\.id), now: now) {
                    try letOut(entry, &random)
                }
            case 3:
                try store.sweepInterrupted(now: now)
            case 4:
                // The user looks in their Sent folder and says what is true.
                let uncertain = try store.ledger(forDraft: draft.id ?? 0).first { $0.state == .uncertain }
                if let uncertain {
                    _ = try store.resolve(
                        draftId: draft.id ?? 0, delivered: delivered[uncertain.id ?? 0] ?? false, now: now)
                }
            default:
                // Another process opens the same store.
                store = try AppDatabase.open(path: path)
            }

            // Then, whatever happened so far:
            for draft in drafts {
                let entries = try store.ledger(forDraft: draft.id ?? 0)
                let reached = entries.filter { delivered[$0.id ?? 0] == true }
                #expect(reached.count <= 1, "step \(step): a second thank-you reached the server")
                #expect(entries.filter { $0.state == .sent }.count <= 1, "step \(step): sent twice")
                for entry in entries where entry.state == .sent {
                    #expect(delivered[entry.id ?? 0] == true, "step \(step): marked sent, though no server accepted it")
                }
                for entry in reached {
                    #expect(
                        [.sent, .uncertain, .sending].contains(entry.state),
                        "step \(step): a delivered thank-you recorded as \(entry.state)")
                }
            }
        }
    }
}
