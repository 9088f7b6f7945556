import Foundation

extension BoardProvider {
    /// Ashby's Job Postings API: `api.ashbyhq.com/posting-api/job-board/{token}`, the whole board in one answer.
    public static let ashby = BoardProvider(AshbyAPI())
}

/// Ashby: careers pages at `jobs.ashbyhq.com/{token}`, postings under `"jobs"`, unlisted ones left out.
struct AshbyAPI: JobBoardAPI {
    let id = "ashby"
    let displayName = "Ashby"
    let defaultBase = "https://api.ashbyhq.com/posting-api/job-board"
    let ownDomains = ["ashbyhq.com"]

    func careersPage(_ token: String) -> String { "https://jobs.ashbyhq.com/\(token)" }

    func token(recognizing address: WebAddress) -> String? {
        let path = address.path
        switch address.host {
        case "jobs.ashbyhq.com":
            return path.first
        case "api.ashbyhq.com":
            return path.count >= 3 && path[0] == "posting-api" && path[1] == "job-board" ? path[2] : nil
        default:
            return nil
        }
    }

    /// `…/{token}`, nothing after it.
    func isEndpoint(_ rest: WebAddress) -> Bool { rest.path.count == 1 && rest.query["mode"] == nil }

    func apiURL(base: String, token: String) -> String { "\(BoardDecoder.trimmed(base))/\(token)" }

    func posting(_ item: [String: Any]) -> BoardPosting? {
        // {"id": "uuid", "title": "…", "location": "…", "isRemote": true, "jobUrl": "…", "isListed": true}
        if let listed = item["isListed"] as? Bool, !listed { return nil }
        guard let title = BoardDecoder.text(item["title"]),
            let id = BoardDecoder.text(item["id"]) ?? BoardDecoder.text(item["jobUrl"])
        else { return nil }
        let postal = ((item["address"] as? [String: Any])?["postalAddress"] as? [String: Any]).map { address in
            ["addressLocality", "addressRegion", "addressCountry"].compactMap { BoardDecoder.text(address[$0]) }.joined(
                separator: ", ")
        }
        let location = BoardDecoder.text(item["location"]) ?? postal ?? ""
        return BoardPosting(
            id: id, title: title,
            location: BoardDecoder.location(location, remote: (item["isRemote"] as? Bool) == true),
            url: BoardDecoder.text(item["jobUrl"]) ?? "")
    }
}
