import AfterwordApp

/// The interviewer form's fields as shown: stored values, a card's reading, or what the user typed.
struct InterviewerFields: Sendable {
    /// A problem with each field, named by the form's field names.
    struct Errors: Sendable {
        var name: String?
        var honorific: String?
        var email: String?
        var topic: String?

        init(_ fields: [String: String] = [:]) {
            topic = fields["topic"]
            name = fields["name"]
            honorific = fields["honorific"]
            email = fields["email"]
        }
    }

    var id: Int64?
    var name: String?
    var title: String?
    var email: String?
    var phone: String?
    var company: String?
    var address: String?
    var honorific: String?
    var notes: String?
    var topic: String?

    /// The fields by the form's names (`name`, `email`, `address` …), as posted or read from a card.
    init(_ fields: [String: String] = [:]) {
        name = fields["name"]
        title = fields["title"]
        email = fields["email"]
        phone = fields["phone"]
        company = fields["company"]
        address = fields["address"]
        honorific = fields["honorific"]
        notes = fields["notes"]
        topic = fields["topic"]
    }

    /// The stored person, with what the user typed over it.
    init(_ person: Interviewer, typed fields: [String: String]) {
        id = person.id
        name = fields["name"] ?? person.name
        title = fields["title"] ?? person.title
        email = fields["email"] ?? person.email
        phone = fields["phone"] ?? person.phone
        company = fields["company"] ?? person.company
        address = fields["address"] ?? person.address
        honorific = fields["honorific"] ?? person.honorific
        notes = fields["notes"] ?? person.notes
        topic = fields["topic"] ?? person.topic
    }
}
