/// One opening as the Openings and Today pages show it.
struct OpeningRow: Sendable {
    /// Someone met at the company, and whether a reconnect note can be written to them.
    struct Person: Sendable {
        var id: Int64
        var name: String
        var met: String
        var role: String
        var thanked: String?
        var markedMet: Bool
        var draftId: Int64?
        /// Why no reconnect note can be written yet.
        var refusal: String?
        var canReconnect: Bool
        /// Only a word that they were met (and thanked another way) stands between the user and a reconnect note.
        var needsMet: Bool
        var openingId: Int64?
    }

    var id: Int64?
    var company: String
    var title: String
    var location: String?
    var url: String?
    var firstSeen: String
    var closed: String?
    var people: [Person]
    /// Each person once, in a line: "Dana Reyes, thanked on 3 Dec; Sam Lee, met 1 Dec".
    var peopleLine: String
}
