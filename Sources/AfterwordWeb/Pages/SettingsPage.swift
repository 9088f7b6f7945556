/// The settings `afterword config` keeps, in a form, by group.
struct SettingsPage: Page {
    static let template = PageTemplate.settings

    /// A group of settings, as `Config.groups` names it.
    struct Group: Sendable {
        var name: String
        var id: String
        var fields: [Field]
    }

    /// One setting: its value, its help, its default, and the problem with what was typed.
    struct Field: Sendable {
        var key: String
        var help: String?
        var value: String
        /// The stored value when the page was made: the field counts as changed only when it differs.
        var was: String
        var `default`: String?
        var problem: String?
        var choices: [Choice]
        var hasChoices: Bool
        /// The default, said after the help when the help does not already name it.
        var defaultNote: String?
        var multiline: Bool
    }

    /// The settings file's path.
    var file: String
    var groups: [Group]
    /// What the chosen provider needs first (an app password, a token command).
    var providerAdvice: String?
    /// The login the password is kept for, when one is set.
    var login: String?
    var layout = Layout()
}
