/// One interview with one person, and what became of the thank-you for it.
struct ThankYouHistory: Sendable {
    var interviewId: Int64?
    var company: String?
    var role: String
    var when: String
    var draftId: Int64?
    /// When a thank-you was sent, and how.
    var sent: String?
    var transport: String?
    /// The ledger's last state for it.
    var state: String?
}
