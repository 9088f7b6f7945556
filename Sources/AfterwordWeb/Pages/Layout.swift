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
    /// Who is signed in, on a career centre's server: shown with a sign-out button.
    var signedIn: String?

    init() {}

    init(
        title: String, tab: Site.Tab?, csrf: String, notice: String?, warning: String?, problem: String?, fix: Fix? = nil,
        visitor: CentreAccount? = nil
    ) {
        pageTitle = title
        self.csrf = csrf
        nav = Site.Tab.allCases.map { NavItem(label: $0.label, path: $0.path, current: $0 == tab) }
        if let visitor {
            signedIn = "\(visitor.name) (\(visitor.role.rawValue))"
            nav = Self.centreNav(for: visitor.role, current: tab, title: title)
        }
        flash = notice
        self.warning = warning
        error = problem
        self.fix = problem == nil ? nil : fix
    }
}

extension Layout {
    /// A centre's navigation: a seeker's usual tabs and who has seen their data; a coach's or admin's centre pages.
    static func centreNav(for role: CentreRole, current tab: Site.Tab?, title: String) -> [NavItem] {
        switch role {
        case .seeker:
            return Site.Tab.allCases.map { NavItem(label: $0.label, path: $0.path, current: $0 == tab) }
                + [NavItem(label: "Who has seen this", path: "/seen", current: title == "Who has seen this")]
        case .coach:
            return [NavItem(label: "Cohort", path: "/centre", current: title.hasPrefix("Cohort"))]
        case .admin:
            return [
                NavItem(label: "Cohort", path: "/centre", current: title.hasPrefix("Cohort")),
                NavItem(label: "Accounts", path: "/centre/accounts", current: title == "Accounts"),
            ]
        }
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
