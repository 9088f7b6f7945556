import Foundation

/// A throwaway PostgreSQL 15 cluster on 127.0.0.1, made with Debian's `initdb` (as the `postgres` user when
/// the tests run as root, which `initdb` refuses) in a temporary directory, `fsync` off, started once for
/// the test process and stopped when it ends. Each test gets a database of its own. Never skipped:
/// without PostgreSQL, `shared()` throws and the test fails.
public final class TestPostgres: @unchecked Sendable {
    public let port: Int
    let base: URL
    let bin: URL
    let server = Process()
    public let user = "afterword"

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cluster: TestPostgres?

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The cluster of this test process, started on first use.
    public static func shared() throws -> TestPostgres {
        lock.lock()
        defer { lock.unlock() }
        if let cluster { return cluster }
        let started = try TestPostgres()
        cluster = started
        atexit { TestPostgres.cluster?.stop() }
        return started
    }

    /// A new, empty database, by its `postgres://` address.
    public func database() throws -> String {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try run(bin.appendingPathComponent("createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", user, String(name)])
        return "postgres://\(user)@127.0.0.1:\(port)/\(name)?sslmode=disable"
    }

    private init() throws {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let version = versions.sorted(by: { (Int($0) ?? 0) < (Int($1) ?? 0) }).last else {
            throw Failure(description: "PostgreSQL is not installed (/usr/lib/postgresql); .ci/run installs it: apt-get install postgresql")
        }
        bin = URL(fileURLWithPath: "/usr/lib/postgresql/\(version)/bin")
        base = URL(fileURLWithPath: "/tmp").appendingPathComponent("afterword-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        port = try Self.freePort()
        let data = base.appendingPathComponent("data")
        try chownToPostgres(base)
        try run(bin.appendingPathComponent("initdb"), ["-D", data.path, "-A", "trust", "-U", user, "--no-sync", "-E", "UTF8"])
        // The server as a child of this process, not through pg_ctl: a daemon would inherit this process's
        // descriptors and keep Foundation waiting for pg_ctl to end.
        let log = base.appendingPathComponent("log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        server.standardOutput = handle
        server.standardError = handle
        server.standardInput = FileHandle.nullDevice
        let postgres = bin.appendingPathComponent("postgres").path
        let arguments = [
            "-D", data.path, "-p", String(port), "-k", base.path, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c",
            "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200",
        ]
        if getuid() == 0 {
            server.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            server.arguments = ["-u", "postgres", "--", postgres] + arguments
        } else {
            server.executableURL = URL(fileURLWithPath: postgres)
            server.arguments = arguments
        }
        try server.run()
        try? handle.close()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if said.contains("ready to accept connections") { return }
            guard server.isRunning else { throw Failure(description: "PostgreSQL did not start: \(said)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(description: "PostgreSQL did not start within 30 s")
    }

    func stop() {
        _ = try? run(bin.appendingPathComponent("pg_ctl"), ["-D", base.appendingPathComponent("data").path, "-m", "immediate", "stop"])
        if server.isRunning { server.terminate() }
        try? FileManager.default.removeItem(at: base)
    }

    /// Runs a PostgreSQL program, as `postgres` when this process is root.
    private func run(_ program: URL, _ arguments: [String]) throws {
        let process = Process()
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", "postgres", "--", program.path] + arguments
        } else {
            process.executableURL = program
            process.arguments = arguments
        }
        // A file, not a pipe: the server pg_ctl starts would hold a pipe open, and reading it would never end.
        let said = base.appendingPathComponent("\(program.lastPathComponent).stderr")
        _ = FileManager.default.createFile(atPath: said.path, contents: nil)
        let handle = try FileHandle(forWritingTo: said)
        process.standardError = handle
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? handle.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = (try? String(contentsOf: said, encoding: .utf8)) ?? ""
            throw Failure(description: "\(program.lastPathComponent) failed: \(text)")
        }
    }

    private func chownToPostgres(_ url: URL) throws {
        guard getuid() == 0 else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/chown")
        process.arguments = ["postgres:postgres", url.path]
        try process.run()
        process.waitUntilExit()
    }

    /// A port nothing listens on now.
    private static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "no free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
