import AfterwordApp

/// The layout's values, the same on every page: the title, the current tab, the CSRF token and the message the last action left.
struct Layout: Sendable {
    var pageTitle = ""
    var csrf = ""
    var navToday = false
    var navInterviews = false
    var navPeople = false
    var navOpenings = false
    var navCheck = false
    var navSettings = false
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
        switch tab {
        case .today: navToday = true
        case .interviews: navInterviews = true
        case .people: navPeople = true
        case .openings: navOpenings = true
        case .check: navCheck = true
        case .settings: navSettings = true
        case nil: break
        }
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
