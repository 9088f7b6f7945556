/// New openings at companies you interviewed with, the people there who may remember you, and the boards watched.
struct OpeningsPage: Page {
    static let template = PageTemplate.openings

    /// A job board being watched, and how its last reading went.
    struct Board: Sendable {
        var id: Int64
        var company: String
        /// The provider's name as people know it ("Greenhouse").
        var provider: String
        var url: String
        var error: String?
        var checked: String?
        var open: Int
    }

    /// A board guessed from an interviewer's e-mail domain, offered with an Add button.
    struct Suggestion: Sendable {
        var company: String
        var domain: String
        var provider: String
        var url: String
    }

    /// What "Check now" found on one board.
    struct Check: Sendable {
        var company: String
        var provider: String
        /// "12 listed, 2 new, 1 closed" or "unchanged"; nil when the board could not be read.
        var found: String?
        var failure: String?
    }

    var openings: [OpeningRow]
    /// The filters as given; nil when not filtering.
    var match: String?
    /// Named apart from an opening's own `location`, which a row without one would otherwise find here.
    var locationFilter: String?
    /// Links to the neighbouring pages, and where this one stands, when there is more than one.
    var previousPage: String?
    var nextPage: String?
    var pageText: String?
    var filtered: Bool
    var boards: [Board]
    var suggestions: [Suggestion]
    /// The outcome of "Check now", on the page drawn after it.
    var checks: [Check]
    /// The board addresses the add form gives as examples.
    var examplePages: String
    var layout = Layout()
}
