#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The allocator set up for checking a long draft.
///
/// Checking a megabyte of text builds some tens of megabytes of tokens and sentences. With glibc's
/// defaults each large array is mapped afresh and the kernel hands it out 4 KB at a time: about ten
/// thousand page faults, a fifth of the run. Tuned (huge pages, large arrays kept in the heap, the
/// heap grown in large steps), the same check takes about a thousand. glibc reads its tunables only
/// when a program starts, so a `check` of long drafts starts itself once more with them set.
enum LongDraftMemory {
    /// Draft bytes from which the allocator is tuned (a thank-you is a few kilobytes).
    static let minimumBytes = 1 << 18
    /// glibc's tunables for a long check (see `man 7 ld.so`, "GLIBC_TUNABLES").
    static let tunables = "glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432:glibc.malloc.top_pad=67108864"

    /// Starts the program again with ``tunables`` when the drafts at `paths` are long; returns when
    /// they are short, when tunables are already set (the user's own, or this very relaunch), or when
    /// the program cannot be started again.
    static func relaunchIfLong(paths: [String]) {
        // Only glibc has these tunables and only Linux has /proc/self/exe: elsewhere a long check
        // runs with the allocator's defaults.
        #if canImport(Glibc)
            guard getenv("GLIBC_TUNABLES") == nil, bytes(of: paths) >= minimumBytes else { return }
            setenv("GLIBC_TUNABLES", tunables, 1)
            execv("/proc/self/exe", CommandLine.unsafeArgv)
            unsetenv("GLIBC_TUNABLES")
        #endif
    }

    /// The total size of the regular files among `paths` (standard input and unreadable paths count as none).
    static func bytes(of paths: [String]) -> Int {
        var total = 0
        for path in paths where path != "-" {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            total = total.addingReportingOverflow(Int(info.st_size)).partialValue
        }
        return total
    }
}
