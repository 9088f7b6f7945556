import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword config …`: your name, address and preferences.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Your name, signature and preferences (stored in config.json in the data directory).",
        discussion: "Settings: " + Config.settings.map { "\($0.name) (\($0.helpWithDefault))" }.joined(separator: "; ") + ".",
        subcommands: [Set.self, Get.self, List.self]
    )

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Set one setting.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The setting's name, e.g. name.") var key: String
        @Argument(help: "Its value (\"\" clears it).") var value: String

        func run() async throws {
            try global.workspace.updateSettings([(key, value)])
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get", abstract: "Print one setting.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The setting's name.") var key: String

        func run() async throws {
            let setting = try Config.setting(named: key)
            guard let value = try global.loadConfig().values[setting.name] else {
                throw UserError("\(key) is not set", remedy: .setSetting(key, example: "…"), exitCode: 1)
            }
            Console.out(value)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Print every setting: its value, else the default that applies (JSON: only what is set).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let config = try global.loadConfig()
            if output.json {
                try Console.json(config.values)
                return
            }
            for setting in Config.settings {
                let shown = config.values[setting.name] ?? setting.defaultText.map { "\($0) (default)" } ?? "(not set)"
                Console.out("\(setting.name) = \(shown)")
            }
        }
    }
}
