/// The people you met, by company, and what became of each thank-you.
struct PeoplePage: Page {
    static let template = PageTemplate.people

    /// A company and the people met there.
    struct Company: Sendable {
        var name: String
        var people: [Person]
    }

    /// A person and their interviews.
    struct Person: Sendable {
        var id: Int64?
        var name: String
        var title: String?
        var history: [ThankYouHistory]
    }

    var companies: [Company]
    var layout = Layout()
}
