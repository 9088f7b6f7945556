import Foundation

extension BoardProvider {
    /// Greenhouse's Job Board API: `boards-api.greenhouse.io/v1/boards/{token}/jobs`, the whole board in one answer.
    public static let greenhouse = BoardProvider(GreenhouseAPI())
}

/// Greenhouse: careers pages at `boards.greenhouse.io/{token}`, postings under `"jobs"`.
struct GreenhouseAPI: JobBoardAPI {
    let id = "greenhouse"
    let displayName = "Greenhouse"
    let defaultBase = "https://boards-api.greenhouse.io/v1/boards"
    let ownDomains = ["greenhouse.io"]

    func careersPage(_ token: String) -> String { "https://boards.greenhouse.io/\(token)" }

    func token(recognizing address: WebAddress) -> String? {
        let path = address.path
        switch address.host {
        case "boards.greenhouse.io", "job-boards.greenhouse.io", "boards.eu.greenhouse.io",
            "job-boards.eu.greenhouse.io",
            "www.greenhouse.io":
            // The embedded board names its token in the query: `/embed/job_board?for=acme`.
            return path.first == "embed" || path.isEmpty ? address.query["for"] : path[0]
        case "boards-api.greenhouse.io":
            return path.count >= 3 && path[0] == "v1" && path[1] == "boards" ? path[2] : nil
        default:
            return nil
        }
    }

    /// `…/{token}/jobs`.
    func isEndpoint(_ rest: WebAddress) -> Bool { rest.path.count > 1 && rest.path[1] == "jobs" }

    func apiURL(base: String, token: String) -> String { "\(BoardDecoder.trimmed(base))/\(token)/jobs" }

    func posting(_ item: [String: Any]) -> BoardPosting? {
        // {"id": 127817, "title": "…", "location": {"name": "NYC"}, "absolute_url": "…"}
        guard let id = BoardDecoder.text(item["id"]), let title = BoardDecoder.text(item["title"]) else { return nil }
        let location = (item["location"] as? [String: Any]).flatMap { BoardDecoder.text($0["name"]) } ?? ""
        return BoardPosting(
            id: id, title: title, location: location, url: BoardDecoder.text(item["absolute_url"]) ?? "")
    }
}
