import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword doctor`: the engine, the schema version and the connection, checked.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check where the records are kept: the engine, its schema version and the connection.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let diagnosis = try global.workspace.diagnosis()
        Console.out("Data directory: \(diagnosis.dataDirectory)")
        Console.out("Records:        \(diagnosis.engine) at \(diagnosis.location)")
        Console.out("Schema:         \(diagnosis.schema) (current)")
        Console.out("Settings:       \(Wording.count(diagnosis.settings, "setting")) set")
    }
}
