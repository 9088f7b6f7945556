import AfterwordApp
import Foundation

extension JSONShape {
    /// `watch list --json`.
    struct BoardShape: Encodable {
        var id: Int64
        var company: String
        var provider: String
        var token: String
        var url: String
        var checkedAt: Date?
        var error: String?
        var open: Int

        init(_ summary: BoardSummary) {
            id = summary.board.storedID
            company = summary.board.company
            provider = summary.board.provider.id
            token = summary.board.token
            url = summary.careersPage
            checkedAt = summary.board.checkedAt
            error = summary.board.error
            open = summary.openCount
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(company, forKey: .company)
            try container.encode(provider, forKey: .provider)
            try container.encode(token, forKey: .token)
            try container.encode(url, forKey: .url)
            try container.encode(checkedAt, forKey: .checkedAt)
            try container.encode(error, forKey: .error)
            try container.encode(open, forKey: .open)
        }

        enum CodingKeys: String, CodingKey { case id, company, provider, token, url, checkedAt, error, open }
    }

    /// `watch suggest --json`.
    struct SuggestionShape: Encodable {
        var company: String
        var domain: String
        var provider: String
        var url: String

        init(_ suggestion: BoardSuggestion) {
            company = suggestion.company
            domain = suggestion.domain
            provider = suggestion.provider.id
            url = suggestion.url
        }
    }

    /// `watch check --json`.
    struct BoardCheckShape: Encodable {
        var id: Int64
        var company: String
        var status: String
        var listed: Int?
        var new: Int?
        var closed: Int?
        var error: String?

        init(_ check: BoardCheck) {
            id = check.board.storedID
            company = check.board.company
            switch check.outcome {
            case .unchanged: status = "unchanged"
            case .read(let listed, let new, let closed):
                status = "read"
                self.listed = listed
                self.new = new
                self.closed = closed
            case .failed(let message):
                status = "failed"
                error = message
            }
        }
    }

    /// `openings --json`: `{"id", "company", "title", "location", "url", "firstSeen", "closedAt", "people": […]}`.
    struct OpeningShape: Encodable {
        struct Person: Encodable {
            var id: Int64
            var name: String
            var met: Date
            /// When the thank-you was sent; null if it was not.
            var thanked: Date?

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(id, forKey: .id)
                try container.encode(name, forKey: .name)
                try container.encode(met, forKey: .met)
                try container.encode(thanked, forKey: .thanked)
            }

            enum CodingKeys: String, CodingKey { case id, name, met, thanked }
        }

        var id: Int64
        var company: String
        var title: String
        var location: String
        var url: String
        var firstSeen: Date
        var closedAt: Date?
        var people: [Person]

        init(_ remembered: RememberedOpening) {
            id = remembered.opening.storedID
            company = remembered.company
            title = remembered.opening.title
            location = remembered.opening.location
            url = remembered.opening.url
            firstSeen = remembered.opening.firstSeen
            closedAt = remembered.opening.closedAt
            people = remembered.people.map {
                Person(id: $0.interviewerId, name: $0.name, met: $0.met, thanked: $0.thanked)
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(company, forKey: .company)
            try container.encode(title, forKey: .title)
            try container.encode(location, forKey: .location)
            try container.encode(url, forKey: .url)
            try container.encode(firstSeen, forKey: .firstSeen)
            try container.encode(closedAt, forKey: .closedAt)
            try container.encode(people, forKey: .people)
        }

        enum CodingKeys: String, CodingKey { case id, company, title, location, url, firstSeen, closedAt, people }
    }
}
