import AfterwordApp
import Foundation
import Hummingbird

/// The settings `afterword config` keeps, in a form.
struct SettingsController: Sendable {
    let site: Site

    /// GET /settings
    func show(_ request: Request, context: some RequestContext) async throws -> Response {
        try page(request, config: try site.workspace.loadConfig(), error: nil)
    }

    /// POST /settings — every field checked as `afterword config set` checks it; nothing saved unless all pass,
    /// and every field in error is marked at once.
    func update(_ request: Request, context: some RequestContext) async throws -> Response {
        let form = try await site.form(request)
        // Only what the user changed on the page is saved: a form opened before `afterword config set` ran
        // elsewhere does not undo it. Every field checked first; nothing saved unless all pass.
        let changes = Config.settings.compactMap { setting -> (name: String, value: String?)? in
            guard let value = form[setting.name] else { return nil }
            if let shown = form["was-\(setting.name)"], Self.same(shown, value) { return nil }
            return (name: setting.name, value: Optional(value))
        }
        do {
            try site.workspace.updateSettings(changes)
        } catch let error as UserError {
            var echo = try site.workspace.loadConfig()
            for (name, value) in changes { echo.values[name] = value }
            let count = error.fields.count
            let summary =
                count > 1 ? "\(count) settings need correcting; nothing was saved"
                : count == 1 ? "one setting needs correcting; nothing was saved" : error.message
            return try page(request, config: echo, shown: try site.workspace.loadConfig(), error: summary, problems: error.fields, status: .unprocessableContent)
        }
        return site.done("/settings", notice: changes.isEmpty ? "Nothing was changed." : "Settings saved.")
    }

    /// True when two values of a field are the same, line ends and edge spaces aside.
    static func same(_ a: String, _ b: String) -> Bool {
        func plain(_ text: String) -> String {
            text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return plain(a) == plain(b)
    }

    /// POST /settings/test — a message from the user to themselves, sent the way thank-yous leave.
    func testMail(_ request: Request, context: some RequestContext) async throws -> Response {
        _ = try await site.form(request)
        do {
            let outcome = try await site.workspace.sendTestMail()
            if case .accepted = outcome {
                return site.done("/settings", notice: "A test message was sent to you: \(Workspace.describe(outcome)). Look for it in your inbox.")
            }
            return site.done("/settings", problem: "the test message did not go: \(Workspace.describe(outcome)); correct the Sending settings and try again")
        } catch let error as UserError {
            return site.done("/settings", refused: error)
        }
    }

    /// POST /settings/password — the mail password kept in the system keyring, never in a file; the page
    /// never shows it back.
    func password(_ request: Request, context: some RequestContext) async throws -> Response {
        let form = try await site.form(request)
        do {
            let said = try site.workspace.storePassword(form["password"] ?? "")
            return site.done("/settings", notice: said)
        } catch let error as UserError {
            return site.done("/settings", refused: error)
        }
    }

    /// - Parameter shown: the stored settings the form starts from (each field remembers its value, so that
    ///   only what the user changes is saved); `config` when nil.
    private func page(
        _ request: Request, config: Config, shown: Config? = nil, error: String?, problems: [String: String] = [:],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let groups = Config.Group.allCases.map { group in
            SettingsPage.Group(
                name: group.rawValue, id: group.rawValue.lowercased().replacingOccurrences(of: " ", with: "-"),
                fields: Config.settings.filter { $0.group == group }.map { setting in
                    let key = setting.name
                    let value = config.values[key] ?? ""
                    // A value the provider's preset gives stands where the default would.
                    let fallback = config.presetValue(of: key).map { "\($0), from your provider" } ?? setting.defaultText
                    return SettingsPage.Field(
                        key: key, help: setting.help, value: value, was: (shown ?? config).values[key] ?? "", default: fallback,
                        problem: problems[key],
                        choices: (setting.choices ?? []).map { Choice($0, selected: $0 == value) },
                        hasChoices: setting.choices != nil, defaultNote: fallback,
                        multiline: key == "address" || key == "signature")
                })
        }
        return try site.page(
            SettingsPage(
                file: Config.file(in: site.workspace.home).path, groups: groups, providerAdvice: try site.workspace.providerAdvice(),
                login: config.text(of: "smtp.user")),
            title: "Settings", tab: .settings,
            request: request, error: error, status: status)
    }
}
