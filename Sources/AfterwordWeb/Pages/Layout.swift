import AfterwordApp

/// The layout's values, the same on every page: the title, the current tab, the CSRF token and the message the last action left.
struct Layout: Sendable {
    var pageTitle = ""
    var csrf = ""
    /// One tab of the navigation.
    struct NavItem: Sendable {
        var label: String
        var path: String
        var current: Bool
    }

    /// The navigation, from the one list of tabs (``Site/Tab``), the page's own marked current.
    var nav: [NavItem] = Site.Tab.allCases.map { NavItem(label: $0.label, path: $0.path, current: false) }
    /// What the last action did.
    var flash: String?
    /// Done, but something needs the user's attention.
    var warning: String?
    /// What could not be done, and why.
    var error: String?
    /// What to do about it, as a link to the page where it is done.
    var fix: Fix?

    init() {}

    init(title: String, tab: Site.Tab?, csrf: String, notice: String?, warning: String?, problem: String?, fix: Fix? = nil) {
        pageTitle = title
        self.csrf = csrf
        nav = Site.Tab.allCases.map { NavItem(label: $0.label, path: $0.path, current: $0 == tab) }
        flash = notice
        self.warning = warning
        error = problem
        self.fix = problem == nil ? nil : fix
    }
}

/// A remedy as a link: what to do, and the page where it is done.
struct Fix: Codable, Sendable, Equatable {
    var text: String
    var href: String

    init(_ remedy: Remedy) {
        (text, href) = remedy.link
    }
}
