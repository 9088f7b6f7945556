import Foundation

/// Everything Afterword knows of one job-board provider whose public JSON API it reads, in one file.
///
/// A new provider is one conformer and one line in ``BoardProvider/all``: its settings key, the
/// messages naming the supported boards, the command line and the web all come from that list.
public protocol JobBoardAPI: Sendable {
    /// The provider's stored name (`greenhouse`): the `watchedBoard.provider` column and the `watch.<id>` setting.
    var id: String { get }
    /// The provider's name as people write it (`Greenhouse`).
    var displayName: String { get }
    /// The public API base, used unless the `watch.<id>` setting names another.
    var defaultBase: String { get }
    /// The provider's own domains: a board's address may redirect there (over https), nowhere else.
    var ownDomains: [String] { get }
    /// The careers page people open in a browser for the board `token`.
    func careersPage(_ token: String) -> String
    /// The board's token when `address` is one of the provider's public careers pages or API addresses.
    func token(recognizing address: WebAddress) -> String?
    /// True when `rest` (the path under a configured base, the token first, with the query) has the
    /// shape of this provider's endpoint: how providers sharing one base are told apart.
    func isEndpoint(_ rest: WebAddress) -> Bool
    /// The address of the board's first page (the documented list-of-postings endpoint) under `base`.
    func apiURL(base: String, token: String) -> String
    /// The top-level key of the list of postings in an answer; nil when the answer is the list itself.
    var listKey: String? { get }
    /// The answer's shape in words, for the message when a board answers another shape.
    var listShape: String { get }
    /// One element of the answer's list as a posting; nil to leave it out (unlisted, no id or title).
    func posting(_ item: [String: Any]) -> BoardPosting?
    /// The postings in one answer (the page read at `address`) and where the next page is.
    /// - Throws: ``WatchError`` for HTML, malformed JSON, or JSON of another shape.
    func page(_ body: Data, address: String) throws(WatchError) -> BoardPage
}

extension JobBoardAPI {
    public var listKey: String? { "jobs" }
    public var listShape: String { "an object with a \"\(listKey ?? "")\" list" }

    /// One answer holds the whole board: no next page.
    public func page(_ body: Data, address: String) throws(WatchError) -> BoardPage {
        BoardPage(postings: try BoardDecoder.read(body, api: self).postings, next: nil)
    }
}

/// One answer of a board: its postings, and the address of the page after it when there is one.
public struct BoardPage: Sendable, Equatable {
    public var postings: [BoardPosting]
    /// The next page's address; nil when this page is the last.
    public var next: String?

    public init(postings: [BoardPosting], next: String?) {
        self.postings = postings
        self.next = next
    }
}

/// A web address taken apart as the providers recognise it: lower-cased host, path segments, query.
public struct WebAddress: Sendable, Equatable {
    public var host: String
    public var path: [String]
    /// Each query item's first value, by name.
    public var query: [String: String]

    public init(host: String, path: [String], query: [String: String] = [:]) {
        self.host = host
        self.path = path
        self.query = query
    }
}
