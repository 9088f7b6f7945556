/// New openings at companies you interviewed with, the people there who may remember you, and the boards watched.
struct OpeningsPage: Page {
    static let template = PageTemplate.openings

    /// A job board being watched, and how its last reading went.
    struct Board: Sendable {
        var company: String
        var url: String
        var error: String?
        var checked: String?
        var open: Int
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
    var layout = Layout()
}
