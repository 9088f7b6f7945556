import Foundation

extension BoardProvider {
    /// Lever's Postings API: `api.lever.co/v0/postings/{token}?mode=json`, the whole board in one answer.
    public static let lever = BoardProvider(LeverAPI())
}

/// Lever: careers pages at `jobs.lever.co/{token}`, the answer a bare list of postings.
struct LeverAPI: JobBoardAPI {
    let id = "lever"
    let displayName = "Lever"
    let defaultBase = "https://api.lever.co/v0/postings"
    let ownDomains = ["lever.co"]
    let listKey: String? = nil
    let listShape = "a list of postings"

    func careersPage(_ token: String) -> String { "https://jobs.lever.co/\(token)" }

    func token(recognizing address: WebAddress) -> String? {
        let path = address.path
        switch address.host {
        case "jobs.lever.co", "jobs.eu.lever.co":
            return path.first
        case "api.lever.co", "api.eu.lever.co":
            return path.count >= 3 && path[0] == "v0" && path[1] == "postings" ? path[2] : nil
        default:
            return nil
        }
    }

    /// `…/{token}?mode=json`.
    func isEndpoint(_ rest: WebAddress) -> Bool { rest.query["mode"] != nil }

    func apiURL(base: String, token: String) -> String { "\(BoardDecoder.trimmed(base))/\(token)?mode=json" }

    func posting(_ item: [String: Any]) -> BoardPosting? {
        // {"id": "uuid", "text": "…", "categories": {"location": "…"}, "hostedUrl": "…", "workplaceType": "remote"}
        guard let id = BoardDecoder.text(item["id"]), let title = BoardDecoder.text(item["text"]) else { return nil }
        let categories = item["categories"] as? [String: Any]
        let everywhere = (categories?["allLocations"] as? [Any])?.compactMap { BoardDecoder.text($0) }.joined(
            separator: "; ")
        let location = categories.flatMap { BoardDecoder.text($0["location"]) } ?? everywhere ?? ""
        let remote = BoardDecoder.text(item["workplaceType"])?.lowercased() == "remote"
        return BoardPosting(
            id: id, title: title, location: BoardDecoder.location(location, remote: remote),
            url: BoardDecoder.text(item["hostedUrl"]) ?? "")
    }
}
