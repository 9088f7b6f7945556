import Foundation

/// Names a process beyond its pid, which the system hands out again: after a reboot, and in a container
/// where every process is pid 1. An entry being sent records its owner as "boot id:pid:start time"; the
/// owner is alive only when all three still match a running process.
public enum ProcessIdentity {
    /// This process.
    public static let current: String = identity(of: getpid()) ?? "\(bootID):\(getpid()):?"

    /// This boot of the machine (Linux: /proc/sys/kernel/random/boot_id); "unknown" elsewhere.
    static let bootID: String = {
        let text = (try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8)) ?? ""
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "unknown" : trimmed
    }()

    /// "boot id:pid:start time" of a running process; nil when its start time cannot be read.
    static func identity(of pid: Int32) -> String? {
        startTime(of: pid).map { "\(bootID):\(pid):\($0)" }
    }

    /// When the process started, in clock ticks since boot (field 22 of /proc/PID/stat); nil when it
    /// is gone or the system has no /proc.
    static func startTime(of pid: Int32) -> String? {
        guard pid > 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // The command name (field 2) may hold spaces and brackets; the fields after its ")" start at 3.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : nil
    }

    /// True while the process that wrote `owner` (or, for an older entry, `pid`) is still running.
    /// True when `owner` is a process of this machine since its last boot, whose life this process can judge.
    public static func isSameMachine(_ owner: String) -> Bool {
        owner.hasPrefix(bootID + ":")
    }

    /// Whether a `sending` entry's process may still be at work: on this machine, while it runs; on another
    /// (a shared database), until `staleAfter` since its last word, longer than any mail conversation takes.
    public static func mayStillSend(owner: String?, pid: Int32?, updatedAt: Date, now: Date, staleAfter: TimeInterval = 600) -> Bool {
        if let owner, !isSameMachine(owner) { return now.timeIntervalSince(updatedAt) < staleAfter }
        return isAlive(owner: owner, pid: pid)
    }

    public static func isAlive(owner: String?, pid: Int32?) -> Bool {
        if let owner {
            let parts = owner.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3, let ownerPid = Int32(parts[1]) else { return false }
            guard String(parts[0]) == bootID, isRunning(ownerPid) else { return false }
            // The same pid with another start time is another process that was given the number.
            if parts[2] != "?", let started = startTime(of: ownerPid) { return started == parts[2] }
            return true
        }
        guard let pid else { return false }
        return isRunning(pid)
    }

    /// True when the process exists and has not ended: a killed process whose parent has not collected it
    /// (a zombie, state Z) is gone, though its pid still answers.
    private static func isRunning(_ pid: Int32) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") {
            let state = stat[stat.index(after: close)...].split(separator: " ").first
            return state != "Z" && state != "X"
        }
        return true
    }
}
