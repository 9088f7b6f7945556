/// A page of the web UI: its values as a typed view model, and the template that draws them inside the layout.
///
/// swift-mustache reads a struct's stored properties by name (through `Mirror`), so a template's
/// `{{company}}` is the property `company`, a `nil` optional is absent, and `false` hides a section.
/// A name a row lacks (or holds as `nil`) is looked up in the rows around it and then in the page, so a row's
/// optional should not share a name with a value of the page; the layout's values live under `layout.` for that reason.
protocol Page: Sendable {
    /// The template that draws this page.
    static var template: PageTemplate { get }
    /// What the layout around every page shows; filled in by ``Site`` when the page is drawn.
    var layout: Layout { get set }
}

/// The templates that draw a whole page; each inherits `layout.mustache`.
enum PageTemplate: String, CaseIterable, Sendable {
    case today, interviews, interview, interviewer, draft, people, settings, problem, check, openings, move
    case signin, cohort, seeker, review, accounts, seen
}
