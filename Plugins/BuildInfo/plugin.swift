import Foundation
import PackagePlugin

/// Records the commit the binary is built from, for `afterword --version`: before each build a shell asks
/// git for it and rewrites `BuildInfo.swift` only when it changed ("unknown" outside a git checkout).
@main
struct BuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("generated")
        let script = #"""
            commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
            mkdir -p "$2"
            printf '// Generated before each build by the BuildInfo plugin; do not edit.\n\n/// Where this binary came from.\nenum BuildInfo {\n    /// The commit it was built from (git rev-parse --short HEAD), or "unknown".\n    static let commit = "%s"\n}\n' "$commit" > "$2/BuildInfo.swift.new"
            if cmp -s "$2/BuildInfo.swift.new" "$2/BuildInfo.swift"; then rm "$2/BuildInfo.swift.new"; else mv "$2/BuildInfo.swift.new" "$2/BuildInfo.swift"; fi
            """#
        return [
            .prebuildCommand(
                displayName: "Recording the commit", executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", context.package.directoryURL.path, output.path], outputFilesDirectory: output)
        ]
    }
}
