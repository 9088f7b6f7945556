import AfterwordApp
import ArgumentParser
import Foundation

/// `afterword config …`: your name, address and preferences.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Your name, signature and preferences (stored in config.json in the data directory).",
        discussion: "Settings: " + Config.settings.map { "\($0.name) (\($0.helpWithDefault))" }.joined(separator: "; ") + ".",
        subcommands: [Set.self, Get.self, List.self, SetPassword.self]
    )

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Set one setting.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The setting's name, e.g. name.") var key: String
        @Argument(help: "Its value (\"\" clears it).") var value: String

        func run() async throws {
            try global.workspace.updateSettings([(key, value)])
            if value.isEmpty, let setting = try? Config.setting(named: key) {
                Console.out("\(setting.name) cleared" + (setting.defaultText.map { "; the default applies: \($0)" } ?? "") + ".")
            }
            if key == "provider", !value.isEmpty, let advice = try global.workspace.providerAdvice() {
                Console.out(advice)
            }
        }
    }

    struct SetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password",
            abstract: "Store your mail password (or app password) in the system keyring.",
            discussion: """
                Reads the password from standard input (typed without being shown at a terminal), stores it in the \
                system keyring (the Secret Service through secret-tool on Linux, the Keychain on macOS) for smtp.user, \
                and sets smtp.passwordCommand to read it back, so that scheduled sends find it too. The password is \
                never written to a file.
                """)
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let password: String
            if isatty(STDIN_FILENO) != 0 {
                guard let typed = getpass("Password for the mail server (not shown): ") else {
                    throw UserError("no password was read; type it at the prompt, or pipe it in")
                }
                password = String(cString: typed)
            } else {
                let data = FileHandle.standardInput.readData(ofLength: 4_096)
                password = String(decoding: data, as: UTF8.self)
            }
            Console.out(try global.workspace.storePassword(password))
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get", abstract: "Print one setting.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The setting's name.") var key: String

        func run() async throws {
            let setting = try Config.setting(named: key)
            guard let value = try global.loadConfig().values[setting.name] else {
                throw UserError(
                    "\(key) is not set" + (setting.defaultText.map { "; the default applies: \($0)" } ?? ""), remedy: .setSetting(key, example: "…"),
                    exitCode: 1)
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
                let preset = config.values[setting.name] == nil ? config.presetValue(of: setting.name) : nil
                let shown =
                    config.values[setting.name] ?? preset.map { "\($0) (from provider \(config.provider?.id ?? ""))" }
                    ?? setting.defaultText.map { "\($0) (default)" } ?? "(not set)"
                Console.out("\(setting.name) = \(shown)")
            }
        }
    }
}
