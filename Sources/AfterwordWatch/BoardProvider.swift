/// A job-board host whose public JSON API Afterword reads.
public enum BoardProvider: String, Codable, Sendable, CaseIterable {
    case greenhouse
    case lever
    case ashby

    /// The provider's public API base, used unless the `watch.<provider>` setting names another.
    public var defaultBase: String {
        switch self {
        case .greenhouse: "https://boards-api.greenhouse.io/v1/boards"
        case .lever: "https://api.lever.co/v0/postings"
        case .ashby: "https://api.ashbyhq.com/posting-api/job-board"
        }
    }

    /// The setting that overrides ``defaultBase`` (`watch.greenhouse`, `watch.lever`, `watch.ashby`).
    public var settingKey: String { "watch.\(rawValue)" }

    /// The provider's name as people write it.
    public var displayName: String {
        switch self {
        case .greenhouse: "Greenhouse"
        case .lever: "Lever"
        case .ashby: "Ashby"
        }
    }

    /// The provider's own domains: a board's address may redirect there (over https), nowhere else.
    public var ownDomains: [String] {
        switch self {
        case .greenhouse: ["greenhouse.io"]
        case .lever: ["lever.co"]
        case .ashby: ["ashbyhq.com"]
        }
    }

    /// The careers page people open in a browser for the board `token`.
    public func careersPage(_ token: String) -> String {
        switch self {
        case .greenhouse: "https://boards.greenhouse.io/\(token)"
        case .lever: "https://jobs.lever.co/\(token)"
        case .ashby: "https://jobs.ashbyhq.com/\(token)"
        }
    }

    /// The API address of the board `token` under `base` (the documented list-of-jobs endpoint).
    public func apiURL(base: String, token: String) -> String {
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        switch self {
        case .greenhouse: return "\(trimmed)/\(token)/jobs"
        case .lever: return "\(trimmed)/\(token)?mode=json"
        case .ashby: return "\(trimmed)/\(token)"
        }
    }
}
