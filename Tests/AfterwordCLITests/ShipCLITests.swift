import Foundation
import Testing

/// What a packaged afterword offers beyond its commands: its version, and the timer for scheduled sends.
@Suite struct ShipCLITests {
    @Test("--version prints the release and the commit the binary was built from")
    func version() throws {
        let result = try CLI().run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.range(of: #"^\d+\.\d+\.\d+ \(commit ([0-9a-f]{7,}|unknown)\)\n$"#, options: .regularExpression) != nil, "\(result.stdout)")
    }

    @Test("schedule install without systemd for the user prints the crontab line that runs send --due with this binary and data directory")
    func scheduleWithoutSystemd() throws {
        // This machine runs no systemd user session (no /run/systemd/system): the crontab route.
        try #require(!FileManager.default.fileExists(atPath: "/run/systemd/system"))
        let cli = CLI()
        let result = try cli.run(["schedule", "install", "--every", "15", "--home", cli.home.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("crontab -e"))
        #expect(result.stdout.contains("*/15 * * * * AFTERWORD_HOME=\(cli.home.path) "), "\(result.stdout)")
        #expect(result.stdout.contains(" send --due"))
        let removed = try cli.run(["schedule", "remove"])
        #expect(removed.status == 0)
        #expect(removed.stdout.contains("crontab"))
        let refused = try cli.run(["schedule", "install", "--every", "0"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--every must be from 1 to 1440 minutes"))
    }

    @Test("schedule show --write writes the timer, its service and the serve unit, each running the binary named")
    func unitsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("afterword-units-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI().run(["schedule", "show", "--binary", "/usr/bin/afterword", "--write", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let service = try String(contentsOf: folder.appendingPathComponent("afterword-due.service"), encoding: .utf8)
        let timer = try String(contentsOf: folder.appendingPathComponent("afterword-due.timer"), encoding: .utf8)
        let serve = try String(contentsOf: folder.appendingPathComponent("afterword-serve.service"), encoding: .utf8)
        #expect(service.contains("ExecStart=/usr/bin/afterword send --due"))
        #expect(timer.contains("OnUnitActiveSec=10min") && timer.contains("WantedBy=timers.target"))
        #expect(serve.contains("ExecStart=/usr/bin/afterword serve"))
    }
}
