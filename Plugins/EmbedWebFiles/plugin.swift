import Foundation
import PackagePlugin

/// Makes the web UI's templates, stylesheet, script and icon part of the binary: at build time every file
/// of the target's `Templates/` and `Static/` folders becomes a string in one generated Swift source, so
/// `afterword` copied anywhere still serves its pages.
@main
struct EmbedWebFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let base = target.directoryURL
        var inputs: [URL] = []
        for folder in ["Templates", "Static"] {
            let directory = base.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }.sorted()
            inputs += names.map { directory.appendingPathComponent($0) }
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedWebFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the web UI's \(inputs.count) files", executable: try context.tool(named: "EmbedFiles").url,
                arguments: [output.path, base.path] + inputs.map(\.path), inputFiles: inputs, outputFiles: [output])
        ]
    }
}
