import Dispatch

/// Independent parts of one long draft's check, run on every core.
///
/// Only a draft far longer than any thank-you pays for the threads: a normal one is checked on the
/// caller's thread alone. The results come back in the order of their parts, so a check splits its
/// work without changing what it finds or in which order.
enum Parallel {
    /// Bytes of a body from which its check is split over the cores (a thank-you is a few kilobytes).
    static let minimumBytes = 1 << 16

    /// How many parts a long draft's reading is cut into: a few per core, so that the cores share it
    /// evenly even when one of them is busy with something else for a while.
    static let shares = 4

    /// `body(0)`, …, `body(count - 1)`, run concurrently; their results in that order.
    static func map<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        guard count > 1 else { return (0..<count).map(body) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = Slots(buffer: buffer)
            // Each part writes its own slot, and the array is read only once every part is done.
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.buffer.initializeElement(at: index, to: body(index))
            }
            initialized = count
        }
    }

    /// The result storage of ``map(_:_:)``, written by the parts at distinct indices.
    private struct Slots<Value>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Value>
    }

    /// `count` ranges of `0..<total`, in order and of (nearly) equal length, none empty.
    static func parts(of total: Int, count: Int) -> [Range<Int>] {
        let count = max(1, min(count, total))
        return (0..<count).map { part in (total * part / count)..<(total * (part + 1) / count) }
    }
}
