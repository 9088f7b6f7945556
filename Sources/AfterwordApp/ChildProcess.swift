import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A shell command run in a process group of its own with a time limit, so that one waiting for a
/// browser sign-in or for input is stopped, children and all; what it prints is read up to a bound.
enum ChildProcess {
    /// What a command printed and how it ended.
    struct Output {
        /// Its exit status, or nil when a signal ended it.
        var status: Int32?
        var standardOutput: [UInt8]
        var standardError: [UInt8]
        var timedOut: Bool
    }

    /// At most this much of each stream is kept (a Microsoft token is about 2–4 KB).
    static let maximumOutputBytes = 64 * 1024

    /// Runs `/bin/sh -c command` in its own process group, with `input` on its standard input (else
    /// /dev/null), and stops the whole group after `seconds`.
    static func run(_ command: String, input: [UInt8]?, seconds: Int) throws -> Output {
        var standardInput: [Int32] = [-1, -1]
        if input != nil {
            try makePipe(&standardInput)
        }
        defer { if standardInput[0] >= 0 { close(standardInput[0]) } }
        var standardOutput: [Int32] = [-1, -1]
        var standardError: [Int32] = [-1, -1]
        try makePipe(&standardOutput)
        do {
            try makePipe(&standardError)
        } catch {
            close(standardOutput[0])
            close(standardOutput[1])
            throw error
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if input != nil {
            posix_spawn_file_actions_adddup2(&actions, standardInput[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, standardOutput[1], 1)
        posix_spawn_file_actions_adddup2(&actions, standardError[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let arguments = ["/bin/sh", "-c", command].map { $0.withCString { strdup($0) } }
        defer { arguments.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments + [nil], environ)
        close(standardOutput[1])
        close(standardError[1])
        defer {
            close(standardOutput[0])
            close(standardError[0])
        }
        guard spawned == 0 else {
            if standardInput[1] >= 0 { close(standardInput[1]) }
            throw POSIXFailure(call: "posix_spawn", code: spawned)
        }
        if let input, standardInput[1] >= 0 {
            // A command that exits without reading must not end this process with SIGPIPE.
            signal(SIGPIPE, SIG_IGN)
            // Small (a password): it fits the pipe, so writing it all before reading cannot block for long.
            var written = 0
            input.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress else { return }
                while written < bytes.count {
                    let count = write(standardInput[1], base + written, bytes.count - written)
                    if count < 0, errno == EINTR { continue }
                    guard count > 0 else { break }
                    written += count
                }
            }
            close(standardInput[1])
        }

        let deadline = ContinuousClock.now + .seconds(seconds)
        var streams = [(fd: standardOutput[0], bytes: [UInt8](), open: true), (fd: standardError[0], bytes: [UInt8](), open: true)]
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while streams.contains(where: \.open) {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else {
                timedOut = true
                break
            }
            var polled = streams.filter(\.open).map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            let milliseconds = Int32(clamping: remaining.components.seconds * 1_000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&polled, nfds_t(polled.count), milliseconds)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { continue }
            for entry in polled where entry.revents != 0 {
                guard let index = streams.firstIndex(where: { $0.fd == entry.fd }) else { continue }
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    let room = maximumOutputBytes - streams[index].bytes.count
                    if room > 0 { streams[index].bytes.append(contentsOf: buffer[0..<min(count, room)]) }
                } else if count == 0 || errno != EINTR {
                    streams[index].open = false
                }
            }
        }
        if timedOut { kill(-pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exited = status & 0x7F == 0
        return Output(
            status: exited ? (status >> 8) & 0xFF : nil, standardOutput: streams[0].bytes, standardError: streams[1].bytes,
            timedOut: timedOut)
    }

    /// A pipe whose ends are closed in every other program this process starts (the child gets its own
    /// copies through dup2).
    private static func makePipe(_ ends: inout [Int32]) throws {
        guard pipe(&ends) == 0 else { throw POSIXFailure(call: "pipe", code: errno) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    }

    /// A system call that failed, with its error number.
    struct POSIXFailure: Error, CustomStringConvertible {
        var call: String
        var code: Int32
        var description: String { "\(call): \(String(cString: strerror(code)))" }
    }
}
