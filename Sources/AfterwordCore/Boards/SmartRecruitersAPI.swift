import Foundation

extension BoardProvider {
    /// SmartRecruiters' Posting API: `api.smartrecruiters.com/v1/companies/{token}/postings`, in pages of 100.
    public static let smartRecruiters = BoardProvider(SmartRecruitersAPI())
}

/// SmartRecruiters: careers pages at `jobs.smartrecruiters.com/{company}`, postings under `"content"`,
/// read a page of ``pageSize`` at a time by `offset` until `totalFound` are read.
struct SmartRecruitersAPI: JobBoardAPI {
    /// Postings asked per page: the most the API gives.
    static let pageSize = 100

    let id = "smartrecruiters"
    let displayName = "SmartRecruiters"
    let defaultBase = "https://api.smartrecruiters.com/v1/companies"
    let ownDomains = ["smartrecruiters.com"]
    let listKey: String? = "content"
    let listShape = "an object with a \"content\" list and \"totalFound\""

    func careersPage(_ token: String) -> String { "https://jobs.smartrecruiters.com/\(token)" }

    func token(recognizing address: WebAddress) -> String? {
        let path = address.path
        switch address.host {
        case "jobs.smartrecruiters.com", "careers.smartrecruiters.com":
            return path.first
        case "api.smartrecruiters.com":
            return path.count >= 3 && path[0] == "v1" && path[1] == "companies" ? path[2] : nil
        default:
            return nil
        }
    }

    /// `…/{token}/postings`.
    func isEndpoint(_ rest: WebAddress) -> Bool { rest.path.count > 1 && rest.path[1] == "postings" }

    func apiURL(base: String, token: String) -> String {
        "\(BoardDecoder.trimmed(base))/\(token)/postings?limit=\(Self.pageSize)&offset=0"
    }

    func posting(_ item: [String: Any]) -> BoardPosting? {
        // {"id": "744000…", "name": "…", "location": {"city": "Berlin", "fullLocation": "…", "remote": false},
        //  "company": {"identifier": "Acme"}}: the public page is jobs.smartrecruiters.com/{company}/{id}.
        guard let id = BoardDecoder.text(item["id"]), let title = BoardDecoder.text(item["name"]) else { return nil }
        let place = item["location"] as? [String: Any]
        let parts = place.map { place in
            ["city", "region", "country"].compactMap { BoardDecoder.text(place[$0]) }.joined(separator: ", ")
        }
        let location = place.flatMap { BoardDecoder.text($0["fullLocation"]) } ?? parts ?? ""
        let company = (item["company"] as? [String: Any]).flatMap { BoardDecoder.text($0["identifier"]) }
        let url = company.map { "https://jobs.smartrecruiters.com/\($0)/\(id)" } ?? ""
        return BoardPosting(
            id: id, title: title,
            location: BoardDecoder.location(location, remote: (place?["remote"] as? Bool) == true),
            url: url)
    }

    /// The page's postings; the next page starts where this one ended, until `totalFound` are read or a
    /// page is empty.
    func page(_ body: Data, address: String) throws(WatchError) -> BoardPage {
        let read = try BoardDecoder.read(body, api: self)
        guard let total = BoardDecoder.integer("totalFound", in: body) else {
            throw BoardDecoder.shape(BoardProvider(self))
        }
        guard var components = URLComponents(string: address) else {
            return BoardPage(postings: read.postings, next: nil)
        }
        let offset = components.queryItems?.first { $0.name == "offset" }?.value.flatMap(Int.init) ?? 0
        let end = offset + read.listed
        guard read.listed > 0, end < total else { return BoardPage(postings: read.postings, next: nil) }
        var items = (components.queryItems ?? []).filter { $0.name != "offset" }
        items.append(URLQueryItem(name: "offset", value: String(end)))
        components.queryItems = items
        return BoardPage(postings: read.postings, next: components.string)
    }
}
