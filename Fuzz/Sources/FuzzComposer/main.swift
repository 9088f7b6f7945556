import AfterwordCore
import Foundation

/// Any bytes as what a user types into Afterword's composer: notes (read for topic suggestions), a topic,
/// a fit, a role and a company, split at the first four form feeds. Whatever comes in, every suggestion
/// is a topic the shape check accepts, no draft has a slot left unfilled, and making its day words
/// true twice changes nothing the first time did not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzComposer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var parts = text.split(separator: "\u{0C}", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
    while parts.count < 5 { parts.append("") }
    let (notes, typedTopic, typedFit, role, company) = (parts[0], parts[1], parts[2], parts[3], parts[4])
    let now = Date(timeIntervalSince1970: 1_796_000_000)
    let panel = [
        Interviewer(id: 1, name: "Dana Whitfield", email: "dana@acme.com", createdAt: now),
        Interviewer(id: 2, name: "Samir Haddad", address: "1 Main St\nSpringfield", createdAt: now),
    ]
    let suggestions = TopicSuggester.suggestions(notes: notes, details: notes, company: company, role: role, panel: panel)
    for suggestion in suggestions.values.joined() {
        precondition((try? Topic.read(suggestion.topic.text)) != nil, "a suggestion the shape check refuses")
    }
    guard let composer = try? Composer(templates: Templates(), sender: Sender(name: "Alex Doe")) else { return 0 }
    var people = panel
    people[0].topic = (try? Topic.read(typedTopic, others: ["Samir Haddad"]))??.text ?? suggestions[1]?.first?.topic.text
    let interview = Interview(
        id: 1, company: company.isEmpty ? "Acme" : company, role: role.isEmpty ? "Analyst" : role, startsAt: now,
        timeZone: "America/New_York", notes: notes, fit: typedFit, createdAt: now)
    for person in people {
        let sendAt = now.addingTimeInterval(Double(size % 9) * 43_200)
        guard let draft = try? composer.compose(interview, for: person, panel: people, now: now, sendAt: sendAt) else { continue }
        // A brace the user typed (a company "Commun{{{") is theirs; one from nowhere is a slot left unfilled.
        precondition(!draft.draft.body.contains("{") || text.contains("{"), "a slot left unfilled")
        let occasion = Occasion(interviewAt: now, zone: interview.zone, sendAt: sendAt)
        precondition(occasion.retimed(occasion.retimed(draft.draft.body)) == occasion.retimed(draft.draft.body), "retiming is not stable")
    }
    return 0
}
